/**
 * One TCP connection: SYN/RST/FIN tracking, per-direction reassembly by sequence number, and the SQL Server
 * handshake analyser on top (TDS packets, PRELOGIN, TLS records inside TDS or directly on the stream).
 * Work per connection stops once the handshake is over, so bulk data costs only the flag checks.
 */
import type { Evidence } from '../model';
import { ACK, FIN, RST, SYN } from './packet';
import { hexBytes } from './packet';
import { parsePrelogin, tdsHeaderLength, TDS_TYPES } from './tds';
import {
  ALERT_NAMES,
  HANDSHAKE_NAMES,
  base64,
  dhePrimeBits,
  parseCertificate,
  parseClientHello,
  parseServerHello,
  parseSslv2ClientHello,
  toPem,
} from './tls';
import type {
  AlertFacts,
  CertificateFacts,
  ClientHelloFacts,
  CloseFacts,
  Endpoint,
  PreloginInfo,
  ServerHelloFacts,
  Side,
  TimelineEntry,
  TimelineWhat,
} from './types';

const MAX_TIMELINE = 64;
const MAX_SEGS = 512;
const MAX_OOO_BYTES = 1 << 20;
const MAX_OOO_SEGS = 256;
const MAX_UNIT = 70000;
const MAX_HS = 256 * 1024;
const MAX_EVIDENCE = 8;
const MAX_STREAM = 4 * 1024 * 1024;
const TIMELINE_HANDSHAKE = new Set([
  'Certificate Request',
  'Server Hello Done',
  'Client Key Exchange',
  'Certificate Verify',
  'Finished',
  'New Session Ticket',
]);

export interface GapReport {
  conn: Connection;
  side: Side;
  frame: number;
  offset: number;
  missing: number;
}

export interface ConnContext {
  onGap(g: GapReport): void;
}

interface Seg {
  pos: number;
  len: number;
  /** the frame whose arrival made these bytes readable in order: the segment's own frame, or, for a
   * segment that came early (out of order), the later frame that filled the gap before it. Messages are
   * dated by it, as Wireshark's "reassembled in" is. */
  frame: number;
  ts: number;
  fileOffset: number;
}

interface Pending {
  seq: number;
  data: Uint8Array;
  frame: number;
  ts: number;
  fileOffset: number;
}

class Flow {
  nextSeq = -1;
  pos = 0;
  bytes = 0;
  ooo: Pending[] = [];
  oooBytes = 0;
  segs: Seg[] = [];
  // unit framer
  pend: Uint8Array | null = null;
  pendPos = 0;
  synced = true;
  // TLS record assembly
  hdr = new Uint8Array(5);
  hdrHave = 0;
  body: Uint8Array | null = null;
  bodyHave = 0;
  recStart = 0;
  recType = 0;
  recVersion = 0;
  // handshake message assembly
  hs: Uint8Array | null = null;
  hsHave = 0;
  hsStart = 0;
  ccs = false;
  finished = false;
  appData = 0;
  // PRELOGIN accumulation
  prelogin: Uint8Array[] = [];
  preloginDone = false;
  units = 0;
  constructor(readonly side: Side) {}
}

export interface LastMessage {
  what: string;
  from: Side;
  ts: number;
  frame: number;
}

export class Connection {
  readonly flows: [Flow, Flow] = [new Flow('client'), new Flow('server')];
  sql: 'yes' | 'no' | 'undecided' = 'undecided';
  recognisedBy: 'port-1433' | 'prelogin' | 'alpn-tds8' | 'known-server' = 'port-1433';
  tds: '7.x' | '8.0' | 'unknown' = 'unknown';
  firstFrame: number;
  firstTs: number;
  lastFrame: number;
  lastTs: number;
  synSeq = -1;
  synCount = 0;
  synAck = false;
  synRst = false;
  established = false;
  closed = false;
  done = false;
  retransmits = 0;
  gaps = 0;
  preloginClient: PreloginInfo | null = null;
  preloginServer: PreloginInfo | null = null;
  clientHello: ClientHelloFacts | null = null;
  serverHello: ServerHelloFacts | null = null;
  certificate: CertificateFacts | null = null;
  ske: { frame: number; kind: 'DHE' | 'ECDHE' | 'other'; primeBits?: number } | null = null;
  alert: AlertFacts | null = null;
  reset: CloseFacts | null = null;
  fin: CloseFacts | null = null;
  clearLogin = false;
  handshakeDone = false;
  timeline: TimelineEntry[] = [];
  timelineTruncated = false;
  last: LastMessage | null = null;
  evidence: Evidence[] = [];
  /** IPv4 addresses as numbers for the fast lookup (-1 for IPv6), and the table key */
  cIp = -1;
  sIp = -1;
  tableKey: number | string = '';
  /** frame/offset of the SYN retransmission evidence */
  private lastSyn: { frame: number; offset: number; text: string } | null = null;

