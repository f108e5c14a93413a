/**
 * Polite screen-reader announcements ("Copied", "Progress restored") through one live region that exists,
 * empty, from page load (rendered by the app layout as #app-announcer). Clearing first and writing on the
 * next frame makes repeated identical messages announce again.
 */
export const ANNOUNCER_ID = 'app-announcer';

export function announce(message: string) {
  const region = typeof document === 'undefined' ? null : document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 60);
}
