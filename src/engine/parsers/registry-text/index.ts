/**
 * One reader for the registry listings users paste: `reg query ... /s`, `.reg` exports (REGEDIT4 and
 * version 5.00, with `hex(...)` values wrapped by `\`), PowerShell `Get-ItemProperty` (Format-List blocks
 * with PSPath lines) and `Get-ChildItem -Recurse` tables (`Hive:` / `Name  Property`). It returns keys and
 * values with offsets into the text it was given (use clean.ts first for BOM / NUL-mangled text).
 * Linear in the input; never throws.
 */
import type { Problem } from '../../model';
import { LineCursor } from './clean';

export { cleanText, evidenceFor, LineCursor, splitLines, toOriginal } from './clean';
export type { CleanText, Line } from './clean';

export type RegFormat = 'reg-query' | 'reg-file' | 'powershell-list' | 'powershell-table';

export type RegType =
  | 'REG_DWORD'
  | 'REG_QWORD'
  | 'REG_SZ'
  | 'REG_EXPAND_SZ'
  | 'REG_MULTI_SZ'
  | 'REG_BINARY'
  | 'REG_NONE'
  | 'DELETE'
  | 'UNKNOWN';

export interface RegItem {
  value: string;
  start: number;
  end: number;
}

export interface RegValue {
  /** value name; '' for the default value */
  name: string;
  type: RegType;
  /** numeric data (DWORD / QWORD, PowerShell numbers); null otherwise or unreadable */
  number: number | null;
  /** string data as written (REG_SZ, or the raw text of anything else) */
  text: string;
  /** REG_MULTI_SZ items (reg query `\0`, `.reg` hex(7)) with their spans */
  items: RegItem[] | null;
  /** the whole entry (name to end of data, continuation lines included) */
  start: number;
  end: number;
  /** just the data */
  dataStart: number;
  dataEnd: number;
  nameStart: number;
  nameEnd: number;
}

export interface RegKey {
  /** the path as written */
  path: string;
  /** canonical form: `HKLM\SYSTEM\CurrentControlSet\...` (provider prefixes removed, ControlSet00n folded) */
  canonical: string;
  start: number;
  end: number;
  values: RegValue[];
  /** `[-HKEY...]` in a .reg file */
  deleted: boolean;
  format: RegFormat;
}

export interface RegRead {
  formats: RegFormat[];
  keys: RegKey[];
  /** values found without any key path (e.g. Get-ItemProperty output with PSPath cut off) */
  orphans: RegValue[];
  problems: Problem[];
  /** `ERROR: The system was unable to find...` / `Cannot find path` lines */
  missing: { start: number; end: number; path: string | null }[];
}

const HIVES: [string, string][] = [
  ['HKEY_LOCAL_MACHINE', 'HKLM'],
  ['HKEY_CURRENT_USER', 'HKCU'],
  ['HKEY_CLASSES_ROOT', 'HKCR'],
  ['HKEY_USERS', 'HKU'],
  ['HKEY_CURRENT_CONFIG', 'HKCC'],
];

/** Each hive's spellings in the order they are tried, with its short name. */
const HIVE_FORMS: [string, string][] = HIVES.flatMap(([long, short]) => [
  [long, short],
  [short + ':', short],
  [short, short],
]);
/** each short name followed by `\` (the start of a canonical path below the hive) */
const HIVE_PREFIX = new Map(HIVES.map(([, short]) => [short, short + '\\']));

