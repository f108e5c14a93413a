/**
 * Splits a paste that holds several things (an error message, a `reg query` dump, a PEM certificate,
 * ERRORLOG lines, ...) into parts and names each part's kind, using every registered parser's sniff().
 *
 * How it works, in one linear pass plus linear merges:
 * 1. Cut the text into blocks at candidate boundaries. Blank lines are weak boundaries; strong boundaries
 *    are PEM armour (a PEM block is always one block, blank lines inside included), `Windows Registry
 *    Editor` / `REGEDIT4` headers, registry key headers (`HKEY_...`, `[HKEY_...]`), command echo lines
 *    (`PS C:\>`, `C:\>`), the start and end of a run of ERRORLOG-timestamped lines, Event Viewer's
 *    `Log Name:` header and certificate dump headers.
 * 2. Sniff each block with every parser; the best score names its kind ('unknown' below MIN_SCORE).
 * 3. Merge: adjacent blocks of one kind; an unknown block between two blocks of one kind; then a small
 *    unknown block (a greeting, a stack trace, a trailing "command completed" line) joins its known
 *    neighbour across a blank line (previous neighbour first).
 */
import type { ArtifactKind, Confidence } from '../model';
import type { ArtifactParser } from './types';
import { PARSERS } from './index';

/** Any registered parser, whatever its facts type. */
export type AnyParser = ArtifactParser<ArtifactKind, object>;

export interface DetectedPart {
  /** offsets into the whole paste, end exclusive */
  start: number;
  end: number;
  kind: ArtifactKind;
  confidence: Confidence;
  /** the best sniff score, 0..1 (for 'unknown': the best score that fell short) */
  score: number;
}

/** Below this sniff score a block is 'unknown'. */
export const MIN_SCORE = 0.2;
/** Unknown blocks larger than this are never absorbed into a neighbour. */
const ABSORB_MAX_CHARS = 4000;
const ABSORB_MAX_LINES = 40;
/** Sniffers see at most this much of one block (their cost stays bounded on huge pastes). */
const SNIFF_MAX = 256 * 1024;
/** Only this much of a line is examined for boundary markers. */
const LINE_HEAD = 256;

export function confidenceOf(score: number): Confidence {
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
}

type Boundary = 'start' | 'weak' | 'strong';

interface Block {
  start: number;
  end: number;
  lines: number;
  /** what separates this block from the previous one */
  before: Boundary;
  /** starts with a command echo (`PS C:\>`, `C:\>`): it names what follows */
  prompt: boolean;
  kind: ArtifactKind;
  score: number;
}

const ERRORLOG_TS = /^\s{0,4}\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,7})?\s/;
const PROMPT = /^\s{0,4}(?:PS [A-Za-z]:\\[^>]{0,200}>|PS>|[A-Za-z]:\\[^>]{0,200}>\s*\S)/;
const REGEDIT = /^\s{0,4}(?:Windows Registry Editor Version|REGEDIT4)/;
const REG_KEY = /^\s{0,4}\[?(?:HKEY_[A-Z_]{4,30}|HKLM|HKCU)\\/;
const LOG_NAME = /^\s{0,4}Log Name:/;
const CERT_HEADER = /^\s{0,4}(?:X509 Certificate:|Certificate:\s*$|={4,}\s*\S[^=]{0,40}\s\d{1,5}\s*={4,})/;

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

/** A line of base64 alone (the body of a PEM block), after any quote marks and before any trailing spaces. */
const BASE64_LINE = /[ \t>]*[A-Za-z0-9+/=]*[ \t\r]*/y;

/** A line that can sit inside a PEM block: base64, blank, an RFC 1421 header, the END line; '>' quotes allowed. */
export function pemBodyLine(text: string, start: number, end: number): boolean {
  // nearly every line of a PEM block is base64 alone: one native match instead of the loop below (a 1 MB
  // paste of certificates has 16,000 such lines); the match may take the CR of a CRLF that ends the line
  BASE64_LINE.lastIndex = start;
  if (BASE64_LINE.test(text)) {
    const to = BASE64_LINE.lastIndex;
    if (to === end || (to === end + 1 && text.charCodeAt(end) === 13)) return true;
  }
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 62)) i++;
  if (i >= end) return true;
  if (text.startsWith('-----END ', i)) return true;
  let sawColon = false;
  // whether a space, tab or CR lies between two visible characters (what /\s/ finds in the trimmed line)
  let gap = false;
  let inner = false;
  let seenVisible = false;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 13 || c === 32 || c === 9) {
      if (seenVisible) gap = true;
      continue;
    }
    const b64 =
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 43 ||
      c === 47 ||
      c === 61;
    if (b64 || c === 58 || c === 45 || c === 44) {
      if (gap) inner = true;
      seenVisible = true;
      sawColon = sawColon || c === 58;
      continue;
    }
    return false;
  }
  // a line with spaces between words is prose unless it is a "Header: value" line
  return sawColon || !inner;
}

