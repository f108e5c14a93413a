import { useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { visuallyHidden } from '@/components/visuallyHidden';
import { appBase, appUrl } from './urlScheme';

/** The one line of chrome in embed mode: the app's name and "Open in full app" (same page, new tab). */
export function EmbedBar() {
  const { pathname, search } = useLocation();
  const fullApp = appUrl(appBase(window.location), pathname + search, false);
  return (
    <Box
      className="no-print"
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        flexWrap: 'wrap',
        gap: 1,
        // The same side gutters as the page below (MUI Container).
        px: { xs: 2, sm: 3 },
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
        SQL Server 10054 troubleshooter
      </Typography>
      <Link
        href={fullApp}
        target="_blank"
        rel="noopener"
        variant="body2"
        data-testid="open-full-app"
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, minHeight: 24 }}
      >
        Open in full app
        <OpenInNew fontSize="inherit" aria-hidden />
        <Box component="span" sx={visuallyHidden}>
          (opens in a new tab)
        </Box>
      </Link>
    </Box>
  );
}
