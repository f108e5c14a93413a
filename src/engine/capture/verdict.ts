/** A connection's outcome and its verdict input in plain words. */
import { fmtMs, type Connection } from './connection';
import type { CloseFacts, ConnectionOutcome, ConnectionSignals, TimelineEntry } from './types';

const LOW = new Set(['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1']);
const CLIENT_KEY_EXCHANGE = new Set([
  'Client Key Exchange',
  'Change Cipher Spec',
  'Finished',
  'Certificate Verify',
]);

export function signalsOf(c: Connection): ConnectionSignals {
  const serverClose = [c.reset, c.fin].filter((x) => x?.by === 'server');
  const serverFatal = c.alert?.from === 'server' && c.alert.level === 'fatal';
  return {
    lowTlsVersion:
      (c.clientHello !== null && LOW.has(c.clientHello.maxVersion)) ||
      (c.serverHello !== null && LOW.has(c.serverHello.version)),
    closedAfterClientHello:
      c.clientHello !== null && c.serverHello === null && (serverClose.length > 0 || serverFatal),
    dheChosen: c.serverHello?.dhe === true,
    closedAfterKeyExchange:
      !c.handshakeDone &&
      !c.flows[1].finished &&
      serverClose.some(
        (x) => x!.afterMessageFrom === 'client' && CLIENT_KEY_EXCHANGE.has(x!.afterMessage ?? ''),
      ),
    synRetransmitted: c.synCount > 1,
    synRejected: c.synRst,
  };
}

export function outcomeOf(c: Connection): ConnectionOutcome {
  const anyData = c.flows[0].bytes + c.flows[1].bytes > 0;
  if (c.synCount > 0 && !c.synAck && !anyData) return c.synRst ? 'syn-rejected' : 'syn-unanswered';
  if (c.handshakeDone) return 'handshake-completed';
  if (c.clearLogin) return 'no-encryption';
  const enc = [c.preloginClient?.encryption, c.preloginServer?.encryption];
  if (enc.includes('ENCRYPT_NOT_SUP') && !c.clientHello && !(c.reset || c.fin)) return 'no-encryption';
  const closed = c.reset || c.fin || c.alert?.level === 'fatal';
  if (c.clientHello) return closed ? 'handshake-failed' : 'incomplete';
  if (closed && (c.synAck || c.synCount > 0 || anyData)) return 'closed-before-handshake';
  if (c.synCount === 0 && !c.synAck && !c.preloginClient) return 'unknown';
  return 'incomplete';
}

const possessive = (side: string | null, what: string | null): string => {
  if (!what) return 'the start';
  if (
    what === 'Client Key Exchange' ||
    (side === 'client' && (what === 'Finished' || what === 'Change Cipher Spec'))
  )
    return "the client's key exchange";
  if (what === 'PRELOGIN') return "the client's PRELOGIN";
  if (what === 'PRELOGIN response') return "the server's PRELOGIN response";
  return `the ${what}`;
};

function closeWords(c: Connection): string | null {
  const first: { f: CloseFacts; rst: boolean } | null =
    c.reset && (!c.fin || c.reset.frame <= c.fin.frame)
      ? { f: c.reset, rst: true }
      : c.fin
        ? { f: c.fin, rst: false }
        : null;
  if (!first) return null;
  const { f, rst } = first;
  if (f.afterMessage === 'alert' && f.afterMessageFrom === f.by)
    return `then the ${f.by} ${rst ? 'reset' : 'closed'} the connection${rst ? '' : ' (FIN)'}`;
  const verb = rst ? 'reset the connection' : 'closed the connection (FIN)';
  const when = f.ms !== null ? `${fmtMs(f.ms)} after ` : 'after ';
  return `the ${f.by} ${verb} ${when}${possessive(f.afterMessageFrom, f.afterMessage)}`;
}

function offered(c: Connection): string {
  const ch = c.clientHello!;
  const v =
    ch.versionsFrom === 'supported_versions'
      ? ch.versions.length === 1
        ? `only ${ch.versions[0]}`
        : ch.versions.join(', ')
      : `up to ${ch.maxVersion}`;
  return `client offered ${v} (${ch.suiteNames.length} cipher suites${ch.hasDhe ? ', DHE among them' : ', no DHE'})`;
}

