// Host side of the embedded SQL Server 10054 troubleshooter: sizes each <iframe data-tls10054> to the
// height its page posts ({ type: 'tls10054:height', height }). Serve it from the KB site and include it
// once per page with <script src=".../embed-resize.js"></script> (for KB pages whose CSP forbids inline
// scripts); the link builder's iframe snippet inlines the same code.
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
