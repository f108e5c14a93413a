/**
 * Test-only builders: pcap / pcapng writers, link-layer framing, IPv4/IPv6 + TCP/UDP packets, TDS and TLS
 * messages, and a scripted TCP session. Used by the capture tests and the throughput script; never by the app.
 */

import { concat } from '../connection';

export type Bytes = Uint8Array;

export function cat(...parts: (Bytes | number[])[]): Bytes {
  return catList(parts);
}

export function catList(parts: (Bytes | number[])[]): Bytes {
  return concat(parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p))));
}

export const u16 = (v: number) => [(v >> 8) & 255, v & 255];
export const u24 = (v: number) => [(v >> 16) & 255, (v >> 8) & 255, v & 255];
export const u32 = (v: number) => [(v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255];

export function parseIp(ip: string): { v: 4 | 6; bytes: number[] } {
  if (ip.includes(':')) {
    const [head, tail] = ip.split('::') as [string, string | undefined];
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].map((g) =>
      parseInt(g || '0', 16),
    );
    return { v: 6, bytes: groups.flatMap((g) => u16(g)) };
  }
  return { v: 4, bytes: ip.split('.').map(Number) };
}

export interface TcpSpec {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  flags: number;
  payload?: Bytes;
  /** claim a larger IP length than the bytes given (snapped frame) */
  extraDeclared?: number;
}

export function ipPacket(src: string, dst: string, proto: number, l4: Bytes, extraDeclared = 0): Bytes {
  const s = parseIp(src);
  const d = parseIp(dst);
  if (s.v === 4) {
    const total = 20 + l4.length + extraDeclared;
    return cat([0x45, 0, ...u16(total), 0, 1, 0x40, 0, 64, proto, 0, 0, ...s.bytes, ...d.bytes], l4);
  }
  return cat([0x60, 0, 0, 0, ...u16(l4.length + extraDeclared), proto, 64, ...s.bytes, ...d.bytes], l4);
}

export function tcpPacket(t: TcpSpec): Bytes {
  const tcp = cat(
    [...u16(t.sport), ...u16(t.dport), ...u32(t.seq), ...u32(t.ack), 0x50, t.flags, 0xff, 0xff, 0, 0, 0, 0],
    t.payload ?? [],
  );
  return ipPacket(t.src, t.dst, 6, tcp, t.extraDeclared ?? 0);
}

export function udpPacket(src: string, dst: string, sport: number, dport: number, payload: Bytes): Bytes {
  return ipPacket(
    src,
    dst,
    17,
    cat([...u16(sport), ...u16(dport), ...u16(8 + payload.length), 0, 0], payload),
  );
}

const etherType = (ip: Bytes) => (ip[0]! >> 4 === 6 ? 0x86dd : 0x0800);

export function ethernet(ip: Bytes, vlans: number[] = [], qinq = false): Bytes {
  const tags: number[] = [];
  vlans.forEach((id, i) => tags.push(...u16(qinq && i === 0 ? 0x88a8 : 0x8100), ...u16(id)));
  return cat([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], tags, u16(etherType(ip)), ip);
}

export const sll = (ip: Bytes) => cat([0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, ...u16(etherType(ip))], ip);
export const sll2 = (ip: Bytes) =>
  cat([...u16(etherType(ip)), 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0], ip);
/** BSD loopback: family in the capturing host's (little-endian) byte order */
export const nullLink = (ip: Bytes) => cat([etherType(ip) === 0x0800 ? 2 : 24, 0, 0, 0], ip);

export interface WFrame {
  /** ms since the epoch */
  ts: number;
  data: Bytes;
  iface?: number;
  origLen?: number;
}

function w32(v: number, le: boolean): number[] {
  const b = u32(v);
  return le ? b.reverse() : b;
}
function w16(v: number, le: boolean): number[] {
  const b = u16(v);
  return le ? b.reverse() : b;
}

