/**
 * Web Worker entry for capture analysis. The page creates it with
 * `new Worker(new URL('../engine/capture/worker.ts', import.meta.url), { type: 'module' })`, posts
 * `{ type: 'analyze', id, file }` (a File from a drop or an input) and `{ type: 'cancel', id }`, and receives
 * `progress`, then `result`, `cancelled` or `error` (types in worker-protocol.ts).
 */
import {
  createCaptureWorkerHandler,
  type CaptureWorkerRequest,
  type CaptureWorkerResponse,
} from './worker-protocol';

interface WorkerScope {
  postMessage(msg: CaptureWorkerResponse): void;
  addEventListener(type: 'message', fn: (e: { data: CaptureWorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createCaptureWorkerHandler((msg) => scope.postMessage(msg));
scope.addEventListener('message', (e) => void handle(e.data));

export type { CaptureWorkerRequest, CaptureWorkerResponse };
