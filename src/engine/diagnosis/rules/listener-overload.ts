/** Scenario 6: TCP handshake timeouts/rejections on a busy SQL Server 2017 or earlier (IOCP listener starved). */
import type { Rule, RuleResult, Signals } from '../types';
import { applyHints, ev, evidenceOfAll, familyGate, PRIORS, Verdict, W } from './verdict';

const STRESS: Record<number, { text: string; weight: number }> = {
  17887: {
    text: 'ERRORLOG 17887: the IO Completion Listener was not yielding, the listener starvation this scenario describes.',
    weight: W.STRONG,
  },
  17197: { text: 'ERRORLOG 17197: logins timed out under heavy load.', weight: W.MEDIUM },
  26040: { text: 'ERRORLOG 26040: the TCP listener stopped after an AcceptEx failure.', weight: W.MEDIUM },
  17809: {
    text: 'ERRORLOG 17809: the maximum number of user connections was reached (a connection storm).',
    weight: W.WEAK,
  },
};

export function listenerOverload(s: Signals): RuleResult {
  const v = new Verdict('tcp-listener-overload', 'scenario', PRIORS['tcp-listener-overload']);
  familyGate(v, s);
  for (const code of s.listenerStress?.value ?? []) {
    const st = STRESS[code];
    // each error quotes its own ERRORLOG lines
    const own = evidenceOfAll(
      s.errorlogEvents.filter((e) => e.value.error === code),
      3,
    );
    if (st) v.for(st.text, st.weight, own.length ? own : s.listenerStress!.evidence);
  }
  if (s.synTrouble)
    v.for(
      'The capture shows unanswered or reset SYNs: the TCP handshake itself failed.',
      W.STRONG + 1,
      ev(s.synTrouble),
    );
  const major = s.sql?.value.major ?? null;
  const pool = s.sql?.value.hasLoginDispatcherPool;
  if (pool === true || (major !== null && major >= 15))
    v.against(
      `${s.sql!.value.product ?? 'This SQL Server'} has a dedicated login dispatcher pool (SQL Server 2019 and later), which this scenario needs to be missing.`,
      W.STRONG,
      ev(s.sql),
    );
  else if (major !== null && major <= 14)
    v.for(
      `${s.sql!.value.product ?? 'This SQL Server'} is 2017 or earlier, without the login dispatcher pool of 2019.`,
      W.WEAK,
      ev(s.sql),
    );
  const intermittent = s.frequency?.value === 'intermittent';
  if (intermittent) v.for('It fails only sometimes.', W.MEDIUM, ev(s.frequency));
  if (s.frequency?.value === 'always')
    v.against(
      'It fails every time; listener starvation comes and goes with load.',
      W.STRONG,
      ev(s.frequency),
    );
  if (s.busyServer?.value === true)
    v.for(
      'The server is busy / receives bursts of connections when it fails.',
      intermittent ? W.STRONG : W.MEDIUM,
      ev(s.busyServer),
    );
  if (s.busyServer?.value === false)
    v.against('The server is not busy when it fails.', W.STRONG, ev(s.busyServer));
  if (s.errorlogResetDuringLogin && (s.errorlogResetDuringLogin.value.sslMs ?? 0) > 0)
    v.against(
      'The ERRORLOG shows the reset came while establishing SSL, after the TCP connection was accepted.',
      W.MEDIUM,
      ev(s.errorlogResetDuringLogin),
    );
  if (s.phase?.value === 'login')
    v.against(
      'The error names the login (SSL) step; listener starvation shows up before or at pre-login.',
      W.WEAK,
      ev(s.phase),
    );
  applyHints(v, s, 'tcp-listener-overload');
  return v.result();
}

export const listenerOverloadRule: Rule = {
  id: 'tcp-listener-overload',
  type: 'scenario',
  evaluate: listenerOverload,
};
