/**
 * The collector's output (knowledge/collector.ts documents the format): one block per machine that starts
 * with `===== 10054 troubleshooter collector v1 =====`, a few `Label: value` header lines, then
 * `----- <section-id>[ <instance>[ <detail>]] -----` sections, and ends with
 * `===== end of collector output =====`. Several blocks (server and client) may be pasted together.
 *
 * splitCollectorOutput() finds the blocks and sections (linear, line by line, never throws);
 * parseCollectorOutput() runs the existing parser of each section's kind on it, with offsets into the
 * whole text, and tags each part with the machine and the side (server / client) it describes. Lines
 * starting with `#` (the script's "# not found" and "# note" lines) are blanked before a parser sees a
 * section, so they are never read as data; offsets do not move.
 */
import { COLLECTOR_SECTIONS, PER_INSTANCE_SECTIONS } from '../knowledge/collector';
import type { ArtifactKind, Evidence, ParseResult, Problem } from '../model';
import { certificateParser } from './certificate';
import { cipherSuitesParser } from './cipher-suites';
import { errorlogParser } from './errorlog';
import { osVersionParser } from './os-version';
import { readRegistryText } from './registry-text';
import { schannelEventParser } from './schannel-event';
import { schannelProtocolsParser } from './schannel-protocols';
import { sqlVersionParser } from './sql-version';
import type { ArtifactParser } from './types';

export type CollectorSide = 'server' | 'client' | 'unknown';

export interface CollectorHeader {
  /** format version from the begin marker (1), null when the marker is missing */
  version: number | null;
  machine: string | null;
  domain: string | null;
  /** as printed (UTC ISO 8601) */
  collectedAt: string | null;
  psVersion: string | null;
  elevated: boolean | null;
  /** server: SQL Server instances are installed on this machine */
  role: 'server' | 'client' | null;
  instances: string[];
  /** span of the block (begin marker to end marker or the next block), offsets into the whole text */
  start: number;
  end: number;
  /** the end marker was found */
  complete: boolean;
}

export interface CollectorSection {
  /** the section id as printed, e.g. 'sql-instance' */
  id: string;
  /** a documented section id */
  known: boolean;
  /** SQL Server instance name for per-instance sections */
  instance: string | null;
  /** the rest of the marker line, e.g. 'configured' / 'loaded' for sql-certificate */
  detail: string | null;
  /** span of the section's content (the lines after its marker), offsets into the whole text */
  start: number;
  end: number;
  /** the marker line */
  markerStart: number;
  markerEnd: number;
  /** which existing parser reads it ('unknown': the collector reads it itself) */
  kind: ArtifactKind;
  side: CollectorSide;
  /** index into `blocks` */
  block: number;
  machine: string | null;
  /** nothing but comments or blank lines */
  empty: boolean;
}

export interface CollectorSplit {
  /** the first block's header (an all-null header when the text has none) */
  header: CollectorHeader;
  blocks: CollectorHeader[];
  sections: CollectorSection[];
  problems: Problem[];
}

export interface CollectorPart {
  section: CollectorSection;
  kind: ArtifactKind;
  start: number;
  end: number;
  machine: string | null;
  side: CollectorSide;
  /** offsets in evidence and problems are into the whole text */
  result: ParseResult<ArtifactKind, object>;
}

export interface DotnetKeySetting {
  /** e.g. 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' */
  key: string;
  wow64: boolean;
  schUseStrongCrypto: number | null;
  systemDefaultTlsVersions: number | null;
}

/** What the collector reads itself (sections no other parser reads), per block. */
export interface CollectorFacts {
  machine: string | null;
  side: CollectorSide;
  hotfixes: { installed: string[]; missing: string[]; recent: string[] } | null;
  dotnet: DotnetKeySetting[] | null;
  instances: { name: string; id: string | null }[];
}

export interface CollectorAnalysis {
  header: CollectorHeader;
  blocks: CollectorHeader[];
  parts: CollectorPart[];
  facts: CollectorFacts[];
  problems: Problem[];
}

