import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { isStartPageAddress } from '@/app/startPage';
import { getAppTheme } from '@/app/theme';

/**
 * Draws the app into #root: hydrates the pre-rendered start page (src/prerender.tsx) when the address is
 * still the start page's, or renders the page asked for in place of that markup. `earlyClicks`: buttons of
 * the pre-rendered page clicked before the app's code arrived, clicked again once they work; `takeOver` is
 * called when React starts listening to the page itself.
 */
export function boot(root: HTMLElement, earlyClicks: HTMLElement[] = [], takeOver = () => {}) {
  // Module evaluation has just taken one task; the theme (~20 ms) gets a task of its own and rendering
  // starts in the next, so that no single task blocks input for long on a slow machine.
  setTimeout(() => {
    getAppTheme();
    setTimeout(() => render(root, earlyClicks, takeOver), 0);
  }, 0);
}

function render(root: HTMLElement, earlyClicks: HTMLElement[], takeOver: () => void) {
  const hydrating = root.hasAttribute('data-prerendered') && isStartPageAddress(window.location);
  if (!hydrating) {
    root.replaceChildren();
    root.removeAttribute('data-prerendered');
  }
  document.documentElement.classList.remove('not-start-page');
  const onHydrated = () => {
    // A link followed while React was hydrating changed the address before the router listened to it.
    if (!isStartPageAddress(window.location)) window.dispatchEvent(new PopStateEvent('popstate'));
    for (const button of earlyClicks) if (button.isConnected) button.click();
  };
  const app = (
    <StrictMode>
      <App hydrating={hydrating} onHydrated={hydrating ? onHydrated : undefined} />
    </StrictMode>
  );
  // A transition lets React work in slices of a few milliseconds, yielding to the browser between them,
  // instead of one long task that blocks input on a slow laptop.
  takeOver();
  startTransition(() => {
    if (hydrating) {
      hydrateRoot(root, app, {
        // A mismatch is repaired by React (it renders the page afresh); say so in the console for tests.
        onRecoverableError: (error) => console.error('Hydration of the start page failed:', error),
      });
    } else {
      createRoot(root).render(app);
    }
  });
}