export function writePcap(
  frames: WFrame[],
  opts: { linkType?: number; bigEndian?: boolean; nano?: boolean } = {},
): Bytes {
  const le = !opts.bigEndian;
  const magic = opts.nano ? 0xa1b23c4d : 0xa1b2c3d4;
  const parts: (Bytes | number[])[] = [
    [
      ...w32(magic, le),
      ...w16(2, le),
      ...w16(4, le),
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...w32(262144, le),
      ...w32(opts.linkType ?? 1, le),
    ],
  ];
  for (const f of frames) {
    const sec = Math.floor(f.ts / 1000);
    const frac = opts.nano ? Math.round((f.ts - sec * 1000) * 1e6) : Math.round((f.ts - sec * 1000) * 1000);
    parts.push(
      [...w32(sec, le), ...w32(frac, le), ...w32(f.data.length, le), ...w32(f.origLen ?? f.data.length, le)],
      f.data,
    );
  }
  return catList(parts);
}

function block(type: number, body: number[] | Bytes, le: boolean): Bytes {
  const pad = (4 - (body.length % 4)) % 4;
  const len = 12 + body.length + pad;
  return cat(w32(type, le), w32(len, le), body, new Array(pad).fill(0), w32(len, le));
}

export function writePcapng(
  frames: WFrame[],
  opts: {
    interfaces?: { linkType: number; tsresol?: number }[];
    bigEndian?: boolean;
    simple?: boolean;
    extraBlocks?: boolean;
  } = {},
): Bytes {
  const le = !opts.bigEndian;
  const ifaces = opts.interfaces ?? [{ linkType: 1 }];
  const parts: Bytes[] = [
    block(
      0x0a0d0d0a,
      [...w32(0x1a2b3c4d, le), ...w16(1, le), ...w16(0, le), 255, 255, 255, 255, 255, 255, 255, 255],
      le,
    ),
  ];
  for (const i of ifaces) {
    const options =
      i.tsresol !== undefined ? [...w16(9, le), ...w16(1, le), i.tsresol, 0, 0, 0, 0, 0, 0, 0] : [];
    parts.push(block(1, [...w16(i.linkType, le), 0, 0, ...w32(0, le), ...options], le));
  }
  if (opts.extraBlocks)
    parts.push(block(4, [0, 0, 0, 0], le), block(0x40000bad, [1, 2, 3, 4, 5, 6, 7, 8], le));
  for (const f of frames) {
    if (opts.simple) {
      parts.push(block(3, cat(w32(f.origLen ?? f.data.length, le), f.data), le));
      continue;
    }
    const iface = ifaces[f.iface ?? 0]!;
    const res = iface.tsresol ?? 6;
    const units = res & 0x80 ? (f.ts * 2 ** (res & 0x7f)) / 1000 : (f.ts * 10 ** res) / 1000;
    const u = BigInt(Math.round(units));
    const hi = Number(u >> 32n);
    const lo = Number(u & 0xffffffffn);
    parts.push(
      block(
        6,
        cat(
          [
            ...w32(f.iface ?? 0, le),
            ...w32(hi, le),
            ...w32(lo, le),
            ...w32(f.data.length, le),
            ...w32(f.origLen ?? f.data.length, le),
          ],
          f.data,
        ),
        le,
      ),
    );
  }
  return catList(parts);
}

// ---------- TDS ----------

export function tdsPacket(type: number, payload: Bytes | number[], eom = true, id = 1): Bytes {
  return cat([type, eom ? 1 : 0, ...u16(payload.length + 8), 0, 0, id, 0], payload);
}