const SECTION_KIND: Record<string, ArtifactKind> = {
  'os-version': 'os-version',
  hotfixes: 'unknown',
  'schannel-protocols': 'schannel-protocols',
  'cipher-suites-cmdlet': 'cipher-suites',
  'cipher-suites-registry': 'cipher-suites',
  'dotnet-tls': 'unknown',
  'sql-instances': 'unknown',
  'sql-instance': 'sql-version',
  'sql-certificate': 'certificate',
  errorlog: 'errorlog',
  'schannel-events': 'schannel-event',
};

const SERVER_ONLY = new Set<string>(PER_INSTANCE_SECTIONS);
const KNOWN = new Set<string>(COLLECTOR_SECTIONS);

const PARSER_OF: Partial<Record<ArtifactKind, ArtifactParser<ArtifactKind, object>>> = {
  'os-version': osVersionParser as ArtifactParser<ArtifactKind, object>,
  'schannel-protocols': schannelProtocolsParser as ArtifactParser<ArtifactKind, object>,
  'cipher-suites': cipherSuitesParser as ArtifactParser<ArtifactKind, object>,
  'sql-version': sqlVersionParser as ArtifactParser<ArtifactKind, object>,
  certificate: certificateParser as ArtifactParser<ArtifactKind, object>,
  errorlog: errorlogParser as ArtifactParser<ArtifactKind, object>,
  'schannel-event': schannelEventParser as ArtifactParser<ArtifactKind, object>,
};

const BEGIN = /^[ \t]{0,8}={5} 10054 troubleshooter collector v(\d{1,3}) ={5}[ \t]*$/;
const END = /^[ \t]{0,8}={5} end of collector output ={5}[ \t]*$/;
const SECTION = /^[ \t]{0,8}-{5} ([a-z][a-z0-9-]{0,39})((?: [^ \t\r\n]{1,128}){0,3}) -{5}[ \t]*$/;
const HEADER_LINE = /^[ \t]{0,8}(Machine|Domain|Collected|PowerShell|Elevated|Role):[ \t]?([^\r\n]{0,300})$/;
/** Only this much of a line is examined for markers (a marker line is short). */
const LINE_CAP = 400;

function emptyHeader(start: number, end: number): CollectorHeader {
  return {
    version: null,
    machine: null,
    domain: null,
    collectedAt: null,
    psVersion: null,
    elevated: null,
    role: null,
    instances: [],
    start,
    end,
    complete: false,
  };
}

interface Line {
  start: number;
  end: number;
  /** capped text without the line break */
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    out.push({ start: pos, end, text: text.slice(pos, Math.min(end, pos + LINE_CAP)) });
    if (nl >= n) break;
    pos = nl + 1;
  }
  return out;
}

/** True when the text holds collector output (the begin marker, or two documented section markers). */
export function isCollectorOutput(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  const head = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  for (const line of linesHolding(head, 'troubleshooter collector v')) if (BEGIN.test(line)) return true;
  let known = 0;
  for (const line of linesHolding(head, '----- ')) {
    const m = SECTION.exec(line);
    if (m && KNOWN.has(m[1]!) && ++known >= 2) return true;
  }
  return false;
}

/**
 * The text of each line (as lines() gives it: CR dropped, capped at LINE_CAP) that holds `word` within its
 * cap: found with indexOf, so a long paste that is not collector output is not cut into line objects.
 */
function* linesHolding(text: string, word: string): Generator<string> {
  let from = 0;
  while (from < text.length) {
    const at = text.indexOf(word, from);
    if (at < 0) return;
    const start = text.lastIndexOf('\n', at - 1) + 1;
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const line = text.slice(start, Math.min(end, start + LINE_CAP));
    if (line.includes(word)) yield line;
    from = nl + 1;
  }
}

function isCommentOrBlank(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) i++;
  return i >= end || text.charCodeAt(i) === 35;
}

