import Box from '@mui/material/Box';
import type { CaptureConnection, ConnectionOutcome, Endpoint, Side } from '@/engine/capture';
import { visuallyHidden } from '@/components/visuallyHidden';

export const OUTCOME_WORDS: Record<ConnectionOutcome, string> = {
  'handshake-completed': 'Handshake completed',
  'handshake-failed': 'Handshake failed',
  'closed-before-handshake': 'Closed before the handshake',
  'syn-rejected': 'Refused (SYN answered with RST)',
  'syn-unanswered': 'No answer to SYN',
  'no-encryption': 'No encryption',
  incomplete: 'Incomplete in the capture',
  unknown: 'Unknown',
};

/** The outcomes the engine counts as failed. */
export const isFailed = (o: ConnectionOutcome) =>
  o === 'handshake-failed' ||
  o === 'closed-before-handshake' ||
  o === 'syn-rejected' ||
  o === 'syn-unanswered';

export const endpoint = (e: Endpoint) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** "client → server" with the arrow hidden from screen readers, which hear "client to server". */
export function Direction({ from }: { from: Side }) {
  const [a, b] = from === 'client' ? ['client', 'server'] : ['server', 'client'];
  return (
    <span>
      {a} <span aria-hidden="true">→</span>
      <Box component="span" sx={visuallyHidden}>
        to
      </Box>{' '}
      {b}
    </span>
  );
}

const after = (c: { afterMessage: string | null; afterMessageFrom: Side | null; ms: number | null }) =>
  c.afterMessage
    ? `${c.ms !== null ? `${c.ms} ms ` : ''}after the ${c.afterMessage}${c.afterMessageFrom ? ` (from the ${c.afterMessageFrom})` : ''}`
    : 'before any message';

/** The alert, reset, FIN and SYN lines of a connection, in plain words. */
export function closeLines(c: CaptureConnection): string[] {
  const out: string[] = [];
  if (c.synRetransmits > 0)
    out.push(
      `The client sent its SYN ${c.synRetransmits + 1} times (${c.synRetransmits} retransmission${c.synRetransmits === 1 ? '' : 's'}); the server ${c.synAnswer === 'rst' ? 'answered with a reset' : c.synAnswer === 'syn-ack' ? 'answered late' : 'never answered'}.`,
    );
  else if (c.synAnswer === 'rst')
    out.push('The server answered the SYN with a reset: nothing listens there.');
  if (c.alert)
    out.push(
      c.alert.encrypted
        ? `Encrypted alert from the ${c.alert.from} in frame ${c.alert.frame}.`
        : `TLS alert from the ${c.alert.from} in frame ${c.alert.frame}: ${c.alert.level} ${c.alert.name}${c.alert.description !== null ? ` (${c.alert.description})` : ''}.`,
    );
  if (c.reset) out.push(`Reset (RST) by the ${c.reset.by} in frame ${c.reset.frame}, ${after(c.reset)}.`);
  if (c.fin) out.push(`Closed (FIN) by the ${c.fin.by} in frame ${c.fin.frame}, ${after(c.fin)}.`);
  if (!c.reset && !c.fin && !c.alert && c.synAnswer !== 'rst')
    out.push('No reset, FIN or alert in the capture for this connection.');
  return out;
}