  constructor(
    readonly id: number,
    readonly client: Endpoint,
    readonly server: Endpoint,
    readonly clientKey: string,
    frame: number,
    ts: number,
    private readonly ctx: ConnContext,
  ) {
    this.firstFrame = frame;
    this.lastFrame = frame;
    this.firstTs = ts;
    this.lastTs = ts;
    if (server.port === 1433) this.sql = 'yes';
  }

  // ---------- timeline ----------

  private event(
    side: Side,
    what: TimelineWhat,
    frame: number,
    ts: number,
    offset: number,
    detail?: string,
    isMessage = true,
  ) {
    const t = Math.round((ts - this.firstTs) * 1000) / 1000;
    const prev = this.timeline[this.timeline.length - 1];
    if (prev && what === 'application data' && prev.what === what && prev.from === side) {
      prev.count = (prev.count ?? 1) + 1;
    } else if (this.timeline.length < MAX_TIMELINE) {
      const e: TimelineEntry = { frame, t, from: side, what, offset };
      if (detail) e.detail = detail;
      this.timeline.push(e);
    } else {
      this.timelineTruncated = true;
    }
    if (isMessage) this.last = { what, from: side, ts, frame };
  }

  private addEvidence(start: number, end: number, text: string, meaning: string, fact: string) {
    if (this.evidence.length >= MAX_EVIDENCE) return;
    this.evidence.push({ start, end: Math.max(start, end), text, meaning, fact });
  }

  private closeFacts(by: Side, frame: number, ts: number): CloseFacts {
    return {
      by,
      frame,
      afterMessage: this.last?.what ?? null,
      afterMessageFrom: this.last?.from ?? null,
      ms: this.last ? Math.round((ts - this.last.ts) * 1000) / 1000 : null,
    };
  }

  // ---------- TCP ----------

  /** A TCP segment. `b` borrows the reader's buffer. Returns false when it starts a new connection. */
  onTcp(
    fromClient: boolean,
    b: Uint8Array,
    flags: number,
    seq: number,
    payload: number,
    payloadLen: number,
    declaredLen: number,
    l4: number,
    frame: number,
    ts: number,
    fileOffset: number,
  ): void {
    this.lastFrame = frame;
    this.lastTs = ts;
    const side: Side = fromClient ? 'client' : 'server';
    const flow = this.flows[fromClient ? 0 : 1];
    const hdrOffset = fileOffset + l4;
    if (flags & SYN) {
      if (!(flags & ACK)) {
        this.synCount++;
        if (this.synSeq === -1) this.synSeq = seq;
        flow.nextSeq = (seq + 1) >>> 0;
        const n = this.synCount - 1;
        this.event(side, 'SYN', frame, ts, hdrOffset, n > 0 ? `retransmission ${n}` : undefined);
        this.lastSyn = { frame, offset: hdrOffset, text: hexBytes(b, l4, l4 + 20, 20) };
      } else {
        if (!this.synAck) {
          this.synAck = true;
          this.event(side, 'SYN/ACK', frame, ts, hdrOffset);
        }
        flow.nextSeq = (seq + 1) >>> 0;
      }
      return;
    }
    if (flags & RST) {
      const first = !this.reset;
      if (first) {
        this.reset = this.closeFacts(side, frame, ts);
        if (!this.synAck && this.synCount > 0 && !fromClient) this.synRst = true;
        const after = this.reset.afterMessage ? ` after the ${this.reset.afterMessage}` : '';
        this.addEvidence(
          hdrOffset,
          hdrOffset + 20,
          hexBytes(b, l4, l4 + 20, 20),
          `Frame ${frame}: the ${side} reset the connection (TCP RST)${after}${this.reset.ms !== null ? `, ${fmtMs(this.reset.ms)} later` : ''}.`,
          'reset',
        );
      }
      this.event(side, 'RST', frame, ts, hdrOffset, undefined, false);
      this.closed = true;
      return;
    }
    if (flags & ACK) this.established = true;
    if (declaredLen > 0) {
      flow.bytes += declaredLen;
      this.onPayload(flow, b, seq, payload, payloadLen, declaredLen, frame, ts, fileOffset + payload);
    }
    if (flags & FIN) {
      if (!this.fin) {
        this.fin = this.closeFacts(side, frame, ts);
        if (!this.reset) {
          const after = this.fin.afterMessage ? ` after the ${this.fin.afterMessage}` : '';
          this.addEvidence(
            hdrOffset,
            hdrOffset + 20,
            hexBytes(b, l4, l4 + 20, 20),
            `Frame ${frame}: the ${side} closed the connection (TCP FIN)${after}${this.fin.ms !== null ? `, ${fmtMs(this.fin.ms)} later` : ''}.`,
            'fin',
          );
        }
      }
      this.event(side, 'FIN', frame, ts, hdrOffset, undefined, false);
      this.closed = true;
    }
  }

