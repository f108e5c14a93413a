// The entry script, kept tiny. index.html already shows the start page (pre-rendered at build time), so
// the app (boot.tsx and its ~140 KB of scripts) is fetched and run only once the browser has painted it:
// on a slow phone the page is readable first, and its links work as plain links until the app takes over.
/** The app's files (boot.tsx's chunk and its imports), written in by the build (vite.config.ts). */
const BOOT_FILES = '__BOOT_FILES__';

function preloadBootFiles() {
  if (BOOT_FILES.startsWith('__')) return; // the dev server: no chunks
  for (const file of BOOT_FILES.split(',')) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(file, import.meta.url).href;
    document.head.append(link);
  }
}

const root = document.getElementById('root');
if (root) {
  const prerendered =
    root.hasAttribute('data-prerendered') && !document.documentElement.classList.contains('not-start-page');

  // Until the app takes over, the start page's buttons have no handlers yet: keep their clicks for the
  // app to replay, and make the skip link do what it will do then (move focus to the main content).
  const earlyClicks: HTMLElement[] = [];
  const onEarlyClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('a[href="#main-content"]')) {
      event.preventDefault();
      document.getElementById('main-content')?.focus();
      return;
    }
    const button = target?.closest('button');
    if (button) earlyClicks.push(button);
  };
  if (prerendered) root.addEventListener('click', onEarlyClick, true);

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./boot').then(({ boot }) =>
      boot(root, earlyClicks, () => root.removeEventListener('click', onEarlyClick, true)),
    );
  };
  if (prerendered) {
    // After the next frame is painted; the timer covers a tab opened in the background (no frames there).
    requestAnimationFrame(() => setTimeout(start, 0));
    setTimeout(start, 250);
  } else {
    // Another page (first-paint.js hid the start page): nothing to paint first. Fetch all of the app's
    // files at once (not level by level as imports are discovered), then start.
    preloadBootFiles();
    start();
  }
}
