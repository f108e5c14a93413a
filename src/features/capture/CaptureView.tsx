import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { CaptureConnection, PacketCaptureResult } from '@/engine/capture';
import { visuallyHidden } from '@/components/visuallyHidden';
import { useCaptureStore, type CaptureEntry } from './captureStore';
import { ConnectionDetail } from './ConnectionDetail';
import { HowToCapture } from './HowToCapture';
import type { PastedCipherList } from './integration';
import { endpoint, formatBytes, isFailed, OUTCOME_WORDS } from './words';

const PAGE = 100;

function ConnectionTable({
  name,
  result,
  cipherLists,
}: {
  name: string;
  result: PacketCaptureResult;
  cipherLists: PastedCipherList[];
}) {
  const conns = result.facts.connections;
  const failedCount = conns.filter((c) => isFailed(c.outcome)).length;
  const [failedOnly, setFailedOnly] = useState(failedCount > 0);
  const [open, setOpen] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGE);
  const baseId = useId();
  const rows = failedOnly ? conns.filter((c) => isFailed(c.outcome)) : conns;
  const openConn: CaptureConnection | undefined = rows.find((c) => c.id === open);
  const detailId = `${baseId}-detail`;
  if (conns.length === 0) return null;
  return (
    <Box component="section" aria-labelledby={`${baseId}-h`} sx={{ mt: 2 }}>
      <Typography id={`${baseId}-h`} variant="h3" component="h3" sx={{ fontSize: '1.1rem' }}>
        Connections
      </Typography>
      <FormControlLabel
        control={
          <Checkbox
            checked={failedOnly}
            onChange={(e) => {
              setFailedOnly(e.target.checked);
              setShown(PAGE);
            }}
          />
        }
        label={`Show only failed connections (${failedCount} of ${conns.length})`}
      />
      <TableContainer>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>
            {failedOnly ? 'Failed' : 'All'} SQL Server connections in {name}: {rows.length}
          </caption>
          <TableHead>
            <TableRow>
              <TableCell scope="col">Client → server</TableCell>
              <TableCell scope="col">TDS</TableCell>
              <TableCell scope="col">TLS</TableCell>
              <TableCell scope="col">Outcome</TableCell>
              <TableCell scope="col">What happened</TableCell>
              <TableCell scope="col">
                <Box component="span" sx={visuallyHidden}>
                  Details
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, shown).map((c) => {
              const failed = isFailed(c.outcome);
              const isOpen = open === c.id;
              return (
                <TableRow key={c.id} selected={isOpen}>
                  <TableCell
                    component="th"
                    scope="row"
                    sx={{
                      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                      fontSize: '0.8rem',
                    }}
                  >
                    {endpoint(c.client)} <span aria-hidden="true">→</span>
                    <Box component="span" sx={visuallyHidden}>
                      to
                    </Box>{' '}
                    {endpoint(c.server)}
                  </TableCell>
                  <TableCell>{c.tds === 'unknown' ? '–' : c.tds}</TableCell>
                  <TableCell>{c.tlsVersion ?? c.clientHello?.maxVersion ?? '–'}</TableCell>
                  <TableCell
                    sx={{ color: failed ? 'error.main' : undefined, fontWeight: failed ? 600 : undefined }}
                  >
                    {OUTCOME_WORDS[c.outcome]}
                  </TableCell>
                  <TableCell sx={{ minWidth: 240 }}>{c.summary}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      variant={isOpen ? 'contained' : 'outlined'}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailId : undefined}
                      aria-label={`Details of connection ${c.id}, ${endpoint(c.client)} to ${endpoint(c.server)}`}
                      onClick={() => setOpen(isOpen ? null : c.id)}
                    >
                      {isOpen ? 'Hide' : 'Details'}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > shown && (
        <Button sx={{ mt: 1 }} onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more connections
        </Button>
      )}
      {rows.length === 0 && <Typography sx={{ mt: 1 }}>No failed connection in this capture.</Typography>}
      {openConn && <ConnectionDetail connection={openConn} cipherLists={cipherLists} id={detailId} />}
    </Box>
  );
}

function Totals({ result }: { result: PacketCaptureResult }) {
  const f = result.facts;
  const t = f.totals;
  const items: [string, string][] = [
    ['Format', f.format === 'unknown' ? 'not a capture' : f.format],
    ['Frames', String(f.frames)],
    ['TCP connections', String(t.tcpConnections)],
    ['SQL Server connections', String(t.sqlConnections)],
    ['Failed', String(t.failed)],
    ['Completed handshakes', String(t.completed)],
  ];
  if (t.listed < t.sqlConnections) items.push(['Listed', `${t.listed} (failed ones first)`]);
  return (
    <Box
      component="dl"
      aria-label="Totals"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, my: 1, '& > div': { minWidth: '8rem' } }}
    >
      {items.map(([k, v]) => (
        <div key={k}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {k}
          </Typography>
          <Typography component="dd" sx={{ m: 0, fontWeight: 650 }}>
            {v}
          </Typography>
        </div>
      ))}
    </Box>
  );
}