/** The first `n` characters of `s` (all of it when shorter) are ASCII. */
function asciiHead(s: string, n: number): boolean {
  const end = Math.min(n, s.length);
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * `s` starts with `word` in any ASCII case (`word` written in one case, letters and punctuation only). A
 * character outside ASCII never matches, although a few case-map onto ASCII letters (U+0131 dotless i upper-
 * cases to I, U+017F long s to S): a caller that must agree with a case-insensitive pattern search checks
 * that the text is ASCII first (as canonicalPath does) or compares words those characters cannot stand in.
 */
function startsWithAnyCase(s: string, word: string): boolean {
  if (s.length < word.length) return false;
  for (let i = 0; i < word.length; i++) {
    const c = s.charCodeAt(i);
    const w = word.charCodeAt(i);
    if (c !== w && !((w | 32) >= 97 && (w | 32) <= 122 && (c | 32) === (w | 32))) return false;
  }
  return true;
}

/** The hive spelling `p` starts with (ASCII `p` head): as the upper-cased head was compared before. */
function hiveFormAt(p: string): [string, string] | null {
  for (const hf of HIVE_FORMS) {
    const form = hf[0];
    if (startsWithAnyCase(p, form) && (p.length === form.length || p.charCodeAt(form.length) === 92))
      return hf;
  }
  return null;
}
/** longer than any hive spelling */
const HIVE_HEAD = 24;

const CONTROL_SET_GUARD = /controlset\d{3}/i;

/** Canonical registry path; returns null when `raw` does not start with a hive. */
export function canonicalPath(raw: string): string | null {
  let p = raw.trim();
  if (p.length > 2000) p = p.slice(0, 2000);
  // (called for every key of a long listing: each step runs only where it can change something)
  if (p.includes('::')) {
    const prov = p.toLowerCase().indexOf('registry::');
    if (prov >= 0) p = p.slice(prov + 'registry::'.length);
  }
  if (p.includes('\\\\')) p = p.replace(/\\\\/g, '\\');
  // upper-casing maps characters one by one and never shortens: the head's upper case starts the whole
  // text's, and a longer text's upper case is longer than every spelling
  let hive: string | null = null;
  let rest = '';
  if (asciiHead(p, HIVE_HEAD)) {
    // (the common case, compared in place: an ASCII head upper-cases letter by letter)
    const hf = hiveFormAt(p);
    if (hf) {
      hive = hf[1];
      rest = p.slice(hf[0].length);
    }
  } else {
    const upper = (p.length > HIVE_HEAD ? p.slice(0, HIVE_HEAD) : p).toUpperCase();
    const whole = p.length <= HIVE_HEAD;
    for (const [form, short] of HIVE_FORMS) {
      if (
        upper.startsWith(form) &&
        ((whole && upper.length === form.length) || upper[form.length] === '\\')
      ) {
        hive = short;
        rest = p.slice(form.length);
        break;
      }
    }
  }
  if (!hive) return null;
  let a = 0;
  let b = rest.length;
  while (a < b && rest.charCodeAt(a) === 92) a++;
  while (b > a && rest.charCodeAt(b - 1) === 92) b--;
  if (a > 0 || b < rest.length) rest = rest.slice(a, b);
  // (the guard, a plain case-insensitive word, is found much faster than the replace pattern is tried at
  // every position; the pattern matches only where the guard does)
  if (CONTROL_SET_GUARD.test(rest))
    rest = rest.replace(/(^|\\)ControlSet\d{3}(?=\\|$)/i, '$1CurrentControlSet');
  return rest ? HIVE_PREFIX.get(hive)! + rest : hive;
}

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (/^0x[0-9a-f]{1,16}$/i.test(t)) {
    const n = Number.parseInt(t.slice(2), 16);
    return Number.isFinite(n) ? n : null;
  }
  if (/^-?\d{1,20}$/.test(t)) {
    const n = Number(t);
    // PowerShell prints DWORDs >= 2^31 as negative Int32 in some hosts; fold to unsigned
    return n < 0 && n >= -0x80000000 ? n + 0x100000000 : n;
  }
  return null;
}

/** [A-Z0-9_] */
function isTypeChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Finds the first occurrence of a whitespace-preceded `REG_` token; linear. */
function findRegType(line: string): { at: number; type: string; typeEnd: number } | null {
  let from = 0;
  for (;;) {
    const i = line.indexOf('REG_', from);
    if (i < 0) return null;
    if (i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t')) {
      let j = i + 4;
      while (j < line.length && isTypeChar(line.charCodeAt(j))) j++;
      if (j === line.length || line[j] === ' ' || line[j] === '\t')
        return { at: i, type: line.slice(i, j), typeEnd: j };
    }
    from = i + 4;
  }
}

