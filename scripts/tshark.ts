/**
 * An independent reading of the same capture files by Wireshark's tshark (Debian package `tshark`), used to
 * check our capture decoder (scripts/tshark.test.ts) and to compare speed (`npm run bench`). Optional: when
 * tshark is not installed, `findTshark()` returns null and callers skip with a note.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export function findTshark(): string | null {
  for (const candidate of [process.env.TSHARK_PATH, '/usr/bin/tshark', 'tshark']) {
    if (!candidate) continue;
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return null;
}

/** What tshark saw on one TCP stream, in the terms our connection facts use. */
export interface TsharkStream {
  stream: number;
  client: { ip: string; port: number };
  server: { ip: string; port: number };
  /** cipher suite ids of the first Client Hello, in order */
  clientHelloSuites: number[];
  clientHelloFrame: number | null;
  /** the suite the first Server Hello chose */
  serverHelloSuite: number | null;
  /** TLS alert description of the first alert, and who sent it */
  alert: { description: number; from: 'client' | 'server' } | null;
  /** the first RST: who sent it and in which frame */
  reset: { by: 'client' | 'server'; frame: number } | null;
  /** SYNs from the client that tshark flagged as retransmissions */
  synRetransmits: number;
}

const FIELDS = [
  'tcp.stream',
  'frame.number',
  'ip.src',
  'ipv6.src',
  'tcp.srcport',
  'ip.dst',
  'ipv6.dst',
  'tcp.dstport',
  'tcp.flags.syn',
  'tcp.flags.ack',
  'tcp.flags.reset',
  'tcp.analysis.retransmission',
  'tls.handshake.type',
  'tls.handshake.ciphersuite',
  'tls.alert_message.desc',
];

/**
 * Hints tshark needs and our decoder does not: tshark picks dissectors by port, so TDS on an odd port, or TLS
 * sent directly on 1433 (TDS 8 strict), must be named with "decode as".
 */
export interface TsharkHints {
  tdsPorts?: number[];
  tlsPorts?: number[];
}

/** tshark's arguments for a one-pass field dump (out-of-order segments reassembled, as ours does). */
export function tsharkArgs(file: string, hints: TsharkHints = {}): string[] {
  const decodeAs = [
    ...(hints.tdsPorts ?? []).flatMap((p) => ['-d', `tcp.port==${p},tds`]),
    ...(hints.tlsPorts ?? []).flatMap((p) => ['-d', `tcp.port==${p},tls`]),
  ];
  return ['-r', file, '-o', 'tcp.reassemble_out_of_order:TRUE', ...decodeAs]
    .concat(['-T', 'fields', '-E', 'separator=|', '-E', 'occurrence=a', '-E', 'aggregator=,'])
    .concat(FIELDS.flatMap((f) => ['-e', f]));
}

const ints = (s: string | undefined): number[] =>
  (s ?? '')
    .split(',')
    .filter((x) => x !== '')
    .map((x) => Number(x));

/** Reads a capture with tshark and groups what it decoded by TCP stream. */
export function readWithTshark(tshark: string, file: string, hints: TsharkHints = {}): TsharkStream[] {
  const out = execFileSync(tshark, tsharkArgs(file, hints), {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const streams = new Map<number, TsharkStream>();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [
      stream,
      frame,
      ip4s,
      ip6s,
      sport,
      ip4d,
      ip6d,
      dport,
      syn,
      ack,
      rst,
      retrans,
      hsTypes,
      suites,
      alerts,
    ] = line.split('|');
    if (stream === undefined || stream === '') continue;
    const id = Number(stream);
    const src = { ip: ip4s || ip6s || '', port: Number(sport) };
    const dst = { ip: ip4d || ip6d || '', port: Number(dport) };
    let s = streams.get(id);
    if (!s) {
      // The first packet of a stream in these captures is the client's SYN (or the client's first segment).
      const fromServerFirst = syn === '1' && ack === '1';
      s = {
        stream: id,
        client: fromServerFirst ? dst : src,
        server: fromServerFirst ? src : dst,
        clientHelloSuites: [],
        clientHelloFrame: null,
        serverHelloSuite: null,
        alert: null,
        reset: null,
        synRetransmits: 0,
      };
      streams.set(id, s);
    }
    const from: 'client' | 'server' =
      src.ip === s.client.ip && src.port === s.client.port ? 'client' : 'server';
    if (syn === '1' && ack !== '1' && retrans) s.synRetransmits++;
    if (rst === '1' && !s.reset) s.reset = { by: from, frame: Number(frame) };
    const types = ints(hsTypes);
    const suiteIds = ints(suites);
    if (types.includes(1) && s.clientHelloFrame === null) {
      s.clientHelloFrame = Number(frame);
      s.clientHelloSuites = suiteIds;
    } else if (types.includes(2) && s.serverHelloSuite === null && suiteIds.length > 0) {
      s.serverHelloSuite = suiteIds[0]!;
    }
    const alertIds = ints(alerts);
    if (alertIds.length > 0 && !s.alert) s.alert = { description: alertIds[0]!, from };
  }
  return [...streams.values()];
}

/** Seconds for one tshark pass over the file with the same fields (median of `runs`). */
export function timeTshark(tshark: string, file: string, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(tshark, tsharkArgs(file), { stdio: 'ignore', maxBuffer: 1 << 30 });
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
