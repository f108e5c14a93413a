import { useEffect, useSyncExternalStore, type RefObject } from 'react';
import { EMBED_PARAM, readEmbedValue } from './urlScheme';

/**
 * Embed mode: the view for an iframe on a KB page (no site header and footer, compact, an "Open in full
 * app" link). It is asked for with `embed=1` before the `#` (canonical) or in the route's query, and then
 * holds for the life of the document, so every navigation inside the frame stays embedded.
 *
 * While embedded in a frame, the page posts its height to the parent whenever it changes:
 *   window.parent.postMessage({ type: 'tls10054:height', height: <CSS pixels> }, '*')
 * The message carries nothing but the height, so any parent origin may receive it; the host snippet
 * (snippets.ts, docs/hosting/embed-resize.js) sets the height of the iframe the message came from.
 */
export const HEIGHT_MESSAGE_TYPE = 'tls10054:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE_TYPE;
  height: number;
}

/** Is embed mode asked for in this address (`?embed=1#/…` or `#/…?embed=1`)? */
export function embedRequested(search: string, hash: string): boolean {
  if (readEmbedValue(new URLSearchParams(search).get(EMBED_PARAM)) === true) return true;
  const q = hash.indexOf('?');
  return q >= 0 && readEmbedValue(new URLSearchParams(hash.slice(q + 1)).get(EMBED_PARAM)) === true;
}

/** The same address without embed mode: for "Open in full app". */
export function withoutEmbed(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  url.searchParams.delete(EMBED_PARAM);
  const hash = url.hash;
  const q = hash.indexOf('?');
  if (q >= 0) {
    const params = new URLSearchParams(hash.slice(q + 1));
    params.delete(EMBED_PARAM);
    const rest = params.toString();
    url.hash = hash.slice(0, q) + (rest ? `?${rest}` : '');
  }
  return url.href;
}

let embedded = typeof window !== 'undefined' && embedRequested(window.location.search, window.location.hash);
const listeners = new Set<() => void>();

export function setEmbedded(value: boolean) {
  if (embedded === value) return;
  embedded = value;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

// The start page pre-rendered at build time (src/prerender.tsx) is the full, non-embedded layout; an
// embedded page is never hydrated from it (src/main.tsx), so the server snapshot is simply false.
export const useEmbedded = () =>
  useSyncExternalStore(
    subscribe,
    () => embedded,
    () => false,
  );

/**
 * Moves `embed` from the route's query to its canonical place before the `#`, without reloading, so it
 * survives a reload of the frame too. Call before navigating to the canonical route.
 */
export function moveEmbedBeforeHash(on: boolean) {
  setEmbedded(on);
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(EMBED_PARAM, '1');
  else url.searchParams.delete(EMBED_PARAM);
  window.history.replaceState(window.history.state, '', url.href);
}

/** Posts the height of `ref`'s element to the parent frame while embedded (see HEIGHT_MESSAGE_TYPE). */
export function useEmbedHeight(ref: RefObject<HTMLElement | null>, active: boolean) {
  useEffect(() => {
    const element = ref.current;
    if (!active || !element || window.parent === window || typeof ResizeObserver === 'undefined') return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: HeightMessage = { type: HEIGHT_MESSAGE_TYPE, height };
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(post);
    observer.observe(element);
    // Browsers pause rendering (and so ResizeObserver) in a frame scrolled out of view; content changes
    // still arrive as mutations, so the height is also measured after them, and the frame already has its
    // right height when the visitor scrolls to it.
    let timer = 0;
    const mutations = new MutationObserver(() => {
      if (timer === 0) timer = window.setTimeout(() => ((timer = 0), post()), 50);
    });
    mutations.observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
    post();
    return () => {
      observer.disconnect();
      mutations.disconnect();
      window.clearTimeout(timer);
    };
  }, [ref, active]);
}
