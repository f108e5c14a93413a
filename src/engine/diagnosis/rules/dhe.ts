/**
 * Scenarios 3 and 5: TLS_DHE suites. Both need a DHE suite to be negotiated and fail intermittently; they
 * differ by the machines. Scenario 3 (tls-dhe-ciphers): a Windows Server 2012 / 2012 R2 side (never fixed)
 * against 2016 or later; fix = remove TLS_DHE. Scenario 5 (dhe-leading-zero): a side that lacks the
 * KB4557473 leading-zero fix but can get it (Server 2016 / Windows 10 1607 before 14393.3542, Windows 10
 * 1507); fix = patch both sides (or remove TLS_DHE).
 */
import { isDheSuite } from '../suites';
import type { OsInfo, Rule, RuleResult, Signal, Signals } from '../types';
import { answered, applyHints, ev, familyGate, PRIORS, tlsAlerts, Verdict, W } from './verdict';

export type OsClass = 'never-fixed' | 'unpatched' | 'fixed' | 'unknown';

/** Where a Windows build stands on the DHE leading-zero fix. */
export function osClass(os: OsInfo | undefined): OsClass {
  if (!os) return 'unknown';
  if (os.build !== null && os.build < 10240) return 'never-fixed';
  if (os.family && ['2008r2', '2012', '2012r2'].includes(os.family)) return 'never-fixed';
  if (os.leadingZeroFix === true) return 'fixed';
  if (os.leadingZeroFix === false) return 'unpatched';
  return 'unknown';
}

const modern = (os: OsInfo | undefined) => !!os && os.build !== null && os.build >= 14393;
const name = (os: OsInfo) =>
  `${os.product ?? 'Windows'}${os.build !== null ? ` (build ${os.build}${os.ubr !== null ? '.' + os.ubr : ''})` : ''}`;

/** Evidence that a DHE suite is (or is not) negotiated and breaks: the same for both scenarios. */
function dheEvidence(v: Verdict, s: Signals) {
  if (s.dheInCommon?.value === false)
    v.against(
      'No TLS_DHE suite is enabled on both sides, so DHE is never negotiated.',
      W.DECISIVE,
      ev(s.dheInCommon),
    );
  else if (s.dheDisabledEverywhere)
    v.against(
      'The pasted cipher list has no TLS_DHE suite, so DHE cannot be negotiated with that machine.',
      W.STRONG,
      ev(s.dheDisabledEverywhere),
    );
  if (s.dheOnlyInCommon?.value)
    v.for(
      'The only suites both sides share are TLS_DHE suites, so every connection uses DHE.',
      W.STRONG,
      ev(s.dheOnlyInCommon),
    );
  else if (s.dheFirst?.value)
    v.for(
      s.commonSuites
        ? `The first shared suite in the server's order is ${s.commonSuites.value[0]}, a TLS_DHE suite, so DHE is negotiated.`
        : 'A TLS_DHE suite comes first in the pasted order, so DHE is likely to be negotiated.',
      s.commonSuites ? W.MEDIUM : W.WEAK,
      ev(s.dheFirst),
    );
  else if (s.dheInCommon?.value) v.for('Both sides have TLS_DHE suites enabled.', W.WEAK, ev(s.dheInCommon));
  else if (s.dheEnabledSomewhere && !s.dheInCommon)
    v.for('TLS_DHE suites are enabled in the pasted list.', W.WEAK, ev(s.dheEnabledSomewhere));

  if (s.negotiatedSuite) {
    if (isDheSuite(s.negotiatedSuite.value))
      v.for(
        `The negotiated suite is ${s.negotiatedSuite.value}, a TLS_DHE suite.`,
        W.STRONG,
        ev(s.negotiatedSuite),
      );
    else
      v.against(
        `The negotiated suite is ${s.negotiatedSuite.value}, not a TLS_DHE suite.`,
        W.STRONG,
        ev(s.negotiatedSuite),
      );
  }
  for (const a of tlsAlerts(s)) {
    if (a.alert === 20 || a.state === 960)
      v.for(
        'A bad_record_mac alert (20) / state 960: the two sides computed different keys, the DHE leading-zero symptom.',
        W.STRONG,
        a.evidence,
      );
    else if (a.alert === 10 && (a.state === 1200 || a.state === 1202))
      v.for(
        'Alert 10 with state 1200/1202 has been reported with the DHE leading-zero problem on 2012 R2.',
        W.MEDIUM,
        a.evidence,
      );
  }
  if (s.closedAfterKeyExchange)
    v.for(
      "The server closed the connection right after the client's key exchange, before its own Finished: the DHE key-mismatch pattern.",
      s.negotiatedSuite && isDheSuite(s.negotiatedSuite.value) ? W.MEDIUM : W.WEAK,
      ev(s.closedAfterKeyExchange),
    );
  if (s.decryptFailure)
    v.for(
      'The client could not decrypt what the server sent, as when DHE keys disagree.',
      W.MEDIUM,
      ev(s.decryptFailure),
    );
  if (s.frequency?.value === 'intermittent')
    v.for(
      'It fails only sometimes, which is how the DHE problem behaves (about one connection in 256).',
      W.MEDIUM,
      ev(s.frequency),
    );
  if (s.frequency?.value === 'always')
    v.against('It fails every time; the DHE problem is random and intermittent.', W.STRONG, ev(s.frequency));
}

