/**
 * Packet-capture analysis: pcap/pcapng bytes in, `packet-capture` facts out. Streaming (push/end) with
 * bounded memory; runs in the page, a Web Worker and Node.
 */
import type { Evidence, ParseResult, Problem } from '../model';
import { Connection, type GapReport } from './connection';
import { CaptureReader, type Frame } from './reader';
import { decodePacket, formatIp, ipKey, newPacket, FIN, RST, SYN, ACK } from './packet';
import type { CaptureConnection, Endpoint, PacketCaptureFacts, SsrpExchange } from './types';
import { outcomeOf, progressOf, signalsOf, summaryOf } from './verdict';

export type PacketCaptureResult = ParseResult<'packet-capture', PacketCaptureFacts>;

export interface AnalyzeOptions {
  onProgress?(bytesDone: number): void;
  signal?: AbortSignal;
}

const MAX_CONNECTIONS = 100_000;
const MAX_UNDECIDED = 50_000;
const MAX_LISTED = 2000;
const MAX_EVIDENCE = 3000;
const MAX_SSRP = 500;
const MAX_GAP_PROBLEMS = 50;
const SSRP_PORT = 1434;

const SSRP_REQUESTS: Record<number, string> = {
  0x01: 'CLNT_BCAST (legacy)',
  0x02: 'CLNT_BCAST_EX',
  0x03: 'CLNT_UCAST_EX',
  0x04: 'CLNT_UCAST_INST',
  0x0f: 'CLNT_UCAST_DAC',
};

export class CaptureAnalyzer {
  private readonly reader: CaptureReader;
  private readonly pk = newPacket();
  private readonly v4 = new Map<number, Connection[]>();
  private readonly v6 = new Map<string, Connection>();
  private open = 0;
  private undecided = 0;
  private readonly finished: Connection[] = [];
  private nextId = 1;
  private readonly problems: Problem[] = [];
  private gapProblems = 0;
  private fragments = 0;
  private fragmentFrame = 0;
  private malformed = 0;
  private unknownLinks = new Map<number, { count: number; offset: number }>();
  private tooMany = false;
  private firstTs: number | null = null;
  private lastTs: number | null = null;
  private ssrp: SsrpExchange[] = [];
  private readonly ssrpOpen = new Map<string, SsrpExchange>();
  private tcpTotal = 0;

  constructor() {
    this.reader = new CaptureReader((f) => this.frame(f));
  }

