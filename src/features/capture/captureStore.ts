import { create } from 'zustand';
import type { PacketCaptureResult } from '@/engine/capture';
import type { CaptureWorkerRequest, CaptureWorkerResponse } from '@/engine/capture/worker-protocol';
import { announce } from '@/components/announce';

export type CaptureStatus = 'reading' | 'done' | 'cancelled' | 'error';

/** One dropped capture file. Only the result stays on the main thread: the File itself is read in the worker. */
export interface CaptureEntry {
  id: number;
  name: string;
  size: number;
  status: CaptureStatus;
  bytesDone: number;
  result?: PacketCaptureResult;
  error?: string;
  /** set when the analysis ran on the page because Web Workers are not available */
  notice?: string;
}

interface CaptureState {
  captures: CaptureEntry[];
  addCaptureFile: (file: File) => void;
  cancel: (id: number) => void;
  remove: (id: number) => void;
}

let nextId = 1;
let worker: Worker | null | undefined;
/** cancel functions of main-thread (fallback) analyses */
const fallbackAbort = new Map<number, AbortController>();
/** the last progress step (in tenths) announced per capture, so screen readers hear 10 %, 20 %, ... not every tick */
const announcedStep = new Map<number, number>();

const update = (id: number, patch: Partial<CaptureEntry>) =>
  useCaptureStore.setState((s) => ({
    captures: s.captures.map((c) => (c.id === id ? { ...c, ...patch } : c)),
  }));

const nameOf = (id: number) =>
  useCaptureStore.getState().captures.find((c) => c.id === id)?.name ?? 'capture';
const isReading = (id: number) =>
  useCaptureStore.getState().captures.find((c) => c.id === id)?.status === 'reading';

function onProgress(id: number, bytesDone: number, total: number) {
  if (!isReading(id)) return;
  update(id, { bytesDone });
  const step = total > 0 ? Math.floor((bytesDone / total) * 4) : 0;
  if (step > (announcedStep.get(id) ?? 0) && step < 4) {
    announcedStep.set(id, step);
    announce(`Reading ${nameOf(id)}: ${step * 25}%`);
  }
}

function onResult(id: number, result: PacketCaptureResult) {
  if (!isReading(id)) return;
  update(id, { status: 'done', result, bytesDone: result.facts.bytes });
  const t = result.facts.totals;
  announce(
    `${nameOf(id)} read: ${t.sqlConnections} SQL Server connection${t.sqlConnections === 1 ? '' : 's'}, ${t.failed} failed.`,
  );
}

function onCancelled(id: number) {
  if (!useCaptureStore.getState().captures.some((c) => c.id === id)) return;
  update(id, { status: 'cancelled' });
  announce(`Reading ${nameOf(id)} was cancelled.`);
}

function onError(id: number, message: string) {
  if (!isReading(id)) return;
  update(id, { status: 'error', error: message });
  announce(`${nameOf(id)} could not be read.`);
}

function handle(msg: CaptureWorkerResponse) {
  if (msg.type === 'progress') onProgress(msg.id, msg.bytesDone, msg.totalBytes);
  else if (msg.type === 'result') onResult(msg.id, msg.result);
  else if (msg.type === 'cancelled') onCancelled(msg.id);
  else onError(msg.id, msg.message);
}

/** The one capture worker, created on first use; null when this browser cannot start it. */
function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker');
    const w = new Worker(new URL('../../engine/capture/worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (e: MessageEvent<CaptureWorkerResponse>) => handle(e.data));
    w.addEventListener('error', () => {
      // The worker failed to start or crashed: everything it was reading ends in an error.
      for (const c of useCaptureStore.getState().captures)
        if (c.status === 'reading' && !fallbackAbort.has(c.id))
          onError(
            c.id,
            'The background reader stopped unexpectedly. Reload the page and drop the file again.',
          );
      worker = null;
    });
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

const FALLBACK_NOTICE =
  'This browser could not start a background reader (Web Worker), so the capture is read on the page itself; the page may respond slowly until it is done.';

async function analyzeOnPage(id: number, file: File) {
  const ctl = new AbortController();
  fallbackAbort.set(id, ctl);
  try {
    const { analyzeCapture } = await import('@/engine/capture');
    const SLICE = 4 * 1024 * 1024;
    async function* chunks() {
      for (let o = 0; o < file.size; o += SLICE)
        yield new Uint8Array(await file.slice(o, Math.min(file.size, o + SLICE)).arrayBuffer());
    }
    const result = await analyzeCapture(chunks(), {
      signal: ctl.signal,
      onProgress: (done) => onProgress(id, done, file.size),
    });
    onResult(id, result);
  } catch (e) {
    if (ctl.signal.aborted) onCancelled(id);
    else onError(id, e instanceof Error ? e.message : String(e));
  } finally {
    fallbackAbort.delete(id);
  }
}

/**
 * Packet captures dropped on the paste page, analysed in a Web Worker. In memory only: captures are never
 * persisted (a reload forgets them), and the File is not kept once the worker has it.
 */
export const useCaptureStore = create<CaptureState>()((set) => ({
  captures: [],
  addCaptureFile: (file) => {
    const id = nextId++;
    const w = getWorker();
    const entry: CaptureEntry = { id, name: file.name, size: file.size, status: 'reading', bytesDone: 0 };
    if (!w) entry.notice = FALLBACK_NOTICE;
    set((s) => ({ captures: [...s.captures, entry] }));
    announcedStep.set(id, 0);
    announce(`Reading ${file.name}…`);
    if (w) {
      const msg: CaptureWorkerRequest = { type: 'analyze', id, file };
      w.postMessage(msg);
    } else void analyzeOnPage(id, file);
  },
  cancel: (id) => {
    const ctl = fallbackAbort.get(id);
    if (ctl) ctl.abort();
    else if (worker) {
      const msg: CaptureWorkerRequest = { type: 'cancel', id };
      worker.postMessage(msg);
    }
    // The page stops waiting at once; a late result from the worker is ignored.
    if (isReading(id)) onCancelled(id);
  },
  remove: (id) => {
    if (isReading(id)) useCaptureStore.getState().cancel(id);
    announcedStep.delete(id);
    set((s) => ({ captures: s.captures.filter((c) => c.id !== id) }));
  },
}));
