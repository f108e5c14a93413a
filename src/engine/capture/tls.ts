/** TLS handshake message decoders (RFC 5246 / 8446) and the names the facts use. */
import { formatSuiteId, isDhe, suiteById } from '../knowledge-tables/cipher-suites';
import type { ClientHelloFacts, ServerHelloFacts, SuiteRef } from './types';
import { TLS_ALERTS } from '../knowledge-tables/tls-alerts';

export const VERSION_NAMES: Record<number, string> = {
  0x0002: 'SSL 2.0',
  0x0200: 'SSL 2.0',
  0x0300: 'SSL 3.0',
  0x0301: 'TLS 1.0',
  0x0302: 'TLS 1.1',
  0x0303: 'TLS 1.2',
  0x0304: 'TLS 1.3',
};

const hex4 = (n: number) => '0x' + n.toString(16).toUpperCase().padStart(4, '0');

export const isGrease = (v: number) => (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);

export function versionName(v: number): string {
  const n = VERSION_NAMES[v];
  if (n) return n;
  if (v >> 8 === 0x7f) return 'TLS 1.3'; // drafts
  return hex4(v);
}

export const HANDSHAKE_NAMES: Record<number, string> = {
  0: 'Hello Request',
  1: 'Client Hello',
  2: 'Server Hello',
  4: 'New Session Ticket',
  8: 'Encrypted Extensions',
  11: 'Certificate',
  12: 'Server Key Exchange',
  13: 'Certificate Request',
  14: 'Server Hello Done',
  15: 'Certificate Verify',
  16: 'Client Key Exchange',
  20: 'Finished',
};

/** Alert names by code: the shared IANA table. */
export const ALERT_NAMES: Record<number, string> = TLS_ALERTS;

const EXTENSION_NAMES: Record<number, string> = {
  0: 'server_name',
  1: 'max_fragment_length',
  5: 'status_request',
  10: 'supported_groups',
  11: 'ec_point_formats',
  13: 'signature_algorithms',
  16: 'application_layer_protocol_negotiation',
  17: 'status_request_v2',
  18: 'signed_certificate_timestamp',
  21: 'padding',
  22: 'encrypt_then_mac',
  23: 'extended_master_secret',
  27: 'compress_certificate',
  28: 'record_size_limit',
  35: 'session_ticket',
  41: 'pre_shared_key',
  42: 'early_data',
  43: 'supported_versions',
  44: 'cookie',
  45: 'psk_key_exchange_modes',
  49: 'post_handshake_auth',
  50: 'signature_algorithms_cert',
  51: 'key_share',
  0xff01: 'renegotiation_info',
};

const GROUP_NAMES: Record<number, string> = {
  23: 'secp256r1',
  24: 'secp384r1',
  25: 'secp521r1',
  29: 'x25519',
  30: 'x448',
  256: 'ffdhe2048',
  257: 'ffdhe3072',
  258: 'ffdhe4096',
  259: 'ffdhe6144',
  260: 'ffdhe8192',
  0x11ec: 'X25519MLKEM768',
  0x6399: 'X25519Kyber768Draft00',
};

const SIGALG_NAMES: Record<number, string> = {
  0x0101: 'rsa_pkcs1_md5',
  0x0201: 'rsa_pkcs1_sha1',
  0x0202: 'dsa_sha1',
  0x0203: 'ecdsa_sha1',
  0x0301: 'rsa_pkcs1_sha224',
  0x0302: 'dsa_sha224',
  0x0303: 'ecdsa_sha224',
  0x0401: 'rsa_pkcs1_sha256',
  0x0402: 'dsa_sha256',
  0x0403: 'ecdsa_secp256r1_sha256',
  0x0501: 'rsa_pkcs1_sha384',
  0x0502: 'dsa_sha384',
  0x0503: 'ecdsa_secp384r1_sha384',
  0x0601: 'rsa_pkcs1_sha512',
  0x0602: 'dsa_sha512',
  0x0603: 'ecdsa_secp521r1_sha512',
  0x0804: 'rsa_pss_rsae_sha256',
  0x0805: 'rsa_pss_rsae_sha384',
  0x0806: 'rsa_pss_rsae_sha512',
  0x0807: 'ed25519',
  0x0808: 'ed448',
  0x0809: 'rsa_pss_pss_sha256',
  0x080a: 'rsa_pss_pss_sha384',
  0x080b: 'rsa_pss_pss_sha512',
};

const named = (table: Record<number, string>, v: number) => table[v] ?? (isGrease(v) ? 'GREASE' : hex4(v));

export function suiteRef(id: number): SuiteRef {
  return { id, hex: formatSuiteId(id), name: suiteById(id)?.iana ?? null };
}

