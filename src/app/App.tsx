import { HashRouter } from 'react-router';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppRoutes } from './routes';
import { theme } from './theme';

export function App() {
  return (
    // The theme's CSS variables are a static <style> in index.html (scripts/theme-css.ts, inlined by
    // vite.config.ts): generating them here cost the first screen its longest task.
    <ThemeProvider theme={theme} defaultMode="system" disableStyleSheetGeneration>
      <CssBaseline enableColorScheme />
      <HashRouter>
        <AppRoutes />
      </HashRouter>
    </ThemeProvider>
  );
}
