// The one Content-Security-Policy of the built app. Only the page's own origin may provide scripts,
// connections, images, fonts and workers; MUI (emotion) injects <style> elements, hence 'unsafe-inline'
// for styles only. `data:` images cover MUI's inline SVG data URLs. Nothing else, ever.
//
// One inline script is allowed by its hash: the script that must run before the first paint (colour
// scheme; hide the pre-rendered start page on other addresses), public/first-paint.js, inlined into
// index.html at build time. As a separate file it held up the first paint by a round trip on slow networks. Any other inline script, including an injected one, is
// refused; the hash changes only when that file changes (docs/hosting repeats the policy; a test keeps
// them equal).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The exact text placed between <script> and </script> in the built index.html. */
export const FIRST_PAINT_SCRIPT = readFileSync(
  new URL('../public/first-paint.js', import.meta.url),
  'utf8',
).trim();

export const FIRST_PAINT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FIRST_PAINT_SCRIPT, 'utf8').digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${FIRST_PAINT_SCRIPT_HASH}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
