import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';

const utf16le = (s: string, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[(bom ? 2 : 0) + i * 2] = c & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = c >> 8;
  }
  return out;
};

const REG =
  'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM]\r\n"Enabled"=dword:00000001\r\n';

describe('decodeBytes', () => {
  it('reads a regedit export in UTF-16LE with BOM', () => {
    const d = decodeBytes(utf16le(REG), 'tls.reg');
    expect(d).toMatchObject({ type: 'text', encoding: 'utf-16le', text: REG });
  });

  it('reads UTF-16LE without a BOM', () => {
    expect(decodeBytes(utf16le(REG, false))).toMatchObject({ type: 'text', text: REG });
  });

  it('reads UTF-8 with and without BOM, and falls back to Windows-1252', () => {
    const enc = new TextEncoder();
    expect(decodeBytes(enc.encode('hôte distant'))).toMatchObject({
      text: 'hôte distant',
      encoding: 'utf-8',
    });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('abc')]))).toMatchObject({
      text: 'abc',
    });
    expect(decodeBytes(new Uint8Array([0x68, 0xf4, 0x74, 0x65]))).toMatchObject({
      text: 'hôte',
      encoding: 'windows-1252',
    });
  });

  it('turns a DER certificate into PEM text', () => {
    const body = new Uint8Array(300).fill(7);
    const der = new Uint8Array([0x30, 0x82, 0x01, 0x2c, ...body]);
    const d = decodeBytes(der, 'server.cer');
    expect(d.type).toBe('text');
    if (d.type === 'text') {
      expect(d.text.startsWith('-----BEGIN CERTIFICATE-----\nMIIBLA')).toBe(true);
      expect(d.text.trim().endsWith('-----END CERTIFICATE-----')).toBe(true);
    }
  });

  it('recognises packet captures and ETL traces instead of reading them as text', () => {
    expect(decodeBytes(new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]))).toMatchObject({
      binaryKind: 'pcap',
    });
    expect(decodeBytes(new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]))).toMatchObject({
      binaryKind: 'pcapng',
    });
    const etl = decodeBytes(new Uint8Array([1, 2, 3, 4]), 'NetTrace.etl');
    expect(etl).toMatchObject({ binaryKind: 'etl' });
    if (etl.type === 'binary') expect(etl.message).toContain('pktmon etl2pcap');
  });

  it('says a binary file is not text', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 7) % 9);
    expect(decodeBytes(bytes, 'x.bin')).toMatchObject({ type: 'binary', binaryKind: 'binary' });
  });
});
