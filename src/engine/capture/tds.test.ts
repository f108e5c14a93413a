import { describe, expect, it } from 'vitest';
import { parsePrelogin, tdsHeaderLength } from './tds';
import { PRELOGIN_SAMPLE, u16 } from './testing/writer';

describe('PRELOGIN options', () => {
  it('reads the MS-TDS client sample', () => {
    expect(tdsHeaderLength(PRELOGIN_SAMPLE, 0)).toBe(0x2f);
    expect(parsePrelogin(PRELOGIN_SAMPLE.subarray(8), 4)).toEqual({
      frame: 4,
      options: [0, 1, 2, 3, 4],
      version: '9.0.0',
      subBuild: 0,
      encryptionByte: 1,
      encryption: 'ENCRYPT_ON',
      clientCert: false,
      instance: '',
      threadId: 3512,
      mars: true,
    });
  });

  it('reads TRACEID, FEDAUTHREQUIRED, NONCEOPT, the instance name and the client-certificate flag', () => {
    const values = [
      [0x00, [16, 0, 0x10, 0x68, 0, 1]],
      [0x01, [0x83]],
      [0x02, [...'MSSQLSERVER'].map((c) => c.charCodeAt(0)).concat(0)],
      [0x05, [...Array.from({ length: 32 }, (_, i) => i), 5, 0, 0, 0]],
      [0x06, [1]],
      [0x07, new Array(32).fill(9)],
    ] as const;
    const table: number[] = [];
    const data: number[] = [];
    const head = values.length * 5 + 1;
    for (const [t, v] of values) {
      table.push(t, ...u16(head + data.length), ...u16(v.length));
      data.push(...v);
    }
    const info = parsePrelogin(new Uint8Array([...table, 0xff, ...data]), 1)!;
    expect(info.version).toBe('16.0.4200');
    expect(info.subBuild).toBe(1);
    expect(info.encryption).toBe('ENCRYPT_REQ');
    expect(info.clientCert).toBe(true);
    expect(info.instance).toBe('MSSQLSERVER');
    expect(info.traceId).toEqual({
      connectionId: '03020100-0504-0706-0809-0A0B0C0D0E0F',
      activityId: '13121110-1514-1716-1819-1A1B1C1D1E1F',
      sequence: 5,
    });
    expect(info.fedAuthRequired).toBe(true);
    expect(info.nonce).toBe(true);
  });

  it('rejects what is not an option table', () => {
    expect(parsePrelogin(new Uint8Array([0x16, 0x03, 0x01, 0x00, 0x50]), 1)).toBeNull();
    expect(parsePrelogin(new Uint8Array([0x00, 0x00, 0x40, 0x00, 0x06, 0xff]), 1)).toBeNull();
    expect(tdsHeaderLength(new Uint8Array([0x17, 0x03, 0x03, 0, 5, 0, 0, 0]), 0)).toBe(0);
  });
});
