/**
 * Look-alikes: situations that produce the same or a similar message but are not one of the six
 * scenarios. Each fires only on its own evidence.
 */
import type { Rule, RuleResult, Signals } from '../types';
import { ev, evidenceOfAll, Verdict, W } from './verdict';

const PRIOR = -3;

/** The client error itself was recognised as a different problem. */
export function recognisedOtherError(s: Signals): RuleResult {
  const id = s.otherError?.value ?? 'other-error';
  const v = new Verdict(id, 'look-alike', PRIOR);
  if (s.family?.value === 'other-error')
    v.for(
      s.otherError
        ? `The error message is a recognised ${s.otherError.value} error.`
        : 'The error message is a recognised different error.',
      W.DECISIVE + W.MEDIUM,
      [...ev(s.family), ...ev(s.otherError)],
    );
  if (s.family?.value === 'handshake-reset')
    v.against('Another paste holds the handshake reset itself.', W.MEDIUM, ev(s.family));
  return v.result();
}

export function resetAfterLogin(s: Signals): RuleResult {
  const v = new Verdict('reset-after-login', 'look-alike', PRIOR);
  if (s.phase?.value === 'after-login')
    v.for(
      'The connection was reset after login (while sending or receiving), not during the TLS handshake.',
      W.DECISIVE + W.MEDIUM,
      ev(s.phase),
    );
  if (s.phase && s.phase.value !== 'after-login' && s.phase.value !== 'unknown')
    v.against(`The error happened during ${s.phase.value}.`, W.STRONG, ev(s.phase));
  return v.result();
}

export function strictEncryption(s: Signals): RuleResult {
  const v = new Verdict('strict-encryption', 'look-alike', PRIOR);
  if (s.strict)
    v.for(
      'Strict encryption (TDS 8, Encrypt=Strict or Force Strict Encryption) is involved.',
      W.STRONG,
      ev(s.strict),
    );
  if (s.strict && s.sql?.value.major !== null && s.sql?.value.major !== undefined && s.sql.value.major < 16)
    v.for(
      `${s.sql.value.product ?? 'This SQL Server'} predates TDS 8 (SQL Server 2022), so it cannot do strict encryption.`,
      W.STRONG,
      ev(s.sql),
    );
  const invalidPrelogin = s.errorlogEvents.filter((e) => e.value.error === 17828);
  if (invalidPrelogin.length)
    v.for(
      'ERRORLOG 17828: a pre-login packet the server could not read, as when a TDS 8 (TLS-first) client meets an older listener.',
      s.strict ? W.MEDIUM : W.WEAK,
      evidenceOfAll(invalidPrelogin),
    );
  return v.result();
}

export function encryptionNotSupported(s: Signals): RuleResult {
  const v = new Verdict('encryption-not-supported', 'look-alike', PRIOR);
  const hits = s.errorlogEvents.filter((e) => e.value.error === 17835);
  if (hits.length)
    v.for(
      'ERRORLOG 17835: the server requires encryption and the client library does not support it.',
      W.DECISIVE,
      evidenceOfAll(hits),
    );
  return v.result();
}

export const LOOK_ALIKE_RULES: Rule[] = [
  { id: 'recognised-other-error', type: 'look-alike', evaluate: recognisedOtherError },
  { id: 'reset-after-login', type: 'look-alike', evaluate: resetAfterLogin },
  { id: 'strict-encryption', type: 'look-alike', evaluate: strictEncryption },
  { id: 'encryption-not-supported', type: 'look-alike', evaluate: encryptionNotSupported },
];
