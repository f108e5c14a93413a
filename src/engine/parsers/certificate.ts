/**
 * Certificate parser: PEM (one or a chain), bare base64 or hex DER, `certutil -dump` / `certutil -v -store`
 * (English, French, German labels), PowerShell `Cert:\` listings (`Format-List *`, `Select-Object` tables),
 * `openssl x509 -text`, and what a user copies from the Windows certificate dialog or SQL Server
 * Configuration Manager.
 *
 * DER is decoded by ./certificate-x509.ts, which pulls in @peculiar/x509 and is loaded with a dynamic
 * import() only when a certificate's bytes are present, so sniff() and the text formats stay cheap.
 */
import { evidenceAt, type Evidence, type ParseResult, type Problem } from '../model';
import type { ArtifactParser } from './types';
import { lowerHead, PhraseSet } from './text/phrases';

export type SignatureHash = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export type CertificateFormat =
  | 'pem'
  | 'der-base64'
  | 'der-hex'
  | 'certutil'
  | 'powershell-list'
  | 'powershell-table'
  | 'openssl-text'
  | 'windows-dialog'
  | 'unknown';

/** What is known about one certificate. Null means "not in the paste". */
export interface CertificateSummary {
  /** ASN.1 / OpenSSL name, e.g. "sha512WithRSAEncryption", "ecdsa-with-SHA256", "RSASSA-PSS" */
  signatureAlgorithm: string | null;
  signatureAlgorithmOid: string | null;
  /** the name Windows shows, e.g. "sha512RSA" */
  signatureAlgorithmFriendlyName: string | null;
  signatureHash: SignatureHash | null;
  /** MD5, SHA-224 or SHA-512 (or MD2/MD4): breaks TLS 1.2 with SQL Server on Windows, per the article */
  weakForSqlServer: boolean | null;
  /** MD5 or SHA-1 (or MD2/MD4): refused by OpenSSL at security level 2 (SQL Server on Linux, Linux clients) */
  weakOnLinuxOpenSsl: boolean | null;
  /** SHA-1 of the DER, 40 uppercase hex digits */
  thumbprint: string | null;
  subject: string | null;
  issuer: string | null;
  selfSigned: boolean | null;
  /** DNS names from the Subject Alternative Name */
  san: string[];
  /** ISO 8601 when the date could be read unambiguously, otherwise the text as printed */
  notBefore: string | null;
  notAfter: string | null;
  expired: boolean | null;
  serverAuthEku: boolean | null;
  keyType: 'RSA' | 'EC' | 'DSA' | 'Ed25519' | 'Ed448' | string | null;
  keySize: number | null;
  keyUsage: string[] | null;
  serialNumber: string | null;
}

export interface CertificateFacts extends CertificateSummary {
  format: CertificateFormat;
  /** every certificate found, in paste order (for a chain: first = leaf) */
  certificates: CertificateSummary[];
}

export type CertificateResult = ParseResult<'certificate', CertificateFacts>;

export interface CertificateParseOptions {
  /** the time `expired` is computed against (tests inject it) */
  now?: Date;
}

// ---------------------------------------------------------------------------------------------------
// Signature algorithm tables
// ---------------------------------------------------------------------------------------------------

interface SigAlgInfo {
  name: string;
  friendly: string;
  /** null for RSASSA-PSS (hash in the parameters) and EdDSA */
  hash: SignatureHash | 'md2' | 'md4' | null;
  family: 'RSA' | 'RSA-PSS' | 'ECDSA' | 'DSA' | 'EdDSA';
}

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SigAlgInfo>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', friendly: 'md2RSA', hash: 'md2', family: 'RSA' },
  '1.2.840.113549.1.1.3': { name: 'md4WithRSAEncryption', friendly: 'md4RSA', hash: 'md4', family: 'RSA' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', friendly: 'md5RSA', hash: 'md5', family: 'RSA' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', friendly: 'sha1RSA', hash: 'sha1', family: 'RSA' },
  '1.3.14.3.2.29': { name: 'sha1WithRSASignature', friendly: 'sha1RSA', hash: 'sha1', family: 'RSA' },
  '1.2.840.113549.1.1.14': {
    name: 'sha224WithRSAEncryption',
    friendly: 'sha224RSA',
    hash: 'sha224',
    family: 'RSA',
  },
  '1.2.840.113549.1.1.11': {
    name: 'sha256WithRSAEncryption',
    friendly: 'sha256RSA',
    hash: 'sha256',
    family: 'RSA',
  },
  '1.2.840.113549.1.1.12': {
    name: 'sha384WithRSAEncryption',
    friendly: 'sha384RSA',
    hash: 'sha384',
    family: 'RSA',
  },
  '1.2.840.113549.1.1.13': {
    name: 'sha512WithRSAEncryption',
    friendly: 'sha512RSA',
    hash: 'sha512',
    family: 'RSA',
  },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', friendly: 'RSASSA-PSS', hash: null, family: 'RSA-PSS' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', friendly: 'sha1ECDSA', hash: 'sha1', family: 'ECDSA' },
  '1.2.840.10045.4.3.1': {
    name: 'ecdsa-with-SHA224',
    friendly: 'sha224ECDSA',
    hash: 'sha224',
    family: 'ECDSA',
  },
  '1.2.840.10045.4.3.2': {
    name: 'ecdsa-with-SHA256',
    friendly: 'sha256ECDSA',
    hash: 'sha256',
    family: 'ECDSA',
  },
  '1.2.840.10045.4.3.3': {
    name: 'ecdsa-with-SHA384',
    friendly: 'sha384ECDSA',
    hash: 'sha384',
    family: 'ECDSA',
  },
  '1.2.840.10045.4.3.4': {
    name: 'ecdsa-with-SHA512',
    friendly: 'sha512ECDSA',
    hash: 'sha512',
    family: 'ECDSA',
  },
  '1.2.840.10040.4.3': { name: 'dsa-with-sha1', friendly: 'sha1DSA', hash: 'sha1', family: 'DSA' },
  '2.16.840.1.101.3.4.3.1': { name: 'dsa_with_SHA224', friendly: 'sha224DSA', hash: 'sha224', family: 'DSA' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa_with_SHA256', friendly: 'sha256DSA', hash: 'sha256', family: 'DSA' },
  '2.16.840.1.101.3.4.3.3': { name: 'dsa_with_SHA384', friendly: 'sha384DSA', hash: 'sha384', family: 'DSA' },
  '2.16.840.1.101.3.4.3.4': { name: 'dsa_with_SHA512', friendly: 'sha512DSA', hash: 'sha512', family: 'DSA' },
  '1.3.101.112': { name: 'Ed25519', friendly: 'Ed25519', hash: null, family: 'EdDSA' },
  '1.3.101.113': { name: 'Ed448', friendly: 'Ed448', hash: null, family: 'EdDSA' },
};