function Problems({ result }: { result: PacketCaptureResult }) {
  const f = result.facts;
  const notes: { severity: 'error' | 'warning' | 'info'; message: string }[] = result.problems.map((p) => ({
    severity: p.severity,
    message: p.message,
  }));
  if (f.format !== 'unknown' && f.totals.sqlConnections === 0 && notes.every((n) => n.severity !== 'error'))
    notes.push({
      severity: 'warning',
      message:
        'No SQL Server connection was found in this capture (nothing on port 1433 and no TDS pre-login). Capture while the failing connection is attempted, on the client or the server, without a filter that drops port 1433 or the instance port.',
    });
  if (notes.length === 0) return null;
  const shown = notes.slice(0, 20);
  return (
    <Box
      component="section"
      aria-label="Problems reading the capture"
      sx={{ display: 'grid', gap: 1, my: 1 }}
    >
      {shown.map((n, i) => (
        <Alert key={i} severity={n.severity} variant="outlined">
          {n.message}
        </Alert>
      ))}
      {notes.length > shown.length && (
        <Typography variant="body2">{notes.length - shown.length} more problems not shown.</Typography>
      )}
    </Box>
  );
}

function CaptureCard({ entry, cipherLists }: { entry: CaptureEntry; cipherLists: PastedCipherList[] }) {
  const { cancel, remove } = useCaptureStore.getState();
  const pct = entry.size > 0 ? Math.min(100, Math.round((entry.bytesDone / entry.size) * 100)) : 0;
  const headingId = useId();
  const r = entry.result;
  return (
    <Paper variant="outlined" component="article" aria-labelledby={headingId} sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography id={headingId} variant="h2" component="h2" sx={{ fontSize: '1.2rem', flexGrow: 1 }}>
          {entry.name}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          packet capture of {formatBytes(entry.size)}
        </Typography>
        {entry.status !== 'reading' && (
          <Button
            size="small"
            color="inherit"
            startIcon={<DeleteOutlined />}
            onClick={() => remove(entry.id)}
            aria-label={`Remove ${entry.name}`}
          >
            Remove
          </Button>
        )}
      </Box>
      {entry.notice && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {entry.notice}
        </Alert>
      )}
      {entry.status === 'reading' && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1.5, flexWrap: 'wrap' }}>
          <Box sx={{ flexGrow: 1, minWidth: 200 }}>
            <LinearProgress
              variant="determinate"
              value={pct}
              aria-label={`Reading ${entry.name}`}
              aria-valuetext={`${pct}%`}
            />
          </Box>
          <Typography variant="body2" sx={{ minWidth: '10rem' }}>
            Reading… {pct}% ({formatBytes(entry.bytesDone)} of {formatBytes(entry.size)})
          </Typography>
          <Button
            variant="outlined"
            onClick={() => cancel(entry.id)}
            aria-label={`Cancel reading ${entry.name}`}
          >
            Cancel
          </Button>
        </Box>
      )}
      {entry.status === 'cancelled' && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Reading was cancelled. Remove the file, or drop it again to read it from the start.
        </Alert>
      )}
      {entry.status === 'error' && (
        <Alert severity="error" sx={{ mt: 1 }}>
          This file could not be read: {entry.error}
        </Alert>
      )}
      {entry.status === 'done' && r && (
        <>
          <Totals result={r} />
          <Problems result={r} />
          <ConnectionTable name={entry.name} result={r} cipherLists={cipherLists} />
        </>
      )}
    </Paper>
  );
}

/**
 * Every dropped packet capture: progress and cancel while it is read, then totals, problems, the connection
 * list (failed ones only by default when there are failures) and a chosen connection's decoded handshake.
 */
export function CaptureList({ cipherLists = [] }: { cipherLists?: PastedCipherList[] }) {
  const captures = useCaptureStore((s) => s.captures);
  if (captures.length === 0) return null;
  return (
    <Box sx={{ mt: 4 }} data-testid="capture-list">
      {captures.map((c) => (
        <CaptureCard key={c.id} entry={c} cipherLists={cipherLists} />
      ))}
      <HowToCapture />
    </Box>
  );
}
