import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ContentPasteGoOutlined from '@mui/icons-material/ContentPasteGoOutlined';
import { inputsFromAnalysis } from '@/engine/diagnosis';
import { analyzeText } from '@/engine/parsers';
import { sidesFromAnalyses } from '@/engine/simulator';
import type { SidesFromFacts, SimPair } from '@/engine/simulator/types';
import { usePasteStore, type PasteInput } from '@/store/pasteStore';

/** Parses the pastes of this tab (parsers never throw) and rebuilds both sides from their facts. */
export async function sidesFromPastes(inputs: readonly PasteInput[]): Promise<SidesFromFacts> {
  const diagnosisInputs = [];
  for (const input of inputs) {
    if (input.binary) continue;
    diagnosisInputs.push(...inputsFromAnalysis(input.source, await analyzeText(input.text)));
  }
  return sidesFromAnalyses(diagnosisInputs);
}

/**
 * "Use what you pasted": when this tab holds pastes (from the paste page), the simulator can start from
 * them, and says which values were read and which were assumed.
 */
export function PastePrefill({ onUse }: { onUse: (pair: SimPair, text: string) => void }) {
  const inputs = usePasteStore((s) => s.inputs);
  const [report, setReport] = useState<SidesFromFacts | null>(null);
  const [busy, setBusy] = useState(false);
  const textInputs = inputs.filter((i) => !i.binary);
  if (textInputs.length === 0) return null;

  async function use() {
    setBusy(true);
    try {
      const sides = await sidesFromPastes(textInputs);
      setReport(sides);
      onUse(
        { server: sides.server, client: sides.client },
        `Loaded what you pasted: ${sides.used.length} value${sides.used.length === 1 ? '' : 's'} read, ${sides.assumed.length} assumed.`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="prefill-heading"
      sx={{ p: { xs: 1.5, sm: 2 }, mb: 3 }}
    >
      <Typography id="prefill-heading" variant="h2" component="h2" gutterBottom>
        Start from what you pasted
      </Typography>
      <Typography sx={{ mb: 1.5 }}>
        This tab holds {textInputs.length} paste{textInputs.length === 1 ? '' : 's'} from the paste page. The
        simulator can read versions, protocol settings, cipher lists and the certificate from them and fill in
        the rest with defaults.
      </Typography>
      <Button
        variant="contained"
        startIcon={<ContentPasteGoOutlined />}
        disabled={busy}
        onClick={() => void use()}
      >
        Use what you pasted
      </Button>
      {report && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="sim-prefill-report">
          <Box
            sx={{
              display: 'grid',
              gap: 1,
              gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' },
            }}
          >
            <Box>
              <Typography sx={{ fontWeight: 700 }}>Read from your pastes</Typography>
              {report.used.length > 0 ? (
                <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
                  {report.used.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </Box>
              ) : (
                <Typography variant="body2">Nothing the simulator can use.</Typography>
              )}
            </Box>
            <Box>
              <Typography sx={{ fontWeight: 700 }}>Assumed (not in your pastes)</Typography>
              <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
                {report.assumed.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </Box>
            </Box>
          </Box>
        </Alert>
      )}
    </Paper>
  );
}