/** Whether the line after the line break at `nl` is indented (a tab or a space first) and not blank. */
function indentedNext(text: string, nl: number): boolean {
  const start = nl + 1;
  const c = text.charCodeAt(start);
  if (c !== 9 && c !== 32) return false;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return !isBlank(text, start, end);
}

/** Step 1: blocks with the boundary that precedes each. */
function cut(text: string): Array<Omit<Block, 'kind' | 'score'>> {
  const blocks: Array<Omit<Block, 'kind' | 'score'>> = [];
  let cur: Omit<Block, 'kind' | 'score'> | null = null;
  let pending: Boundary = 'start';
  let inPem = false;
  let prevTs = false;
  /** inside SQL Server's version banner of an ERRORLOG (see below) */
  let inBanner = false;
  let nextEnd = -1;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;

    if (inPem && !pemBodyLine(text, pos, lineEnd)) {
      // a PEM block cut short: whatever follows is another part
      inPem = false;
      blocks.push(cur!);
      cur = null;
      pending = 'strong';
    }
    if (inPem) {
      cur!.end = lineEnd;
      cur!.lines++;
      if (nextEnd < pos) {
        const found = text.indexOf('-----END ', pos);
        nextEnd = found < 0 ? n + 1 : found;
      }
      if (nextEnd < lineEnd) {
        inPem = false;
        blocks.push(cur!);
        cur = null;
        pending = 'strong';
      }
    } else if (isBlank(text, pos, lineEnd)) {
      if (cur) {
        blocks.push(cur);
        cur = null;
      }
      if (pending !== 'strong') pending = 'weak';
      prevTs = false;
      inBanner = false;
    } else {
      const line = text.slice(pos, Math.min(lineEnd, pos + LINE_HEAD));
      const beginAt = line.indexOf('-----BEGIN ');
      // the first visible character decides which boundary patterns can match (keeps this pass cheap)
      let f = 0;
      while (f < line.length && (line.charCodeAt(f) === 32 || line.charCodeAt(f) === 9)) f++;
      const c = line.charCodeAt(f);
      const c0 = line.charCodeAt(0);
      const digit = c >= 48 && c <= 57;
      const ts = digit && ERRORLOG_TS.test(line);
      let marker = false;
      let isPrompt = false;
      if (!digit) {
        switch (line[f]) {
          case 'W':
          case 'R':
            marker = REGEDIT.test(line);
            break;
          case 'H':
          case '[':
            marker = REG_KEY.test(line);
            break;
          case 'L':
            marker = LOG_NAME.test(line);
            break;
          case 'X':
          case 'C':
          case '=':
            marker = CERT_HEADER.test(line);
            break;
        }
        if (!marker && (line[f + 1] === ':' || line[f] === 'P')) {
          isPrompt = PROMPT.test(line);
          marker = isPrompt;
        }
      }
      // SQL Server's version banner at the top of an ERRORLOG: a timestamped "Microsoft SQL Server ..." line and
      // the indented lines under it (build date, copyright, edition and Windows or Linux) are one @@VERSION
      // text, a block of its own; the switch from timestamped to plain lines used to leave the first line alone
      // and the other three as a part of their own ("not recognised", or a Windows version of low confidence)
      const bannerStart: boolean = ts && line.includes('Microsoft SQL Server') && indentedNext(text, nl);
      const bannerLine: boolean = !bannerStart && inBanner && !ts && (c0 === 9 || c0 === 32);
      const strong =
        beginAt >= 0 ||
        marker ||
        bannerStart ||
        (inBanner && !bannerLine) ||
        (cur !== null && !bannerLine && ts !== prevTs);
      inBanner = bannerStart || bannerLine;
      if (strong && cur) {
        blocks.push(cur);
        cur = null;
        pending = 'strong';
      }
      if (!cur) {
        cur = { start: pos, end: lineEnd, lines: 0, before: pending, prompt: isPrompt };
        pending = 'weak';
      }
      cur.end = lineEnd;
      cur.lines++;
      prevTs = ts || bannerLine;
      if (beginAt >= 0) {
        const rest = text.slice(pos + beginAt + 11, lineEnd);
        if (rest.includes('-----END ')) {
          blocks.push(cur);
          cur = null;
          pending = 'strong';
        } else inPem = true;
      }
    }
    if (nl >= n) break;
    pos = nl + 1;
  }
  if (cur) blocks.push(cur);
  return blocks;
}

