import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import AltRouteOutlined from '@mui/icons-material/AltRouteOutlined';
import ContentPasteSearchOutlined from '@mui/icons-material/ContentPasteSearchOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import { PageHeading } from '@/components/PageHeading';
import { RouterLink } from '@/components/RouterLink';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { paths } from '@/config/paths';

function WayIn({
  to,
  icon,
  title,
  children,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <Card variant="outlined" component="li" sx={{ listStyle: 'none' }}>
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%', alignItems: 'flex-start' }}>
        <CardContent>
          <Box sx={{ color: 'primary.main', mb: 1 }} aria-hidden>
            {icon}
          </Box>
          <Typography variant="h3" component="h2" gutterBottom>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {children}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

export function HomePage() {
  useDocumentTitle(undefined);
  return (
    <>
      <PageHeading>Fix “An existing connection was forcibly closed by the remote host” (10054)</PageHeading>
      <Typography variant="body1" sx={{ mb: 1, fontSize: '1.1rem' }}>
        When a client connects to SQL Server and the server drops the connection during pre-login or the TLS
        handshake of login, drivers report OS error 10054; this tool finds which of the known causes you have
        (no common TLS version or cipher suite, Diffie-Hellman suites, a weak certificate hash, a busy
        listener) and gives you the exact steps to check and fix it.
      </Typography>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 4 }}>
        It runs entirely in your browser: nothing you type, paste or drop is sent anywhere.
      </Typography>
      <Box
        component="ul"
        aria-label="Ways to start"
        sx={{ p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } }}
      >
        <WayIn
          to={paths.wizard.href()}
          icon={<AltRouteOutlined fontSize="large" />}
          title="Start the guided wizard"
        >
          Answer plain questions one at a time. No SQL Server knowledge needed.
        </WayIn>
        <WayIn
          to={paths.paste.href()}
          icon={<ContentPasteSearchOutlined fontSize="large" />}
          title="Paste what you have"
        >
          Error text, registry output, cipher lists, certificates, ERRORLOG lines or a packet capture.
        </WayIn>
        <WayIn
          to={paths.scenarios.href()}
          icon={<MenuBookOutlined fontSize="large" />}
          title="Browse the scenarios"
        >
          Every known cause with how to confirm it, fix it and undo the fix.
        </WayIn>
      </Box>
      <Typography sx={{ mt: 3 }}>
        Planning a TLS hardening change, or looking for the least you can change to make a connection work?{' '}
        <Link component={RouterLink} to={paths.simulator.href()}>
          Try the handshake simulator
        </Link>
        .
      </Typography>
    </>
  );
}
