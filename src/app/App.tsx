import { useEffect, type ReactNode } from 'react';
import { HashRouter } from 'react-router';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppRoutes } from './routes';
import { getAppTheme } from './theme';

/**
 * Theme and baseline styles around the routes. `hydrating`: the page was pre-rendered at build time
 * (scripts/prerender.tsx), so the first render must match that markup, which knows no stored colour mode;
 * MUI then reads the mode after hydration. A page rendered from scratch reads it at once (no second render).
 */
export function AppProviders({ children, hydrating = false }: { children: ReactNode; hydrating?: boolean }) {
  return (
    // The theme's CSS variables are a static <style> in index.html (scripts/theme-css.ts, inlined by
    // vite.config.ts): generating them here cost the first screen its longest task.
    <ThemeProvider theme={getAppTheme()} defaultMode="system" disableStyleSheetGeneration noSsr={!hydrating}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}

/** `onHydrated`: called once, after the first render has been committed (boot.tsx). */
export function App({ hydrating = false, onHydrated }: { hydrating?: boolean; onHydrated?: () => void }) {
  useEffect(() => onHydrated?.(), [onHydrated]);
  return (
    <AppProviders hydrating={hydrating}>
      <HashRouter>
        <AppRoutes />
      </HashRouter>
    </AppProviders>
  );
}
