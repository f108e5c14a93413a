/**
 * Build-time rendering of the start page (vite.config.ts, plugin "prerender-first-screen", loads this module
 * in Node). The HTML and the emotion styles it needs go into dist/index.html, so the start page is on
 * screen before any script has run; src/main.tsx then hydrates it. Other addresses hide this markup and
 * render from scratch (see public/first-paint.js and main.tsx).
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createPath, Router, type Navigator } from 'react-router';
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import createEmotionServer from '@emotion/server/create-instance';
import { AppProviders } from '@/app/App';
import { AppRoutes } from '@/app/routes';

// Links rendered here must carry the hash router's addresses ("#/paste"), exactly as in the browser.
const hashNavigator: Navigator = {
  createHref: (to) => `#${typeof to === 'string' ? to : createPath(to)}`,
  go: () => undefined,
  push: () => undefined,
  replace: () => undefined,
};

export function prerenderStartPage(): { html: string; styleTags: string } {
  // Key "css" is the key of emotion's default cache in the browser, which adopts these style elements.
  const cache = createCache({ key: 'css' });
  const { extractCriticalToChunks, constructStyleTagsFromChunks } = createEmotionServer(cache);
  // The same element tree as src/boot.tsx builds around <App hydrating /> (a static router in place of the
  // hash router, which needs a window), so React's generated ids and the markup match when hydrating.
  const html = renderToString(
    <StrictMode>
      <CacheProvider value={cache}>
        <AppProviders hydrating>
          <Router location="/" navigator={hashNavigator}>
            <AppRoutes />
          </Router>
        </AppProviders>
      </CacheProvider>
    </StrictMode>,
  );
  return { html, styleTags: constructStyleTagsFromChunks(extractCriticalToChunks(html)) };
}
