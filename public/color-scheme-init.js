// Applies the stored colour scheme (or the system's) before the app renders. Mirrors MUI's
// InitColorSchemeScript. The build inlines this text into index.html and allows it by its hash in the
// Content-Security-Policy (scripts/csp.mjs); the dev server loads it as a file.
(function () {
  try {
    var mode = localStorage.getItem('mui-mode') || 'system';
    var dark =
      mode === 'dark' || (mode === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    var root = document.documentElement;
    root.classList.remove('light', 'dark');
    root.classList.add(dark ? 'dark' : 'light');
  } catch (e) {
    /* storage unavailable: the app falls back to the system scheme */
  }
})();