/** Finds the blocks and sections of collector output. Never throws; linear in the length of the text. */
export function splitCollectorOutput(text: string): CollectorSplit {
  const input = typeof text === 'string' ? text : '';
  const problems: Problem[] = [];
  const blocks: CollectorHeader[] = [];
  const sections: CollectorSection[] = [];
  let current: CollectorHeader | null = null;
  let open: (CollectorSection & { lastContent: number; hasData: boolean }) | null = null;
  let inHeader = false;

  const closeSection = (at: number) => {
    if (!open) return;
    const { lastContent, hasData, ...section } = open;
    section.end = Math.max(section.start, Math.min(at, lastContent));
    section.empty = !hasData;
    sections.push(section);
    open = null;
  };
  const closeBlock = (at: number) => {
    if (current) current.end = at;
  };
  const ensureBlock = (at: number): CollectorHeader => {
    if (!current) {
      current = emptyHeader(at, input.length);
      blocks.push(current);
      problems.push({
        code: 'collector-header-missing',
        severity: 'warning',
        message:
          'The collector output starts without its "===== 10054 troubleshooter collector v1 =====" line, so which machine it describes is not known. Copy it from the first ===== line.',
        start: at,
        end: at,
      });
    }
    return current;
  };

  for (const line of lines(input)) {
    const t = line.text;
    const first = t.trimStart().charCodeAt(0);
    if (first === 61 /* = */) {
      const b = BEGIN.exec(t);
      if (b) {
        closeSection(line.start);
        if (current && !(current as CollectorHeader).complete) {
          closeBlock(line.start);
          problems.push({
            code: 'collector-truncated',
            severity: 'warning',
            message:
              'A collector block ends without "===== end of collector output =====" before the next one begins: its last section may be cut.',
            start: (current as CollectorHeader).start,
            end: line.start,
          });
        }
        current = emptyHeader(line.start, input.length);
        current.version = Number(b[1]);
        blocks.push(current);
        inHeader = true;
        if (current.version > 1)
          problems.push({
            code: 'collector-newer-version',
            severity: 'info',
            message: `This output comes from collector version ${current.version}; this app reads version 1 and may miss new sections.`,
            start: line.start,
            end: line.end,
          });
        continue;
      }
      if (END.test(t)) {
        closeSection(line.start);
        const block = ensureBlock(line.start);
        block.complete = true;
        block.end = line.end;
        inHeader = false;
        current = null;
        continue;
      }
    }
    if (first === 45 /* - */ && t.includes('----- ')) {
      const m = SECTION.exec(t);
      if (m) {
        closeSection(line.start);
        const block = ensureBlock(line.start);
        inHeader = false;
        const id = m[1]!;
        const args = m[2]!.trim().split(' ').filter(Boolean);
        const known = KNOWN.has(id);
        const perInstance = (PER_INSTANCE_SECTIONS as readonly string[]).includes(id);
        const instance = perInstance ? (args[0] ?? null) : null;
        const detail = (perInstance ? args.slice(1) : args).join(' ') || null;
        const side: CollectorSide = SERVER_ONLY.has(id) ? 'server' : (block.role ?? 'unknown');
        if (!known)
          problems.push({
            code: 'collector-unknown-section',
            severity: 'info',
            message: `"${id}" is not a section this app knows; it was left unread.`,
            start: line.start,
            end: line.end,
          });
        const contentStart =
          line.end < input.length ? input.indexOf('\n', line.end) + 1 || input.length : input.length;
        open = {
          id,
          known,
          instance,
          detail,
          start: contentStart,
          end: contentStart,
          markerStart: line.start,
          markerEnd: line.end,
          kind: known ? (SECTION_KIND[id] ?? 'unknown') : 'unknown',
          side,
          block: blocks.indexOf(block),
          machine: block.machine,
          empty: true,
          lastContent: contentStart,
          hasData: false,
        };
        continue;
      }
    }
    if (inHeader && current) {
      const h = HEADER_LINE.exec(t);
      if (h) {
        const value = h[2]!.trim();
        const header = current as CollectorHeader;
        switch (h[1]) {
          case 'Machine':
            header.machine = value || null;
            break;
          case 'Domain':
            header.domain = value || null;
            break;
          case 'Collected':
            header.collectedAt = value || null;
            break;
          case 'PowerShell':
            header.psVersion = value || null;
            break;
          case 'Elevated':
            header.elevated = /^true$/i.test(value) ? true : /^false$/i.test(value) ? false : null;
            break;
          case 'Role': {
            header.role = /^server\b/i.test(value) ? 'server' : /^client\b/i.test(value) ? 'client' : null;
            const list = /instances?:\s*([^)]{1,1000})\)/i.exec(value);
            if (list)
              header.instances = list[1]!
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
            break;
          }
        }
      }
      continue;
    }
    if (open) {
      const o = open as CollectorSection & { lastContent: number; hasData: boolean };
      if (!isCommentOrBlank(input, line.start, line.end)) o.hasData = true;
      if (line.end > line.start) o.lastContent = line.end;
    }
  }
  closeSection(input.length);
  if (current && !(current as CollectorHeader).complete) {
    closeBlock(input.length);
    problems.push({
      code: 'collector-truncated',
      severity: 'warning',
      message:
        'The collector output ends before "===== end of collector output =====": it was cut when copied, so the last section may be incomplete. Copy everything down to the last ===== line.',
      start: (current as CollectorHeader).start,
      end: input.length,
    });
  }
  const header = blocks[0] ?? emptyHeader(0, input.length);
  return { header, blocks, sections, problems };
}