function sniffBlock(text: string, parsers: readonly AnyParser[]): { kind: ArtifactKind; score: number } {
  const sample = text.length > SNIFF_MAX ? text.slice(0, SNIFF_MAX) : text;
  let best: ArtifactKind = 'unknown';
  let bestScore = 0;
  for (const parser of parsers) {
    // a parser that cannot score above the best so far cannot win the block (ties go to the earlier parser):
    // once an early parser is sure, the later ones are not asked
    if ((parser.sniffMax ?? 1) <= bestScore) continue;
    let score: number;
    try {
      score = parser.sniff(sample);
    } catch {
      score = 0;
    }
    if (!Number.isFinite(score)) continue;
    score = Math.max(0, Math.min(1, score));
    if (score > bestScore) {
      bestScore = score;
      best = parser.kind;
    }
  }
  return bestScore >= MIN_SCORE ? { kind: best, score: bestScore } : { kind: 'unknown', score: bestScore };
}

function join(a: Block, b: Block): Block {
  const known = a.kind !== 'unknown' ? a : b;
  return {
    start: a.start,
    end: b.end,
    lines: a.lines + b.lines,
    before: a.before,
    prompt: a.prompt,
    kind: known.kind,
    score: a.kind === b.kind ? Math.max(a.score, b.score) : known.score,
  };
}

const small = (b: Block) => b.end - b.start <= ABSORB_MAX_CHARS && b.lines <= ABSORB_MAX_LINES;

/** Step 3: the merges, each a linear pass. */
function merge(blocks: Block[]): Block[] {
  // adjacent blocks of one kind (unknown included)
  let out: Block[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.kind === b.kind) out[out.length - 1] = join(last, b);
    else out.push(b);
  }
  // K, unknown, K -> K
  const sandwiched: Block[] = [];
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    const last = sandwiched[sandwiched.length - 1];
    const next = out[i + 1];
    if (b.kind === 'unknown' && last && next && last.kind === next.kind && small(b)) {
      sandwiched[sandwiched.length - 1] = join(join(last, b), next);
      i++;
      continue;
    }
    if (last && last.kind === b.kind) sandwiched[sandwiched.length - 1] = join(last, b);
    else sandwiched.push(b);
  }
  out = sandwiched;
  // small unknown joins a known neighbour across a blank line: previous first, else next
  const absorbed: Block[] = [];
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    const last = absorbed[absorbed.length - 1];
    if (b.kind === 'unknown' && small(b)) {
      const next = out[i + 1];
      // a command echo belongs to the output under it
      if (b.prompt && next && next.kind !== 'unknown') {
        out[i + 1] = { ...join(b, next), before: b.before, prompt: true };
        continue;
      }
      if (last && last.kind !== 'unknown' && b.before === 'weak') {
        absorbed[absorbed.length - 1] = join(last, b);
        continue;
      }
      if (next && next.kind !== 'unknown' && next.before === 'weak') {
        out[i + 1] = { ...join(b, next), before: b.before };
        continue;
      }
    }
    if (last && last.kind === b.kind) absorbed[absorbed.length - 1] = join(last, b);
    else absorbed.push(b);
  }
  return absorbed;
}

/** Splits `text` into parts and names each part's kind. Linear in the length of the text. */
export function detect(text: string, parsers: readonly AnyParser[] = PARSERS): DetectedPart[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // one object shape for every block (spreading the sniff result into a copy made each block a slow
  // dictionary-mode object, and cost more than the cutting itself)
  const blocks: Block[] = cut(text).map((b) => {
    const sniffed = sniffBlock(text.slice(b.start, b.end), parsers);
    return {
      start: b.start,
      end: b.end,
      lines: b.lines,
      before: b.before,
      prompt: b.prompt,
      kind: sniffed.kind,
      score: sniffed.score,
    };
  });
  return merge(blocks).map((b) => ({
    start: b.start,
    end: b.end,
    kind: b.kind,
    confidence: b.kind === 'unknown' ? 'low' : confidenceOf(b.score),
    score: Math.round(b.score * 1000) / 1000,
  }));
}