  synEvidence(): void {
    if (this.synCount > 1 && this.lastSyn) {
      const s = this.lastSyn;
      this.evidence.unshift({
        start: s.offset,
        end: s.offset + 20,
        text: s.text,
        meaning: `Frame ${s.frame}: the client sent its SYN ${this.synCount} times (${this.synCount - 1} retransmissions)${this.synAck ? '' : ' and the server never answered with SYN/ACK'}.`,
        fact: 'synRetransmits',
      });
    }
  }

  private onPayload(
    flow: Flow,
    b: Uint8Array,
    seq: number,
    p: number,
    len: number,
    declared: number,
    frame: number,
    ts: number,
    fileOffset: number,
  ) {
    if (flow.nextSeq === -1) flow.nextSeq = seq;
    const diff = (seq - flow.nextSeq) | 0;
    if (diff < 0) {
      if (diff + declared <= 0) {
        this.retransmits++;
        if (!this.done) this.event(flow.side, 'retransmit', frame, ts, fileOffset, undefined, false);
        return;
      }
      // partial overlap: keep the new tail
      const skip = -diff;
      p += skip;
      len = Math.max(0, len - skip);
      declared -= skip;
      fileOffset += skip;
      seq = flow.nextSeq;
    } else if (diff > 0) {
      if (this.done || this.sql === 'no') {
        flow.nextSeq = (seq + declared) >>> 0;
        return;
      }
      if (flow.ooo.some((q) => q.seq === seq)) {
        this.retransmits++;
        return;
      }
      // keep the buffer ordered by sequence number
      let at = flow.ooo.length;
      while (at > 0 && ((flow.ooo[at - 1]!.seq - seq) | 0) > 0) at--;
      flow.ooo.splice(at, 0, { seq, data: b.slice(p, p + len), frame, ts, fileOffset });
      flow.oooBytes += len;
      if (flow.oooBytes > MAX_OOO_BYTES || flow.ooo.length > MAX_OOO_SEGS) this.flushGap(flow);
      return;
    }
    this.accept(flow, b.subarray(p, p + len), declared, frame, ts, fileOffset);
    this.drain(flow, frame, ts);
  }

  private accept(
    flow: Flow,
    data: Uint8Array,
    declared: number,
    frame: number,
    ts: number,
    fileOffset: number,
  ) {
    flow.nextSeq = (flow.nextSeq + declared) >>> 0;
    const pos = flow.pos;
    flow.pos += declared;
    if (this.done || this.sql === 'no') {
      if (this.done && data.length > 0)
        this.event(flow.side, 'application data', frame, ts, fileOffset, undefined, false);
      return;
    }
    // a handshake is never this long, and a stream that never showed one is not worth reading on
    if (flow.pos > MAX_STREAM || (flow.units >= 4 && !this.preloginClient && !this.clientHello)) {
      this.done = true;
      return;
    }
    if (data.length > 0) {
      if (flow.segs.length >= MAX_SEGS) flow.segs.splice(0, MAX_SEGS / 2);
      flow.segs.push({ pos, len: declared, frame, ts, fileOffset });
      this.feed(flow, data, pos);
    }
    if (declared > data.length) {
      this.gap(flow, declared - data.length, frame, fileOffset + data.length);
    }
  }

