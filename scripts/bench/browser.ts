/**
 * The browser rows of `npm run bench`: Lighthouse (mobile and desktop, median of 3), time to interactive
 * (median of 5) and a 1 MB paste of each kind until its verdict shows (median of 3), all against dist/ on
 * scripts/serve.mjs at a free port of 127.0.0.1.
 */
import { loadavg } from 'node:os';
import { registerCjsInterop } from './cjs-interop';
import { largePasteRows } from './large-paste';
import { lighthouseRows } from './lighthouse';
import { serveDist } from './serve';
import { ttiRows } from './tti';
import type { Row } from './types';
import { SAMPLES } from '../../src/engine/samples/samples';

export async function browserRows(dist = 'dist'): Promise<Row[]> {
  registerCjsInterop();
  const { encodeShare } = await import('../../src/store/shareLink');
  const sample = SAMPLES[0]!;
  const token = encodeShare({ inputs: [...sample.inputs], answers: { ...(sample.answers ?? {}) } }).token;
  const server = await serveDist(dist);
  const load = loadavg()[0]!.toFixed(1);
  try {
    return [
      {
        group: 'browser',
        name: 'machine load when the browser rows started (1-minute load average)',
        value: Number(load),
        unit: '',
        note: 'timings and Lighthouse performance scale with it',
      },
      ...(await lighthouseRows(server.url, 3)),
      ...(await ttiRows(server.url, token, 5)),
      ...(await largePasteRows(server.url, 3)),
    ];
  } catch (error) {
    return [
      {
        group: 'browser',
        name: 'Lighthouse scores, time to interactive',
        value: null,
        unit: '',
        pass: false,
        note: `could not be measured: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  } finally {
    await server.close();
  }
}