/** MS-TDS §4.1 client PRELOGIN sample (domain-facts §8.2), TDS header included */
export const PRELOGIN_SAMPLE = new Uint8Array([
  0x12, 0x01, 0x00, 0x2f, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a, 0x00, 0x06, 0x01, 0x00, 0x20, 0x00, 0x01,
  0x02, 0x00, 0x21, 0x00, 0x01, 0x03, 0x00, 0x22, 0x00, 0x04, 0x04, 0x00, 0x26, 0x00, 0x01, 0xff, 0x09, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0xb8, 0x0d, 0x00, 0x00, 0x01,
]);

export function preloginResponse(version: [number, number, number] = [15, 0, 2000], encryption = 0): Bytes {
  const [maj, min, build] = version;
  const body = [0x00, 0, 11, 0, 6, 0x01, 0, 17, 0, 1, 0xff, maj, min, ...u16(build), 0, 0, encryption];
  return tdsPacket(0x04, body);
}

// ---------- TLS ----------

export function record(type: number, body: Bytes | number[], version = 0x0303): Bytes {
  return cat([type, ...u16(version), ...u16(body.length)], body);
}

export const handshake = (type: number, body: Bytes | number[]) => cat([type, ...u24(body.length)], body);

function ext(type: number, data: number[]): number[] {
  return [...u16(type), ...u16(data.length), ...data];
}

export interface ClientHelloSpec {
  version?: number;
  suites: number[];
  supportedVersions?: number[];
  alpn?: string[];
  sni?: string;
  sigAlgs?: number[];
  groups?: number[];
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function clientHello(s: ClientHelloSpec): Bytes {
  const exts: number[] = [];
  if (s.sni) {
    const n = ascii(s.sni);
    exts.push(...ext(0, [...u16(n.length + 3), 0, ...u16(n.length), ...n]));
  }
  if (s.groups) exts.push(...ext(10, [...u16(s.groups.length * 2), ...s.groups.flatMap(u16)]));
  if (s.sigAlgs) exts.push(...ext(13, [...u16(s.sigAlgs.length * 2), ...s.sigAlgs.flatMap(u16)]));
  if (s.alpn) {
    const list = s.alpn.flatMap((p) => [p.length, ...ascii(p)]);
    exts.push(...ext(16, [...u16(list.length), ...list]));
  }
  if (s.supportedVersions)
    exts.push(...ext(43, [s.supportedVersions.length * 2, ...s.supportedVersions.flatMap(u16)]));
  exts.push(...ext(0xff01, [0]));
  const body = [
    ...u16(s.version ?? 0x0303),
    ...new Array(32).fill(7),
    0,
    ...u16(s.suites.length * 2),
    ...s.suites.flatMap(u16),
    1,
    0,
    ...u16(exts.length),
    ...exts,
  ];
  return handshake(1, body);
}

export function serverHello(s: {
  version?: number;
  suite: number;
  supportedVersion?: number;
  alpn?: string;
}): Bytes {
  const exts: number[] = [];
  if (s.alpn) {
    const list = [s.alpn.length, ...ascii(s.alpn)];
    exts.push(...ext(16, [...u16(list.length), ...list]));
  }
  if (s.supportedVersion) exts.push(...ext(43, u16(s.supportedVersion)));
  const body = [
    ...u16(s.version ?? 0x0303),
    ...new Array(32).fill(9),
    0,
    ...u16(s.suite),
    0,
    ...u16(exts.length),
    ...exts,
  ];
  return handshake(2, body);
}

export function certificateMsg(ders: Bytes[]): Bytes {
  const list = cat(...ders.map((d) => cat(u24(d.length), d)));
  return handshake(11, cat(u24(list.length), list));
}

export const serverHelloDone = () => handshake(14, []);
export const clientKeyExchange = (n = 66) => handshake(16, [...u16(n - 2), ...new Array(n - 2).fill(5)]);
/** DHE Server Key Exchange with a prime of `bits` bits */
export function dheServerKeyExchange(bits = 2048): Bytes {
  const p = [0xff, ...new Array(bits / 8 - 1).fill(0x11)];
  return handshake(12, [
    ...u16(p.length),
    ...p,
    0,
    1,
    2,
    ...u16(p.length),
    ...new Array(p.length).fill(3),
    4,
    1,
    0,
    2,
    0,
    0,
  ]);
}
export const ccs = () => record(0x14, [1]);
export const alert = (level: number, desc: number) => record(0x15, [level, desc]);
export const encrypted = (type: number, n = 40) => record(type, new Array(n).fill(0xab));

// ---------- scripted TCP session ----------

export interface SessionOptions {
  client?: string;
  server?: string;
  cport?: number;
  sport?: number;
  start?: number;
  link?: (ip: Bytes) => Bytes;
}

export class Session {
  readonly frames: WFrame[] = [];
  t: number;
  cseq = 1000;
  sseq = 5000;
  readonly c: string;
  readonly s: string;
  readonly cport: number;
  readonly sport: number;
  private readonly link: (ip: Bytes) => Bytes;