  /** Delivers buffered segments that are now in order; `frame`/`ts` are of the arrival that made them so. */
  private drain(flow: Flow, frame: number, ts: number) {
    while (flow.ooo.length > 0) {
      const q = flow.ooo[0]!;
      const d = (q.seq - flow.nextSeq) | 0;
      if (d > 0) return;
      flow.ooo.shift();
      flow.oooBytes -= q.data.length;
      if (d + q.data.length <= 0) {
        this.retransmits++;
        continue;
      }
      const skip = -d;
      this.accept(
        flow,
        q.data.subarray(skip),
        q.data.length - skip,
        Math.max(frame, q.frame),
        Math.max(ts, q.ts),
        q.fileOffset + skip,
      );
    }
  }

  /** Missing bytes before the earliest buffered segment: report the gap and continue after it. */
  flushGap(flow: Flow): void {
    while (flow.ooo.length > 0) {
      const min = flow.ooo[0]!;
      const missing = (min.seq - flow.nextSeq) | 0;
      if (missing > 0) {
        this.gap(flow, missing, min.frame, min.fileOffset);
        flow.nextSeq = min.seq;
        flow.pos += missing;
      }
      this.drain(flow, min.frame, min.ts);
    }
  }

  private gap(flow: Flow, missing: number, frame: number, offset: number) {
    this.gaps++;
    this.event(flow.side, 'gap', frame, this.lastTs, offset, `${missing} bytes not captured`, false);
    this.salvage(flow);
    flow.pend = null;
    flow.synced = false;
    flow.hdrHave = 0;
    flow.body = null;
    flow.hs = null;
    flow.hsHave = 0;
    this.ctx.onGap({ conn: this, side: flow.side, frame, offset, missing });
  }

  /** Before a gap: read the complete handshake messages at the start of a record the gap cuts. */
  private salvage(flow: Flow) {
    if (this.done || this.sql !== 'yes') return;
    const p = flow.pend;
    flow.pend = null;
    if (p && p.length > 8) {
      if (p[0]! >= 0x14 && p[0]! <= 0x17 && p[1] === 3) this.tlsFeed(flow, p, flow.pendPos);
      else if ((p[0] === 0x12 || p[0] === 0x04) && tdsHeaderLength(p, 0) > 0 && flow.preloginDone)
        this.tlsFeed(flow, p.subarray(8), flow.pendPos + 8);
    }
    if (flow.body && flow.recType === 0x16 && !flow.ccs && flow.bodyHave > 0) {
      const body = flow.body.subarray(0, flow.bodyHave);
      flow.body = null;
      this.handshakeRecord(flow, body, flow.recStart, flow.recStart + 5 + body.length);
    }
  }

  // ---------- units on the stream: TDS packets or TLS records ----------

  private feed(flow: Flow, bytes: Uint8Array, pos: number) {
    let data = bytes;
    let base = pos;
    if (flow.pend) {
      const merged = new Uint8Array(flow.pend.length + bytes.length);
      merged.set(flow.pend);
      merged.set(bytes, flow.pend.length);
      data = merged;
      base = flow.pendPos;
      flow.pend = null;
    } else if (!flow.synced) {
      flow.synced = true; // try again at a segment boundary
    }
    let i = 0;
    while (i < data.length && flow.synced && !this.done && this.sql !== 'no') {
      const left = data.length - i;
      if (left < 5) break;
      const b0 = data[i]!;
      let len: number;
      let kind: 'tls' | 'ssl2' | 'tds';
      if (b0 >= 0x14 && b0 <= 0x18 && data[i + 1] === 3) {
        kind = 'tls';
        len = 5 + ((data[i + 3]! << 8) | data[i + 4]!);
      } else if (b0 & 0x80 && data[i + 2] === 1 && data[i + 3]! <= 3 && flow.units === 0) {
        kind = 'ssl2';
        len = (((b0 & 0x7f) << 8) | data[i + 1]!) + 2;
      } else {
        if (left < 8) break;
        len = tdsHeaderLength(data, i);
        kind = 'tds';
        if (len === 0) {
          flow.synced = false;
          if (flow.units === 0 && this.sql === 'undecided') this.sql = 'no';
          break;
        }
      }
      if (len > MAX_UNIT) {
        flow.synced = false;
        break;
      }
      if (left < len) break;
      this.unit(flow, kind, data.subarray(i, i + len), base + i);
      flow.units++;
      i += len;
    }
    if (i < data.length && flow.synced && !this.done && this.sql !== 'no') {
      flow.pend = data.slice(i);
      flow.pendPos = base + i;
    }
  }

