/**
 * The part of the certificate parser that decodes DER with @peculiar/x509. certificate.ts loads this module
 * with a dynamic import() only when a certificate's bytes are in the paste, so the first screen does not
 * download the X.509 library. The signature algorithm is mapped from its OID here (the library names some
 * OIDs oddly or not at all, e.g. MD5 or DSA with SHA-2 come back as bare OIDs).
 */
import 'reflect-metadata';
import {
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509Certificate,
} from '@peculiar/x509';
import { evidenceAt } from '../model';
import {
  children,
  decodeOid,
  emptySummary,
  friendlyToFacts,
  judgeHash,
  readTlv,
  sha1Hex,
  weaknessMeaning,
  type CertificateSummary,
  type DecodeContext,
  type DerBlock,
  type OuterSignature,
} from './certificate';

const EC_CURVES: Record<string, number> = {
  '1.2.840.10045.3.1.7': 256, // P-256
  '1.3.132.0.34': 384, // P-384
  '1.3.132.0.35': 521, // P-521
  '1.3.132.0.10': 256, // secp256k1
  '1.2.840.10045.3.1.1': 192,
  '1.3.132.0.33': 224,
};

const KEY_USAGE_LABELS: Array<[number, string]> = [
  [KeyUsageFlags.digitalSignature, 'Digital Signature'],
  [KeyUsageFlags.nonRepudiation, 'Non-Repudiation'],
  [KeyUsageFlags.keyEncipherment, 'Key Encipherment'],
  [KeyUsageFlags.dataEncipherment, 'Data Encipherment'],
  [KeyUsageFlags.keyAgreement, 'Key Agreement'],
  [KeyUsageFlags.keyCertSign, 'Certificate Sign'],
  [KeyUsageFlags.cRLSign, 'CRL Sign'],
  [KeyUsageFlags.encipherOnly, 'Encipher Only'],
  [KeyUsageFlags.decipherOnly, 'Decipher Only'],
];

/** Bit length of a DER INTEGER's content (ignores a leading 0x00 sign byte). */
function integerBits(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  while (p < end && bytes[p] === 0) p++;
  if (p >= end) return 0;
  return (end - p - 1) * 8 + (32 - Math.clz32(bytes[p]!));
}

