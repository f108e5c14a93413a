/**
 * Turns the bytes of a dropped or given file into text the parsers can read, or says what kind of binary it
 * is. Shared by the page (file drop) and the CLI, so both read a file the same way:
 * - text in UTF-8, UTF-16LE/BE with a BOM (regedit writes .reg files as UTF-16LE with BOM), UTF-16 without a
 *   BOM when every other byte is NUL, else Windows-1252 (what Notepad on a western Windows writes);
 * - a DER certificate (.cer/.crt/.der) becomes PEM text, which the certificate parser reads;
 * - packet captures (pcap, pcapng) and ETL traces are recognised and named, not decoded as text.
 */

export type BinaryKind = 'pcap' | 'pcapng' | 'etl' | 'binary';

export type Decoded =
  | { type: 'text'; text: string; encoding: string; note?: string }
  | { type: 'binary'; binaryKind: BinaryKind; message: string };

const MAX_TEXT_BYTES = 20 * 1024 * 1024;

function startsWith(bytes: Uint8Array, ...prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A DER-encoded X.509 certificate: SEQUENCE with a long-form length that covers the whole file. */
function looksLikeDerCertificate(bytes: Uint8Array): boolean {
  if (bytes.length < 64 || bytes[0] !== 0x30) return false;
  const lengthByte = bytes[1] ?? 0;
  if (lengthByte === 0x82) return 4 + (((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) === bytes.length;
  if (lengthByte === 0x81) return 3 + (bytes[2] ?? 0) === bytes.length;
  if (lengthByte === 0x83)
    return 5 + (((bytes[2] ?? 0) << 16) | ((bytes[3] ?? 0) << 8) | (bytes[4] ?? 0)) === bytes.length;
  return false;
}

function nulShare(bytes: Uint8Array, parity: 0 | 1): number {
  const sample = Math.min(bytes.length, 4096);
  let nul = 0;
  let total = 0;
  for (let i = parity; i < sample; i += 2) {
    total++;
    if (bytes[i] === 0) nul++;
  }
  return total === 0 ? 0 : nul / total;
}

function controlShare(text: string): number {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control++;
  }
  return sample.length === 0 ? 0 : control / sample.length;
}

export function decodeBytes(bytes: Uint8Array, fileName = ''): Decoded {
  const lower = fileName.toLowerCase();
  if (
    startsWith(bytes, 0xd4, 0xc3, 0xb2, 0xa1) ||
    startsWith(bytes, 0xa1, 0xb2, 0xc3, 0xd4) ||
    startsWith(bytes, 0x4d, 0x3c, 0xb2, 0xa1) ||
    startsWith(bytes, 0xa1, 0xb2, 0x3c, 0x4d)
  ) {
    return { type: 'binary', binaryKind: 'pcap', message: 'This is a packet capture (pcap).' };
  }
  if (startsWith(bytes, 0x0a, 0x0d, 0x0d, 0x0a)) {
    return { type: 'binary', binaryKind: 'pcapng', message: 'This is a packet capture (pcapng).' };
  }
  if (lower.endsWith('.etl')) {
    return {
      type: 'binary',
      binaryKind: 'etl',
      message:
        "This is a Windows ETL trace, which cannot be read here. Convert it to pcapng first: for a pktmon capture run `pktmon etl2pcap <file>.etl --out <file>.pcapng` (Windows 10 2004 / Server 2019 and later); for a `netsh trace` capture use Microsoft's etl2pcapng tool (github.com/microsoft/etl2pcapng): `etl2pcapng.exe <file>.etl <file>.pcapng`.",
    };
  }
  if (looksLikeDerCertificate(bytes)) {
    const base64 = toBase64(bytes)
      .replace(/(.{64})/g, '$1\n')
      .trim();
    return {
      type: 'text',
      text: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
      encoding: 'DER',
      note: 'Binary (DER) certificate, converted to PEM.',
    };
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    return {
      type: 'binary',
      binaryKind: 'binary',
      message: 'This file is larger than 20 MB; paste the relevant part instead.',
    };
  }
  let text: string | undefined;
  let encoding = 'utf-8';
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (startsWith(bytes, 0xff, 0xfe)) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (startsWith(bytes, 0xfe, 0xff)) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else if (bytes.length >= 4 && nulShare(bytes, 1) > 0.6 && nulShare(bytes, 0) < 0.2) {
    text = new TextDecoder('utf-16le').decode(bytes);
    encoding = 'utf-16le';
  } else if (bytes.length >= 4 && nulShare(bytes, 0) > 0.6 && nulShare(bytes, 1) < 0.2) {
    text = new TextDecoder('utf-16be').decode(bytes);
    encoding = 'utf-16be';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'windows-1252';
    }
  }
  if (controlShare(text) > 0.1) {
    return {
      type: 'binary',
      binaryKind: 'binary',
      message:
        'This looks like a binary file, not text. Paste error text, registry exports, cipher lists, certificates (PEM or .cer), ERRORLOG lines, event text, or drop a packet capture (.pcap, .pcapng).',
    };
  }
  return { type: 'text', text, encoding };
}
