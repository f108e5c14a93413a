import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '@/engine/diagnosis';
import { analyzeCapture } from '@/engine/capture';
import { writePcap, writePcapng } from '@/engine/capture/testing/writer';
import { protocolMismatch } from '@/engine/capture/testing/scenarios';
import type { CaptureEntry } from './captureStore';
import { captureDiagnosisInputs, cipherListsFrom, isCaptureFile } from './integration';

const file = (bytes: Uint8Array | number[], name: string) => new File([new Uint8Array(bytes)], name);

describe('isCaptureFile', () => {
  it('recognises pcap and pcapng by their first bytes, whatever the name', async () => {
    expect(await isCaptureFile(file(writePcap([]), 'trace.bin'))).toBe(true);
    expect(await isCaptureFile(file(writePcap([], { bigEndian: true, nano: true }), 'x'))).toBe(true);
    expect(await isCaptureFile(file(writePcapng([]), 'capture'))).toBe(true);
  });

  it('sends a damaged file named .pcap/.pcapng to the capture reader, and leaves text files alone', async () => {
    expect(await isCaptureFile(file([1, 2, 3, 4, 5], 'broken.PCAPNG'))).toBe(true);
    expect(await isCaptureFile(file([...new TextEncoder().encode('ERRORLOG text')], 'ERRORLOG'))).toBe(false);
    expect(await isCaptureFile(file([], 'empty.txt'))).toBe(false);
  });
});

describe('captureDiagnosisInputs', () => {
  it('passes on finished captures with connections only, named after the file', async () => {
    const result = await analyzeCapture(writePcap(protocolMismatch().frames));
    const empty = await analyzeCapture(writePcap([]));
    const base = { size: 1, bytesDone: 1 };
    const captures: CaptureEntry[] = [
      { ...base, id: 1, name: 'a.pcap', status: 'done', result },
      { ...base, id: 2, name: 'b.pcap', status: 'reading' },
      { ...base, id: 3, name: 'c.pcap', status: 'done', result: empty },
      { ...base, id: 4, name: 'd.pcap', status: 'cancelled' },
    ];
    const inputs = captureDiagnosisInputs(captures);
    expect(inputs.map((i) => i.source)).toEqual(['a.pcap']);
    expect(inputs[0]!.artifacts[0]!.kind).toBe('packet-capture');
  });
});

describe('cipherListsFrom', () => {
  it('keeps lists that come from a pasted cipher-suite list, with their side', () => {
    const ref = (kind: string, source: string) => ({ from: 'paste', input: 0, source, part: 0, kind });
    const diagnosis = {
      signals: {
        serverSuites: {
          value: ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'],
          evidence: [ref('cipher-suites', 'Paste 1')],
        },
        clientSuites: { value: ['TLS_AES_256_GCM_SHA384'], evidence: [ref('packet-capture', 'trace.pcap')] },
      },
    } as unknown as Diagnosis;
    expect(cipherListsFrom(diagnosis)).toEqual([
      { source: 'Paste 1', side: 'server', suites: ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'] },
    ]);
    expect(cipherListsFrom(undefined)).toEqual([]);
  });
});