/** Hash algorithm OIDs (RSASSA-PSS parameters). */
export const HASH_OIDS: Readonly<Record<string, SignatureHash>> = {
  '1.2.840.113549.2.5': 'md5',
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Every textual name a tool prints for a signature algorithm, lower-cased, mapped to its OID. */
const NAME_TO_OID: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [oid, info] of Object.entries(SIGNATURE_ALGORITHMS)) {
    if (oid === '1.3.14.3.2.29') continue;
    map.set(info.name.toLowerCase(), oid);
    map.set(info.friendly.toLowerCase(), oid);
  }
  const extra: Record<string, string> = {
    rsassapss: '1.2.840.113549.1.1.10',
    'rsassa-pss': '1.2.840.113549.1.1.10',
    dsawithsha1: '1.2.840.10040.4.3',
    dsa_with_sha1: '1.2.840.10040.4.3',
    'dsa-with-sha224': '2.16.840.1.101.3.4.3.1',
    'dsa-with-sha256': '2.16.840.1.101.3.4.3.2',
    'dsa-with-sha384': '2.16.840.1.101.3.4.3.3',
    'dsa-with-sha512': '2.16.840.1.101.3.4.3.4',
    ed25519: '1.3.101.112',
    ed448: '1.3.101.113',
  };
  for (const [k, v] of Object.entries(extra)) map.set(k, v);
  return map;
})();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Algorithm names as tokens: a plain alternation of literals (linear), longest first. */
const SIG_NAME_RE = new RegExp(
  `(?<![A-Za-z0-9_-])(${[...NAME_TO_OID.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})(?![A-Za-z0-9_-])`,
  'gi',
);
const OID_RE = /(?<![\d.])(\d{1,6}(?:\.\d{1,9}){2,12})(?![\d.])/g;

export interface SignatureVerdict {
  weakForSqlServer: boolean | null;
  weakOnLinuxOpenSsl: boolean | null;
}

/** The platform rules of the article (Windows) and of OpenSSL security level 2 (Linux), from the hash. */
export function judgeHash(hash: SignatureHash | 'md2' | 'md4' | null): SignatureVerdict {
  if (hash === null) return { weakForSqlServer: null, weakOnLinuxOpenSsl: null };
  const windowsWeak =
    hash === 'md2' || hash === 'md4' || hash === 'md5' || hash === 'sha224' || hash === 'sha512';
  const linuxWeak = hash === 'md2' || hash === 'md4' || hash === 'md5' || hash === 'sha1';
  return { weakForSqlServer: windowsWeak, weakOnLinuxOpenSsl: linuxWeak };
}

const HASH_LABEL: Record<string, string> = {
  md2: 'MD2',
  md4: 'MD4',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

export function weaknessMeaning(hash: SignatureHash | 'md2' | 'md4' | null, name: string | null): string {
  const label = hash ? HASH_LABEL[hash] : 'an unknown hash';
  const what = name ? `${name} (${label})` : label;
  const v = judgeHash(hash);
  if (v.weakForSqlServer === null) return `Signed with ${what}; its effect on TLS is not known.`;
  const win = v.weakForSqlServer
    ? `On Windows this hash breaks the TLS 1.2 handshake with SQL Server (the article lists MD5, SHA-224 and SHA-512): clients that do not offer it get the connection reset (10054).`
    : `On Windows this hash is accepted for TLS 1.2 with SQL Server.`;
  const linux = v.weakOnLinuxOpenSsl
    ? `On SQL Server on Linux or OpenSSL clients at security level 2 (Ubuntu 20.04+) it is refused, which also ends in 10054; there the fix is a SHA-256 or stronger signature.`
    : `OpenSSL at security level 2 (SQL Server on Linux, Linux clients) accepts it; note the rules are opposite there: SHA-1 fails on Linux while SHA-224/SHA-512 only matter on Windows.`;
  return `Signed with ${what}. ${win} ${linux}`;
}

// ---------------------------------------------------------------------------------------------------
// Minimal DER reader (bounded, iterative where it matters)
// ---------------------------------------------------------------------------------------------------

export interface Tlv {
  tag: number;
  /** offset of the tag byte */
  start: number;
  /** offset of the first content byte */
  contentStart: number;
  /** end of content (exclusive) */
  end: number;
}

/** Reads one TLV at `pos`; null when it does not fit inside `limit`. */
export function readTlv(bytes: Uint8Array, pos: number, limit = bytes.length): Tlv | null {
  if (pos + 2 > limit) return null;
  const tag = bytes[pos]!;
  if ((tag & 0x1f) === 0x1f) return null; // multi-byte tags do not occur in certificates
  let len = bytes[pos + 1]!;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i]!;
    p += n;
  }
  if (p + len > limit) return null;
  return { tag, start: pos, contentStart: p, end: p + len };
}

/** The children of a constructed TLV. */
export function children(bytes: Uint8Array, tlv: Tlv, max = 64): Tlv[] {
  const out: Tlv[] = [];
  let p = tlv.contentStart;
  while (p < tlv.end && out.length < max) {
    const c = readTlv(bytes, p, tlv.end);
    if (!c) break;
    out.push(c);
    p = c.end;
  }
  return out;
}