/** Key type and size straight from the SubjectPublicKeyInfo. */
function readPublicKey(der: Uint8Array): { keyType: string | null; keySize: number | null } {
  const cert = readTlv(der, 0);
  if (!cert) return { keyType: null, keySize: null };
  const [tbs] = children(der, cert, 1);
  if (!tbs) return { keyType: null, keySize: null };
  const fields = children(der, tbs, 12);
  // [0] version is optional; SPKI is the 6th (or 7th) element
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const spki = fields[offset + 5];
  if (!spki || spki.tag !== 0x30) return { keyType: null, keySize: null };
  const [alg, bits] = children(der, spki, 2);
  if (!alg || !bits) return { keyType: null, keySize: null };
  const [oidTlv, params] = children(der, alg, 2);
  const oid = oidTlv ? decodeOid(der, oidTlv) : null;
  if (oid === '1.2.840.113549.1.1.1' || oid === '1.2.840.113549.1.1.10') {
    // BIT STRING: unused-bits byte, then RSAPublicKey SEQUENCE { modulus, exponent }
    const seq = readTlv(der, bits.contentStart + 1, bits.end);
    const modulus = seq ? children(der, seq, 1)[0] : undefined;
    return {
      keyType: 'RSA',
      keySize: modulus && modulus.tag === 0x02 ? integerBits(der, modulus.contentStart, modulus.end) : null,
    };
  }
  if (oid === '1.2.840.10045.2.1') {
    const curve = params && params.tag === 0x06 ? decodeOid(der, params) : null;
    return { keyType: 'EC', keySize: curve ? (EC_CURVES[curve] ?? null) : null };
  }
  if (oid === '1.2.840.10040.4.1') {
    const p = params && params.tag === 0x30 ? children(der, params, 1)[0] : undefined;
    return { keyType: 'DSA', keySize: p && p.tag === 0x02 ? integerBits(der, p.contentStart, p.end) : null };
  }
  if (oid === '1.3.101.112') return { keyType: 'Ed25519', keySize: 256 };
  if (oid === '1.3.101.113') return { keyType: 'Ed448', keySize: 456 };
  return { keyType: oid, keySize: null };
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Decodes one certificate's DER into a summary, adding evidence (span = the block) and problems. */
export async function decodeDerCertificate(
  block: DerBlock,
  outer: OuterSignature,
  ctx: DecodeContext,
): Promise<CertificateSummary> {
  const s = emptySummary();
  const fact = (name: string) => (ctx.index === 0 ? name : `certificates.${ctx.index}.${name}`);
  const say = (meaning: string, name: string) =>
    ctx.evidence.push(evidenceAt(ctx.text, block.start, block.end, meaning, fact(name)));
  const which = ctx.index === 0 ? 'The certificate' : `Certificate ${ctx.index + 1} in the chain`;

  if (outer.oid) {
    Object.assign(s, friendlyToFacts(outer.oid));
    const hash = outer.hash;
    s.signatureHash = hash === 'md2' || hash === 'md4' ? null : hash;
    Object.assign(s, judgeHash(hash));
    say(`${which}: ${weaknessMeaning(hash, s.signatureAlgorithm)}`, 'signatureAlgorithm');
  }
  s.thumbprint = await sha1Hex(block.der);
  if (s.thumbprint) say(`${which} has thumbprint ${s.thumbprint} (SHA-1 of its DER bytes).`, 'thumbprint');
  Object.assign(s, readPublicKey(block.der));

  let cert: X509Certificate;
  try {
    cert = new X509Certificate(block.der.slice());
  } catch (error) {
    ctx.problems.push({
      code: 'x509-decode-failed',
      severity: 'error',
      message: `${which} could not be fully decoded (${error instanceof Error ? error.message : 'unknown error'}); only its signature algorithm and thumbprint were read.`,
      start: block.start,
      end: block.end,
    });
    return s;
  }
  s.subject = safe(() => cert.subject, null);
  s.issuer = safe(() => cert.issuer, null);
  s.serialNumber = safe(() => cert.serialNumber.toLowerCase(), null);
  if (s.subject) say(`${which} is issued to ${s.subject}.`, 'subject');
  const notBefore = safe<Date | null>(() => cert.notBefore, null);
  const notAfter = safe<Date | null>(() => cert.notAfter, null);
  s.notBefore = notBefore && !Number.isNaN(notBefore.getTime()) ? notBefore.toISOString() : null;
  s.notAfter = notAfter && !Number.isNaN(notAfter.getTime()) ? notAfter.toISOString() : null;
  if (notAfter && s.notAfter) {
    s.expired = notAfter.getTime() < ctx.now.getTime();
    const notYet = notBefore && notBefore.getTime() > ctx.now.getTime();
    say(
      s.expired
        ? `${which} expired on ${s.notAfter.slice(0, 10)}: SQL Server may refuse to load it and clients that check validity fail.`
        : notYet
          ? `${which} is not valid before ${s.notBefore?.slice(0, 10)}.`
          : `${which} is valid until ${s.notAfter.slice(0, 10)}.`,
      'notAfter',
    );
  }

  const san = safe(() => cert.getExtension(SubjectAlternativeNameExtension), null);
  if (san) {
    s.san = safe(
      () =>
        san.names
          .toJSON()
          .filter((n) => n.type === 'dns')
          .map((n) => n.value),
      [],
    );
    if (s.san.length) say(`${which} names these hosts (SAN): ${s.san.join(', ')}.`, 'san');
  }
  const eku = safe(() => cert.getExtension(ExtendedKeyUsageExtension), null);
  if (eku) {
    const usages = safe(() => eku.usages.map(String), [] as string[]);
    s.serverAuthEku = usages.includes('1.3.6.1.5.5.7.3.1');
    say(
      s.serverAuthEku
        ? `${which} allows Server Authentication (1.3.6.1.5.5.7.3.1), which SQL Server needs.`
        : `${which} does not list Server Authentication (1.3.6.1.5.5.7.3.1) in its Enhanced Key Usage, so SQL Server will not use it for encryption.`,
      'serverAuthEku',
    );
  } else {
    s.serverAuthEku = false;
    say(
      `${which} has no Enhanced Key Usage extension; SQL Server wants Server Authentication (1.3.6.1.5.5.7.3.1) listed.`,
      'serverAuthEku',
    );
  }
  const ku = safe(() => cert.getExtension(KeyUsagesExtension), null);
  if (ku) {
    const flags = safe(() => ku.usages as number, 0);
    s.keyUsage = KEY_USAGE_LABELS.filter(([bit]) => (flags & bit) !== 0).map(([, label]) => label);
  }
  if (s.subject !== null && s.issuer !== null) s.selfSigned = s.subject === s.issuer;
  if (s.keyType) {
    say(
      `${which} has a${s.keyType === 'RSA' ? 'n' : ''} ${s.keyType} key${s.keySize ? ` of ${s.keySize} bits` : ''}.`,
      'keyType',
    );
  }
  return s;
}
