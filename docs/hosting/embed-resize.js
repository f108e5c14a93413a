// Host side of the embedded SQL Server 10054 troubleshooter: sizes each iframe marked data-tls10054 to the
// height its page posts ({ type: 'tls10054:height', height }). For KB pages whose Content-Security-Policy
// forbids inline scripts: serve this file from the KB site and load it once per page with a script
// element whose src points at it. The link builder's iframe snippet inlines the same code.
(function () {
  if (window.tls10054Resize) return;
  window.tls10054Resize = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'tls10054:height' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-tls10054]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(Math.ceil(data.height), 100), 20000) + 'px';
      }
    }
  });
})();
