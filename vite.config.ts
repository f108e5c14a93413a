/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { COLOR_SCHEME_SCRIPT, CONTENT_SECURITY_POLICY } from './scripts/csp.mjs';
import { themeVariablesCss } from './scripts/theme-css';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const COLOR_SCHEME_TAG = '<script src="./color-scheme-init.js"></script>';

/**
 * The CSP goes into the built HTML only: Vite's dev server injects inline scripts (HMR) that a strict
 * policy would block. The production page allows nothing but its own origin and the colour-scheme script,
 * inlined here so the first paint does not wait for a request (its hash is in the policy, scripts/csp.mjs).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(COLOR_SCHEME_TAG)) throw new Error(`index.html must contain ${COLOR_SCHEME_TAG}`);
      return html
        .replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        )
        .replace(COLOR_SCHEME_TAG, () => `<script>${COLOR_SCHEME_SCRIPT}</script>`);
    },
  };
}

/**
 * The theme's CSS variables as a static <style> in the head (dev and build): MUI's ThemeProvider is told not
 * to generate them at run time (src/app/App.tsx), which was the largest task of the first screen.
 */
function themeVariables(): Plugin {
  return {
    name: 'theme-variables',
    transformIndexHtml(html) {
      const css = themeVariablesCss();
      if (css.includes('</')) throw new Error('theme CSS must not contain "</"');
      return html.replace('</title>', () => `</title>\n    <style id="theme-variables">${css}</style>`);
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of a plain static server.
  base: './',
  plugins: [react(), themeVariables(), contentSecurityPolicy()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
