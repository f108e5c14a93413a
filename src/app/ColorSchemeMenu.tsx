import { lazy, Suspense, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';
import { COLOR_SCHEME_MODES } from './colorSchemeModes';

// The menu (MUI Menu + Popover + Modal) is only needed once someone opens it: keep it off the first screen.
const ColorSchemeMenuPopup = lazy(() => import('./ColorSchemeMenuPopup'));

/** Light / dark / follow-the-system. MUI stores the choice in localStorage, so it survives a reload. */
export function ColorSchemeMenu() {
  const { mode } = useColorScheme();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = COLOR_SCHEME_MODES.find((m) => m.mode === (mode ?? 'system')) ?? COLOR_SCHEME_MODES[0];
  const label = `Colour theme: ${current.label}`;
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'color-scheme-menu' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <current.Icon />
      </IconButton>
      {anchor && (
        <Suspense fallback={null}>
          <ColorSchemeMenuPopup anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      )}
    </>
  );
}
