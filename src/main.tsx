import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';

const root = document.getElementById('root');
if (root) {
  // A transition lets React render the first screen in slices of a few milliseconds, yielding to the
  // browser between them, instead of one long task that blocks input on a slow laptop.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