  private unit(flow: Flow, kind: 'tls' | 'ssl2' | 'tds', u: Uint8Array, pos: number) {
    const client = flow.side === 'client';
    if (this.sql === 'undecided' && (!client || (kind === 'tls' && u[0] !== 0x16))) {
      this.sql = 'no';
      return;
    }
    if (kind === 'ssl2') {
      const ch = parseSslv2ClientHello(u.subarray(2), 0);
      if (ch && client) {
        if (this.sql === 'undecided') this.sql = 'no';
        this.onClientHello(ch, u, pos, pos + u.length, flow);
      }
      return;
    }
    if (kind === 'tls') {
      if (client && flow.units === 0) this.tds = '8.0';
      this.tlsFeed(flow, u, pos);
      return;
    }
    const type = u[0]!;
    const payload = u.subarray(8);
    if (this.tds === 'unknown') this.tds = '7.x';
    const tlsInside = payload.length >= 3 && payload[0]! >= 0x14 && payload[0]! <= 0x17 && payload[1] === 3;
    if ((type === 0x12 || type === 0x04) && !flow.preloginDone && !tlsInside && flow.hdrHave === 0) {
      if (!client && !this.preloginClient && this.sql !== 'yes') {
        this.sql = 'no';
        return;
      }
      flow.prelogin.push(payload);
      if (u[1]! & 1 || flow.prelogin.length > 16) {
        flow.preloginDone = true;
        const all = concat(flow.prelogin);
        flow.prelogin = [];
        const { frame, ts } = this.at(flow, pos + u.length - 1);
        const info = parsePrelogin(all, frame);
        const start = this.offsetOf(flow, pos);
        const end = this.offsetOf(flow, pos + u.length - 1) + 1;
        if (client) {
          if (!info && this.sql === 'undecided') {
            this.sql = 'no';
            return;
          }
          if (this.sql === 'undecided') {
            this.sql = 'yes';
            this.recognisedBy = 'prelogin';
          }
          this.preloginClient = info;
          const enc = info?.encryption ? `encryption ${info.encryption}` : undefined;
          this.event('client', 'PRELOGIN', frame, ts, start, enc);
          if (info)
            this.addEvidence(
              start,
              end,
              hexBytes(u, 0, u.length),
              `Frame ${frame}: the client's PRELOGIN (driver version ${info.version ?? '?'}, ${info.encryption ?? 'no encryption option'}${info.instance ? `, instance "${info.instance}"` : ''}).`,
              'tdsPrelogin.client',
            );
        } else {
          this.preloginServer = info;
          const detail = info
            ? [info.version ? `SQL Server ${info.version}` : '', info.encryption ?? '']
                .filter(Boolean)
                .join(', ')
            : undefined;
          this.event('server', 'PRELOGIN response', frame, ts, start, detail);
          if (info)
            this.addEvidence(
              start,
              end,
              hexBytes(u, 0, u.length),
              `Frame ${frame}: the server's PRELOGIN response: SQL Server version ${info.version ?? 'not given'}, ${info.encryption ?? 'no encryption option'}.`,
              'tdsPrelogin.server',
            );
        }
      }
      return;
    }
    if (client && this.sql === 'undecided') {
      this.sql = 'no';
      return;
    }
    if ((type === 0x12 || type === 0x04) && (tlsInside || flow.hdrHave > 0 || flow.body)) {
      this.tlsFeed(flow, payload, pos + 8);
      return;
    }
    const { frame, ts } = this.at(flow, pos + u.length - 1);
    const off = this.offsetOf(flow, pos);
    if (type === 0x10) {
      this.clearLogin = true;
      this.event(flow.side, 'LOGIN7', frame, ts, off, 'sent in clear (not encrypted)');
    } else {
      this.event(flow.side, 'TDS', frame, ts, off, TDS_TYPES[type]);
    }
    if ((this.clearLogin || this.handshakeDone) && !client) this.done = true;
  }

  // ---------- TLS records ----------