  constructor(o: SessionOptions = {}) {
    this.c = o.client ?? '10.0.0.5';
    this.s = o.server ?? '10.0.0.9';
    this.cport = o.cport ?? 50123;
    this.sport = o.sport ?? 1433;
    this.t = o.start ?? 1_700_000_000_000;
    this.link = o.link ?? ((ip) => ethernet(ip));
  }

  /** a TCP segment from one side; advances sequence numbers and time by dt ms */
  seg(fromClient: boolean, flags: number, payload: Bytes = new Uint8Array(0), dt = 1, seq?: number): WFrame {
    this.t += dt;
    const spec: TcpSpec = fromClient
      ? {
          src: this.c,
          dst: this.s,
          sport: this.cport,
          dport: this.sport,
          seq: seq ?? this.cseq,
          ack: this.sseq,
          flags,
          payload,
        }
      : {
          src: this.s,
          dst: this.c,
          sport: this.sport,
          dport: this.cport,
          seq: seq ?? this.sseq,
          ack: this.cseq,
          flags,
          payload,
        };
    if (seq === undefined) {
      const adv = payload.length + (flags & 0x03 ? 1 : 0);
      if (fromClient) this.cseq = (this.cseq + adv) >>> 0;
      else this.sseq = (this.sseq + adv) >>> 0;
    }
    const f = { ts: this.t, data: this.link(tcpPacket(spec)) };
    this.frames.push(f);
    return f;
  }

  connect(): this {
    this.seg(true, 0x02, undefined, 1, this.cseq);
    this.cseq++;
    this.seg(false, 0x12, undefined, 1, this.sseq);
    this.sseq++;
    this.seg(true, 0x10);
    return this;
  }

  /** data from one side, optionally split into segments of the given sizes */
  send(fromClient: boolean, data: Bytes, split?: number[], dt = 1): this {
    if (!split) {
      this.seg(fromClient, 0x18, data, dt);
      return this;
    }
    let o = 0;
    for (const n of [...split, data.length]) {
      if (o >= data.length) break;
      const e = Math.min(data.length, o + n);
      this.seg(fromClient, 0x18, data.subarray(o, e), dt);
      o = e;
    }
    return this;
  }

  fin(fromClient: boolean, dt = 1): this {
    this.seg(fromClient, 0x11, undefined, dt);
    return this;
  }

  rst(fromClient: boolean, dt = 1): this {
    this.seg(fromClient, 0x14, undefined, dt);
    return this;
  }
}

export const ECDHE_RSA_AES256_GCM = 0xc030;
export const ECDHE_RSA_AES128_GCM = 0xc02f;
export const DHE_RSA_AES256_GCM = 0x009f;
export const RSA_AES256_GCM = 0x009d;
export const TLS13_AES256 = 0x1302;

/** TDS 7.x prelogin + TLS 1.2 exchange pieces, wrapped in TDS 0x12 packets */
export const inTds = (b: Bytes, eom = true) => tdsPacket(0x12, b, eom);
