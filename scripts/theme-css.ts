import { serializeStyles } from '@emotion/serialize';
import { getAppTheme } from '../src/app/theme';

/**
 * The theme's CSS variables (both colour schemes) as one static stylesheet, built once by Node.
 *
 * MUI would otherwise build this ~22 KB sheet in the browser on every page load and run it through emotion's
 * CSS parser during React's commit, one unsliced task that was the largest single cost of the first screen
 * (about 150 ms on this machine, 4x that on Lighthouse's slow phone). vite.config.ts inlines it into
 * index.html and src/app/App.tsx turns MUI's own generation off. Serialised by emotion, as at run time.
 */
export function themeVariablesCss(): string {
  const sheets = getAppTheme().generateStyleSheets();
  return serializeStyles(sheets as Parameters<typeof serializeStyles>[0]).styles;
}
