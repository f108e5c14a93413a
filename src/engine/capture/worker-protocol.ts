/**
 * Messages between the page and the capture Web Worker (worker.ts), and the handler the worker runs; kept apart
 * from worker.ts so it can be tested without a Worker.
 */
import { analyzeCapture, type PacketCaptureResult } from './analyze';

export type CaptureWorkerRequest =
  /** a File/Blob is read in slices inside the worker; bytes are transferred */
  { type: 'analyze'; id: number; file: Blob | ArrayBuffer | Uint8Array } | { type: 'cancel'; id: number };

export type CaptureWorkerResponse =
  | { type: 'progress'; id: number; bytesDone: number; totalBytes: number }
  | { type: 'result'; id: number; result: PacketCaptureResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };

const SLICE = 4 * 1024 * 1024;

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  for (let o = 0; o < blob.size; o += SLICE) {
    yield new Uint8Array(await blob.slice(o, Math.min(blob.size, o + SLICE)).arrayBuffer());
  }
}

/** Returns the worker's onmessage handler; `post` sends responses back to the page. */
export function createCaptureWorkerHandler(post: (msg: CaptureWorkerResponse) => void) {
  const running = new Map<number, AbortController>();
  return async (msg: CaptureWorkerRequest): Promise<void> => {
    if (msg.type === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const { id, file } = msg;
    const ctl = new AbortController();
    running.set(id, ctl);
    const totalBytes = file instanceof Blob ? file.size : file.byteLength;
    let lastPost = 0;
    try {
      const source =
        file instanceof Blob ? blobChunks(file) : file instanceof Uint8Array ? file : new Uint8Array(file);
      const result = await analyzeCapture(source, {
        signal: ctl.signal,
        onProgress: (bytesDone) => {
          if (bytesDone - lastPost >= SLICE || bytesDone === totalBytes) {
            lastPost = bytesDone;
            post({ type: 'progress', id, bytesDone, totalBytes });
          }
        },
      });
      post({ type: 'result', id, result });
    } catch (e) {
      if (ctl.signal.aborted) post({ type: 'cancelled', id });
      else post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      running.delete(id);
    }
  };
}
