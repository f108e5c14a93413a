/** TDS packet header and PRELOGIN options (MS-TDS 2.2.3, 2.2.6.5; domain-facts §8.1-8.2). */
import type { PreloginInfo } from './types';

export const TDS_TYPES: Record<number, string> = {
  0x01: 'SQL batch',
  0x02: 'pre-TDS7 login',
  0x03: 'RPC',
  0x04: 'tabular result',
  0x06: 'attention',
  0x07: 'bulk load',
  0x08: 'federated authentication token',
  0x0e: 'transaction manager request',
  0x10: 'LOGIN7',
  0x11: 'SSPI',
  0x12: 'PRELOGIN',
};

/** A plausible TDS packet header at b[o..o+8): returns its length, or 0. */
export function tdsHeaderLength(b: Uint8Array, o: number): number {
  const type = b[o]!;
  if (TDS_TYPES[type] === undefined) return 0;
  if (b[o + 1]! > 0x1f) return 0;
  const len = (b[o + 2]! << 8) | b[o + 3]!;
  return len >= 8 ? len : 0;
}

const ENCRYPTION: Record<number, PreloginInfo['encryption']> = {
  0: 'ENCRYPT_OFF',
  1: 'ENCRYPT_ON',
  2: 'ENCRYPT_NOT_SUP',
  3: 'ENCRYPT_REQ',
};

function guid(b: Uint8Array, o: number): string {
  const h = (i: number) => b[o + i]!.toString(16).padStart(2, '0');
  return (
    h(3) +
    h(2) +
    h(1) +
    h(0) +
    '-' +
    h(5) +
    h(4) +
    '-' +
    h(7) +
    h(6) +
    '-' +
    h(8) +
    h(9) +
    '-' +
    h(10) +
    h(11) +
    h(12) +
    h(13) +
    h(14) +
    h(15)
  ).toUpperCase();
}

/** Reads a PRELOGIN option table (the data after the 8-byte TDS header). Null when it is not one. */
export function parsePrelogin(d: Uint8Array, frame: number): PreloginInfo | null {
  const info: PreloginInfo = { frame, options: [] };
  let o = 0;
  for (let n = 0; n < 32; n++) {
    if (o >= d.length) return null;
    const token = d[o]!;
    if (token === 0xff) return info.options.length > 0 ? info : null;
    if (o + 5 > d.length) return null;
    const off = (d[o + 1]! << 8) | d[o + 2]!;
    const len = (d[o + 3]! << 8) | d[o + 4]!;
    o += 5;
    if (off + len > d.length) return null;
    info.options.push(token);
    const v = d.subarray(off, off + len);
    switch (token) {
      case 0x00:
        if (len >= 6) {
          info.version = `${v[0]}.${v[1]}.${(v[2]! << 8) | v[3]!}`;
          info.subBuild = (v[4]! << 8) | v[5]!;
        }
        break;
      case 0x01:
        if (len >= 1) {
          info.encryptionByte = v[0]!;
          info.encryption = ENCRYPTION[v[0]! & 0x7f] ?? 'unknown';
          info.clientCert = (v[0]! & 0x80) !== 0;
        }
        break;
      case 0x02: {
        let s = '';
        for (let i = 0; i < Math.min(len, 128) && v[i] !== 0; i++) s += String.fromCharCode(v[i]!);
        info.instance = s;
        break;
      }
      case 0x03:
        if (len >= 4) info.threadId = (v[0]! | (v[1]! << 8) | (v[2]! << 16) | (v[3]! << 24)) >>> 0;
        break;
      case 0x04:
        if (len >= 1) info.mars = v[0] === 1;
        break;
      case 0x05:
        if (len >= 36)
          info.traceId = {
            connectionId: guid(v, 0),
            activityId: guid(v, 16),
            sequence: (v[32]! | (v[33]! << 8) | (v[34]! << 16) | (v[35]! << 24)) >>> 0,
          };
        break;
      case 0x06:
        if (len >= 1) info.fedAuthRequired = v[0] === 1;
        break;
      case 0x07:
        info.nonce = len === 32;
        break;
    }
  }
  return null;
}