function regType(t: string): RegType {
  switch (t) {
    case 'REG_DWORD':
    case 'REG_DWORD_LITTLE_ENDIAN':
      return 'REG_DWORD';
    case 'REG_QWORD':
    case 'REG_QWORD_LITTLE_ENDIAN':
      return 'REG_QWORD';
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
    case 'REG_MULTI_SZ':
    case 'REG_BINARY':
    case 'REG_NONE':
      return t;
    default:
      return 'UNKNOWN';
  }
}

/** Splits reg query REG_MULTI_SZ data on literal `\0`. */
function splitMultiSz(data: string, offset: number): RegItem[] {
  const items: RegItem[] = [];
  let i = 0;
  while (i <= data.length) {
    const j = data.indexOf('\\0', i);
    const end = j < 0 ? data.length : j;
    const raw = data.slice(i, end);
    const lead = raw.length - raw.trimStart().length;
    const v = raw.trim();
    if (v) items.push({ value: v, start: offset + i + lead, end: offset + i + lead + v.length });
    if (j < 0) break;
    i = j + 2;
  }
  return items;
}

/** Bytes of a hex value with the offset of each byte's two digits (typed arrays: long values stay cheap). */
interface HexBytes {
  n: number;
  bytes: Uint8Array;
  starts: Int32Array;
}

