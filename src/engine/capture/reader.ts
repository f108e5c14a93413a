/**
 * Streaming pcap / pcapng reader: fed chunk by chunk, it hands every captured frame to a callback and keeps
 * at most one partial record between chunks. Never throws; what it cannot read becomes a Problem.
 */
import type { Problem } from '../model';

/** One captured frame. The object and `buf` are reused/borrowed: copy what you keep. */
export interface Frame {
  /** 1-based frame number, as Wireshark counts */
  index: number;
  /** absolute time in ms since the epoch (microsecond precision) */
  ts: number;
  linkType: number;
  buf: Uint8Array;
  /** start of the frame's bytes inside `buf` */
  start: number;
  /** captured length */
  length: number;
  /** length on the wire */
  origLength: number;
  /** byte offset of the frame's first byte in the file */
  fileOffset: number;
}

export type FrameSink = (frame: Frame) => void;

const MAX_PCAP_RECORD = 256 * 1024 * 4; // 1 MiB: larger claimed lengths are corruption
const MAX_PCAPNG_BLOCK = 16 * 1024 * 1024;

interface Iface {
  linkType: number;
  /** ms per timestamp unit */
  unitMs: number;
  offsetMs: number;
  snapLen: number;
}

export class CaptureReader {
  format: 'pcap' | 'pcapng' | 'unknown' = 'unknown';
  readonly problems: Problem[] = [];
  readonly linkTypes = new Set<number>();
  frames = 0;
  bytesRead = 0;
  /** the stream is unusable from here on */
  stopped = false;

  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  /** file offset of buf[0] */
  private base = 0;
  private le = true;
  private pcapHeaderLen = 16;
  private tsDivisor = 1000; // pcap: fraction units per ms
  private pcapLinkType = 1;
  private headerDone = false;
  private ifaces: Iface[] = [];
  private snapped = 0;
  private badIface = 0;
  private readonly frame: Frame = {
    index: 0,
    ts: 0,
    linkType: 0,
    buf: new Uint8Array(0),
    start: 0,
    length: 0,
    origLength: 0,
    fileOffset: 0,
  };

