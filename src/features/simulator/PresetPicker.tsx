import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  CLIENT_PRESETS,
  SCENARIO_PRESETS,
  SERVER_PRESETS,
  presetClient,
  presetServer,
} from '@/engine/simulator';
import type { ClientSide, ServerSide, SimPair } from '@/engine/simulator/types';
import { presetFromId } from './deepLink';
import { SelectField } from './fields';
import { outcomeTitle } from './labels';

/**
 * Where to start: a pair that reproduces a scenario, or one ready-made server or client. Choosing only
 * selects; "Load" replaces the side(s), so nothing changes while the user is still looking.
 */
export function PresetPicker({
  initialScenario,
  onLoadPair,
  onLoadServer,
  onLoadClient,
}: {
  /** the scenario preset a link loaded, shown as chosen (the page remounts the picker when it changes) */
  initialScenario?: string | null;
  onLoadPair: (pair: SimPair, label: string) => void;
  onLoadServer: (server: ServerSide, label: string) => void;
  onLoadClient: (client: ClientSide, label: string) => void;
}) {
  const [scenario, setScenario] = useState(initialScenario ?? SCENARIO_PRESETS[0]?.id ?? '');
  const [server, setServer] = useState(SERVER_PRESETS[0]?.id ?? '');
  const [client, setClient] = useState(CLIENT_PRESETS[0]?.id ?? '');
  const scenarioPreset = SCENARIO_PRESETS.find((p) => p.id === scenario);
  const serverPreset = SERVER_PRESETS.find((p) => p.id === server);
  const clientPreset = CLIENT_PRESETS.find((p) => p.id === client);

  const row = {
    display: 'flex',
    gap: 1,
    alignItems: 'flex-start',
    flexWrap: { xs: 'wrap', sm: 'nowrap' },
  } as const;
  const button = { flexShrink: 0, minHeight: 40, minWidth: 96 } as const;

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="presets-heading"
      sx={{ p: { xs: 1.5, sm: 2 } }}
    >
      <Typography id="presets-heading" variant="h2" component="h2" gutterBottom>
        Start from a preset
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Pick a known situation, then change anything below: the prediction updates as you go.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
        <Box sx={row}>
          <SelectField
            id="preset-scenario"
            label="A pair that reproduces a scenario"
            hint={
              scenarioPreset
                ? `${scenarioPreset.description} Expected: ${outcomeTitle(scenarioPreset.expected)}.`
                : undefined
            }
            value={scenario}
            options={SCENARIO_PRESETS.map((p) => ({ value: p.id, label: p.label }))}
            onChange={setScenario}
          />
          <Button
            variant="contained"
            sx={button}
            onClick={() => {
              const found = presetFromId(scenario);
              if (found) onLoadPair(found.pair, found.label);
            }}
          >
            Load pair
          </Button>
        </Box>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
          }}
        >
          <Box sx={row}>
            <SelectField
              id="preset-server"
              label="Server preset"
              hint={serverPreset?.description}
              value={server}
              options={SERVER_PRESETS.map((p) => ({ value: p.id, label: p.label }))}
              onChange={setServer}
            />
            <Button
              variant="outlined"
              sx={button}
              onClick={() => {
                const s = presetServer(server);
                if (s && serverPreset) onLoadServer(s, serverPreset.label);
              }}
            >
              Load server
            </Button>
          </Box>
          <Box sx={row}>
            <SelectField
              id="preset-client"
              label="Client preset"
              hint={clientPreset?.description}
              value={client}
              options={CLIENT_PRESETS.map((p) => ({ value: p.id, label: p.label }))}
              onChange={setClient}
            />
            <Button
              variant="outlined"
              sx={button}
              onClick={() => {
                const c = presetClient(client);
                if (c && clientPreset) onLoadClient(c, clientPreset.label);
              }}
            >
              Load client
            </Button>
          </Box>
        </Box>
      </Box>
    </Paper>
  );
}