function sides(s: Signals): Array<{ os: Signal<OsInfo>; label: string }> {
  const out: Array<{ os: Signal<OsInfo>; label: string }> = [];
  if (s.serverOs) out.push({ os: s.serverOs, label: 'SQL Server machine' });
  if (s.clientOs) out.push({ os: s.clientOs, label: 'client' });
  if (s.unknownSideOs) out.push({ os: s.unknownSideOs, label: 'one machine' });
  return out;
}

export function dheCiphers(s: Signals): RuleResult {
  const v = new Verdict('tls-dhe-ciphers', 'scenario', PRIORS['tls-dhe-ciphers']);
  familyGate(v, s);
  dheEvidence(v, s);
  const known = sides(s);
  const old = known.find((k) => osClass(k.os.value) === 'never-fixed');
  const other = old ? known.find((k) => k !== old) : undefined;
  if (old && other && modern(other.os.value))
    v.for(
      `The ${old.label} runs ${name(old.os.value)}, which never got the leading-zero fix, and the ${other.label} runs ${name(other.os.value)}: the pairing this scenario describes.`,
      W.STRONG,
      [...old.os.evidence, ...other.os.evidence],
    );
  else if (old && !other)
    v.for(
      `The ${old.label} runs ${name(old.os.value)}, which never got the leading-zero fix; against Windows Server 2016 or later DHE breaks.`,
      W.MEDIUM,
      old.os.evidence,
    );
  else if (!old && known.length >= 2 && known.every((k) => modern(k.os.value)))
    v.against(
      'Neither machine runs Windows Server 2012 / 2012 R2.',
      W.MEDIUM,
      known.flatMap((k) => k.os.evidence),
    );
  const osAnswer = answered(s, 'os.dheFix');
  if (osAnswer?.value === 'mixed-2012r2')
    v.for(
      'You said one machine runs Windows Server 2012 R2 or older and the other 2016 or newer.',
      W.STRONG,
      osAnswer.evidence,
    );
  if (osAnswer?.value === 'missing-fix' || osAnswer?.value === 'non-windows')
    v.for(
      'You described a machine that lacks the leading-zero fix; TLS_DHE breaks the same way.',
      W.WEAK,
      osAnswer.evidence,
    );
  if (osAnswer?.value === 'all-fixed')
    v.against(
      'You said both machines have the fix or no TLS_DHE suite is enabled.',
      W.STRONG,
      osAnswer.evidence,
    );
  const cipherAnswer = answered(s, 'tls.commonCipher');
  if (cipherAnswer?.value === 'dhe-only')
    v.for(
      'You found that the only suites both machines share are TLS_DHE suites.',
      W.STRONG,
      cipherAnswer.evidence,
    );
  applyHints(v, s, 'tls-dhe-ciphers');
  if (known.length >= 2 && known.every((k) => osClass(k.os.value) === 'fixed'))
    v.against(
      'Both machines have the DHE leading-zero fix.',
      W.STRONG,
      known.flatMap((k) => k.os.evidence),
    );
  const unpatched = known.find((k) => osClass(k.os.value) === 'unpatched');
  if (unpatched && !old)
    v.against(
      `The ${unpatched.label} (${name(unpatched.os.value)}) lacks the fix but can be patched: that is the leading-zero scenario.`,
      W.WEAK,
      unpatched.os.evidence,
    );
  return v.result();
}

