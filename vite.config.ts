/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { FIRST_PAINT_SCRIPT, CONTENT_SECURITY_POLICY } from './scripts/csp.mjs';
import { themeVariablesCss } from './scripts/theme-css';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const FIRST_PAINT_TAG = '<script src="./first-paint.js"></script>';

/**
 * The CSP goes into the built HTML only: Vite's dev server injects inline scripts (HMR) that a strict
 * policy would block. The production page allows nothing but its own origin and the first-paint script,
 * inlined here so the first paint does not wait for a request (its hash is in the policy, scripts/csp.mjs).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // 'pre': before Vite's own HTML processing, which would otherwise warn about the classic script tag.
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(FIRST_PAINT_TAG)) throw new Error(`index.html must contain ${FIRST_PAINT_TAG}`);
        return html
          .replace(
            '<meta charset="UTF-8" />',
            `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
          )
          .replace(FIRST_PAINT_TAG, () => `<script>${FIRST_PAINT_SCRIPT}</script>`);
      },
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

/**
 * The start page as HTML in dist/index.html (src/prerender.tsx, run in Node through a short-lived Vite
 * server): on a slow phone the page is readable before the scripts arrive, and src/main.tsx hydrates it.
 */
function prerenderFirstScreen(): Plugin {
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    async transformIndexHtml(html) {
      const server = await createServer({
        configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
        server: { middlewareMode: true, hmr: false, ws: false },
        appType: 'custom',
        logLevel: 'error',
      });
      try {
        const { prerenderStartPage } = (await server.ssrLoadModule('/src/prerender.tsx')) as {
          prerenderStartPage: () => { html: string; styleTags: string };
        };
        const page = prerenderStartPage();
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error(`index.html must contain ${root}`);
        // On other addresses public/first-paint.js sets .not-start-page: the markup stays hidden until the
        // app has replaced it with the page asked for.
        const hide = '<style>html.not-start-page #root[data-prerendered]{display:none}</style>';
        return html
          .replace('</head>', () => `  ${hide}\n    ${page.styleTags}\n  </head>`)
          .replace(root, () => `<div id="root" data-prerendered="start-page">${page.html}</div>`);
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * Writes the files of src/boot.tsx's chunk and its static imports into src/main.tsx's placeholder
 * "__BOOT_FILES__" (comma-separated, relative to main's chunk), so that main.tsx can preload them when it
 * starts the app at once (an address other than the start page) instead of fetching them level by level.
 */
function bootFiles(): Plugin {
  const PLACEHOLDER = '__BOOT_FILES__';
  return {
    name: 'boot-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'));
      const main = chunks.find((c) => c.isEntry && c.code.includes(PLACEHOLDER));
      if (!boot || !main) throw new Error('boot-files: no chunk for src/boot.tsx or src/main.tsx');
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(boot.fileName);
      const list = [...files].map((f) => f.replace(/^assets\//, '')).join(',');
      if (/[^\w.,-]/.test(list)) throw new Error(`boot-files: unexpected file name in ${list}`);
      main.code = main.code.replace(PLACEHOLDER, list);
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of a plain static server.
  base: './',
  plugins: [react(), themeVariables(), prerenderFirstScreen(), bootFiles(), contentSecurityPolicy()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    // No preload helper around dynamic imports: on the start page it cost ~25 ms of script right after the
    // first paint. src/main.tsx preloads the app's files itself where that pays (see bootFiles()).
    modulePreload: false,
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
