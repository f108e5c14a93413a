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

/** What the library and the digest give for one DER (a pure function of the bytes). */
interface X509Read {
  thumbprint: string | null;
  /** set when the library could not decode the bytes */
  error: string | null;
  subject: string | null;
  issuer: string | null;
  serialNumber: string | null;
  notBefore: Date | null;
  notAfter: Date | null;
  /** DNS names of the SAN extension; null without the extension */
  san: string[] | null;
  /** Enhanced Key Usage OIDs; null without the extension */
  eku: string[] | null;
  /** Key Usage flags; null without the extension */
  keyUsage: number | null;
}

async function readX509(der: Uint8Array): Promise<X509Read> {
  const read: X509Read = {
    thumbprint: await sha1Hex(der),
    error: null,
    subject: null,
    issuer: null,
    serialNumber: null,
    notBefore: null,
    notAfter: null,
    san: null,
    eku: null,
    keyUsage: null,
  };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der.slice());
  } catch (error) {
    read.error = error instanceof Error ? error.message : 'unknown error';
    return read;
  }
  read.subject = safe(() => cert.subject, null);
  read.issuer = safe(() => cert.issuer, null);
  read.serialNumber = safe(() => cert.serialNumber.toLowerCase(), null);
  read.notBefore = safe<Date | null>(() => cert.notBefore, null);
  read.notAfter = safe<Date | null>(() => cert.notAfter, null);
  const san = safe(() => cert.getExtension(SubjectAlternativeNameExtension), null);
  if (san)
    read.san = safe(
      () =>
        san.names
          .toJSON()
          .filter((n) => n.type === 'dns')
          .map((n) => n.value),
      [],
    );
  const eku = safe(() => cert.getExtension(ExtendedKeyUsageExtension), null);
  if (eku) read.eku = safe(() => eku.usages.map(String), [] as string[]);
  const ku = safe(() => cert.getExtension(KeyUsagesExtension), null);
  if (ku) read.keyUsage = safe(() => ku.usages as number, 0);
  return read;
}

/** readX509, once per distinct DER of a paste (see DecodeContext.decoded). */
async function readX509Once(der: Uint8Array, cache: Map<string, unknown> | undefined): Promise<X509Read> {
  if (!cache) return readX509(der);
  let key = '';
  for (let i = 0; i < der.length; i += 0x2000)
    key += String.fromCharCode.apply(null, der.subarray(i, i + 0x2000) as unknown as number[]);
  const known = cache.get(key) as X509Read | undefined;
  if (known) return known;
  const read = await readX509(der);
  cache.set(key, read);
  return read;
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
  const x = await readX509Once(block.der, ctx.decoded);
  s.thumbprint = x.thumbprint;
  if (s.thumbprint) say(`${which} has thumbprint ${s.thumbprint} (SHA-1 of its DER bytes).`, 'thumbprint');
  Object.assign(s, readPublicKey(block.der));

  if (x.error !== null) {
    ctx.problems.push({
      code: 'x509-decode-failed',
      severity: 'error',
      message: `${which} could not be fully decoded (${x.error}); only its signature algorithm and thumbprint were read.`,
      start: block.start,
      end: block.end,
    });
    return s;
  }
  s.subject = x.subject;
  s.issuer = x.issuer;
  s.serialNumber = x.serialNumber;
  if (s.subject) say(`${which} is issued to ${s.subject}.`, 'subject');
  const notBefore = x.notBefore;
  const notAfter = x.notAfter;
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

  if (x.san) {
    s.san = [...x.san];
    if (s.san.length) say(`${which} names these hosts (SAN): ${s.san.join(', ')}.`, 'san');
  }
  if (x.eku) {
    const usages = x.eku;
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
  if (x.keyUsage !== null) {
    const flags = x.keyUsage;
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