  get bytesRead(): number {
    return this.reader.bytesRead;
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  private readonly ctx = {
    onGap: (g: GapReport) => {
      if (g.conn.sql !== 'yes') return;
      if (this.gapProblems++ >= MAX_GAP_PROBLEMS) return;
      this.problems.push({
        code: 'tcp-gap',
        severity: 'warning',
        start: g.offset,
        end: g.offset,
        message: `Frame ${g.frame}: ${g.missing} bytes of the ${g.side}'s data on ${fmtEp(g.conn.client)} -> ${fmtEp(g.conn.server)} were not captured; messages across the gap are skipped.`,
      });
    },
  };

  private frame(f: Frame) {
    const ts = f.ts;
    if (this.firstTs === null) this.firstTs = ts;
    this.lastTs = ts;
    const pk = this.pk;
    const st = decodePacket(f.buf, f.start, f.length, f.linkType, pk);
    if (st !== 'ok') {
      if (st === 'unknown-link') {
        const u = this.unknownLinks.get(f.linkType);
        if (u) u.count++;
        else this.unknownLinks.set(f.linkType, { count: 1, offset: f.fileOffset });
      } else if (st === 'fragment') {
        if (this.fragments++ === 0) this.fragmentFrame = f.index;
      } else if (st === 'malformed') this.malformed++;
      return;
    }
    const b = f.buf;
    if (pk.proto === 17) {
      if (pk.srcPort === SSRP_PORT || pk.dstPort === SSRP_PORT) this.udpSsrp(f);
      return;
    }
    const v = pk.ipVersion;
    const flags = pk.flags;
    const sp = pk.srcPort;
    const dp = pk.dstPort;
    let c: Connection | undefined;
    let fromClient = true;
    let sip = -1;
    let dip = -1;
    let tableKey: number | string;
    let a = '';
    let d = '';
    if (v === 4) {
      const o = pk.src;
      sip = ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
      const q = pk.dst;
      dip = ((b[q]! << 24) | (b[q + 1]! << 16) | (b[q + 2]! << 8) | b[q + 3]!) >>> 0;
      tableKey = (Math.imul(sip ^ dip, 0x9e3779b1) ^ Math.imul(sp ^ dp, 0x85ebca6b)) | 0;
      const list = this.v4.get(tableKey);
      if (list) {
        for (const x of list) {
          if (x.cIp === sip && x.client.port === sp && x.sIp === dip && x.server.port === dp) {
            c = x;
            break;
          }
          if (x.cIp === dip && x.client.port === dp && x.sIp === sip && x.server.port === sp) {
            c = x;
            fromClient = false;
            break;
          }
        }
      }
    } else {
      a = `${ipKey(b, pk.src, v)}:${sp}`;
      d = `${ipKey(b, pk.dst, v)}:${dp}`;
      tableKey = a < d ? `${a}|${d}` : `${d}|${a}`;
      c = this.v6.get(tableKey);
      if (c) fromClient = c.clientKey === a;
    }
    if (c && flags & SYN && !(flags & ACK) && fromClient) {
      if (c.synSeq !== pk.seq && (c.closed || c.established || c.synCount > 0)) {
        this.retire(c);
        c = undefined;
      }
    }
    if (!c) {
      if (this.open >= MAX_CONNECTIONS) {
        if (!this.tooMany) {
          this.tooMany = true;
          this.problems.push({
            code: 'too-many-connections',
            severity: 'warning',
            message: `More than ${MAX_CONNECTIONS} TCP connections at once; later new connections were not followed.`,
          });
        }
        return;
      }
      // who is the client: the SYN sender, else the side talking to port 1433, else the higher port
      if (flags & SYN) fromClient = !(flags & ACK);
      else if (dp === 1433) fromClient = true;
      else if (sp === 1433) fromClient = false;
      else fromClient = sp >= dp;
      const src: Endpoint = { ip: formatIp(b, pk.src, v), port: sp };
      const dst: Endpoint = { ip: formatIp(b, pk.dst, v), port: dp };
      c = new Connection(
        this.nextId++,
        fromClient ? src : dst,
        fromClient ? dst : src,
        fromClient ? a : d,
        f.index,
        ts,
        this.ctx,
      );
      c.tableKey = tableKey;
      if (v === 4) {
        c.cIp = fromClient ? sip : dip;
        c.sIp = fromClient ? dip : sip;
        const list = this.v4.get(tableKey as number);
        if (list) list.push(c);
        else this.v4.set(tableKey as number, [c]);
      } else {
        this.v6.set(tableKey as string, c);
      }
      this.open++;
      this.tcpTotal++;
    }
    if (c.sql === 'no') {
      // not SQL Server: forget it once it closes, so long captures keep a bounded table
      if (flags & (FIN | RST)) this.retire(c);
      return;
    }
    c.onTcp(
      fromClient,
      b,
      flags,
      pk.seq,
      pk.payload,
      pk.payloadLen,
      pk.declaredLen,
      pk.l4,
      f.index,
      ts,
      f.fileOffset - f.start,
    );
    if ((c.sql as string) === 'no') c.release();
  }

  private retire(c: Connection) {
    this.open--;
    if (typeof c.tableKey === 'number') {
      const list = this.v4.get(c.tableKey);
      if (list) {
        const i = list.indexOf(c);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.v4.delete(c.tableKey);
      }
    } else this.v6.delete(c.tableKey);
    if (c.sql === 'no') return;
    c.finish();
    if (c.sql === 'undecided') {
      // no payload seen (SYN only, or ACKs): kept in case its server turns out to be SQL Server
      if (this.undecided >= MAX_UNDECIDED) return;
      this.undecided++;
    }
    this.finished.push(c);
  }

  private udpSsrp(f: Frame) {
    const pk = this.pk;
    const b = f.buf;
    const v = pk.ipVersion;
    const p = pk.payload;
    const n = pk.payloadLen;
    if (n < 1) return;
    const t = b[p]!;
    if (pk.dstPort === SSRP_PORT && SSRP_REQUESTS[t]) {
      if (this.ssrp.length >= MAX_SSRP) return;
      let instance: string | undefined;
      const from = t === 0x04 ? p + 1 : t === 0x0f ? p + 2 : -1;
      if (from > 0) {
        instance = '';
        for (let i = from; i < p + n && b[i] !== 0 && instance.length < 64; i++)
          instance += String.fromCharCode(b[i]!);
      }
      const ex: SsrpExchange = {
        frame: f.index,
        client: { ip: formatIp(b, pk.src, v), port: pk.srcPort },
        server: { ip: formatIp(b, pk.dst, v), port: pk.dstPort },
        request: SSRP_REQUESTS[t]!,
        answered: false,
      };
      if (instance !== undefined) ex.instance = instance;
      (ex as SsrpExchange & { ts?: number }).ts = f.ts;
      this.ssrp.push(ex);
      this.ssrpOpen.set(`${ipKey(b, pk.src, v)}:${pk.srcPort}`, ex);
    } else if (pk.srcPort === SSRP_PORT && t === 0x05 && n >= 3) {
      const ex = this.ssrpOpen.get(`${ipKey(b, pk.dst, v)}:${pk.dstPort}`);
      if (!ex || ex.answered) return;
      ex.answered = true;
      ex.responseFrame = f.index;
      const sent = (ex as SsrpExchange & { ts?: number }).ts;
      if (sent !== undefined) ex.ms = Math.round((f.ts - sent) * 1000) / 1000;
      const size = b[p + 1]! | (b[p + 2]! << 8);
      let text = '';
      for (let i = p + 3; i < Math.min(p + n, p + 3 + size, p + 3 + 8192); i++)
        text += String.fromCharCode(b[i]!);
      const instances: Record<string, string>[] = [];
      for (const block of text.split(';;')) {
        const fields = block.split(';');
        if (fields.length < 2) continue;
        const rec: Record<string, string> = {};
        for (let i = 0; i + 1 < fields.length; i += 2) rec[fields[i]!] = fields[i + 1]!;
        instances.push(rec);
        if (instances.length >= 32) break;
      }
      if (instances.length > 0) ex.instances = instances;
    }
  }

  end(): PacketCaptureResult {
    this.reader.end();
    for (const list of [...this.v4.values()]) for (const c of [...list]) this.retire(c);
    for (const c of [...this.v6.values()]) this.retire(c);
    const all = this.finished;
    // SQL Server endpoints: port 1433 and those recognised by content
    const servers = new Map<string, { ip: string; port: number; version?: string }>();
    for (const c of all) {
      if (c.sql !== 'yes') continue;
      const k = fmtEp(c.server);
      const s = servers.get(k) ?? { ip: c.server.ip, port: c.server.port };
      if (c.preloginServer?.version) s.version = c.preloginServer.version;
      servers.set(k, s);
    }
    const sqlConns = all.filter((c) => {
      if (c.sql === 'yes') return true;
      if (c.sql === 'undecided' && servers.has(fmtEp(c.server)) && c.flows[0].bytes === 0) {
        c.recognisedBy = 'known-server';
        return true;
      }
      return false;
    });
    const built = sqlConns.map((c) => ({ c, facts: this.connFacts(c) }));
    const failed = built.filter((x) => isFailure(x.facts.outcome));
    const completed = built.filter((x) => x.facts.outcome === 'handshake-completed').length;
    let listed = built;
    if (built.length > MAX_LISTED) {
      const rest = built.filter((x) => !isFailure(x.facts.outcome));
      listed = [...failed.slice(0, MAX_LISTED), ...rest.slice(0, Math.max(0, MAX_LISTED - failed.length))];
      listed.sort((x, y) => x.c.firstFrame - y.c.firstFrame);
    }
    listed.sort((x, y) => x.c.firstFrame - y.c.firstFrame);
    const evidence: Evidence[] = [];
    listed.forEach((x, i) => {
      for (const e of x.c.evidence) {
        if (evidence.length >= MAX_EVIDENCE) break;
        evidence.push({ ...e, fact: `connections.${i}.${e.fact ?? ''}`.replace(/\.$/, '') });
      }
    });
    this.summaryProblems(sqlConns.length);
    const r = this.reader;
    const facts: PacketCaptureFacts = {
      format: r.format,
      linkTypes: [...r.linkTypes],
      frames: r.frames,
      bytes: r.bytesRead,
      firstTime: iso(this.firstTs),
      lastTime: iso(this.lastTs),
      connections: listed.map((x) => x.facts),
      totals: {
        tcpConnections: this.tcpTotal,
        sqlConnections: sqlConns.length,
        failed: failed.length,
        completed,
        listed: listed.length,
      },
      ssrp: this.ssrp.map((e) => {
        const { ts: _ts, ...rest } = e as SsrpExchange & { ts?: number };
        return rest;
      }),
      sqlServers: [...servers.values()],
    };
    return { kind: 'packet-capture', facts, evidence, problems: [...r.problems, ...this.problems] };
  }

  private summaryProblems(sqlCount: number) {
    for (const [lt, u] of this.unknownLinks) {
      this.problems.push({
        code: 'unknown-link-type',
        severity: 'warning',
        start: u.offset,
        end: u.offset,
        message: `${u.count} frames use link type ${lt}, which this reader does not decode (it reads Ethernet, raw IP, Linux cooked SLL/SLL2 and loopback); they were skipped.`,
      });
    }
    if (this.fragments > 0)
      this.problems.push({
        code: 'ip-fragments',
        severity: 'info',
        message: `${this.fragments} IP fragments (first in frame ${this.fragmentFrame}) were not reassembled; data carried in them is missing.`,
      });
    if (this.malformed > 0)
      this.problems.push({
        code: 'malformed-frames',
        severity: 'info',
        message: `${this.malformed} frames had headers too short or inconsistent to read; they were skipped.`,
      });
    if (this.gapProblems > MAX_GAP_PROBLEMS)
      this.problems.push({
        code: 'tcp-gap',
        severity: 'warning',
        message: `${this.gapProblems - MAX_GAP_PROBLEMS} more gaps in SQL Server connections were not listed.`,
      });
    if (this.reader.frames > 0 && sqlCount === 0 && this.reader.format !== 'unknown')
      this.problems.push({
        code: 'no-sql-connections',
        severity: 'info',
        message:
          'No SQL Server connection was found (no TCP port 1433 and no TDS PRELOGIN or TDS 8.0 Client Hello on any port). Capture on the client or the server while the failing connection is attempted.',
      });
  }

  private connFacts(c: Connection): CaptureConnection {
    const outcome = outcomeOf(c);
    const pre =
      c.preloginClient || c.preloginServer
        ? {
            ...(c.preloginClient ? { client: c.preloginClient } : {}),
            ...(c.preloginServer ? { server: c.preloginServer } : {}),
            ...(c.preloginServer?.version ? { sqlServerVersion: c.preloginServer.version } : {}),
          }
        : null;
    const out: CaptureConnection = {
      id: c.id,
      client: c.client,
      server: c.server,
      recognisedBy: c.recognisedBy,
      tds: c.tds,
      firstFrame: c.firstFrame,
      lastFrame: c.lastFrame,
      startTime: iso(c.firstTs),
      durationMs: Math.round((c.lastTs - c.firstTs) * 1000) / 1000,
      tdsPrelogin: pre,
      clientHello: c.clientHello,
      serverHello: c.serverHello,
      alert: c.alert,
      reset: c.reset,
      fin: c.fin,
      synRetransmits: Math.max(0, c.synCount - 1),
      synAnswer:
        c.synCount === 0
          ? c.synAck
            ? 'syn-ack'
            : 'not-seen'
          : c.synAck
            ? 'syn-ack'
            : c.synRst
              ? 'rst'
              : 'none',
      retransmits: c.retransmits,
      gaps: c.gaps,
      bytes: c.bytes,
      tlsVersion: c.serverHello?.version ?? null,
      outcome,
      signals: signalsOf(c),
      progress: progressOf(c.timeline),
      summary: summaryOf(c, outcome),
      timeline: c.timeline,
      timelineTruncated: c.timelineTruncated,
    };
    if (c.certificate) out.certificate = c.certificate;
    if (c.ske) out.serverKeyExchange = c.ske;
    return out;
  }
}

const isFailure = (o: CaptureConnection['outcome']) =>
  o === 'handshake-failed' ||
  o === 'closed-before-handshake' ||
  o === 'syn-rejected' ||
  o === 'syn-unanswered';

function fmtEp(e: Endpoint): string {
  return e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}

function iso(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms <= 0 || ms > 8.64e15) return null;
  return new Date(ms).toISOString();
}

const SLICE = 4 * 1024 * 1024;

function abortError(): Error {
  try {
    return new DOMException('Capture analysis was cancelled.', 'AbortError');
  } catch {
    const e = new Error('Capture analysis was cancelled.');
    e.name = 'AbortError';
    return e;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads a whole capture (bytes, or chunks from a stream) and returns its `packet-capture` facts.
 * Never throws on bad input (problems say what was wrong); rejects with an AbortError when cancelled.
 */
export async function analyzeCapture(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  options: AnalyzeOptions = {},
): Promise<PacketCaptureResult> {
  const { onProgress, signal } = options;
  const an = new CaptureAnalyzer();
  if (signal?.aborted) throw abortError();
  if (source instanceof Uint8Array) {
    for (let o = 0; o < source.length; o += SLICE) {
      an.push(source.subarray(o, Math.min(source.length, o + SLICE)));
      onProgress?.(Math.min(source.length, o + SLICE));
      if (signal) {
        await yieldToEventLoop();
        if (signal.aborted) throw abortError();
      }
    }
  } else {
    for await (const chunk of source) {
      an.push(chunk);
      onProgress?.(an.bytesRead);
      if (signal?.aborted) throw abortError();
    }
  }
  return an.end();
}