  constructor(private readonly sink: FrameSink) {}

  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) {
      this.bytesRead += chunk.length;
      return;
    }
    this.bytesRead += chunk.length;
    if (this.pos < this.buf.length) {
      const rest = this.buf.length - this.pos;
      const merged = new Uint8Array(rest + chunk.length);
      merged.set(this.buf.subarray(this.pos), 0);
      merged.set(chunk, rest);
      this.base += this.pos;
      this.buf = merged;
    } else {
      this.base += this.buf.length;
      this.buf = chunk;
    }
    this.pos = 0;
    this.run();
  }

  end(): void {
    const left = this.buf.length - this.pos;
    if (!this.stopped && !this.headerDone && this.bytesRead < 4) {
      this.problem(
        'not-a-capture',
        'error',
        'The file is too short to be a packet capture.',
        0,
        this.bytesRead,
      );
    } else if (!this.stopped && left > 0) {
      const off = this.base + this.pos;
      this.problem(
        'truncated-capture',
        'warning',
        `The file ends in the middle of ${this.headerDone ? `frame ${this.frames + 1}` : 'the file header'} (${left} bytes left over): the capture was cut short or was still being written. Everything before it was read.`,
        off,
        off + left,
      );
    }
    if (this.snapped > 0) {
      this.problem(
        'snapped-frames',
        'info',
        `${this.snapped} frames were saved shorter than they were on the wire (capture snap length); data missing from them is reported as gaps.`,
      );
    }
    this.buf = new Uint8Array(0);
    this.pos = 0;
  }

  private problem(
    code: string,
    severity: Problem['severity'],
    message: string,
    start?: number,
    end?: number,
  ) {
    if (this.problems.length >= 50) return;
    const p: Problem = { code, severity, message };
    if (start !== undefined) {
      p.start = start;
      p.end = end ?? start;
    }
    this.problems.push(p);
  }

  private stop(code: string, message: string, at: number) {
    this.problem(code, 'error', message, at, at);
    this.stopped = true;
    this.pos = this.buf.length;
  }

  private u32(o: number, le = this.le): number {
    const b = this.buf;
    return le
      ? ((b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000) >>> 0
      : ((b[o + 3]! | (b[o + 2]! << 8) | (b[o + 1]! << 16)) + b[o]! * 0x1000000) >>> 0;
  }

  private u16(o: number, le = this.le): number {
    const b = this.buf;
    return le ? b[o]! | (b[o + 1]! << 8) : (b[o]! << 8) | b[o + 1]!;
  }

  private run() {
    if (!this.headerDone) {
      if (this.buf.length - this.pos < 4) return;
      if (this.format === 'unknown') {
        const m = this.u32(this.pos, true);
        if (m === 0x0a0d0d0a) this.format = 'pcapng';
        else if (
          [0xa1b2c3d4, 0xa1b23c4d, 0xa1b2cd34].includes(m) ||
          [0xa1b2c3d4, 0xa1b23c4d, 0xa1b2cd34].includes(this.u32(this.pos, false))
        )
          this.format = 'pcap';
        else {
          this.stop(
            'not-a-capture',
            'This is not a pcap or pcapng file (unknown magic number). Save the capture as pcap or pcapng (Wireshark: File > Save As), or convert an .etl trace first.',
            this.base + this.pos,
          );
          return;
        }
      }
      if (this.format === 'pcap') {
        if (!this.readPcapHeader()) return;
      } else {
        this.headerDone = true; // pcapng: the SHB is an ordinary block
      }
    }
    if (this.format === 'pcap') this.runPcap();
    else this.runPcapng();
  }

  private readPcapHeader(): boolean {
    if (this.buf.length - this.pos < 24) return false;
    const p = this.pos;
    const le = this.u32(p, true);
    this.le = le === 0xa1b2c3d4 || le === 0xa1b23c4d || le === 0xa1b2cd34;
    const magic = this.u32(p);
    this.tsDivisor = magic === 0xa1b23c4d ? 1e6 : 1000;
    this.pcapHeaderLen = magic === 0xa1b2cd34 ? 24 : 16;
    this.pcapLinkType = this.u32(p + 20) & 0x03ffffff;
    this.linkTypes.add(this.pcapLinkType);
    this.pos += 24;
    this.headerDone = true;
    return true;
  }

  private runPcap() {
    const hl = this.pcapHeaderLen;
    const f = this.frame;
    f.linkType = this.pcapLinkType;
    while (this.buf.length - this.pos >= hl) {
      const p = this.pos;
      const incl = this.u32(p + 8);
      if (incl > MAX_PCAP_RECORD) {
        this.stop(
          'corrupt-record',
          `Frame ${this.frames + 1} claims ${incl} bytes, which no capture records: the file is damaged from here on.`,
          this.base + p,
        );
        return;
      }
      if (this.buf.length - p < hl + incl) return;
      const orig = this.u32(p + 12);
      this.frames++;
      if (orig > incl) this.snapped++;
      f.index = this.frames;
      f.ts = this.u32(p) * 1000 + this.u32(p + 4) / this.tsDivisor;
      f.buf = this.buf;
      f.start = p + hl;
      f.length = incl;
      f.origLength = Math.max(orig, incl);
      f.fileOffset = this.base + p + hl;
      this.pos = p + hl + incl;
      this.sink(f);
    }
  }

  private runPcapng() {
    const f = this.frame;
    while (this.buf.length - this.pos >= 12) {
      const p = this.pos;
      let type = this.u32(p);
      if (type === 0x0a0d0d0a) {
        const bom = this.u32(p + 8, true);
        if (bom === 0x1a2b3c4d) this.le = true;
        else if (bom === 0x4d3c2b1a) this.le = false;
        else {
          this.stop(
            'corrupt-block',
            'A pcapng section header has an unknown byte-order mark.',
            this.base + p,
          );
          return;
        }
        type = 0x0a0d0d0a;
      }
      const len = this.u32(p + 4);
      if (len < 12 || len % 4 !== 0 || len > MAX_PCAPNG_BLOCK) {
        this.stop(
          'corrupt-block',
          `A pcapng block at byte ${this.base + p} has an impossible length (${len}): the file is damaged from here on.`,
          this.base + p,
        );
        return;
      }
      if (this.buf.length - p < len) return;
      this.pos = p + len;
      const body = p + 8;
      const bodyEnd = p + len - 4;
      if (type === 0x0a0d0d0a) {
        this.ifaces = [];
      } else if (type === 1) {
        this.readIdb(body, bodyEnd);
      } else if (type === 6 || type === 2) {
        if (bodyEnd - body < 20) continue;
        const ifId = type === 6 ? this.u32(body) : this.u16(body);
        const iface = this.ifaces[ifId];
        const cap = this.u32(body + 12);
        const orig = this.u32(body + 16);
        this.frames++;
        if (!iface) {
          if (this.badIface++ === 0)
            this.problem(
              'unknown-interface',
              'warning',
              `Frame ${this.frames} names interface ${ifId}, which the file never described; such frames are skipped.`,
              this.base + p,
              this.base + p + len,
            );
          continue;
        }
        const capLen = Math.min(cap, bodyEnd - body - 20);
        if (orig > capLen) this.snapped++;
        const ts = this.u32(body + 4) * 4294967296 + this.u32(body + 8);
        f.index = this.frames;
        f.ts = ts * iface.unitMs + iface.offsetMs;
        f.linkType = iface.linkType;
        f.buf = this.buf;
        f.start = body + 20;
        f.length = capLen;
        f.origLength = Math.max(orig, capLen);
        f.fileOffset = this.base + body + 20;
        this.sink(f);
      } else if (type === 3) {
        const iface = this.ifaces[0];
        this.frames++;
        if (!iface || bodyEnd - body < 4) continue;
        const orig = this.u32(body);
        let capLen = Math.min(orig, bodyEnd - body - 4);
        if (iface.snapLen > 0) capLen = Math.min(capLen, iface.snapLen);
        if (orig > capLen) this.snapped++;
        f.index = this.frames;
        f.ts = 0;
        f.linkType = iface.linkType;
        f.buf = this.buf;
        f.start = body + 4;
        f.length = capLen;
        f.origLength = orig;
        f.fileOffset = this.base + body + 4;
        this.sink(f);
      }
      // other blocks (name resolution, statistics, decryption secrets, custom) are skipped
    }
  }

  private readIdb(body: number, end: number) {
    if (end - body < 8) return;
    const iface: Iface = { linkType: this.u16(body), unitMs: 1e-3, offsetMs: 0, snapLen: this.u32(body + 4) };
    let o = body + 8;
    while (o + 4 <= end) {
      const code = this.u16(o);
      const olen = this.u16(o + 2);
      if (code === 0 || o + 4 + olen > end) break;
      if (code === 9 && olen >= 1) {
        const r = this.buf[o + 4]!;
        const exp = r & 0x7f;
        // units per second = 10^exp or 2^exp; ms per unit:
        iface.unitMs = r & 0x80 ? 1000 / Math.pow(2, exp) : 1000 / Math.pow(10, exp);
      } else if (code === 14 && olen >= 8) {
        const hi = this.u32(o + 4 + (this.le ? 4 : 0));
        const lo = this.u32(o + 4 + (this.le ? 0 : 4));
        iface.offsetMs = (hi * 4294967296 + lo) * 1000;
      }
      o += 4 + ((olen + 3) & ~3);
    }
    this.linkTypes.add(iface.linkType);
    this.ifaces.push(iface);
  }
}