export const suiteIsDhe = (id: number): boolean => {
  const s = suiteById(id);
  return s ? isDhe(s) : false;
};

/** A bounds-checked cursor; every read past the end sets `bad` and returns 0. */
class Cur {
  bad = false;
  constructor(
    readonly b: Uint8Array,
    public o: number,
    readonly end: number,
  ) {}
  u8(): number {
    if (this.o + 1 > this.end) return this.fail();
    return this.b[this.o++]!;
  }
  u16(): number {
    if (this.o + 2 > this.end) return this.fail();
    const v = (this.b[this.o]! << 8) | this.b[this.o + 1]!;
    this.o += 2;
    return v;
  }
  u24(): number {
    if (this.o + 3 > this.end) return this.fail();
    const v = (this.b[this.o]! << 16) | (this.b[this.o + 1]! << 8) | this.b[this.o + 2]!;
    this.o += 3;
    return v;
  }
  skip(n: number): boolean {
    if (this.o + n > this.end) {
      this.fail();
      return false;
    }
    this.o += n;
    return true;
  }
  private fail(): number {
    this.bad = true;
    this.o = this.end;
    return 0;
  }
}

function ascii(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, 256); i++) {
    const c = b[o + i]!;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  return s;
}

function alpnList(b: Uint8Array, o: number, end: number): string[] {
  const c = new Cur(b, o, end);
  const total = c.u16();
  const stop = Math.min(end, c.o + total);
  const out: string[] = [];
  while (c.o < stop && !c.bad && out.length < 16) {
    const n = c.u8();
    if (c.o + n > stop) break;
    out.push(ascii(b, c.o, n));
    c.o += n;
  }
  return out;
}

/** Client Hello body (after the 4-byte handshake header). */
export function parseClientHello(
  b: Uint8Array,
  frame: number,
  recordVersion: number,
): ClientHelloFacts | null {
  const c = new Cur(b, 0, b.length);
  const clientVersion = c.u16();
  c.skip(32);
  c.skip(c.u8());
  const suitesLen = c.u16();
  const suitesEnd = c.o + suitesLen;
  if (c.bad || suitesEnd > b.length) return null;
  const suites: SuiteRef[] = [];
  const suiteNames: string[] = [];
  let hasDhe = false;
  let offersTls13 = false;
  for (let o = c.o; o + 2 <= suitesEnd && suites.length < 512; o += 2) {
    const id = (b[o]! << 8) | b[o + 1]!;
    if (isGrease(id)) continue;
    const ref = suiteRef(id);
    suites.push(ref);
    if (id !== 0x00ff && id !== 0x5600) suiteNames.push(ref.name ?? ref.hex);
    if (suiteIsDhe(id)) hasDhe = true;
    if (id >> 8 === 0x13) offersTls13 = true;
  }
  c.o = suitesEnd;
  c.skip(c.u8());
  const ch: ClientHelloFacts = {
    frame,
    recordVersion: versionName(recordVersion),
    clientVersion: versionName(clientVersion),
    versions: [versionName(clientVersion)],
    versionsFrom: 'client_version',
    maxVersion: versionName(clientVersion),
    suites,
    suiteNames,
    hasDhe,
    offersTls13,
    signatureAlgorithms: [],
    supportedGroups: [],
    alpn: [],
    extensions: [],
  };
  if (c.bad || c.o + 2 > b.length) return ch;
  const extEnd = Math.min(b.length, c.o + 2 + c.u16());
  while (c.o + 4 <= extEnd && ch.extensions.length < 64) {
    const type = c.u16();
    const len = c.u16();
    const o = c.o;
    const e = Math.min(o + len, extEnd);
    c.o = o + len;
    ch.extensions.push(named(EXTENSION_NAMES, type));
    if (type === 0 && e - o >= 5) {
      const n = (b[o + 3]! << 8) | b[o + 4]!;
      if (b[o + 2] === 0 && o + 5 + n <= e) ch.sni = ascii(b, o + 5, n);
    } else if (type === 10 && e - o >= 2) {
      for (let i = o + 2; i + 2 <= e; i += 2)
        ch.supportedGroups.push(named(GROUP_NAMES, (b[i]! << 8) | b[i + 1]!));
    } else if (type === 13 && e - o >= 2) {
      for (let i = o + 2; i + 2 <= e; i += 2)
        ch.signatureAlgorithms.push(named(SIGALG_NAMES, (b[i]! << 8) | b[i + 1]!));
    } else if (type === 16) {
      ch.alpn = alpnList(b, o, e);
    } else if (type === 43 && e - o >= 1) {
      const vs: number[] = [];
      for (let i = o + 1; i + 2 <= Math.min(e, o + 1 + b[o]!); i += 2) {
        const v = (b[i]! << 8) | b[i + 1]!;
        if (!isGrease(v)) vs.push(v);
      }
      if (vs.length > 0) {
        ch.versions = vs.map(versionName);
        ch.versionsFrom = 'supported_versions';
        ch.maxVersion = versionName(Math.max(...vs.map((v) => (v >> 8 === 0x7f ? 0x0304 : v))));
        if (vs.includes(0x0304)) ch.offersTls13 = true;
      }
    }
  }
  return ch;
}

