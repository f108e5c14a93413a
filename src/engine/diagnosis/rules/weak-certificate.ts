/** Scenario 4: SQL Server's certificate is signed with MD5, SHA-224 or SHA-512. */
import type { Rule, RuleResult, Signals } from '../types';
import { answered, applyHints, ev, familyGate, PRIORS, tlsAlerts, Verdict, W } from './verdict';

const hashName = (h: string | null, alg: string | null) => alg ?? (h ? h.toUpperCase() : 'an unknown hash');

export function weakCertificate(s: Signals): RuleResult {
  const v = new Verdict('weak-certificate-hash', 'scenario', PRIORS['weak-certificate-hash']);
  familyGate(v, s);
  if (s.selfGeneratedCert?.value)
    v.against(
      'SQL Server uses its self-generated certificate, which this scenario does not affect.',
      W.DECISIVE,
      ev(s.selfGeneratedCert),
    );

  const used = s.certInUse?.value;
  if (used) {
    const what = hashName(used.signatureHash, used.signatureAlgorithm);
    const where = used.matchedErrorlog
      ? 'the certificate SQL Server loaded (its thumbprint matches the ERRORLOG)'
      : 'the pasted certificate (if it is the one SQL Server uses)';
    if (s.sql?.value.linux && used.weakOnLinuxOpenSsl === true)
      v.for(
        `SQL Server runs on Linux and ${where} is signed with ${what}, which OpenSSL refuses at its default security level.`,
        W.STRONG,
        ev(s.certInUse),
      );
    else if (used.weakForSqlServer === true)
      v.for(
        `${where[0]!.toUpperCase()}${where.slice(1)} is signed with ${what}; TLS 1.2 on Windows cannot use it.`,
        used.matchedErrorlog ? W.DECISIVE : W.STRONG,
        ev(s.certInUse),
      );
    else if (used.weakForSqlServer === false)
      v.against(
        `${where[0]!.toUpperCase()}${where.slice(1)} is signed with ${what}, which is fine.`,
        used.matchedErrorlog ? W.DECISIVE : W.STRONG,
        ev(s.certInUse),
      );
  }
  if (s.certNotInUse && s.certNotInUse.value.weakForSqlServer === true)
    v.against(
      'The weak certificate pasted is not the one SQL Server loaded (its thumbprint differs from the ERRORLOG).',
      W.MEDIUM,
      [...ev(s.certNotInUse), ...ev(s.errorlogThumbprint)],
    );
  if (
    s.opensslReason &&
    /legacy sigalg|ca md too weak|md too weak|unsupported certificate/i.test(s.opensslReason.value)
  )
    v.for(
      `OpenSSL on the client refused the server certificate's signature ("${s.opensslReason.value}"): the Linux form of this scenario (there MD5 and SHA-1 are the weak ones).`,
      W.STRONG,
      ev(s.opensslReason),
    );
  for (const a of tlsAlerts(s)) {
    if (a.alert === 40 && a.state === 1205)
      v.for(
        'Alert 40 with state 1205 was seen with an MD5-signed certificate and TLS 1.2.',
        W.MEDIUM,
        a.evidence,
      );
    else if (a.alert === 42 || a.alert === 43)
      v.for(
        `A ${a.alert === 42 ? 'bad_certificate' : 'unsupported_certificate'} alert: the certificate could not be used.`,
        W.MEDIUM,
        a.evidence,
      );
  }
  if (s.closedAfterClientHello)
    v.for(
      'The server closed the connection right after the Client Hello.',
      W.WEAK,
      ev(s.closedAfterClientHello),
    );
  if (s.frequency?.value === 'intermittent')
    v.against('It fails only sometimes; a certificate problem fails every time.', W.MEDIUM, ev(s.frequency));
  if (s.frequency?.value === 'always')
    v.for('It fails every time, as a certificate problem does.', W.WEAK, ev(s.frequency));
  if (s.negotiatedSuite)
    v.against(
      `The handshake got as far as choosing ${s.negotiatedSuite.value}.`,
      W.MEDIUM,
      ev(s.negotiatedSuite),
    );
  const weak = answered(s, 'server.certificateWeak');
  if (weak?.value === 'weak')
    v.for(
      "You found SQL Server's certificate signed with MD5, SHA-224 or SHA-512.",
      W.DECISIVE,
      weak.evidence,
    );
  if (weak?.value === 'not-weak')
    v.against(
      "You found SQL Server's certificate signed with an accepted hash (or self-generated).",
      W.STRONG,
      weak.evidence,
    );
  applyHints(v, s, 'weak-certificate-hash');
  return v.result();
}

export const weakCertificateRule: Rule = {
  id: 'weak-certificate-hash',
  type: 'scenario',
  evaluate: weakCertificate,
};
