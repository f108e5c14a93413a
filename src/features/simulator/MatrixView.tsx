import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { CLIENT_PRESETS, SERVER_PRESETS, presetClient, presetServer } from '@/engine/simulator';
import type { ClientSide, ServerSide } from '@/engine/simulator/types';
import { CURRENT, DEFAULT_MATRIX } from './defaults';
import type { PastedSides } from './usePastedSides';
import { shortResult } from './labels';
import type { MatrixSelection } from './simulatorStore';
import { StatusIcon } from './StatusIcon';
import { runMatrix } from './runMatrix';

interface Column<T> {
  id: string;
  label: string;
  side: T;
}

function Chooser({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: { id: string; label: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <Box component="details" sx={{ '& > summary': { cursor: 'pointer', fontWeight: 600, py: 0.5 } }}>
      <Typography component="summary">
        {legend} ({chosen.length} chosen)
      </Typography>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
        <Box component="legend" sx={{ p: 0, mb: 0.5 }}>
          <Typography variant="body2" color="text.secondary">
            {legend}: tick the ones to compare.
          </Typography>
        </Box>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' },
            columnGap: 2,
          }}
        >
          {options.map((o) => (
            <FormControlLabel
              key={o.id}
              sx={{ alignItems: 'flex-start', mr: 0, '& .MuiCheckbox-root': { pt: 0.5 } }}
              control={
                <Checkbox
                  size="small"
                  checked={chosen.includes(o.id)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked
                        ? options.filter((x) => x.id === o.id || chosen.includes(x.id)).map((x) => x.id)
                        : chosen.filter((id) => id !== o.id),
                    )
                  }
                />
              }
              label={<Typography variant="body2">{o.label}</Typography>}
            />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

/**
 * Several servers against several clients: each cell is the predicted result (icon and words, never
 * colour alone) and opens that pair in the main view. For checking a hardening change before making it.
 */
export function MatrixView({
  server,
  client,
  pasted,
  selection,
  onSelectionChange,
  onOpen,
}: {
  server: ServerSide;
  client: ClientSide;
  /** each paste of this tab read on its own: a server row and a client column to choose */
  pasted: PastedSides[];
  selection: MatrixSelection;
  onSelectionChange: (selection: MatrixSelection) => void;
  onOpen: (server: ServerSide, client: ClientSide, label: string) => void;
}) {
  const serverOptions = [
    { id: CURRENT, label: 'Current setup (server)' },
    ...pasted.map((p) => ({ id: p.id, label: `${p.label} (pasted, as a server)` })),
    ...SERVER_PRESETS.map((p) => ({ id: p.id, label: p.label })),
  ];
  const clientOptions = [
    { id: CURRENT, label: 'Current setup (client)' },
    ...pasted.map((p) => ({ id: p.id, label: `${p.label} (pasted, as a client)` })),
    ...CLIENT_PRESETS.map((p) => ({ id: p.id, label: p.label })),
  ];

  const rows: Column<ServerSide>[] = useMemo(
    () =>
      selection.servers.flatMap((id) => {
        if (id === CURRENT) return [{ id, label: 'Current setup', side: server }];
        const fromPaste = pasted.find((p) => p.id === id);
        if (fromPaste) return [{ id, label: fromPaste.label, side: fromPaste.server }];
        const side = presetServer(id);
        const label = SERVER_PRESETS.find((p) => p.id === id)?.label;
        return side && label ? [{ id, label, side }] : [];
      }),
    [selection.servers, server, pasted],
  );
  const columns: Column<ClientSide>[] = useMemo(
    () =>
      selection.clients.flatMap((id) => {
        if (id === CURRENT) return [{ id, label: 'Current setup', side: client }];
        const fromPaste = pasted.find((p) => p.id === id);
        if (fromPaste) return [{ id, label: fromPaste.label, side: fromPaste.client }];
        const side = presetClient(id);
        const label = CLIENT_PRESETS.find((p) => p.id === id)?.label;
        return side && label ? [{ id, label, side }] : [];
      }),
    [selection.clients, client, pasted],
  );
  const results = useMemo(
    () =>
      runMatrix(
        rows.map((r) => r.side),
        columns.map((c) => c.side),
      ),
    [rows, columns],
  );

  return (
    <Box component="section" aria-labelledby="matrix-heading">
      <Typography id="matrix-heading" variant="h2" component="h2" gutterBottom>
        Servers against clients
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Each cell predicts whether that client can connect to that server. Use it before a hardening change:
        change the current setup (for example disable TLS 1.0 on the server) and see which clients break.
        Choose a cell to open that pair.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 1, mb: 2 }}>
        <Chooser
          legend="Servers (rows)"
          options={serverOptions}
          chosen={selection.servers}
          onChange={(servers) => onSelectionChange({ ...selection, servers })}
        />
        <Chooser
          legend="Clients (columns)"
          options={clientOptions}
          chosen={selection.clients}
          onChange={(clients) => onSelectionChange({ ...selection, clients })}
        />
        <Box>
          <Button size="small" onClick={() => onSelectionChange(DEFAULT_MATRIX)}>
            Back to the default 10 x 10 choice
          </Button>
        </Box>
      </Box>
      {rows.length === 0 || columns.length === 0 ? (
        <Typography>Choose at least one server and one client.</Typography>
      ) : (
        <Box
          role="region"
          aria-labelledby="matrix-caption"
          tabIndex={0}
          sx={{
            overflowX: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
          }}
        >
          <Box
            component="table"
            data-testid="sim-matrix"
            sx={{
              // Whole words in the grid: it scrolls sideways inside its region instead of splitting words.
              overflowWrap: 'normal',
              bgcolor: 'background.paper',
              borderCollapse: 'separate',
              borderSpacing: 0,
              fontSize: '0.8rem',
              '& th, & td': {
                borderBottom: 1,
                borderRight: 1,
                borderColor: 'divider',
                p: 0.5,
                verticalAlign: 'top',
              },
              '& thead th': {
                fontWeight: 600,
                textAlign: 'left',
                minWidth: 112,
                maxWidth: 150,
                overflowWrap: 'break-word',
              },
            }}
          >
            <Box
              component="caption"
              id="matrix-caption"
              sx={{ captionSide: 'top', textAlign: 'left', p: 1, fontWeight: 600 }}
            >
              Predicted result: servers in rows, clients in columns ({rows.length} x {columns.length})
            </Box>
            <thead>
              <tr>
                <Box
                  component="td"
                  sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 }}
                />
                {columns.map((c) => (
                  <th key={c.id} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, ri) => (
                <tr key={r.id}>
                  <Box
                    component="th"
                    scope="row"
                    sx={{
                      position: 'sticky',
                      left: 0,
                      zIndex: 1,
                      bgcolor: 'background.paper',
                      textAlign: 'left',
                      fontWeight: 600,
                      minWidth: { xs: 110, sm: 170 },
                      maxWidth: 200,
                    }}
                  >
                    {r.label}
                  </Box>
                  {columns.map((c, ci) => {
                    const result = results[ri]?.[ci];
                    if (!result) return <td key={c.id} />;
                    const short = shortResult(result);
                    return (
                      <td key={c.id}>
                        <ButtonBase
                          onClick={() => onOpen(r.side, c.side, `${r.label} with ${c.label}`)}
                          aria-label={`${short.text}. Open ${r.label} with ${c.label}`}
                          data-testid="sim-matrix-cell"
                          sx={{
                            display: 'flex',
                            alignItems: 'flex-start',
                            justifyContent: 'flex-start',
                            gap: 0.5,
                            width: '100%',
                            minHeight: 44,
                            p: 0.5,
                            borderRadius: 1,
                            textAlign: 'left',
                            font: 'inherit',
                            '&:hover': { bgcolor: 'action.hover' },
                            '&.Mui-focusVisible': { outline: '2px solid', outlineColor: 'primary.main' },
                          }}
                        >
                          <StatusIcon status={short.tone} />
                          <span>{short.text}</span>
                        </ButtonBase>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Box>
        </Box>
      )}
    </Box>
  );
}
