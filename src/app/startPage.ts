/**
 * True when the address shows the start page exactly as it was pre-rendered into index.html (no route, no
 * parameters, not embedded): only then can the app hydrate that markup. public/first-paint.js makes the
 * same test before the first paint to hide the markup on other addresses.
 */
export function isStartPageAddress(location: { hash: string; search: string }): boolean {
  const { hash, search } = location;
  return (hash === '' || hash === '#' || hash === '#/') && !/[?&]embed=/.test(search);
}