  private tlsFeed(flow: Flow, bytes: Uint8Array, pos: number) {
    let i = 0;
    while (i < bytes.length) {
      if (flow.hdrHave < 5) {
        if (flow.hdrHave === 0) {
          flow.recStart = pos + i;
          // fast path: whole record here
          if (bytes.length - i >= 5) {
            const t = bytes[i]!;
            const n = (bytes[i + 3]! << 8) | bytes[i + 4]!;
            if (t < 0x14 || t > 0x18 || bytes[i + 1] !== 3 || n > 18432) return this.tlsDesync(flow);
            if (bytes.length - i >= 5 + n) {
              flow.recType = t;
              flow.recVersion = (bytes[i + 1]! << 8) | bytes[i + 2]!;
              this.record(flow, bytes.subarray(i + 5, i + 5 + n), flow.recStart, pos + i + 5 + n);
              i += 5 + n;
              if (this.done) return;
              continue;
            }
          }
        }
        const take = Math.min(5 - flow.hdrHave, bytes.length - i);
        flow.hdr.set(bytes.subarray(i, i + take), flow.hdrHave);
        flow.hdrHave += take;
        i += take;
        if (flow.hdrHave < 5) return;
        const h = flow.hdr;
        const n = (h[3]! << 8) | h[4]!;
        if (h[0]! < 0x14 || h[0]! > 0x18 || h[1] !== 3 || n > 18432) return this.tlsDesync(flow);
        flow.recType = h[0]!;
        flow.recVersion = (h[1]! << 8) | h[2]!;
        flow.body = new Uint8Array(n);
        flow.bodyHave = 0;
      }
      const body = flow.body!;
      const take = Math.min(body.length - flow.bodyHave, bytes.length - i);
      body.set(bytes.subarray(i, i + take), flow.bodyHave);
      flow.bodyHave += take;
      i += take;
      if (flow.bodyHave === body.length) {
        flow.hdrHave = 0;
        flow.body = null;
        this.record(flow, body, flow.recStart, pos + i);
        if (this.done) return;
      }
    }
  }

  private tlsDesync(flow: Flow) {
    flow.hdrHave = 0;
    flow.body = null;
  }

  private record(flow: Flow, body: Uint8Array, start: number, end: number) {
    const side = flow.side;
    const { frame, ts } = this.at(flow, end - 1);
    const off = this.offsetOf(flow, start);
    const offEnd = this.offsetOf(flow, end - 1) + 1;
    switch (flow.recType) {
      case 0x14:
        flow.ccs = true;
        this.event(side, 'Change Cipher Spec', frame, ts, off);
        return;
      case 0x15: {
        const plain = !flow.ccs && body.length === 2;
        const a: AlertFacts = {
          frame,
          from: side,
          level: plain ? (body[0] === 2 ? 'fatal' : body[0] === 1 ? 'warning' : 'unknown') : 'unknown',
          description: plain ? body[1]! : null,
          name: plain ? (ALERT_NAMES[body[1]!] ?? `alert ${body[1]}`) : 'encrypted alert',
          encrypted: !plain,
        };
        if (!this.alert || (this.alert.level !== 'fatal' && a.level === 'fatal')) {
          this.alert = a;
          this.addEvidence(
            off,
            offEnd,
            '15 ' + hexBytes(body, 0, body.length),
            plain
              ? `Frame ${frame}: the ${side} sent a ${a.level} TLS alert ${a.name} (${a.description}).`
              : `Frame ${frame}: the ${side} sent an encrypted TLS alert (its content cannot be read).`,
            'alert',
          );
        }
        this.event(
          side,
          'alert',
          frame,
          ts,
          off,
          plain ? `${a.level} ${a.name} (${a.description})` : 'encrypted',
        );
        return;
      }
      case 0x16:
        if (flow.ccs) {
          flow.finished = true;
          this.event(side, 'Finished', frame, ts, off, 'encrypted handshake message');
          this.checkHandshakeDone();
          return;
        }
        this.handshakeRecord(flow, body, start, end);
        return;
      case 0x17: {
        flow.appData++;
        const other = this.flows[side === 'client' ? 1 : 0];
        if (
          this.serverHello?.version === 'TLS 1.3' &&
          !this.handshakeDone &&
          (side === 'server' ? other.appData === 0 : flow.appData === 1)
        ) {
          // TLS 1.3 hides the rest of the handshake in application-data records
          if (side === 'server')
            this.event(side, 'handshake', frame, ts, off, 'encrypted (TLS 1.3: certificate and Finished)');
          else this.event(side, 'Finished', frame, ts, off, 'encrypted (TLS 1.3)');
        } else this.event(side, 'application data', frame, ts, off, undefined, !this.handshakeDone);
        this.checkHandshakeDone();
        if (this.handshakeDone) {
          if (flow.appData + other.appData >= 6 || (flow.appData >= 1 && other.appData >= 2))
            this.done = true;
        }
        return;
      }
      default:
        this.event(side, 'TDS', frame, ts, off, `TLS record type ${flow.recType}`);
    }
  }

