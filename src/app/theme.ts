import { createTheme } from '@mui/material/styles';

// The theme uses CSS variables: this tells MUI's types so (theme.vars, generateStyleSheets and the
// provider's disableStyleSheetGeneration prop).
declare module '@mui/material/styles' {
  interface CssThemeVariables {
    enabled: true;
  }
}

/**
 * One theme with a light and a dark scheme. CSS variables + the `class` selector let
 * public/first-paint.js pick the scheme before React mounts (no flash), and MUI keeps the
 * user's choice in localStorage ('mui-mode'). Colours were chosen for WCAG AA contrast in both schemes.
 */
export const createAppTheme = () =>
  createTheme({
    cssVariables: { colorSchemeSelector: 'class' },
    colorSchemes: {
      light: {
        palette: {
          primary: { main: '#0b5cad' },
          secondary: { main: '#6a3d9a' },
          // Darker than MUI's defaults so that outlined chips and text in these colours reach 4.5:1 on white.
          success: { main: '#1e6b24' },
          warning: { main: '#8f4a00' },
          info: { main: '#01579b' },
          error: { main: '#b3261e' },
          background: { default: '#f6f8fb', paper: '#ffffff' },
        },
      },
      dark: {
        palette: {
          primary: { main: '#8cc4ff' },
          secondary: { main: '#d1b3f5' },
          success: { main: '#81c784' },
          warning: { main: '#ffb74d' },
          info: { main: '#81d4fa' },
          error: { main: '#f28b82' },
          background: { default: '#0f1419', paper: '#171e26' },
        },
      },
    },
    shape: { borderRadius: 8 },
    typography: {
      // System fonts only: no web font is ever fetched from another origin.
      fontFamily:
        'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
      h1: { fontSize: '2rem', fontWeight: 650, lineHeight: 1.25 },
      h2: { fontSize: '1.4rem', fontWeight: 650, lineHeight: 1.3 },
      h3: { fontSize: '1.15rem', fontWeight: 650 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiButtonBase: {
        defaultProps: { disableRipple: false },
        // MUI's buttons, links styled as buttons, cards, radios and checkboxes remove the browser's focus ring
        // and show only a faint ripple; keyboard users need a clear one (WCAG 2.4.7).
        styleOverrides: {
          root: {
            '&.Mui-focusVisible': {
              outline: '2px solid var(--mui-palette-primary-main)',
              outlineOffset: 2,
            },
          },
        },
      },
      MuiLink: { defaultProps: { underline: 'always' } },
    },
  });

let appTheme: ReturnType<typeof createAppTheme> | undefined;

/**
 * The app's theme, created on first use. Creating it costs ~20 ms on a fast machine; done at import time it
 * lengthened the one task in which the browser evaluates all of the app's modules, the longest of the load.
 */
export function getAppTheme() {
  appTheme ??= createAppTheme();
  return appTheme;
}
