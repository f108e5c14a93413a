import { Suspense, useRef } from 'react';
import { Outlet } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { ANNOUNCER_ID } from '@/components/announce';
import { RouterLink } from '@/components/RouterLink';
import { visuallyHidden } from '@/components/visuallyHidden';
import { paths } from '@/config/paths';
import { EmbedBar } from '@/features/links/EmbedBar';
import { useEmbedded, useEmbedHeight } from '@/features/links/embed';
import { LinkGate } from '@/features/links/LinkGate';
import { LinkNotices } from '@/features/links/LinkNotices';
import { ColorSchemeMenu } from './ColorSchemeMenu';

const NAV = [
  { to: paths.wizard.href(), label: 'Guided wizard' },
  { to: paths.paste.href(), label: 'Paste & analyze' },
  { to: paths.scenarios.href(), label: 'Scenarios' },
  { to: paths.simulator.href(), label: 'Simulator' },
];

/** The page itself: notices about the link it was opened with, then the route (checked by LinkGate). */
function Page() {
  return (
    <>
      <LinkNotices />
      <LinkGate>
        <Suspense fallback={<LinearProgress aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </LinkGate>
    </>
  );
}

/** Polite live region for status messages; empty at load so that announcements are read. */
const Announcer = () => <Box id={ANNOUNCER_ID} role="status" aria-live="polite" sx={visuallyHidden} />;

/**
 * Embed mode (`?embed=1`, for an iframe on a KB page): no site header or footer, a compact page, an "Open
 * in full app" link, and the content height posted to the parent frame (src/features/links/embed.ts).
 * No minimum height: the frame is sized to the content, and 100vh would feed the frame's height back.
 */
function EmbedLayout() {
  const ref = useRef<HTMLDivElement>(null);
  useEmbedHeight(ref, true);
  return (
    <Box ref={ref} sx={{ display: 'flex', flexDirection: 'column' }}>
      <EmbedBar />
      <Container
        component="main"
        id="main-content"
        tabIndex={-1}
        maxWidth={false}
        aria-label="SQL Server 10054 troubleshooter"
        sx={{ py: 2, outline: 'none', '& h1': { fontSize: '1.75rem' } }}
      >
        <Page />
      </Container>
      <Announcer />
    </Box>
  );
}

export function Layout() {
  const embedded = useEmbedded();
  if (embedded) return <EmbedLayout />;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href="#main-content"
        onClick={(e) => {
          // A hash link would be taken by the hash router; move focus to <main> ourselves.
          e.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          p: 1,
          bgcolor: 'background.paper',
          '&:focus': { top: 8 },
        }}
      >
        Skip to main content
      </Link>
      <AppBar position="static" color="primary" elevation={0} className="no-print">
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
          <Typography
            component={RouterLink}
            to={paths.home.href()}
            variant="h6"
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 700, mr: 2 }}
          >
            SQL Server 10054 troubleshooter
          </Typography>
          <Box
            component="nav"
            aria-label="Main"
            sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', flexGrow: 1 }}
          >
            {NAV.map((item) => (
              <Button key={item.to} component={RouterLink} to={item.to} color="inherit">
                {item.label}
              </Button>
            ))}
          </Box>
          <ColorSchemeMenu />
        </Toolbar>
      </AppBar>
      <Container
        component="main"
        id="main-content"
        tabIndex={-1}
        maxWidth="md"
        sx={{ flexGrow: 1, py: 4, outline: 'none' }}
      >
        <Page />
      </Container>
      <Announcer />
      <Box component="footer" sx={{ borderTop: 1, borderColor: 'divider', py: 2 }} className="no-print">
        <Container maxWidth="md">
          <Typography variant="body2" color="text.secondary">
            Version {__APP_VERSION__}. Everything runs in your browser: nothing you paste or drop is sent
            anywhere.{' '}
            <Link component={RouterLink} to={paths.links.href()} color="inherit">
              Link to this tool from a knowledge-base page
            </Link>
          </Typography>
        </Container>
      </Box>
    </Box>
  );
}