  private checkHandshakeDone() {
    if (this.handshakeDone || !this.serverHello) return;
    const [c, s] = this.flows;
    if (this.serverHello.version === 'TLS 1.3') {
      this.handshakeDone = c.appData >= 2 || (c.appData >= 1 && s.appData >= 2);
    } else {
      this.handshakeDone = c.finished && s.finished;
    }
  }

  private handshakeRecord(flow: Flow, body: Uint8Array, start: number, end: number) {
    let data = body;
    let msgStart = start;
    if (flow.hs) {
      if (flow.hsHave + body.length > MAX_HS) {
        flow.hs = null;
        flow.hsHave = 0;
        return;
      }
      if (flow.hsHave + body.length > flow.hs.length) {
        const grown = new Uint8Array(
          Math.min(MAX_HS, Math.max(flow.hs.length * 2, flow.hsHave + body.length)),
        );
        grown.set(flow.hs.subarray(0, flow.hsHave));
        flow.hs = grown;
      }
      flow.hs.set(body, flow.hsHave);
      flow.hsHave += body.length;
      data = flow.hs.subarray(0, flow.hsHave);
      msgStart = flow.hsStart;
    }
    let i = 0;
    while (data.length - i >= 4) {
      const n = (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!;
      if (n > MAX_HS) {
        flow.hs = null;
        flow.hsHave = 0;
        return;
      }
      if (data.length - i < 4 + n) break;
      this.handshake(flow, data[i]!, data.subarray(i + 4, i + 4 + n), i === 0 ? msgStart : start, end);
      i += 4 + n;
    }
    if (i < data.length) {
      const rest = data.slice(i);
      flow.hs = new Uint8Array(Math.max(rest.length * 2, 4096));
      flow.hs.set(rest);
      flow.hsHave = rest.length;
      flow.hsStart = i === 0 ? msgStart : start;
    } else {
      flow.hs = null;
      flow.hsHave = 0;
    }
  }

  private handshake(flow: Flow, type: number, body: Uint8Array, start: number, end: number) {
    const side = flow.side;
    const { frame, ts } = this.at(flow, end - 1);
    const off = this.offsetOf(flow, start);
    const offEnd = this.offsetOf(flow, end - 1) + 1;
    const text =
      hexBytes(new Uint8Array([type, body.length >> 16, (body.length >> 8) & 255, body.length & 255]), 0, 4) +
      ' ' +
      hexBytes(body, 0, body.length, 20);
    if (type === 1 && side === 'client') {
      const ch = parseClientHello(body, frame, flow.recVersion);
      if (ch) this.onClientHello(ch, null, start, end, flow);
      else this.event(side, 'Client Hello', frame, ts, off, 'malformed');
      return;
    }
    if (type === 2 && side === 'server') {
      const sh = parseServerHello(body, frame);
      if (!sh) {
        this.event(side, 'Server Hello', frame, ts, off, 'malformed');
        return;
      }
      if (!this.serverHello) this.serverHello = sh;
      if (sh.alpn === 'tds/8.0') this.tds = '8.0';
      this.event(side, 'Server Hello', frame, ts, off, `${sh.version}, ${sh.suite.name ?? sh.suite.hex}`);
      this.addEvidence(
        off,
        offEnd,
        text,
        `Frame ${frame}: the Server Hello chose ${sh.version} and ${sh.suite.name ?? sh.suite.hex}${sh.dhe ? ' (a DHE suite)' : ''}.`,
        'serverHello',
      );
      if (sh.version === 'TLS 1.3') flow.ccs = true; // everything after it is encrypted
      return;
    }
    const name = HANDSHAKE_NAMES[type];
    const what: TimelineWhat = name && TIMELINE_HANDSHAKE.has(name) ? (name as TimelineWhat) : 'handshake';
    if (type === 11 && side === 'server' && !this.certificate) {
      const c = parseCertificate(body);
      if (c) {
        this.certificate = {
          frame,
          chainLength: c.chain,
          leafDerBase64: base64(c.leaf),
          leafPem: toPem(c.leaf),
          leafLength: c.leaf.length,
        };
        this.addEvidence(
          off,
          offEnd,
          text,
          `Frame ${frame}: the server's certificate (${c.chain} in the chain).`,
          'certificate',
        );
      }
      this.event(side, 'Certificate', frame, ts, off, c ? `${c.chain} certificate(s)` : undefined);
      return;
    }
    if (type === 12 && side === 'server') {
      const dhe = this.serverHello?.dhe === true;
      const bits = dhe ? dhePrimeBits(body) : null;
      this.ske = { frame, kind: dhe ? 'DHE' : body[0] === 3 ? 'ECDHE' : 'other' };
      if (bits) this.ske.primeBits = bits;
      this.event(side, 'Server Key Exchange', frame, ts, off, bits ? `DHE, ${bits}-bit prime` : undefined);
      return;
    }
    this.event(side, what, frame, ts, off, what === 'handshake' ? (name ?? `type ${type}`) : undefined);
  }

  private onClientHello(
    ch: ClientHelloFacts,
    raw: Uint8Array | null,
    start: number,
    end: number,
    flow: Flow,
  ) {
    const { frame, ts } = this.at(flow, end - 1);
    ch.frame = frame;
    const off = this.offsetOf(flow, start);
    const offEnd = this.offsetOf(flow, end - 1) + 1;
    if (ch.alpn.includes('tds/8.0')) {
      this.tds = '8.0';
      if (this.sql === 'undecided') {
        this.sql = 'yes';
        this.recognisedBy = 'alpn-tds8';
      }
    }
    if (this.sql === 'undecided') {
      this.sql = 'no';
      return;
    }
    if (!this.clientHello) this.clientHello = ch;
    this.event(
      'client',
      'Client Hello',
      frame,
      ts,
      off,
      `${ch.versionsFrom === 'supported_versions' ? ch.versions.join(', ') : `up to ${ch.maxVersion}`}; ${ch.suiteNames.length} cipher suites`,
    );
    this.addEvidence(
      off,
      offEnd,
      raw ? hexBytes(raw, 0, raw.length) : `01 … ${ch.clientVersion}`,
      `Frame ${frame}: the Client Hello offered ${ch.versionsFrom === 'supported_versions' ? ch.versions.join(', ') : `up to ${ch.maxVersion}`} and ${ch.suiteNames.length} cipher suites${ch.hasDhe ? ' (DHE among them)' : ' (no DHE)'}.`,
      'clientHello',
    );
  }

  // ---------- stream position -> frame / file offset ----------

  private seg(flow: Flow, pos: number): Seg | undefined {
    const segs = flow.segs;
    for (let i = segs.length - 1; i >= 0; i--) if (segs[i]!.pos <= pos) return segs[i];
    return segs[0];
  }

  private at(flow: Flow, pos: number): { frame: number; ts: number } {
    const s = this.seg(flow, pos);
    return s ? { frame: s.frame, ts: s.ts } : { frame: this.lastFrame, ts: this.lastTs };
  }

  private offsetOf(flow: Flow, pos: number): number {
    const s = this.seg(flow, pos);
    return s ? s.fileOffset + Math.max(0, pos - s.pos) : 0;
  }

  /** End of capture: flush out-of-order data. */
  finish(): void {
    for (const f of this.flows) if (f.ooo.length > 0 && !this.done) this.flushGap(f);
    this.synEvidence();
  }

  /** Drops buffers of a connection that is not SQL Server. */
  release(): void {
    for (const f of this.flows) {
      f.ooo = [];
      f.segs = [];
      f.pend = null;
      f.body = null;
      f.hs = null;
      f.prelogin = [];
    }
    this.timeline = [];
    this.evidence = [];
  }

  get bytes() {
    return { client: this.flows[0].bytes, server: this.flows[1].bytes };
  }
}

/** Joins byte arrays (also used by the test writers). */
export function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function fmtMs(ms: number): string {
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 10000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}
