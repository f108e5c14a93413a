import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CAPTURE_METHODS } from '@/engine/knowledge/capture-commands';
import { CommandView } from '@/components/CommandView';

/**
 * "How to capture": where to run a capture, what it needs and changes, and the commands per tool. Collapsed
 * by default. `level` is the heading level of the tool names (2 on a page whose last heading is the h1).
 */
export function HowToCapture({ level = 3, open = false }: { level?: 2 | 3; open?: boolean }) {
  const heading = level === 2 ? 'h2' : 'h3';
  return (
    <Box
      component="details"
      open={open}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 1.5,
        mt: 2,
        '& > summary': { cursor: 'pointer', fontWeight: 650 },
      }}
    >
      <summary>How to capture the failing handshake</summary>
      <Typography sx={{ mt: 1 }}>
        Run a capture on the client, on the SQL Server machine, or ideally on both at the same time, start it,
        reproduce the failing connection, stop it and drop the .pcap or .pcapng file on this page. Capturing
        needs an administrator prompt (Windows) or root (Linux). It changes nothing permanently: it only
        writes a capture file, which holds the traffic of that moment, so share it with care.
      </Typography>
      {CAPTURE_METHODS.map((m) => (
        <Box key={m.id} component="section" sx={{ mt: 2 }}>
          <Typography variant="h3" component={heading} sx={{ fontSize: '1.05rem' }}>
            {m.title}
          </Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {m.body}
          </Typography>
          {m.commands.map((c) => (
            <CommandView key={c.id} command={c} />
          ))}
        </Box>
      ))}
    </Box>
  );
}