export function summaryOf(c: Connection, outcome: ConnectionOutcome): string {
  const parts: string[] = [];
  const strict = c.tds === '8.0' ? 'TDS 8.0 (strict): ' : '';
  const close = closeWords(c);
  const alert =
    c.alert && c.alert.description !== null
      ? `the ${c.alert.from} sent a ${c.alert.level} alert ${c.alert.name} (${c.alert.description})`
      : c.alert
        ? `the ${c.alert.from} sent an encrypted alert`
        : null;
  switch (outcome) {
    case 'syn-rejected':
      return c.synCount > 1
        ? `SYN retransmitted ${c.synCount - 1} times, then RST`
        : `the server answered the SYN with RST (nothing accepted the connection on port ${c.server.port})`;
    case 'syn-unanswered':
      return `SYN ${c.synCount > 1 ? `retransmitted ${c.synCount - 1} times and ` : ''}never answered`;
    default:
  }
  if (c.synCount > 1) parts.push(`SYN retransmitted ${c.synCount - 1} times before the SYN/ACK`);
  if (outcome === 'handshake-completed') {
    const sh = c.serverHello!;
    parts.push(`handshake completed (${sh.version}, ${sh.suite.name ?? sh.suite.hex})`);
    if (close && c.alert?.level === 'fatal') parts.push(alert!);
  } else if (outcome === 'handshake-failed' || outcome === 'incomplete') {
    if (c.clientHello) parts.push(offered(c));
    const sh = c.serverHello;
    if (sh) parts.push(`Server Hello chose ${sh.suite.name ?? sh.suite.hex} (${sh.version})`);
    if (alert && (c.alert!.level === 'fatal' || !close)) parts.push(alert);
    if (close)
      parts.push(
        close +
          (c.clientHello && !sh && close.startsWith('the server') && !alert ? ' without a Server Hello' : ''),
      );
    if (!close && !alert)
      parts.push(
        `capture ends after ${possessive(c.last?.from ?? null, c.last?.what ?? null)} (no answer captured)`,
      );
  } else if (outcome === 'no-encryption') {
    const e = c.preloginServer?.encryption ?? c.preloginClient?.encryption;
    parts.push(
      `no TLS: PRELOGIN encryption ${e ?? 'not negotiated'}${c.clearLogin ? '; LOGIN7 sent in clear' : ''}`,
    );
    if (close) parts.push(close);
  } else if (outcome === 'closed-before-handshake') {
    parts.push(close ?? (alert as string));
    if (c.preloginClient && !c.preloginServer) parts.push('no PRELOGIN response');
  } else if (outcome === 'unknown') {
    parts.push('the connection was already open when the capture started; no handshake seen');
    if (close) parts.push(close);
  }
  if (c.gaps > 0) parts.push(`${c.gaps} gap(s) in the captured data`);
  if (c.preloginServer?.version) parts.push(`SQL Server ${c.preloginServer.version}`);
  return strict + parts.join('; ');
}

const CODES: Partial<Record<TimelineEntry['what'], string>> = {
  SYN: 'S',
  'SYN/ACK': 'AS',
  PRELOGIN: 'PL',
  'PRELOGIN response': 'PR',
  'Client Hello': 'CH',
  'Server Hello': 'SH',
  'Client Key Exchange': 'KE',
  'Change Cipher Spec': 'CE',
  'application data': 'AD',
  LOGIN7: 'L7',
  retransmit: 'RET',
  FIN: 'AF',
  RST: 'R',
  alert: 'AL',
};

/** SQLNA-style "Login Progress" of the first 20 steps: `>` client to server, `<` server to client. */
export function progressOf(timeline: TimelineEntry[]): string {
  const out: string[] = [];
  for (const e of timeline) {
    const code = CODES[e.what];
    if (!code) continue;
    out.push((e.from === 'client' ? '>' : '<') + code);
    if (out.length >= 20) break;
  }
  return out.join(' ');
}
