import { describe, expect, it } from 'vitest';
import { createCaptureWorkerHandler, type CaptureWorkerResponse } from './worker-protocol';
import { goodHandshake } from './testing/scenarios';
import { writePcap } from './testing/writer';

describe('capture worker messages', () => {
  it('reads a dropped file (Blob) and posts progress, then the result', async () => {
    const out: CaptureWorkerResponse[] = [];
    const handle = createCaptureWorkerHandler((m) => out.push(m));
    const bytes = writePcap(goodHandshake().frames);
    await handle({ type: 'analyze', id: 1, file: new Blob([new Uint8Array(bytes)]) });
    expect(out[0]).toEqual({ type: 'progress', id: 1, bytesDone: bytes.length, totalBytes: bytes.length });
    const last = out[out.length - 1]!;
    expect(last.type).toBe('result');
    if (last.type === 'result') expect(last.result.facts.connections[0]?.outcome).toBe('handshake-completed');
  });

  it('answers cancel with cancelled', async () => {
    const out: CaptureWorkerResponse[] = [];
    const handle = createCaptureWorkerHandler((m) => out.push(m));
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(writePcap(goodHandshake().frames));
    const running = handle({ type: 'analyze', id: 7, file: big });
    await handle({ type: 'cancel', id: 7 });
    await running;
    expect(out[out.length - 1]).toEqual({ type: 'cancelled', id: 7 });
  });
});