/** The section text with comment lines blanked (same length, so offsets hold). */
function masked(text: string, start: number, end: number): string {
  const body = text.slice(start, end);
  if (!body.includes('#')) return body;
  let out = '';
  let pos = 0;
  while (pos <= body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = body.length;
    const line = body.slice(pos, nl);
    out += /^[ \t]*#/.test(line) ? ' '.repeat(line.length) : line;
    if (nl >= body.length) break;
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

function shift(
  text: string,
  start: number,
  end: number,
  result: ParseResult<ArtifactKind, object>,
): ParseResult<ArtifactKind, object> {
  const clamp = (v: number | undefined, fallback: number) => {
    const x = start + (Number.isFinite(v) ? (v as number) : fallback);
    return Math.max(start, Math.min(end, x));
  };
  const evidence: Evidence[] = (Array.isArray(result.evidence) ? result.evidence : []).map((ev) => {
    const s = clamp(ev.start, 0);
    const e = Math.max(s, clamp(ev.end, 0));
    return { ...ev, start: s, end: e, text: text.slice(s, e) };
  });
  const problems: Problem[] = (Array.isArray(result.problems) ? result.problems : []).map((p) => {
    if (p.start === undefined && p.end === undefined) return p;
    const s = clamp(p.start, 0);
    return { ...p, start: s, end: Math.max(s, clamp(p.end ?? p.start, 0)) };
  });
  return { kind: result.kind, facts: result.facts ?? {}, evidence, problems };
}

function notCollected(text: string, section: CollectorSection): ParseResult<ArtifactKind, object> {
  const body = text.slice(section.start, section.end);
  const m = /#[ \t]*not found:[ \t]*([^\r\n]{1,300})/.exec(body);
  const problem: Problem = {
    code: 'collector-not-found',
    severity: 'info',
    message: m
      ? `The collector could not read this item: ${m[1]!.trim()}.`
      : `The collector printed nothing for section ${section.id}.`,
    // inside the section's own span (the part analyzeText reports), never on the marker line before it
    start: m ? section.start + m.index : section.start,
    end: m ? section.start + m.index + m[0].length : section.end,
  };
  return { kind: 'unknown', facts: {}, evidence: [], problems: [problem] };
}

function readHotfixes(body: string): CollectorFacts['hotfixes'] {
  const installed: string[] = [];
  const missing: string[] = [];
  const recent: string[] = [];
  for (const line of body.split('\n')) {
    const i = /^[ \t]*Installed:[ \t]*(KB\d{6,8})/i.exec(line);
    if (i) installed.push(i[1]!.toUpperCase());
    const r = /^[ \t]*Recent:[ \t]*(KB\d{6,8})/i.exec(line);
    if (r) recent.push(r[1]!.toUpperCase());
    const n = /^[ \t]*#[ \t]*not found:[ \t]*(KB\d{6,8})/i.exec(line);
    if (n) missing.push(n[1]!.toUpperCase());
  }
  return { installed, missing, recent };
}

function readDotnet(body: string): DotnetKeySetting[] {
  const read = readRegistryText(body);
  return read.keys
    .filter((k) => /\\\.NETFramework\\v\d/i.test(k.canonical))
    .map((k) => {
      const value = (name: string) => k.values.find((v) => v.name.toLowerCase() === name)?.number ?? null;
      return {
        key: k.canonical,
        wow64: /\\WOW6432Node\\/i.test(k.canonical),
        schUseStrongCrypto: value('schusestrongcrypto'),
        systemDefaultTlsVersions: value('systemdefaulttlsversions'),
      };
    });
}

function readInstances(body: string): { name: string; id: string | null }[] {
  const out: { name: string; id: string | null }[] = [];
  for (const line of body.split('\n')) {
    const m = /^[ \t]*Instance[ \t]*:[ \t]*(\S{1,128})(?:[ \t]+(\S{1,128}))?/.exec(line);
    if (m) out.push({ name: m[1]!, id: m[2] ?? null });
  }
  return out;
}

/**
 * Parses every section with the parser of its kind. Offsets are into the whole text; each part carries
 * the machine and side it describes. Never throws.
 */
export async function parseCollectorOutput(text: string): Promise<CollectorAnalysis> {
  const input = typeof text === 'string' ? text : '';
  let split: CollectorSplit;
  try {
    split = splitCollectorOutput(input);
  } catch (error) {
    const header = emptyHeader(0, input.length);
    return {
      header,
      blocks: [],
      parts: [],
      facts: [],
      problems: [
        {
          code: 'collector-unreadable',
          severity: 'error',
          message: `The collector output could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
        },
      ],
    };
  }
  const problems = [...split.problems];
  const facts: CollectorFacts[] = split.blocks.map((b) => ({
    machine: b.machine,
    side: b.role ?? 'unknown',
    hotfixes: null,
    dotnet: null,
    instances: [],
  }));
  const parts: CollectorPart[] = [];
  for (const section of split.sections) {
    const body = input.slice(section.start, section.end);
    const blockFacts = facts[section.block];
    if (blockFacts && section.id === 'hotfixes' && !section.empty) blockFacts.hotfixes = readHotfixes(body);
    if (blockFacts && section.id === 'dotnet-tls') blockFacts.dotnet = readDotnet(body);
    if (blockFacts && section.id === 'sql-instances') blockFacts.instances = readInstances(body);
    const parser = PARSER_OF[section.kind];
    let result: ParseResult<ArtifactKind, object>;
    if (section.empty) result = notCollected(input, section);
    else if (!parser) result = { kind: section.kind, facts: {}, evidence: [], problems: [] };
    else {
      try {
        const raw = await parser.parse(masked(input, section.start, section.end));
        result = shift(input, section.start, section.end, raw);
      } catch (error) {
        result = {
          kind: section.kind,
          facts: {},
          evidence: [],
          problems: [
            {
              code: 'parser-failed',
              severity: 'error',
              message: `Section ${section.id} could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
              start: section.start,
              end: section.end,
            },
          ],
        };
      }
    }
    parts.push({
      section,
      kind: result.kind,
      start: section.start,
      end: section.end,
      machine: section.machine,
      side: section.side,
      result,
    });
  }
  return { header: split.header, blocks: split.blocks, parts, facts, problems };
}