/** Decodes UTF-16LE bytes (hex(7) / hex(2)) into NUL-separated items with spans over the byte text. */
function decodeUtf16Items(h: HexBytes): RegItem[] {
  const items: RegItem[] = [];
  let codes: number[] = [];
  let curStart = -1;
  let curEnd = -1;
  const flush = () => {
    if (codes.length) {
      let v = '';
      for (let k = 0; k < codes.length; k += 4096) v += String.fromCharCode(...codes.slice(k, k + 4096));
      v = v.trim();
      if (v) items.push({ value: v, start: curStart, end: curEnd });
    }
    codes = [];
    curStart = -1;
  };
  for (let k = 0; k + 1 < h.n; k += 2) {
    const code = h.bytes[k]! | (h.bytes[k + 1]! << 8);
    if (code === 0) {
      flush();
      continue;
    }
    if (curStart < 0) curStart = h.starts[k]!;
    curEnd = h.starts[k + 1]! + 2;
    codes.push(code);
  }
  flush();
  return items;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** buffers of parseHexBytes (grown up to HEX_SCRATCH_MAX bytes and kept) */
let hexScratch = { bytes: new Uint8Array(1024), starts: new Int32Array(1024) };
const HEX_SCRATCH_MAX = 1 << 16;

/** Reads hex pairs from the cursor's line on, following `\` continuations (the cursor ends on the last line read). */
function parseHexBytes(lines: LineCursor, dataStartCol: number): { hex: HexBytes; bad: boolean } {
  // the bytes go into buffers shared by every call (read at once by the caller, never kept): a listing
  // holding many hex values made a fresh pair of typed arrays, grown several times, for each of them
  let cap = hexScratch.bytes.length;
  let bytes = hexScratch.bytes;
  let starts = hexScratch.starts;
  let n = 0;
  let col = dataStartCol;
  let bad = false;
  for (;;) {
    const line = lines;
    const t = line.text;
    const len = t.length;
    let i = col;
    let continued = false;
    while (i < len) {
      const c = t.charCodeAt(i);
      if (c === 44 || c === 32 || c === 9) {
        i++;
        continue;
      }
      if (c === 92) {
        continued = true;
        break;
      }
      const hi = hexDigit(c);
      const lo = hexDigit(t.charCodeAt(i + 1));
      if (hi < 0 || lo < 0) {
        bad = true;
        break;
      }
      if (n === cap) {
        cap *= 2;
        const nb = new Uint8Array(cap);
        nb.set(bytes);
        bytes = nb;
        const ns = new Int32Array(cap);
        ns.set(starts);
        starts = ns;
        if (cap <= HEX_SCRATCH_MAX) hexScratch = { bytes, starts };
      }
      bytes[n] = hi * 16 + lo;
      starts[n] = line.start + i;
      n++;
      i += 2;
    }
    if (!continued || !lines.hasNext || n > 4_000_000) return { hex: { n, bytes, starts }, bad };
    lines.advance();
    col = 0;
  }
}

/** Where a .reg value's name and data start. */
interface ValueAt {
  name: string;
  start: number;
  nameStart: number;
  nameEnd: number;
  dataStart: number;
}

/**
 * A RegValue of a .reg line, always with the same property order, that of the reg query and PowerShell
 * values too (one object shape for every value, so code reading values sees one shape: spreading a shared
 * base into each result made slow dictionary-mode objects, most of the time of reading a long .reg export).
 */
function regValue(
  at: ValueAt,
  type: RegType,
  number: number | null,
  text: string,
  items: RegItem[] | null,
  end: number,
  dataEnd: number,
  dataStart = at.dataStart,
): RegValue {
  return {
    name: at.name,
    type,
    number,
    text,
    items,
    start: at.start,
    end,
    nameStart: at.nameStart,
    nameEnd: at.nameEnd,
    dataStart,
    dataEnd,
  };
}

/** The .reg value at the cursor's line (the cursor ends on its last continuation line). */
function readDotRegValue(lines: LineCursor, problems: Problem[]): RegValue | null {
  // the cursor moves on over continuation lines: keep the first line's place
  const lineStart = lines.start;
  const lineEnd = lines.end;
  const t = lines.text;
  let name = '';
  let i: number;
  let nameStart = lineStart;
  let nameEnd = lineStart + 1;
  if (t.startsWith('@=')) {
    i = 1;
  } else {
    // "name" with \" escapes
    let j = 1;
    let buf = '';
    let closed = false;
    const q = t.indexOf('"', 1);
    const bs = t.indexOf('\\', 1);
    if (q > 0 && (bs < 0 || bs > q)) {
      buf = t.slice(1, q);
      j = q;
      closed = true;
    }
    while (!closed && j < t.length) {
      const c = t[j]!;
      if (c === '\\' && j + 1 < t.length) {
        buf += t[j + 1];
        j += 2;
        continue;
      }
      if (c === '"') {
        closed = true;
        break;
      }
      buf += c;
      j++;
    }
    if (!closed || t[j + 1] !== '=') {
      problems.push({
        code: 'unreadable-reg-value',
        severity: 'warning',
        message: 'A .reg value line should look like "Name"=dword:00000001; this one could not be read.',
        start: lineStart,
        end: lineEnd,
      });
      return null;
    }
    name = buf;
    nameStart = lineStart + 1;
    nameEnd = lineStart + j;
    i = j + 1;
  }
  const dataCol = i + 1;
  const data = t.slice(dataCol);
  const dataStart = lineStart + dataCol;
  const at: ValueAt = { name, start: lineStart, nameStart, nameEnd, dataStart };
  // (compared in place: lower-casing the head only ever made an ASCII 'dword:' of ASCII letters)
  if (startsWithAnyCase(data, 'dword:')) {
    const hex = data.slice(6).trim();
    const n = /^[0-9a-f]{1,8}$/i.test(hex) ? Number.parseInt(hex, 16) : null;
    return regValue(at, 'REG_DWORD', n, data, null, lineEnd, lineEnd);
  }
  if (data === '-') {
    return regValue(at, 'DELETE', null, data, null, lineEnd, lineEnd);
  }
  if (data.startsWith('"')) {
    // string: find the closing quote, allowing \" and \\ escapes
    let j = 1;
    let buf = '';
    while (j < data.length && data[j] !== '"') {
      if (data[j] === '\\' && j + 1 < data.length) {
        buf += data[j + 1];
        j += 2;
        continue;
      }
      buf += data[j];
      j++;
    }
    return regValue(
      at,
      'REG_SZ',
      null,
      buf,
      null,
      lineEnd,
      dataStart + Math.min(j, data.length),
      dataStart + 1,
    );
  }
  const hexm = /^hex(?:\(([0-9a-f]{1,2})\))?:/i.exec(data);
  if (hexm) {
    const kind = (hexm[1] ?? '3').toLowerCase();
    const { hex, bad } = parseHexBytes(lines, dataCol + hexm[0].length);
    const endLineEnd = lines.end;
    if (bad)
      problems.push({
        code: 'unreadable-hex-value',
        severity: 'warning',
        message: `The hex data of "${name}" stops being pairs of hex digits; the rest was not read.`,
        start: lineStart,
        end: endLineEnd,
      });
    if (kind === 'b' || kind === '4') {
      let n: number | null = null;
      const need = kind === 'b' ? 8 : 4;
      if (hex.n >= need) {
        n = 0;
        for (let k = need - 1; k >= 0; k--) n = n * 256 + hex.bytes[k]!;
      }
      return regValue(at, kind === 'b' ? 'REG_QWORD' : 'REG_DWORD', n, data, null, endLineEnd, endLineEnd);
    }
    if (kind === '7' || kind === '2' || kind === '1') {
      const items = decodeUtf16Items(hex);
      const type: RegType = kind === '7' ? 'REG_MULTI_SZ' : kind === '2' ? 'REG_EXPAND_SZ' : 'REG_SZ';
      const text = items.map((x) => x.value).join('\n');
      return regValue(at, type, null, text, kind === '7' ? items : null, endLineEnd, endLineEnd);
    }
    return regValue(at, kind === '0' ? 'REG_NONE' : 'REG_BINARY', null, data, null, endLineEnd, endLineEnd);
  }
  return regValue(at, 'UNKNOWN', null, data, null, lineEnd, lineEnd);
}

/** A Format-List line `Name   : value` (name at column 0). */
function listLine(t: string): { name: string; valueCol: number } | null {
  if (t.length === 0 || t[0] === ' ' || t[0] === '\t') return null;
  const i = t.indexOf(' : ');
  let col: number;
  if (i > 0) col = i + 3;
  else if (t.endsWith(' :')) col = t.length;
  else return null;
  const name = t.slice(0, col === t.length ? t.length - 2 : i).trim();
  if (!name || name.length > 100) return null;
  return { name, valueCol: col };
}

/** Items of a PowerShell `{a, b, c...}` display (from after the `{`), up to the closing `}`. */
function splitBraceItems(raw: string, offset: number): RegItem[] {
  const items: RegItem[] = [];
  let k = 0;
  while (k < raw.length) {
    let e = k;
    while (e < raw.length && raw[e] !== ',' && raw[e] !== '}') e++;
    const piece = raw.slice(k, e);
    const pl = piece.length - piece.trimStart().length;
    const v = piece.trim();
    if (v) items.push({ value: v, start: offset + k + pl, end: offset + k + pl + v.length });
    k = e + 1;
    if (raw[e] === '}') break;
  }
  return items;
}

function psValue(
  name: string,
  raw: string,
  lineStart: number,
  valueCol: number,
  end: number,
  nameStart: number,
): RegValue {
  const text = raw.trim();
  const lead = raw.length - raw.trimStart().length;
  const n = parseNumber(text);
  let items: RegItem[] | null = null;
  if (text.startsWith('{')) {
    // PowerShell shows string arrays as {a, b, c...}
    const inner = raw.indexOf('{');
    items = splitBraceItems(raw.slice(inner + 1), lineStart + valueCol + inner + 1);
  }
  return {
    name,
    type: n !== null ? 'REG_DWORD' : items ? 'REG_MULTI_SZ' : 'REG_SZ',
    number: n,
    text,
    items,
    start: nameStart,
    end,
    nameStart,
    nameEnd: nameStart + name.length,
    dataStart: lineStart + valueCol + lead,
    dataEnd: lineStart + valueCol + lead + text.length,
  };
}

const PS_META = new Set(['PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider', 'PSIsContainer']);

const HK = /hk/i;

/** Finds a registry path written anywhere in a line (command echo, `Hive:` header, error text). */
function pathInLine(t: string): string | null {
  // every path holds HK in some case: most lines are rejected by this plain search, much faster than the
  // path pattern tried at every position
  if (!HK.test(t)) return null;
  const m = /(?:Registry::)?(?:HKEY_[A-Z_]+|HKLM:?|HKCU:?)\\[^'"\r\n]{0,1000}/i.exec(t);
  if (!m) return null;
  let p = m[0];
  // stop at a following parameter or quote-less tail like " -Name Functions"
  const cut = p.search(/\s+-[A-Za-z]/);
  if (cut > 0) p = p.slice(0, cut);
  return canonicalPath(p.replace(/[\]\s'"`.]+$/, ''));
}

/** the part of PowerShell's "Cannot find path" error searched for (either case of its first letter) */
const CANNOT_FIND = 'annot find path';

/** A PowerShell Format-List block being gathered. */
interface ListBlock {
  values: RegValue[];
  path: string | null;
  start: number;
  end: number;
}

/**
 * The reader's state over the lines of one text (a class: one object shape; each kind of line is handled by
 * a small function of its own, which V8 optimises far sooner than the former single 240-line loop).
 */
class Reader {
  readonly lines: LineCursor;
  /** the next 'annot find path' of the whole text at or after the current line (-1: none left) */
  cannotAt: number;
  readonly keys: RegKey[] = [];
  readonly orphans: RegValue[] = [];
  readonly problems: Problem[] = [];
  readonly missing: RegRead['missing'] = [];
  readonly formats = new Set<RegFormat>();
  cur: RegKey | null = null;
  /** PowerShell list block being gathered */
  block: ListBlock | null = null;
  lastListValue: RegValue | null = null;
  pendingPath: string | null = null;
  /** PowerShell table state */
  hive: string | null = null;
  propCol = -1;
  tableKey: RegKey | null = null;

  constructor(readonly text: string) {
    this.lines = new LineCursor(text);
    this.cannotAt = text.indexOf(CANNOT_FIND);
  }

  /**
   * A `reg query` or .reg key line ends a Get-ChildItem table pasted above it: without this, the indented
   * value lines under the key would be read as rows of that table.
   */
  endTable(): void {
    this.hive = null;
    this.propCol = -1;
    this.tableKey = null;
  }

  flushBlock(): void {
    const block = this.block;
    if (!block) return;
    const real = block.values.filter((v) => !PS_META.has(v.name));
    const path = block.path ?? this.pendingPath;
    if (path) {
      const canonical = canonicalPath(path) ?? path;
      this.keys.push({
        path,
        canonical,
        start: block.start,
        end: block.end,
        values: real,
        deleted: false,
        format: 'powershell-list',
      });
      this.pendingPath = null;
    } else if (real.length) this.orphans.push(...real);
    this.block = null;
    this.lastListValue = null;
  }
}

/**
 * An error line for a missing key (`cannotAt`: the next 'annot find path' of the whole text, so that lines
 * without it are not searched one by one; the phrase holds no line break, so it is in this line exactly when
 * that next occurrence lies inside it).
 */
function missingLine(r: Reader, t: string, trimmed: string, c0: number): boolean {
  const line = r.lines;
  if (r.cannotAt >= 0 && r.cannotAt < line.start) r.cannotAt = r.text.indexOf(CANNOT_FIND, line.start);
  const hasCannot = r.cannotAt >= 0 && r.cannotAt + CANNOT_FIND.length <= line.end;
  if ((c0 === 69 && trimmed.startsWith('ERROR: ')) || (c0 !== 34 && hasCannot)) {
    r.missing.push({ start: line.start, end: line.end, path: pathInLine(t) });
    return true;
  }
  return false;
}

/** A .reg key line `[HKEY_...]` / `[-HKEY_...]` (false when the path has no hive). */
function regFileKey(r: Reader, t: string, trimmed: string): boolean {
  r.flushBlock();
  const deleted = t.startsWith('[-');
  const raw = trimmed.slice(deleted ? 2 : 1, -1);
  const canonical = canonicalPath(raw);
  if (!canonical) return false;
  r.formats.add('reg-file');
  const line = r.lines;
  r.cur = {
    path: raw,
    canonical,
    start: line.start,
    end: line.end,
    values: [],
    deleted,
    format: 'reg-file',
  };
  r.keys.push(r.cur);
  return true;
}

function regFileValue(r: Reader, cur: RegKey): void {
  const value = readDotRegValue(r.lines, r.problems);
  if (value) {
    cur.values.push(value);
    cur.end = value.end;
  }
}

/** A reg query key line: a hive path at column 0 (false when it is none). */
function regQueryKey(r: Reader, t: string): boolean {
  r.flushBlock();
  const canonical = canonicalPath(t);
  if (!canonical) return false;
  r.formats.add('reg-query');
  const line = r.lines;
  r.cur = {
    path: t.trim(),
    canonical,
    start: line.start,
    end: line.end,
    values: [],
    deleted: false,
    format: 'reg-query',
  };
  r.keys.push(r.cur);
  return true;
}

/** A reg query value line `    Name    REG_TYPE    data` (false when it is none). */
function regQueryValue(r: Reader, t: string): boolean {
  const rt = findRegType(t);
  if (!rt) return false;
  const line = r.lines;
  const name = t.slice(0, rt.at).trim();
  let d = rt.typeEnd;
  while (d < t.length && (t[d] === ' ' || t[d] === '\t')) d++;
  const data = t.slice(d).trimEnd();
  const type = regType(rt.type);
  const nameCol = t.length - t.trimStart().length;
  const v: RegValue = {
    name: name === '(Default)' || name === '(Standard)' ? '' : name,
    type,
    number: type === 'REG_DWORD' || type === 'REG_QWORD' ? parseNumber(data) : null,
    text: data,
    items: type === 'REG_MULTI_SZ' ? splitMultiSz(data, line.start + d) : null,
    start: line.start + nameCol,
    end: line.start + d + data.length,
    nameStart: line.start + nameCol,
    nameEnd: line.start + nameCol + name.length,
    dataStart: line.start + d,
    dataEnd: line.start + d + data.length,
  };
  r.formats.add('reg-query');
  const cur = r.cur;
  if (cur && cur.format === 'reg-query') {
    cur.values.push(v);
    cur.end = v.end;
  } else r.orphans.push(v);
  return true;
}

/** A line of a Get-ChildItem table after its `Hive:` line (false when it is not one the table reads). */
function tableLine(r: Reader, t: string, hive: string): boolean {
  // (first-character checks: in a table every line reaches these tests)
  if (t.charCodeAt(0) === 78 && /^Name\s+Property\s*$/.test(t)) {
    r.propCol = t.indexOf('Property');
    r.formats.add('powershell-table');
    return true;
  }
  if (t.charCodeAt(0) === 45 && /^-{2,}\s+-{2,}\s*$/.test(t)) return true;
  const propCol = r.propCol;
  if (propCol <= 0) return false;
  const line = r.lines;
  const namePart = t.slice(0, propCol).trim();
  // a registry key's name holds no backslash: a line whose name column does (a command echo such as
  // `C:\>reg query "HKLM\..."`) is past the end of the table
  if (namePart.includes('\\')) {
    r.endTable();
    return false;
  }
  const propPart = t.slice(propCol);
  if (namePart) {
    const canonical = `${hive}\\${namePart}`;
    r.tableKey = {
      path: canonical,
      canonical,
      start: line.start,
      end: line.end,
      values: [],
      deleted: false,
      format: 'powershell-table',
    };
    r.keys.push(r.tableKey);
  }
  const tableKey = r.tableKey;
  if (tableKey) {
    const ll = listLine(propPart);
    if (ll) {
      const v = psValue(
        ll.name,
        propPart.slice(ll.valueCol),
        line.start + propCol,
        ll.valueCol,
        line.end,
        line.start + propCol,
      );
      tableKey.values.push(v);
      tableKey.end = line.end;
    }
  }
  return true;
}

/** A Format-List line `Name : value` (false when it is none). */
function listValue(r: Reader, t: string): boolean {
  const ll = listLine(t);
  if (!ll) return false;
  const line = r.lines;
  let block = r.block;
  if (!block) block = r.block = { values: [], path: null, start: line.start, end: line.end };
  const v = psValue(ll.name, t.slice(ll.valueCol), line.start, ll.valueCol, line.end, line.start);
  if (ll.name === 'PSPath') block.path = v.text;
  block.values.push(v);
  block.end = line.end;
  r.lastListValue = v;
  r.formats.add('powershell-list');
  return true;
}

/** An indented line continuing the last Format-List value. */
function wrappedValue(r: Reader, block: ListBlock, last: RegValue, t: string, trimmed: string): void {
  const line = r.lines;
  const more = trimmed;
  if (last.name === 'PSPath' || last.name === 'PSParentPath') {
    last.text += more;
    if (last.name === 'PSPath') block.path = last.text;
  } else {
    last.text += ' ' + more;
    if (last.items && !last.items.some((x) => x.value.endsWith('}'))) {
      const lead = t.length - t.trimStart().length;
      last.items.push(...splitBraceItems(t.slice(lead), line.start + lead));
    }
  }
  last.end = line.end;
  last.dataEnd = line.end;
  block.end = line.end;
}

/** The cursor's current line, whatever format it belongs to. */
function readLine(r: Reader): void {
  const t = r.lines.text;
  const trimmed = t.trim();
  if (trimmed.length === 0) {
    r.flushBlock();
    r.tableKey = null;
    return;
  }
  const c0 = trimmed.charCodeAt(0);
  if (missingLine(r, t, trimmed, c0)) return;

  // .reg header
  if ((c0 === 82 || c0 === 87) && /^(REGEDIT4|Windows Registry Editor Version \d+\.\d+)\s*$/.test(trimmed)) {
    r.formats.add('reg-file');
    r.endTable();
    return;
  }
  // .reg key and value
  if (t.startsWith('[') && trimmed.endsWith(']') && regFileKey(r, t, trimmed)) {
    r.endTable();
    return;
  }
  const cur = r.cur;
  if (cur && cur.format === 'reg-file' && (t.startsWith('"') || t.startsWith('@='))) {
    regFileValue(r, cur);
    return;
  }
  // reg query key line: a hive path at column 0
  if (
    (c0 === 72 || c0 === 104) &&
    t.charCodeAt(0) === c0 &&
    /^(HKEY_|HKLM\\|HKCU\\)/i.test(t) &&
    regQueryKey(r, t)
  ) {
    r.endTable();
    return;
  }
  // reg query value line
  if ((t[0] === ' ' || t[0] === '\t') && !r.hive && regQueryValue(r, t)) return;

  // PowerShell Get-ChildItem table
  const hm = c0 === 72 ? /^\s*Hive:\s*(.+)$/.exec(t) : null;
  if (hm) {
    r.flushBlock();
    r.hive = canonicalPath(hm[1]!) ?? null;
    r.propCol = -1;
    r.tableKey = null;
    r.cur = null;
    return;
  }
  const hive = r.hive;
  if (hive !== null && tableLine(r, t, hive)) return;

  // PowerShell Format-List
  if (listValue(r, t)) return;
  const block = r.block;
  const last = r.lastListValue;
  if (block && last && (t[0] === ' ' || t[0] === '\t')) {
    wrappedValue(r, block, last, t, trimmed);
    return;
  }

  // any other line naming a registry path (a command echo): remember it for a following list block
  const p = pathInLine(t);
  if (p) {
    r.flushBlock();
    r.pendingPath = p;
  }
}

export function readRegistryText(text: string): RegRead {
  const r = new Reader(text);
  while (r.lines.advance()) readLine(r);
  r.flushBlock();
  return {
    formats: [...r.formats],
    keys: r.keys,
    orphans: r.orphans,
    problems: r.problems,
    missing: r.missing,
  };
}

/** Values of every key whose canonical path matches, lower-cased comparison. */
export function keysUnder(read: RegRead, prefixLower: string): RegKey[] {
  return read.keys.filter((k) => k.canonical.toLowerCase().startsWith(prefixLower));
}

/** lower case of the names valueNamed was asked for (the callers' constants: no new copy per call) */
const LOWER_NAMES = new Map<string, string>();

export function valueNamed(key: RegKey, name: string): RegValue | undefined {
  let n = LOWER_NAMES.get(name);
  if (n === undefined) {
    n = name.toLowerCase();
    if (LOWER_NAMES.size < 256) LOWER_NAMES.set(name, n);
  }
  // Lower-casing keeps the length of every character but U+0130 (which becomes i + U+0307), so for a name
  // without U+0307 a value name of another length cannot match: most values are passed over without
  // lower-casing their names (and a name spelled as asked for matches without it).
  const sameLength = !n.includes('\u0307');
  let found: RegValue | undefined;
  for (const v of key.values) {
    if (sameLength && v.name.length !== n.length) continue;
    if (v.name === name || v.name.toLowerCase() === n) found = v; // last one wins, as in a .reg import
  }
  return found;
}