/** SSL 2.0-format Client Hello (record header already removed: msg type 1 at b[0]). */
export function parseSslv2ClientHello(b: Uint8Array, frame: number): ClientHelloFacts | null {
  if (b.length < 9 || b[0] !== 1) return null;
  const version = (b[1]! << 8) | b[2]!;
  const specLen = (b[3]! << 8) | b[4]!;
  const suites: SuiteRef[] = [];
  const suiteNames: string[] = [];
  let hasDhe = false;
  for (let o = 9; o + 3 <= Math.min(b.length, 9 + specLen); o += 3) {
    const id = (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
    const ref = id >> 16 === 0 ? suiteRef(id & 0xffff) : suiteRef(id);
    suites.push(ref);
    suiteNames.push(ref.name ?? ref.hex);
    if (suiteIsDhe(ref.id)) hasDhe = true;
  }
  return {
    frame,
    recordVersion: 'SSL 2.0',
    clientVersion: versionName(version),
    versions: [versionName(version)],
    versionsFrom: 'client_version',
    maxVersion: versionName(version),
    suites,
    suiteNames,
    hasDhe,
    offersTls13: false,
    signatureAlgorithms: [],
    supportedGroups: [],
    alpn: [],
    extensions: [],
    sslv2Format: true,
  };
}

const HRR_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

export function parseServerHello(b: Uint8Array, frame: number): ServerHelloFacts | null {
  const c = new Cur(b, 0, b.length);
  const serverVersion = c.u16();
  let random = '';
  for (let i = 2; i < 34 && i < b.length; i++) random += b[i]!.toString(16).padStart(2, '0');
  c.skip(32);
  c.skip(c.u8());
  const suite = c.u16();
  c.u8();
  if (c.bad) return null;
  const sh: ServerHelloFacts = {
    frame,
    version: versionName(serverVersion),
    serverVersion: versionName(serverVersion),
    suite: suiteRef(suite),
    dhe: suiteIsDhe(suite),
    extensions: [],
  };
  if (random === HRR_RANDOM) sh.helloRetryRequest = true;
  if (c.o + 2 > b.length) return sh;
  const extEnd = Math.min(b.length, c.o + 2 + c.u16());
  while (c.o + 4 <= extEnd && sh.extensions.length < 64) {
    const type = c.u16();
    const len = c.u16();
    const o = c.o;
    const e = Math.min(o + len, extEnd);
    c.o = o + len;
    sh.extensions.push(named(EXTENSION_NAMES, type));
    if (type === 43 && e - o >= 2) sh.version = versionName((b[o]! << 8) | b[o + 1]!);
    else if (type === 16) sh.alpn = alpnList(b, o, e)[0];
  }
  return sh;
}

/** Certificate message body: the chain length and the leaf's DER. */
export function parseCertificate(b: Uint8Array): { chain: number; leaf: Uint8Array } | null {
  if (b.length < 6) return null;
  const total = (b[0]! << 16) | (b[1]! << 8) | b[2]!;
  const end = Math.min(b.length, 3 + total);
  let o = 3;
  let chain = 0;
  let leaf: Uint8Array | null = null;
  while (o + 3 <= end && chain < 32) {
    const n = (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
    o += 3;
    if (o + n > end) break;
    if (!leaf) leaf = b.slice(o, o + n);
    chain++;
    o += n;
  }
  return leaf ? { chain, leaf } : null;
}

/** DHE Server Key Exchange: the prime's size in bits (null when it does not look like DHE params). */
export function dhePrimeBits(b: Uint8Array): number | null {
  if (b.length < 2) return null;
  const n = (b[0]! << 8) | b[1]!;
  if (n === 0 || 2 + n > b.length) return null;
  let i = 2;
  while (i < 2 + n && b[i] === 0) i++;
  if (i === 2 + n) return 0;
  return (2 + n - i) * 8 - Math.clz32(b[i]!) + 24;
}

export function base64(bytes: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += A[n >> 18]! + A[(n >> 12) & 63]! + A[(n >> 6) & 63]! + A[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += A[n >> 18]! + A[(n >> 12) & 63]! + (i + 1 < bytes.length ? A[(n >> 6) & 63]! : '=') + '=';
  }
  return out;
}

export function toPem(der: Uint8Array): string {
  const b = base64(der);
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 64) lines.push(b.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
