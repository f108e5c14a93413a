import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../scripts/csp.mjs';

const read = (name: string) =>
  readFileSync(new URL(`../../../docs/hosting/${name}`, import.meta.url), 'utf8');

describe('hosting examples (docs/hosting)', () => {
  it.each(['web.config', 'nginx.conf'])(
    '%s sends the app’s own policy plus frame-ancestors, and no X-Frame-Options',
    (name) => {
      const config = read(name);
      // The header must not loosen the <meta> policy the build writes (scripts/csp.mjs): the same
      // directives, then frame-ancestors, which only a header can carry.
      expect(config).toContain(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'self' https://kb.example.com`);
      expect(config).not.toMatch(/add(_header|\s+name=")\s*"?X-Frame-Options/i);
      // Hash routes need no rewrite or SPA fallback (comments may say so; no directive may do it).
      expect(config).not.toMatch(/<rewrite>|^\s*(rewrite|try_files)\s/m);
    },
  );

  it('web.config serves scripts, module scripts and WebAssembly with their MIME types', () => {
    const config = read('web.config');
    for (const [ext, type] of [
      ['.js', 'text/javascript'],
      ['.mjs', 'text/javascript'],
      ['.wasm', 'application/wasm'],
    ]) {
      expect(config).toMatch(new RegExp(`<mimeMap fileExtension="\\${ext}" mimeType="${type}[^"]*" />`));
    }
  });
});
