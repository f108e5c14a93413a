// Runs before the first paint: the build inlines this text into index.html and allows it by its hash in
// the Content-Security-Policy (scripts/csp.mjs); the dev server loads it as a file.
(function () {
  var root = document.documentElement;
  // The stored colour scheme (or the system's), as MUI's InitColorSchemeScript would set it.
  try {
    var mode = localStorage.getItem('mui-mode') || 'system';
    var dark =
      mode === 'dark' || (mode === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    root.classList.remove('light', 'dark');
    root.classList.add(dark ? 'dark' : 'light');
  } catch (e) {
    /* storage unavailable: the app falls back to the system scheme */
  }
  // index.html holds the pre-rendered start page. For any other address (or an embedded view) hide it
  // until the app has drawn the right page, instead of flashing the start page first. Same test as
  // isStartPageAddress() in src/app/startPage.ts.
  var hash = location.hash;
  var start = (hash === '' || hash === '#' || hash === '#/') && !/[?&]embed=/.test(location.search);
  if (!start) root.classList.add('not-start-page');
})();
