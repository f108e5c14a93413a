/** Scenario 2: a common TLS version but no common cipher suite. */
import { DEFAULT_CIPHER_ORDER, type CipherFamily } from '../../knowledge-tables/windows';
import { intersect } from '../suites';
import type { Rule, RuleResult, Signal, Signals, OsInfo } from '../types';
import { answered, applyHints, ev, familyGate, PRIORS, tlsAlerts, Verdict, W } from './verdict';

function defaultsFor(os: Signal<OsInfo> | undefined): readonly string[] | null {
  const fam = os?.value.family;
  if (!fam || fam === 'unknown' || !(fam in DEFAULT_CIPHER_ORDER)) return null;
  return DEFAULT_CIPHER_ORDER[fam as Exclude<CipherFamily, 'unknown'>];
}

export function cipherMismatch(s: Signals): RuleResult {
  const v = new Verdict('cipher-suite-mismatch', 'scenario', PRIORS['cipher-suite-mismatch']);
  familyGate(v, s);
  if (s.commonSuites) {
    const n = s.commonSuites.value.length;
    if (n === 0)
      v.for('The client and server cipher-suite lists share no suite.', W.DECISIVE, ev(s.commonSuites));
    else
      v.against(
        `The two lists share ${n} suite${n === 1 ? '' : 's'} (first: ${s.commonSuites.value[0]}).`,
        n > 2 ? W.STRONG : W.MEDIUM,
        ev(s.commonSuites),
      );
  } else {
    // one list known: compare with the other side's documented Windows default
    const pairs: Array<[Signal<string[]> | undefined, Signal<OsInfo> | undefined, string]> = [
      [s.clientSuites, s.serverOs, 'server'],
      [s.serverSuites, s.clientOs, 'client'],
    ];
    for (const [list, os, other] of pairs) {
      const defaults = defaultsFor(os);
      if (!list || !defaults) continue;
      const common = intersect(list.value, defaults);
      if (common.length === 0)
        v.for(
          `The pasted list shares no suite with the Windows default list of the ${other} (${os!.value.product ?? os!.value.family}); unless its order was changed, they have nothing in common.`,
          W.STRONG,
          [...list.evidence, ...os!.evidence],
        );
      else
        v.against(
          `The pasted list shares ${common.length} suites with the ${other}'s Windows default list.`,
          W.MEDIUM,
          [...list.evidence, ...os!.evidence],
        );
    }
    const single = s.clientSuites ?? s.serverSuites ?? s.unknownSideSuites;
    if (single && single.value.length > 0 && single.value.length <= 4 && !s.commonSuites)
      v.for(
        `Only ${single.value.length} suites are enabled on one side; a short, hardened list often leaves nothing in common with older peers.`,
        W.WEAK,
        single.evidence,
      );
  }
  for (const e of s.schannelEvents) {
    const x = e.value;
    if (x.eventId === 36874)
      v.for(
        'Schannel event 36874: the client offered no cipher suite the server supports.',
        W.DECISIVE,
        e.evidence,
      );
  }
  for (const a of tlsAlerts(s))
    if (a.alert === 40 || a.alert === 71)
      v.for(
        `A TLS ${a.alert === 40 ? 'handshake_failure (40)' : 'insufficient_security (71)'} alert: no suite (or certificate) both sides accept.`,
        W.MEDIUM,
        a.evidence,
      );
  if (
    s.jdbcReason &&
    /handshake_failure|no cipher suites in common|insufficient_security/i.test(s.jdbcReason.value)
  )
    v.for(`Java reported "${s.jdbcReason.value}": no suite both sides accept.`, W.STRONG, ev(s.jdbcReason));
  if (
    s.opensslReason &&
    /no shared cipher|sslv3 alert handshake failure|handshake failure/i.test(s.opensslReason.value)
  )
    v.for(`OpenSSL reported "${s.opensslReason.value}".`, W.STRONG, ev(s.opensslReason));
  if (s.localAlgorithmMismatch)
    v.for(
      'Schannel on the client found no algorithm in common with the server.',
      W.MEDIUM,
      ev(s.localAlgorithmMismatch),
    );
  if (s.closedAfterClientHello)
    v.for(
      'The server closed the connection right after the Client Hello, before any Server Hello.',
      W.WEAK,
      ev(s.closedAfterClientHello),
    );
  if (s.negotiatedSuite)
    v.against(`A suite was negotiated (${s.negotiatedSuite.value}).`, W.STRONG, ev(s.negotiatedSuite));
  if (s.frequency?.value === 'intermittent')
    v.against('It fails only sometimes; a cipher-suite gap fails every time.', W.MEDIUM, ev(s.frequency));
  if (s.frequency?.value === 'always')
    v.for('It fails every time, as a cipher-suite gap does.', W.WEAK, ev(s.frequency));
  const common = answered(s, 'tls.commonCipher');
  if (common?.value === 'none')
    v.for('You found no cipher suite the two machines share.', W.DECISIVE, common.evidence);
  if (common?.value === 'tls10-client')
    v.for(
      "The client speaks only TLS 1.0/1.1 and the server's policy kept only suites those versions cannot use.",
      W.STRONG,
      common.evidence,
    );
  if (common?.value === 'dhe-only')
    v.against('The machines share suites, though only TLS_DHE ones.', W.MEDIUM, common.evidence);
  if (common?.value === 'shared')
    v.against('You found suites the machines share (or could not compare).', W.WEAK, common.evidence);
  applyHints(v, s, 'cipher-suite-mismatch');
  return v.result();
}

export const cipherMismatchRule: Rule = {
  id: 'cipher-suite-mismatch',
  type: 'scenario',
  evaluate: cipherMismatch,
};