export function decodeOid(bytes: Uint8Array, tlv: Tlv): string | null {
  if (tlv.tag !== 0x06 || tlv.end <= tlv.contentStart || tlv.end - tlv.contentStart > 64) return null;
  const parts: number[] = [];
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) {
        const first = value < 40 ? 0 : value < 80 ? 1 : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** The hash named in RSASSA-PSS-params (SEQUENCE { [0] hashAlgorithm ... }); SHA-1 when absent. */
export function pssHashFromParams(bytes: Uint8Array, params: Tlv | undefined): SignatureHash | null {
  if (!params || params.tag === 0x05) return 'sha1'; // absent or NULL: all defaults
  if (params.tag !== 0x30) return null;
  for (const field of children(bytes, params, 8)) {
    if (field.tag !== 0xa0) continue;
    const alg = readTlv(bytes, field.contentStart, field.end);
    if (!alg || alg.tag !== 0x30) return null;
    const oidTlv = readTlv(bytes, alg.contentStart, alg.end);
    const oid = oidTlv ? decodeOid(bytes, oidTlv) : null;
    return oid ? (HASH_OIDS[oid] ?? null) : null;
  }
  return 'sha1';
}

export interface OuterSignature {
  oid: string | null;
  hash: SignatureHash | 'md2' | 'md4' | null;
  /** DER length of the certificate itself (a TRUSTED CERTIFICATE carries trailing data) */
  length: number;
}

/** Reads the outer signatureAlgorithm of a Certificate; null when the bytes are not a certificate. */
export function readOuterSignature(der: Uint8Array): OuterSignature | null {
  const cert = readTlv(der, 0);
  if (!cert || cert.tag !== 0x30) return null;
  const [tbs, alg, sig] = children(der, cert, 4);
  if (!tbs || !alg || !sig || tbs.tag !== 0x30 || alg.tag !== 0x30 || sig.tag !== 0x03) return null;
  const [oidTlv, params] = children(der, alg, 4);
  const oid = oidTlv ? decodeOid(der, oidTlv) : null;
  const info = oid ? SIGNATURE_ALGORITHMS[oid] : undefined;
  let hash: OuterSignature['hash'] = info?.hash ?? null;
  if (info?.family === 'RSA-PSS') hash = pssHashFromParams(der, params);
  return { oid, hash, length: cert.end };
}

export async function sha1Hex(bytes: Uint8Array): Promise<string | null> {
  try {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return null;
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const digest = new Uint8Array(await subtle.digest('SHA-1', copy));
    let hex = '';
    for (const b of digest) hex += b.toString(16).padStart(2, '0');
    return hex.toUpperCase();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Base64 / hex
// ---------------------------------------------------------------------------------------------------

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, i) => (B64[c.charCodeAt(0)] = i));
B64['-'.charCodeAt(0)] = 62; // base64url
B64['_'.charCodeAt(0)] = 63;

export interface Base64Result {
  bytes: Uint8Array;
  /** offset (in the given string) of the first character that is not base64 or whitespace, or -1 */
  badAt: number;
}

/** Decodes base64, skipping whitespace and quote markers at line starts; stops at '='. */
export function decodeBase64(s: string, from = 0, to = s.length): Base64Result {
  const out = new Uint8Array(Math.ceil(((to - from) * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  let badAt = -1;
  let lineStart = true;
  let ended = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x200e || c === 0x200f || c === 0xfeff) continue;
    if (lineStart && c === 62 /* > */) continue;
    // JSON- or log-escaped line breaks: a literal backslash-n (or r, t) is a separator, not data
    if (c === 92 /* \\ */ && i + 1 < to) {
      const e = s.charCodeAt(i + 1);
      if (e === 110 || e === 114 || e === 116) {
        i++;
        lineStart = true;
        continue;
      }
    }
    lineStart = false;
    if (c === 61 /* = */) {
      ended = true;
      continue;
    }
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0 || ended) {
      if (badAt < 0) badAt = i;
      continue;
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return { bytes: out.subarray(0, n), badAt };
}

/** Decodes hex pairs separated by nothing, spaces, colons or line breaks; null if anything else is there. */
export function decodeHex(s: string): Uint8Array | null {
  const clean = s.replace(/[\s:]+/g, '');
  if (clean.length < 2 || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean)) return null;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Sniff
// ---------------------------------------------------------------------------------------------------

const SNIFF_LIMIT = 200_000;

const SNIFF_PHRASE_LIST = [
  '-----BEGIN ',
  'X509 Certificate:',
  '(sha1)',
  'Data:',
  'Encryption',
  'Thumbprint',
  'SignatureAlgorithm',
  'Cert:\\',
  '1.3.6.1.5.5.7.3.1',
  'Server Authentication',
] as const;
/**
 * Every pattern below needs one of these (lower-cased), except base64 or hex DER at the start of the text:
 * most blocks of a long paste are rejected without running the patterns.
 */
const SNIFF_GATE = new PhraseSet([
  ...SNIFF_PHRASE_LIST.map((p) => p.toLowerCase()),
  'signature hash algorithm',
  'signaturhashalgorithmus',
  'algorithme de hachage de la signature',
  'rsa',
  'ecdsa',
]);

/** How much a text looks like a certificate (cheap, linear, synchronous). */
export function sniffCertificate(input: string): number {
  const text = input.length > SNIFF_LIMIT ? input.slice(0, SNIFF_LIMIT) : input;
  if (!SNIFF_GATE.someOccur(lowerHead(input, SNIFF_LIMIT))) {
    const trimmed = text.trim();
    if (!trimmed.startsWith('MII') && !trimmed.startsWith('30')) return 0;
  }
  // literal includes() first: the regular expressions run only where their keyword occurs (one native search
  // per keyword asked, in order: a PEM block is settled by the first; a pair filter over the block's own
  // characters, as the gate has for its lower case, cost a second pass over every block)
  if (text.includes('-----BEGIN ')) {
    if (/-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----/.test(text)) return 0.97;
    if (/-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/.test(text)) return 0.85;
  }
  if (text.includes('X509 Certificate:')) return 0.95;
  if (
    text.includes('(sha1)') &&
    /(?:^|\n)[ \t]{0,8}(?:Cert Hash\(sha1\)|Zertifikathash\(sha1\)|Hach\. cert\. \(sha1\))/.test(text)
  )
    return 0.9;
  if (text.includes('Data:') && /(?:^|\n)[ \t]{0,8}Certificate:[ \t]{0,8}\r?\n[ \t]{0,12}Data:/.test(text))
    return 0.95;
  if (
    text.includes('Encryption') &&
    /Signature Algorithm:[ \t]{0,4}[A-Za-z0-9-]{0,12}With[A-Z]{2,5}Encryption/.test(text)
  )
    return 0.85;
  if (
    text.includes('Thumbprint') &&
    /(?:^|\n)[ \t]{0,8}Thumbprint[ \t]{0,30}:[ \t]{0,4}[0-9A-Fa-f]{40}\b/.test(text)
  )
    return 0.85;
  if (text.includes('SignatureAlgorithm') && /(?:^|\n)[ \t]{0,8}SignatureAlgorithm[ \t]{0,30}:/.test(text))
    return 0.85;
  if (/Signature hash algorithm|Signaturhashalgorithmus|Algorithme de hachage de la signature/i.test(text))
    return 0.8;
  if (text.includes('Cert:\\') && /Cert:\\(?:LocalMachine|CurrentUser)/i.test(text)) return 0.7;
  if (/(?<![A-Za-z0-9])(?:md5|sha1|sha224|sha256|sha384|sha512)(?:RSA|ECDSA)(?![A-Za-z0-9])/.test(text))
    return 0.6;
  const trimmed = text.trim();
  if (
    trimmed.startsWith('MII') &&
    /^MII[A-Za-z0-9+/]{20}/.test(trimmed) &&
    /^[A-Za-z0-9+/=\s]+$/.test(trimmed)
  )
    return 0.8;
  if (
    trimmed.startsWith('30') &&
    /^30\s?82(?:\s?[0-9a-fA-F]{2}){20}/.test(trimmed) &&
    /^[0-9a-fA-F\s:]+$/.test(trimmed)
  )
    return 0.6;
  if (
    (text.includes('1.3.6.1.5.5.7.3.1') || text.includes('Server Authentication')) &&
    /Subject|Issuer/.test(text)
  )
    return 0.5;
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------------------------------

export function emptySummary(): CertificateSummary {
  return {
    signatureAlgorithm: null,
    signatureAlgorithmOid: null,
    signatureAlgorithmFriendlyName: null,
    signatureHash: null,
    weakForSqlServer: null,
    weakOnLinuxOpenSsl: null,
    thumbprint: null,
    subject: null,
    issuer: null,
    selfSigned: null,
    san: [],
    notBefore: null,
    notAfter: null,
    expired: null,
    serverAuthEku: null,
    keyType: null,
    keySize: null,
    keyUsage: null,
    serialNumber: null,
  };
}

/** A block of DER found in the paste, with the span of text it came from. */
export interface DerBlock {
  der: Uint8Array;
  start: number;
  end: number;
  source: 'pem' | 'der-base64' | 'der-hex';
}

/** Context handed to the DER decoder so it can add evidence and problems against the whole text. */
export interface DecodeContext {
  text: string;
  now: Date;
  evidence: Evidence[];
  problems: Problem[];
  /** index of this certificate in `certificates` (fact paths) */
  index: number;
  /**
   * What the X.509 library read from each distinct DER of this paste (key: the DER bytes as a latin1
   * string), so a certificate pasted several times (a chain repeated, the same certificate from several
   * stores) is decoded once: the library takes milliseconds per certificate.
   */
  decoded?: Map<string, unknown>;
}

const PEM_BEGIN = '-----BEGIN ';
const DASHES = '-----';

interface PemScan {
  blocks: DerBlock[];
  /** true when at least one armour line was seen */
  sawArmour: boolean;
}

function isCertificateLabel(label: string): boolean {
  return label === 'CERTIFICATE' || label === 'X509 CERTIFICATE' || label === 'TRUSTED CERTIFICATE';
}

const MAX_BLOCKS = 50;

function markers(text: string, needle: string, limit = 20_000): number[] {
  const out: number[] = [];
  let p = text.indexOf(needle);
  while (p >= 0 && out.length < limit) {
    out.push(p);
    p = text.indexOf(needle, p + needle.length);
  }
  return out;
}

function scanPem(text: string, problems: Problem[]): PemScan {
  const blocks: DerBlock[] = [];
  let sawArmour = false;
  // every marker found once, so the scan stays linear whatever the paste holds
  const begins = markers(text, PEM_BEGIN);
  const ends = markers(text, '-----END ');
  let bi = 0;
  let ei = 0;
  let pos = 0;
  while (bi < begins.length) {
    if (blocks.length >= MAX_BLOCKS || problems.length >= MAX_BLOCKS) {
      problems.push({
        code: 'too-many-blocks',
        severity: 'info',
        message: `Only the first ${MAX_BLOCKS} PEM blocks were read.`,
      });
      break;
    }
    const begin = begins[bi++]!;
    if (begin < pos) continue;
    const labelStart = begin + PEM_BEGIN.length;
    const labelEnd = text.indexOf(DASHES, labelStart);
    if (labelEnd < 0 || labelEnd - labelStart > 60 || /[\r\n]/.test(text.slice(labelStart, labelEnd))) {
      pos = labelStart;
      continue;
    }
    sawArmour = true;
    const label = text.slice(labelStart, labelEnd).trim().toUpperCase();
    const bodyStart = labelEnd + DASHES.length;
    while (bi < begins.length && begins[bi]! < bodyStart) bi++;
    const nextBegin = bi < begins.length ? begins[bi]! : -1;
    while (ei < ends.length && ends[ei]! < bodyStart) ei++;
    const anyEnd = ei < ends.length ? ends[ei]! : -1;
    let endAt = -1;
    if (anyEnd >= 0 && (nextBegin < 0 || anyEnd < nextBegin)) {
      const close = text.indexOf(DASHES, anyEnd + 9);
      if (close >= 0 && close - anyEnd < 80) {
        endAt = anyEnd;
        const endLabel = text
          .slice(anyEnd + 9, close)
          .trim()
          .toUpperCase();
        if (endLabel !== label) {
          problems.push({
            code: 'pem-label-mismatch',
            severity: 'warning',
            message: `The block starts with "BEGIN ${label}" but ends with "END ${endLabel}"; read as ${label}.`,
            start: anyEnd,
            end: close + 5,
          });
        }
      }
    }
    const blockEnd = endAt >= 0 ? Math.min(text.length, text.indexOf(DASHES, endAt + 9) + 5) : -1;
    const bodyEnd = endAt >= 0 ? endAt : nextBegin >= 0 ? nextBegin : text.length;
    const spanEnd = endAt >= 0 ? Math.max(blockEnd, bodyEnd) : bodyEnd;

    if (label.includes('PRIVATE KEY')) {
      problems.push({
        code: 'private-key-pasted',
        severity: 'warning',
        message:
          'This is a PRIVATE KEY. Never paste private keys anywhere (this app ignored it and keeps nothing): only the certificate (BEGIN CERTIFICATE) is needed. If the key may have been exposed, replace the certificate and its key.',
        start: begin,
        end: spanEnd,
      });
      pos = Math.max(spanEnd, bodyStart);
      continue;
    }
    if (!isCertificateLabel(label)) {
      const hint =
        label === 'PKCS7'
          ? ' Convert it with: openssl pkcs7 -print_certs -in file.p7b'
          : label.includes('REQUEST')
            ? ' A certificate request is not the issued certificate.'
            : '';
      problems.push({
        code: 'not-a-certificate-pem',
        severity: 'warning',
        message: `This PEM block is "${label}", not a CERTIFICATE; it was skipped.${hint}`,
        start: begin,
        end: spanEnd,
      });
      pos = Math.max(spanEnd, bodyStart);
      continue;
    }
    // skip RFC 1421 headers ("Proc-Type: ...") inside the body
    let b64Start = bodyStart;
    const firstLines = text.slice(bodyStart, Math.min(bodyEnd, bodyStart + 400));
    if (/^\s*[A-Za-z-]{2,40}:/.test(firstLines)) {
      const blank = firstLines.search(/\r?\n\s*\r?\n/);
      if (blank >= 0) b64Start = bodyStart + blank;
    }
    const { bytes, badAt } = decodeBase64(text, b64Start, bodyEnd);
    if (badAt >= 0) {
      problems.push({
        code: 'bad-base64',
        severity: 'error',
        message:
          'The certificate text contains characters that are not base64 (A-Z, a-z, 0-9, +, /, =). Copy the PEM again without edits.',
        start: badAt,
        end: badAt + 1,
      });
    }
    if (endAt < 0) {
      problems.push({
        code: 'truncated-pem',
        severity: 'error',
        message: `The certificate has no "-----END ${label}-----" line: it was cut off. Paste the whole block, from BEGIN to END.`,
        start: begin,
        end: spanEnd,
      });
    }
    blocks.push({ der: bytes, start: begin, end: spanEnd, source: 'pem' });
    pos = Math.max(spanEnd, bodyStart);
  }
  return { blocks, sawArmour };
}

function findBareDer(text: string): DerBlock | null {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.length < 60) return null;
  if (/^MII[A-Za-z0-9+/]/.test(trimmed) && /^[A-Za-z0-9+/=\s>]+$/.test(trimmed)) {
    const { bytes } = decodeBase64(trimmed);
    return { der: bytes, start: lead, end: lead + trimmed.length, source: 'der-base64' };
  }
  if (/^30\s?:?8[1-3]/.test(trimmed) && /^[0-9a-fA-F\s:]+$/.test(trimmed)) {
    const bytes = decodeHex(trimmed);
    if (bytes) return { der: bytes, start: lead, end: lead + trimmed.length, source: 'der-hex' };
  }
  return null;
}

/** Collects and validates DER blocks; returns the ones that look like certificates. */
function usableDer(blocks: DerBlock[], problems: Problem[]): Array<DerBlock & { outer: OuterSignature }> {
  const out: Array<DerBlock & { outer: OuterSignature }> = [];
  for (const block of blocks) {
    const outer = readOuterSignature(block.der);
    if (!outer) {
      const truncatedAlready = problems.some((p) => p.code === 'truncated-pem' && p.start === block.start);
      if (!truncatedAlready) {
        problems.push({
          code: 'not-der-certificate',
          severity: 'error',
          message:
            'These bytes are not a complete X.509 certificate (the DER structure is cut short or damaged). Export the certificate again (Base-64 encoded X.509 .CER) and paste the whole text.',
          start: block.start,
          end: block.end,
        });
      }
      continue;
    }
    const der = outer.length < block.der.length ? block.der.subarray(0, outer.length) : block.der;
    out.push({ ...block, der, outer });
  }
  return out;
}

export async function parseCertificate(
  text: string,
  options: CertificateParseOptions = {},
): Promise<CertificateResult> {
  const now = options.now ?? new Date();
  const evidence: Evidence[] = [];
  const problems: Problem[] = [];
  const facts: CertificateFacts = { ...emptySummary(), format: 'unknown', certificates: [] };
  try {
    const scan = scanPem(text, problems);
    let blocks = scan.blocks;
    if (!scan.sawArmour) {
      const bare = findBareDer(text);
      if (bare) blocks = [bare];
    }
    const certs = usableDer(blocks, problems);
    if (certs.length > 0) {
      facts.format = certs[0]!.source;
      const { decodeDerCertificate } = await import('./certificate-x509');
      const decoded = new Map<string, unknown>();
      for (let i = 0; i < certs.length; i++) {
        const block = certs[i]!;
        const summary = await decodeDerCertificate(block, block.outer, {
          text,
          now,
          evidence,
          problems,
          index: i,
          decoded,
        });
        facts.certificates.push(summary);
      }
      if (certs.length > 1) {
        const leaf = facts.certificates[0]!;
        const issuer = facts.certificates[1]!;
        if (leaf.issuer && issuer.subject && leaf.issuer !== issuer.subject && !leaf.selfSigned) {
          problems.push({
            code: 'chain-order',
            severity: 'info',
            message:
              'The second certificate did not issue the first: the first block is read as the server (leaf) certificate. Paste the server certificate first if that is wrong.',
          });
        }
      }
    } else if (!scan.sawArmour || blocks.length === 0) {
      const textResult = parseCertificateText(text, now, evidence, problems);
      facts.format = textResult.format;
      facts.certificates.push(...textResult.certificates);
    }
    const leaf = facts.certificates[0];
    if (leaf) Object.assign(facts, leaf);
    if (facts.certificates.length === 0 && problems.length === 0) {
      problems.push({
        code: 'no-certificate',
        severity: 'info',
        message:
          'No certificate was found. Paste the certificate as PEM (-----BEGIN CERTIFICATE-----), or the output of certutil -dump, openssl x509 -text, or Get-ChildItem Cert:\\LocalMachine\\My.',
      });
    }
  } catch (error) {
    problems.push({
      code: 'certificate-internal-error',
      severity: 'error',
      message: `The certificate could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
    });
  }
  return { kind: 'certificate', facts, evidence, problems };
}

export const certificateParser: ArtifactParser<'certificate', CertificateFacts> = {
  kind: 'certificate',
  // the highest return of sniffCertificate (a PEM certificate)
  sniffMax: 0.97,
  sniff: sniffCertificate,
  parse: (text: string) => parseCertificate(text),
};

// ---------------------------------------------------------------------------------------------------
// Text formats (certutil, PowerShell, openssl -text, the Windows certificate dialog)
// ---------------------------------------------------------------------------------------------------

const MAX_LINE = 4000;

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let p = from;
  while (p <= to) {
    let nl = text.indexOf('\n', p);
    if (nl < 0 || nl > to) nl = to;
    let e = nl;
    if (e > p && text.charCodeAt(e - 1) === 13) e--;
    const capEnd = Math.min(e, p + MAX_LINE);
    lines.push({ start: p, end: capEnd, text: text.slice(p, capEnd) });
    if (nl >= to) break;
    p = nl + 1;
  }
  return lines;
}

export function friendlyToFacts(
  oid: string,
): Pick<
  CertificateSummary,
  'signatureAlgorithm' | 'signatureAlgorithmOid' | 'signatureAlgorithmFriendlyName'
> {
  const info = SIGNATURE_ALGORITHMS[oid];
  return {
    signatureAlgorithmOid: oid,
    signatureAlgorithm: info?.name ?? oid,
    signatureAlgorithmFriendlyName: info?.friendly ?? null,
  };
}

/** Labels, per language. Keys are matched case-insensitively before a ':' (or tab in the dialog). */
const LABELS = {
  subject: ['subject', 'antragsteller', 'objet', 'sujet', 'betreff', 'issued to', 'ausgestellt für'],
  issuer: ['issuer', 'aussteller', 'émetteur', 'emetteur', '\ufffdmetteur', 'issued by', 'ausgestellt von'],
  notBefore: [
    'notbefore',
    'not before',
    'nicht vor',
    'valid from',
    'gültig ab',
    'valide à partir du',
    'valable à partir du',
  ],
  notAfter: [
    'notafter',
    'not after',
    'nicht nach',
    'valid to',
    'gültig bis',
    "valide jusqu'au",
    'valide jusqu’au',
    "valable jusqu'au",
    'expiration date',
  ],
  thumbprint: [
    'thumbprint',
    'cert hash(sha1)',
    'zertifikathash(sha1)',
    'hach. cert. (sha1)',
    'fingerabdruck',
    'empreinte numérique',
    'empreinte',
    'sha1 fingerprint',
    'certificate hash',
  ],
  serial: ['serial number', 'serialnumber', 'seriennummer', 'numéro de série', 'num\ufffdro de s\ufffdrie'],
  sigHash: ['signature hash algorithm', 'signaturhashalgorithmus', 'algorithme de hachage de la signature'],
  sigAlg: ['signature algorithm', 'signaturealgorithm', 'signaturalgorithmus', 'algorithme de signature'],
} as const;

type LabelKey = keyof typeof LABELS;
const LABEL_KEYS = Object.keys(LABELS) as LabelKey[];
const LABEL_FIRST_CHARS = new Set(LABEL_KEYS.flatMap((k) => LABELS[k].map((l) => l[0]!)));

/** Finds "label : value" (or "label<TAB>value"); returns the label key and the value's span. */
function matchLabel(line: Line): { key: LabelKey; valueStart: number; valueEnd: number } | null {
  const raw = line.text;
  let trimmedStart = 0;
  while (trimmedStart < raw.length && (raw[trimmedStart] === ' ' || raw[trimmedStart] === '\t'))
    trimmedStart++;
  if (!LABEL_FIRST_CHARS.has((raw[trimmedStart] ?? '').toLowerCase())) return null;
  const head = raw.slice(trimmedStart, trimmedStart + 60).toLowerCase();
  for (const key of LABEL_KEYS) {
    for (const label of LABELS[key]) {
      if (!head.startsWith(label)) continue;
      let i = trimmedStart + label.length;
      // allow spaces, NBSP and a colon or tab or '='
      let sawSep = false;
      while (i < raw.length) {
        const c = raw[i]!;
        if (c === ' ' || c === '\u00a0' || c === '\ufffd') i++;
        else if ((c === ':' || c === '\t' || c === '=') && !sawSep) {
          sawSep = true;
          i++;
        } else break;
      }
      if (!sawSep && raw[trimmedStart + label.length] !== '\t') continue;
      let e = raw.length;
      while (e > i && /\s/.test(raw[e - 1]!)) e--;
      return { key, valueStart: line.start + i, valueEnd: line.start + e };
    }
  }
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const LOCAL_MONTHS: Record<string, number> = {
  januar: 0,
  februar: 1,
  märz: 2,
  april: 3,
  mai: 4,
  juni: 5,
  juli: 6,
  august: 7,
  september: 8,
  oktober: 9,
  november: 10,
  dezember: 11,
  janvier: 0,
  février: 1,
  fevrier: 1,
  mars: 2,
  avril: 3,
  juin: 5,
  juillet: 6,
  août: 7,
  aout: 7,
  septembre: 8,
  octobre: 9,
  novembre: 10,
  décembre: 11,
  decembre: 11,
};

export interface ReadDate {
  iso: string | null;
  /** possible instants when the order of day and month is unclear */
  candidates: Date[];
}

/** Reads the date formats tools print; ambiguous day/month orders give two candidates. */
export function readDate(value: string): ReadDate {
  const v = value.trim().replace(/[\u200e\u200f]/g, '');
  // openssl: "Nov 24 00:10:34 2036 GMT"
  let m = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})/.exec(v);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month !== undefined) {
      const d = new Date(Date.UTC(+m[6]!, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!));
      return { iso: d.toISOString(), candidates: [d] };
    }
  }
  // ISO
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
    if (!Number.isNaN(d.getTime())) return { iso: d.toISOString(), candidates: [d] };
  }
  // numeric: 1/29/2021 7:05 PM, 29.01.2021 19:05, 29/01/2021 19:05
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?/.exec(v);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const year = +m[4]!;
    let hour = +(m[5] ?? 0);
    const ampm = m[8]?.toLowerCase();
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === 'am' && hour === 12) hour = 0;
    const make = (month: number, day: number) =>
      month >= 1 && month <= 12 && day >= 1 && day <= 31
        ? new Date(Date.UTC(year, month - 1, day, hour, +(m![6] ?? 0), +(m![7] ?? 0)))
        : null;
    const sep = m[2];
    let orders: Array<[number, number]>;
    if (sep === '.') orders = [[b, a]];
    else if (ampm) orders = [[a, b]];
    else if (a > 12) orders = [[b, a]];
    else if (b > 12) orders = [[a, b]];
    else if (a === b) orders = [[a, b]];
    else
      orders = [
        [a, b],
        [b, a],
      ];
    const candidates = orders.map(([mo, d]) => make(mo, d)).filter((d): d is Date => d !== null);
    if (candidates.length === 1) return { iso: candidates[0]!.toISOString(), candidates };
    return { iso: null, candidates };
  }
  // "Dienstag, 1. Oktober 2019" / "mardi 1 octobre 2019" (localized long form)
  m = /(\d{1,2})\.?\s+([A-Za-z\u00e0-\u00fc]{3,10})\.?\s+(\d{4})/.exec(v);
  if (m) {
    const month = LOCAL_MONTHS[m[2]!.toLowerCase()];
    if (month !== undefined) {
      const d = new Date(Date.UTC(+m[3]!, month, +m[1]!));
      return { iso: d.toISOString(), candidates: [d] };
    }
  }
  // "Friday, January 29, 2021 7:05:00 PM" (dialog / PowerShell long form)
  m = /([A-Za-z]{3,9})\s+(\d{1,2}),\s+(\d{4})/.exec(v);
  if (m) {
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    if (month !== undefined) {
      const d = new Date(Date.UTC(+m[3]!, month, +m[2]!));
      return { iso: d.toISOString(), candidates: [d] };
    }
  }
  return { iso: null, candidates: [] };
}

const KEY_USAGE_NAMES = [
  'Digital Signature',
  'Non-Repudiation',
  'Non Repudiation',
  'Key Encipherment',
  'Data Encipherment',
  'Key Agreement',
  'Certificate Sign',
  'Certificate Signing',
  'CRL Sign',
  'Off-line CRL Signing',
  'Encipher Only',
  'Decipher Only',
];

const EKU_HEADER_RE =
  /(?:Enhanced Key Usage|Extended Key Usage|EnhancedKeyUsageList|Erweiterte Schlüsselverwendung|Utilisation améliorée de la clé|Utilisation avancée de la clé)/i;
const SERVER_AUTH_RE =
  /1\.3\.6\.1\.5\.5\.7\.3\.1(?![\d.])|Server Authentication|Serverauthentifizierung|Authentification du serveur/i;

interface TextCertResult {
  format: CertificateFormat;
  certificates: CertificateSummary[];
}

/** Splits `certutil -store` output on its "==== Certificate N ====" banners (any language). */
function splitBanners(text: string): Array<[number, number]> {
  const re = /^={4,}[ \t]*[^=\s]{1,40}[ \t]+\d{1,5}[ \t]*={4,}[ \t]*\r?$/gm;
  const starts: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && starts.length < 500) starts.push(m.index);
  if (starts.length < 2) return [[0, text.length]];
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i++) spans.push([starts[i]!, starts[i + 1] ?? text.length]);
  return spans;
}

function parseCertificateText(
  text: string,
  now: Date,
  evidence: Evidence[],
  problems: Problem[],
): TextCertResult {
  const format = textFormat(text);
  const spans = format === 'certutil' ? splitBanners(text) : [[0, text.length] as [number, number]];
  const certificates: CertificateSummary[] = [];
  spans.forEach(([from, to], index) => {
    const summary = parseOneTextCertificate(text, from, to, format, now, evidence, problems, index);
    if (summary) certificates.push(summary);
  });
  const leaf = certificates[0];
  if (leaf && !leaf.signatureAlgorithm && leaf.signatureHash === null && format !== 'powershell-list') {
    const target = leaf.thumbprint ?? '<thumbprint>';
    problems.push({
      code: 'signature-algorithm-missing',
      severity: 'warning',
      message: `The signature algorithm is not in this paste, so a weak hash (MD5, SHA-224, SHA-512) cannot be ruled out. Run certutil -v -store My ${target} (or export the certificate as Base-64 .CER and paste it).`,
    });
  }
  if (format === 'powershell-list' && leaf && !leaf.signatureAlgorithm) {
    const thumb = leaf.thumbprint;
    const path = thumb ? `Cert:\\LocalMachine\\My\\${thumb}` : 'Cert:\\LocalMachine\\My';
    problems.push({
      code: 'signature-algorithm-not-shown',
      severity: 'warning',
      message: `Format-List prints "SignatureAlgorithm : System.Security.Cryptography.Oid", not the algorithm. Run this and paste the result: Get-ChildItem -Path '${path}' | Select-Object -Property 'Subject', 'Thumbprint', @{Name = 'SignatureAlgorithm'; Expression = {$_.SignatureAlgorithm.FriendlyName}}, 'NotAfter'`,
    });
  }
  return { format, certificates };
}

function textFormat(text: string): CertificateFormat {
  const head = text.length > 50_000 ? text.slice(0, 50_000) : text;
  if (
    /X509 Certificate:|Cert Hash\(sha1\)|Zertifikathash\(sha1\)|Hach\. cert\.|CertUtil:|^={4,}[ \t]*[^=\s]{1,40}[ \t]+\d{1,5}[ \t]*={4,}/m.test(
      head,
    )
  )
    return 'certutil';
  if (/(?:^|\n)[ \t]*Certificate:[ \t]*\r?\n[ \t]*Data:|Subject Public Key Info:|X509v3 /.test(head))
    return 'openssl-text';
  if (/(?:^|\n)[ \t]*(?:Thumbprint|SignatureAlgorithm|EnhancedKeyUsageList|DnsNameList)[ \t]+:/.test(head))
    return 'powershell-list';
  if (/(?:^|\n)[ \t]*-{4,}(?:[ \t]+-{4,})+[ \t]*(?:\r?\n|$)/.test(head)) return 'powershell-table';
  if (
    /\t/.test(head) ||
    /Signature hash algorithm|Signaturhashalgorithmus|hachage de la signature/i.test(head)
  )
    return 'windows-dialog';
  return 'unknown';
}

/** A line worth the label and value checks: it has a separator, a digit or a keyword. */
const INTERESTING_LINE = /[:=\t]|Usage|Verwendung|Utilisation|Authentica|bits/i;
/** A line that can name a signature algorithm: an OID or a name with a hash in it. */
const ALG_LINE = /\d\.\d|sha|md[245]|pss|ed25519|ed448/i;

function parseOneTextCertificate(
  text: string,
  from: number,
  to: number,
  format: CertificateFormat,
  now: Date,
  evidence: Evidence[],
  problems: Problem[],
  index: number,
): CertificateSummary | null {
  const s = emptySummary();
  const fact = (name: string) => (index === 0 ? name : `certificates.${index}.${name}`);
  const lines = splitLines(text, from, to);
  let found = 0;

  // 1. signature algorithm: the first algorithm OID or name in the text (certutil and openssl print the
  //    certificate's own signature algorithm before anything else that could match).
  let algAt: { start: number; end: number; oid: string } | null = null;
  let firstOidIdx = -1;
  for (const line of lines) {
    if (line.start === line.end || !ALG_LINE.test(line.text)) continue;
    OID_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OID_RE.exec(line.text)) !== null) {
      if (SIGNATURE_ALGORITHMS[m[1]!]) {
        algAt = { start: line.start + m.index, end: line.start + m.index + m[1]!.length, oid: m[1]! };
        break;
      }
    }
    SIG_NAME_RE.lastIndex = 0;
    const n = SIG_NAME_RE.exec(line.text);
    if (n) {
      const nameStart = line.start + n.index;
      if (!algAt || nameStart < algAt.start) {
        const oid = NAME_TO_OID.get(n[1]!.toLowerCase());
        // if an OID sits on the same line, prefer the OID (it is exact) but extend the evidence
        if (oid && !algAt) algAt = { start: nameStart, end: nameStart + n[1]!.length, oid };
      } else if (algAt && nameStart >= algAt.end && nameStart - algAt.end < 4) {
        algAt = { ...algAt, end: nameStart + n[1]!.length };
      }
    }
    if (algAt) {
      firstOidIdx = lines.indexOf(line);
      break;
    }
  }
  if (algAt) {
    found++;
    Object.assign(s, friendlyToFacts(algAt.oid));
    const info = SIGNATURE_ALGORITHMS[algAt.oid];
    let hash: SignatureHash | 'md2' | 'md4' | null = info?.hash ?? null;
    if (info?.family === 'RSA-PSS') {
      hash = pssHashFromText(text, lines, firstOidIdx);
      if (hash === null) {
        problems.push({
          code: 'pss-hash-unknown',
          severity: 'warning',
          message:
            'The certificate is signed with RSASSA-PSS but the hash is not in the paste. Paste the PEM, or openssl x509 -text output (it prints "Hash Algorithm").',
          start: algAt.start,
          end: algAt.end,
        });
      }
    }
    s.signatureHash = hash === 'md2' || hash === 'md4' ? null : hash;
    Object.assign(s, judgeHash(hash));
    evidence.push(
      evidenceAt(
        text,
        algAt.start,
        algAt.end,
        weaknessMeaning(hash, s.signatureAlgorithm),
        fact('signatureAlgorithm'),
      ),
    );
  }

  // 2. labelled lines
  let pendingMultiline: { key: 'subject' | 'issuer'; start: number; end: number; parts: string[] } | null =
    null;
  let sawEkuHeader = false;
  let keyUsageNext = false;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (!pendingMultiline && !keyUsageNext && (line.start === line.end || !INTERESTING_LINE.test(line.text)))
      continue;
    if (pendingMultiline) {
      const isIndented = /^\s+\S/.test(line.text) && /^\s*[A-Za-z.]{1,20}\s*=/.test(line.text);
      if (isIndented) {
        pendingMultiline.parts.push(line.text.trim());
        pendingMultiline.end = line.end;
        continue;
      }
      const value = pendingMultiline.parts.join(', ');
      if (value) {
        setName(s, pendingMultiline.key, value);
        evidence.push(
          evidenceAt(
            text,
            pendingMultiline.start,
            pendingMultiline.end,
            nameMeaning(pendingMultiline.key, value),
            fact(pendingMultiline.key),
          ),
        );
        found++;
      }
      pendingMultiline = null;
    }
    const lt = line.text;
    if (
      (lt.includes('sage') || lt.includes('Verwendung') || lt.includes('Utilisation')) &&
      EKU_HEADER_RE.test(lt)
    )
      sawEkuHeader = true;
    if (keyUsageNext) {
      const usages = KEY_USAGE_NAMES.filter((u) => line.text.toLowerCase().includes(u.toLowerCase()));
      if (usages.length) {
        s.keyUsage = [...new Set(usages.map((u) => u.replace('Certificate Signing', 'Certificate Sign')))];
        evidence.push(
          evidenceAt(text, line.start, line.end, `Key usage: ${s.keyUsage.join(', ')}.`, fact('keyUsage')),
        );
      }
      keyUsageNext = false;
    }
    if (
      lt.includes('Key Usage') &&
      /^\s*(?:X509v3 )?Key Usage[ \t]{0,4}:?[ \t]{0,4}(?:critical)?[ \t]*$/i.test(lt)
    )
      keyUsageNext = true;
    // SAN: "DNS Name=x", "DNS:x, DNS:y", DnsNameList : {a, b}
    if (lt.includes('DNS') || lt.includes('Dns')) collectSan(line, s);
    // key size
    const ks = !(lt.includes('bit') || lt.includes('Bit'))
      ? null
      : (/Public[- ]Key(?: Length)?:\s*\(?(\d{3,5})\s*bits?/i.exec(line.text) ??
        /(?:RSA|ECC|DSA|ECDSA_P\d+)\s*\((\d{3,5})\s*Bits?\)/i.exec(line.text) ??
        /(?:Schlüssel|clé|cle publique).{0,40}?:\s*(\d{3,5})\s*bits?\b/i.exec(line.text));
    if (ks && s.keySize === null) {
      s.keySize = +ks[1]!;
      evidence.push(
        evidenceAt(text, line.start, line.end, `The public key is ${s.keySize} bits.`, fact('keySize')),
      );
    }
    if (s.keyType === null && /1\.2\.840\.1|rsa|RSA|EC|ecPublicKey|dsa/.test(lt)) {
      const kt =
        /1\.2\.840\.113549\.1\.1\.1(?![\d.])|rsaEncryption|Public Key\s*:?\s*RSA|Public Key Algorithm:.*\bRSA\b/i.test(
          line.text,
        )
          ? 'RSA'
          : /1\.2\.840\.10045\.2\.1(?![\d.])|id-ecPublicKey|\bECC\b|ECDSA_P\d+/.test(line.text)
            ? 'EC'
            : /1\.2\.840\.10040\.4\.1(?![\d.])|dsaEncryption/.test(line.text)
              ? 'DSA'
              : null;
      if (kt) s.keyType = kt;
    }
    const lab = matchLabel(line);
    if (!lab) continue;
    const value = text.slice(lab.valueStart, lab.valueEnd);
    switch (lab.key) {
      case 'subject':
      case 'issuer': {
        if (value.trim() === '') {
          pendingMultiline = { key: lab.key, start: line.start, end: line.end, parts: [] };
        } else if (s[lab.key] === null) {
          setName(s, lab.key, value.trim());
          evidence.push(
            evidenceAt(text, lab.valueStart, lab.valueEnd, nameMeaning(lab.key, value), fact(lab.key)),
          );
          found++;
        }
        break;
      }
      case 'notBefore':
      case 'notAfter': {
        if (s[lab.key] !== null) break;
        const d = readDate(value);
        s[lab.key] = d.iso ?? (value.trim() || null);
        if (lab.key === 'notAfter') {
          const verdicts = d.candidates.map((c) => c.getTime() < now.getTime());
          s.expired = verdicts.length && verdicts.every((v) => v === verdicts[0]) ? verdicts[0]! : null;
          if (d.candidates.length > 1 && s.expired === null) {
            problems.push({
              code: 'ambiguous-date',
              severity: 'info',
              message: `"${value.trim()}" could be read day-first or month-first; whether the certificate has expired is unclear.`,
              start: lab.valueStart,
              end: lab.valueEnd,
            });
          }
          evidence.push(
            evidenceAt(
              text,
              lab.valueStart,
              lab.valueEnd,
              s.expired === true
                ? 'The certificate has expired: SQL Server may refuse to load it and clients that check validity fail.'
                : s.expired === false
                  ? 'The certificate has not expired.'
                  : 'The certificate’s expiry date.',
              fact('notAfter'),
            ),
          );
        } else {
          evidence.push(
            evidenceAt(text, lab.valueStart, lab.valueEnd, 'Valid from this date.', fact('notBefore')),
          );
        }
        found++;
        break;
      }
      case 'thumbprint': {
        if (s.thumbprint !== null) break;
        const hex = value.replace(/[\s:\u200e\u200f\u00a0-]+/g, '');
        const m = /^([0-9a-fA-F]{40})(?![0-9a-fA-F])/.exec(hex);
        if (m) {
          s.thumbprint = m[1]!.toUpperCase();
          evidence.push(
            evidenceAt(
              text,
              lab.valueStart,
              lab.valueEnd,
              'The certificate’s thumbprint (SHA-1 hash): match it with the one in ERRORLOG ("successfully loaded for encryption") or the SQL Server registry value Certificate.',
              fact('thumbprint'),
            ),
          );
          found++;
        }
        break;
      }
      case 'serial': {
        if (s.serialNumber === null) s.serialNumber = value.replace(/\s+/g, '').toLowerCase() || null;
        break;
      }
      case 'sigHash': {
        const h = /\b(md5|sha1|sha224|sha256|sha384|sha512)\b/i.exec(value);
        if (h && s.signatureHash === null) {
          const hash = h[1]!.toLowerCase() as SignatureHash;
          s.signatureHash = hash;
          Object.assign(s, judgeHash(hash));
          evidence.push(
            evidenceAt(
              text,
              lab.valueStart,
              lab.valueEnd,
              weaknessMeaning(hash, s.signatureAlgorithm),
              fact('signatureHash'),
            ),
          );
          found++;
        }
        break;
      }
      case 'sigAlg': {
        // the value was picked up by the algorithm scan; "System.Security.Cryptography.Oid" means not shown
        break;
      }
    }
  }
  if (pendingMultiline && pendingMultiline.parts.length) {
    const value = pendingMultiline.parts.join(', ');
    setName(s, pendingMultiline.key, value);
    evidence.push(
      evidenceAt(
        text,
        pendingMultiline.start,
        pendingMultiline.end,
        nameMeaning(pendingMultiline.key, value),
        fact(pendingMultiline.key),
      ),
    );
    found++;
  }

  // 3. thumbprint without a label (Select-Object tables): one 40-hex token on a line
  if (
    s.thumbprint === null &&
    (format === 'powershell-table' || format === 'unknown' || format === 'windows-dialog')
  ) {
    const re = /(?<![0-9A-Fa-f])([0-9A-Fa-f]{40})(?![0-9A-Fa-f])/;
    for (const line of lines) {
      if (line.end - line.start < 40) continue;
      const m = re.exec(line.text);
      if (m) {
        s.thumbprint = m[1]!.toUpperCase();
        const st = line.start + m.index;
        evidence.push(
          evidenceAt(text, st, st + 40, 'The certificate’s thumbprint (SHA-1 hash).', fact('thumbprint')),
        );
        found++;
        break;
      }
    }
  }

  // 4. Server Authentication EKU
  const region = text.slice(from, to);
  const sa = SERVER_AUTH_RE.exec(region.length > 200_000 ? region.slice(0, 200_000) : region);
  if (sa) {
    s.serverAuthEku = true;
    const st = from + sa.index;
    evidence.push(
      evidenceAt(
        text,
        st,
        st + sa[0].length,
        'The certificate allows Server Authentication (1.3.6.1.5.5.7.3.1), which SQL Server needs to use it.',
        fact('serverAuthEku'),
      ),
    );
  } else if (sawEkuHeader) {
    s.serverAuthEku = false;
  }

  if (s.subject !== null && s.issuer !== null) s.selfSigned = s.subject === s.issuer;
  if (s.signatureHash !== null) {
    const i = problems.findIndex((p) => p.code === 'pss-hash-unknown');
    if (i >= 0) problems.splice(i, 1);
  }
  if (found === 0 && s.san.length === 0) return null;
  return s;
}

function setName(s: CertificateSummary, key: 'subject' | 'issuer', value: string) {
  if (s[key] === null) s[key] = normaliseDn(value);
}

/** "CN = a, O = b" (openssl) and "CN=a, O=b" (Windows) compare equal. */
function normaliseDn(value: string): string {
  return value
    .replace(/[ \t]{0,8}=[ \t]{0,8}/g, '=')
    .replace(/[ \t]{0,8},[ \t]{0,8}/g, ', ')
    .trim();
}

function nameMeaning(key: 'subject' | 'issuer', value: string): string {
  const cn = /CN\s*=\s*([^,]+)/i.exec(value)?.[1]?.trim();
  return key === 'subject'
    ? `Issued to ${cn ?? value.trim()}: clients check this name (and the SAN) against the server name they connect to.`
    : `Issued by ${cn ?? value.trim()}.`;
}

function collectSan(line: Line, s: CertificateSummary) {
  const t = line.text;
  if (s.san.length >= 100) return;
  const re = /(?:DNS Name|DNS-Name|Nom DNS|DNS)\s*[=:]\s*([A-Za-z0-9*][A-Za-z0-9.*-]{0,253})/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    if (!s.san.includes(m[1]!)) s.san.push(m[1]!);
  }
  const list = /^\s*DnsNameList\s*:\s*\{([^}]{0,2000})\}?/.exec(t);
  if (list) {
    for (const name of list[1]!.split(',')) {
      const n = name.trim();
      if (n && !s.san.includes(n)) s.san.push(n);
    }
  }
}

/** The hash of an RSASSA-PSS signature as text shows it: openssl "Hash Algorithm: sha256", certutil hex params. */
function pssHashFromText(text: string, lines: Line[], fromIdx: number): SignatureHash | null {
  const window = lines.slice(Math.max(0, fromIdx), fromIdx + 12);
  for (const line of window) {
    const m = /Hash Algorithm:\s*(md5|sha1|sha224|sha256|sha384|sha512)\b/i.exec(line.text);
    if (m) return m[1]!.toLowerCase() as SignatureHash;
  }
  // certutil prints the parameters as a hex dump ("0000  30 34 a0 ...   04..0..."): read the hex columns only
  let bytes = '';
  for (const line of window) {
    const dump = /^\s*[0-9a-fA-F]{4}\s+((?:[0-9a-fA-F]{2} {1,2}){0,15}[0-9a-fA-F]{2})/.exec(line.text);
    if (dump) bytes += dump[1]!.replace(/\s+/g, '');
    else if (/^\s*(?:[0-9a-fA-F]{2}\s){0,31}[0-9a-fA-F]{2}\s*$/.test(line.text))
      bytes += line.text.replace(/\s+/g, '');
  }
  const hashOidHex: Array<[string, SignatureHash]> = [
    ['608648016503040201', 'sha256'],
    ['608648016503040202', 'sha384'],
    ['608648016503040203', 'sha512'],
    ['608648016503040204', 'sha224'],
    ['2b0e03021a', 'sha1'],
  ];
  // the hash algorithm comes first in the parameters (the mask function's hash follows it)
  const lower = bytes.toLowerCase();
  let best: SignatureHash | null = null;
  let bestAt = Infinity;
  for (const [hex, hash] of hashOidHex) {
    const at = lower.indexOf(hex);
    if (at >= 0 && at < bestAt) {
      bestAt = at;
      best = hash;
    }
  }
  if (best) return best;
  // dialog-style "Signature hash algorithm" is handled by the label pass
  void text;
  return null;
}
