/** Scenario 1: client and server share no TLS version. */
import type { ProtocolName } from '../../ids';
import type { ProtocolSet, Rule, Signals } from '../types';
import { answered, applyHints, ev, familyGate, PRIORS, Verdict, W, tlsAlerts } from './verdict';

const TLS: readonly ProtocolName[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];

const off = (set: ProtocolSet) => TLS.filter((p) => set[p] === 'off');
const list = (ps: readonly string[]) => ps.join(', ');

/** Only TLS 1.2 and later left: TLS 1.0 and 1.1 are off. */
const only12 = (set: ProtocolSet) =>
  set['TLS 1.0'] === 'off' && set['TLS 1.1'] === 'off' && set['TLS 1.2'] !== 'off';
const no12 = (set: ProtocolSet) => set['TLS 1.2'] === 'off' && set['TLS 1.3'] !== 'on';

const NON_SCHANNEL = new Set(['openssl', 'java', 'go', 'node', 'rust', 'managed-sni']);

export function protocolMismatch(s: Signals): ReturnType<Rule['evaluate']> {
  const v = new Verdict('tls-protocol-mismatch', 'scenario', PRIORS['tls-protocol-mismatch']);
  familyGate(v, s);
  const c = s.clientProtocols?.value;
  const sv = s.serverProtocols?.value;
  let decided = false;

  if (c && sv) {
    const common = TLS.filter((p) => c[p] === 'on' && sv[p] === 'on');
    const impossible = TLS.every((p) => c[p] === 'off' || sv[p] === 'off');
    decided = impossible || common.length > 0;
    if (impossible)
      v.for(
        `No TLS version is usable on both sides: the client cannot use ${list(off(c)) || 'none'}, the server cannot use ${list(off(sv)) || 'none'}.`,
        W.DECISIVE,
        [...ev(s.clientProtocols), ...ev(s.serverProtocols)],
      );
    else if (common.length > 0)
      v.against(`Both sides can use ${list(common)}.`, W.DECISIVE, [
        ...ev(s.clientProtocols),
        ...ev(s.serverProtocols),
      ]);
  }
  if (c && !sv && only12(c))
    v.for(
      'The client allows only TLS 1.2 or later; a server without TLS 1.2 would reset the handshake.',
      W.MEDIUM,
      ev(s.clientProtocols),
    );
  if (sv && !c && only12(sv))
    v.for(
      'The server allows only TLS 1.2 or later; a client or driver without TLS 1.2 would fail.',
      W.MEDIUM,
      ev(s.serverProtocols),
    );
  if (sv && no12(sv) && !decided)
    v.for(
      s.sql?.value.supportsTls12 === false
        ? `This SQL Server build (${s.sql.value.build ?? '?'}) has no TLS 1.2 support${s.sql.value.minimumTls12Build ? `; TLS 1.2 arrives with ${s.sql.value.minimumTls12Build} on its servicing line` : ''}. Clients that insist on TLS 1.2 are reset.`
        : 'TLS 1.2 is off on the server side; clients that insist on TLS 1.2 are reset.',
      W.STRONG,
      ev(s.serverProtocols),
    );
  if (c && no12(c) && !sv)
    v.for(
      'TLS 1.2 is off on the client side; a server that requires TLS 1.2 resets it.',
      W.MEDIUM,
      ev(s.clientProtocols),
    );

  // a registry dump of an unknown machine: conclusive only when both readings agree
  const u = s.unknownSideProtocols?.value;
  if (u && s.sql?.value.supportsTls12 === false && only12(u.client) && only12(u.server))
    v.for(
      'One machine allows only TLS 1.2 or later (for both its client and server roles) while this SQL Server build has no TLS 1.2: whichever machine it is, they share no version.',
      W.DECISIVE,
      [...ev(s.unknownSideProtocols), ...ev(s.sql)],
    );
  else if (u && no12(u.client) && no12(u.server))
    v.for(
      'One machine has TLS 1.2 switched off; if the other side requires TLS 1.2 they share no version.',
      W.MEDIUM,
      ev(s.unknownSideProtocols),
    );
  else if (u && only12(u.client) && only12(u.server))
    v.for(
      'One machine allows only TLS 1.2 or later; if the other side lacks TLS 1.2 they share no version.',
      W.WEAK,
      ev(s.unknownSideProtocols),
    );

  if (
    s.opensslReason &&
    /unsupported protocol|wrong version number|no protocols available|tlsv1 alert protocol version/i.test(
      s.opensslReason.value,
    )
  )
    v.for(
      `OpenSSL on the client refused the server's TLS version ("${s.opensslReason.value}"): the client's minimum (usually TLS 1.2) is above what the server offers.`,
      W.DECISIVE,
      ev(s.opensslReason),
    );
  if (s.serverPickedOldProtocol)
    v.for(
      `The server chose ${s.serverPickedOldProtocol.value}, which the client refuses.`,
      W.DECISIVE,
      ev(s.serverPickedOldProtocol),
    );
  if (
    s.jdbcReason &&
    /protocol version|not accepted by client preferences|protocol_version|no appropriate protocol/i.test(
      s.jdbcReason.value,
    )
  )
    v.for(`Java refused the TLS version ("${s.jdbcReason.value}").`, W.DECISIVE, ev(s.jdbcReason));
  if (s.legacyDriver)
    v.for(
      'The legacy DBNETLIB driver (SQLOLEDB or "SQL Server" ODBC) speaks TLS 1.0 only; a TLS 1.2-only server resets it.',
      W.STRONG,
      ev(s.legacyDriver),
    );
  if (s.localAlgorithmMismatch)
    v.for(
      'Schannel on the client found no algorithm in common with the server (a protocol or a cipher-suite gap).',
      W.MEDIUM,
      ev(s.localAlgorithmMismatch),
    );

  for (const e of s.schannelEvents) {
    const x = e.value;
    if (x.eventId === 36871 && x.state === 10013)
      v.for(
        'Schannel event 36871 with state 10013: no TLS version is left enabled for that role on the machine that logged it.',
        W.STRONG,
        e.evidence,
      );
    if (x.eventId === 36874)
      v.against(
        'Schannel event 36874 says the versions matched but the cipher suites did not.',
        W.MEDIUM,
        e.evidence,
      );
  }

  if (s.closedAfterClientHello)
    v.for(
      'The server closed the connection right after the Client Hello, without a Server Hello: what a server does when it shares no TLS version (or suite) with the client.',
      W.MEDIUM,
      ev(s.closedAfterClientHello),
    );
  for (const a of tlsAlerts(s))
    if (a.alert === 70)
      v.for(
        'A TLS protocol_version alert (70): the two sides did not agree on a TLS version.',
        W.STRONG,
        a.evidence,
      );

  // clients that require TLS 1.2 by default: the most common cause when they meet an old server
  const stack = s.clientStack?.value;
  const hinted = s.hints.some((h) => h.value.scenario === 'tls-protocol-mismatch');
  if (
    !s.opensslReason &&
    !hinted &&
    ((stack && NON_SCHANNEL.has(stack)) || s.clientPlatform?.value === 'linux-macos')
  )
    v.for(
      'The client is not using Windows Schannel (Linux/macOS OpenSSL, Java, Go, Node.js or .NET managed networking); these require TLS 1.2 by default, so an old server without TLS 1.2 is the usual cause.',
      W.MEDIUM,
      [...ev(s.clientStack), ...ev(s.clientPlatform)],
    );

  if (s.sql?.value.supportsTls12 === true && !s.legacyDriver && !(c && no12(c)) && !(sv && no12(sv)))
    v.against(
      `This SQL Server build supports TLS 1.2${s.sql.value.product ? ` (${s.sql.value.product})` : ''}.`,
      W.MEDIUM,
      ev(s.sql),
    );
  if (s.negotiatedSuite)
    v.against(
      `The handshake got as far as choosing ${s.negotiatedSuite.value}, so the versions matched.`,
      W.STRONG,
      ev(s.negotiatedSuite),
    );
  if (s.frequency?.value === 'intermittent')
    v.against('It fails only sometimes; a version mismatch fails every time.', W.MEDIUM, ev(s.frequency));
  if (s.frequency?.value === 'always')
    v.for('It fails every time, as a version mismatch does.', W.WEAK, ev(s.frequency));
  const common = answered(s, 'tls.commonProtocol');
  if (common?.value === 'no')
    v.for('You found no TLS version enabled on both machines.', W.DECISIVE, common.evidence);
  if (common?.value === 'yes')
    v.against(
      'You found a TLS version enabled on both machines (or could not check).',
      W.MEDIUM,
      common.evidence,
    );
  applyHints(v, s, 'tls-protocol-mismatch');
  return v.result();
}

export const protocolMismatchRule: Rule = {
  id: 'tls-protocol-mismatch',
  type: 'scenario',
  evaluate: protocolMismatch,
};