export function dheLeadingZero(s: Signals): RuleResult {
  const v = new Verdict('dhe-leading-zero', 'scenario', PRIORS['dhe-leading-zero']);
  familyGate(v, s);
  dheEvidence(v, s);
  const known = sides(s);
  const unpatched = known.find((k) => osClass(k.os.value) === 'unpatched');
  const old = known.find((k) => osClass(k.os.value) === 'never-fixed');
  if (unpatched)
    v.for(
      `The ${unpatched.label} runs ${name(unpatched.os.value)} without the DHE leading-zero fix (KB4537806 / OS build 14393.3542 or later for 2016).`,
      W.STRONG,
      unpatched.os.evidence,
    );
  if (old)
    v.for(
      `The ${old.label} runs ${name(old.os.value)}, which lacks the leading-zero fix.`,
      unpatched ? W.WEAK : W.MEDIUM,
      old.os.evidence,
    );
  const osAnswer = answered(s, 'os.dheFix');
  if (osAnswer?.value === 'missing-fix')
    v.for(
      'You said one machine is Windows Server 2016 / Windows 10 1607 below build 14393.3542 (no leading-zero fix).',
      W.STRONG,
      osAnswer.evidence,
    );
  if (osAnswer?.value === 'non-windows')
    v.for(
      'You said the client is not Windows and the server lacks the leading-zero fix.',
      W.MEDIUM,
      osAnswer.evidence,
    );
  if (osAnswer?.value === 'mixed-2012r2')
    v.for(
      'You said one machine runs Windows Server 2012 R2 or older, which lacks the fix.',
      W.WEAK,
      osAnswer.evidence,
    );
  if (osAnswer?.value === 'all-fixed')
    v.against(
      'You said both machines have the fix or no TLS_DHE suite is enabled.',
      W.STRONG,
      osAnswer.evidence,
    );
  const cipherAnswer = answered(s, 'tls.commonCipher');
  if (cipherAnswer?.value === 'dhe-only')
    v.for(
      'You found that the only suites both machines share are TLS_DHE suites.',
      W.STRONG,
      cipherAnswer.evidence,
    );
  applyHints(v, s, 'dhe-leading-zero');
  if (old && !unpatched)
    v.against(
      `Windows Server 2012 / 2012 R2 cannot be patched for this; the DHE-suites scenario (remove TLS_DHE) fits better.`,
      W.WEAK,
      old.os.evidence,
    );
  if (known.length >= 2 && known.every((k) => osClass(k.os.value) === 'fixed'))
    v.against(
      'Both machines have the DHE leading-zero fix.',
      W.STRONG,
      known.flatMap((k) => k.os.evidence),
    );
  return v.result();
}

export const dheCiphersRule: Rule = { id: 'tls-dhe-ciphers', type: 'scenario', evaluate: dheCiphers };
export const dheLeadingZeroRule: Rule = {
  id: 'dhe-leading-zero',
  type: 'scenario',
  evaluate: dheLeadingZero,
};
