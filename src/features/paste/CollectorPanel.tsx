import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { collectorHowToRun, collectorScript } from '@/engine/knowledge/collector';
import { CommandView } from '@/components/CommandView';
import { Paragraphs } from '@/components/Paragraphs';

/** The read-only collector: one script that gathers everything the analysis can use, pasted back whole. */
export function CollectorPanel() {
  return (
    <Box component="details" sx={{ mt: 2, '& > summary': { cursor: 'pointer', fontWeight: 600, py: 0.5 } }}>
      <summary>Gather everything at once with a read-only PowerShell script (Windows)</summary>
      <Box sx={{ pt: 1 }}>
        <Typography sx={{ mb: 1 }}>
          The script reads the TLS protocol settings, the cipher-suite order, the Windows build and relevant
          updates, the .NET TLS settings, each SQL Server instance&apos;s version and certificate, the
          ERRORLOG lines about encryption and recent Schannel events. Paste its whole output here; each part
          is recognised and labelled with the machine it came from.
        </Typography>
        <Paragraphs text={collectorHowToRun} variant="body2" />
        <CommandView command={collectorScript} />
      </Box>
    </Box>
  );
}
