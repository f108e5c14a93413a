/**
 * Cipher-suite lists in every shape users paste: `Get-TlsCipherSuite` (list or table), the `Functions`
 * value (reg query REG_MULTI_SZ with `\0`, `.reg` hex(7) UTF-16LE, GPO comma list, Get-ItemPropertyValue one
 * per line), OpenSSL names and `openssl ciphers -v`, IANA / Windows names (curve suffixes stripped), hex and
 * decimal ids, nmap ssl-enum-ciphers. Normalised to IANA names in the pasted order.
 */
import type { ProtocolName } from '../ids';
import type { Evidence, ParseResult, Problem } from '../model';
import {
  formatSuiteId,
  isDhe,
  suiteById,
  suiteByName,
  suiteByOpenssl,
  suiteProtocols,
  type Authentication,
  type CipherSuiteInfo,
  type KeyExchange,
  type WeakReason,
} from '../knowledge-tables/cipher-suites';
import {
  cleanText,
  evidenceFor,
  LineCursor,
  readRegistryText,
  toOriginal,
  type CleanText,
  type RegValue,
} from './registry-text';
import type { ArtifactParser } from './types';
import { mayHold, PhraseSet, withoutNuls } from './text/phrases';

export type CipherListFormat =
  | 'get-tlsciphersuite'
  | 'registry-functions'
  | 'openssl'
  | 'nmap'
  | 'names'
  | 'hex-ids'
  | 'decimal-ids'
  | 'mixed'
  | 'none';

export interface SuiteDetail {
  /** IANA name */
  name: string;
  id: number;
  /** "0xC02F" */
  idHex: string;
  openssl: string | null;
  keyExchange: KeyExchange;
  auth: Authentication;
  cipher: string;
  mac: string;
  minTls: ProtocolName;
  maxTls: ProtocolName;
  /** protocol versions it can be negotiated with */
  versions: ProtocolName[];
  weak: WeakReason[];
  dhe: boolean;
  tls13: boolean;
  /** Windows curve suffixes seen for it (`_P256`, ...) */
  curves: string[];
  /** how it was written first */
  written: string;
  /** nmap: the protocol sections it was listed under */
  offeredWith?: ProtocolName[];
}

export interface CipherSuitesFacts {
  /** IANA names, in order, without duplicates or signalling values */
  suites: string[];
  hasDhe: boolean;
  /** holds TLS 1.3 suites */
  tls13: boolean;
  details: SuiteDetail[];
  dheSuites: string[];
  /** a DHE suite comes before every ECDHE suite (TLS 1.2 and older part of the list) */
  dhePreferred: boolean;
  weakSuites: string[];
  /** names that look like cipher suites but are not known */
  unknown: string[];
  format: CipherListFormat;
  /** which registry list these are, when the paste says: GPO policy wins over the local list */
  source: 'policy' | 'local' | null;
  lists: { policy: string[] | null; local: string[] | null };
  /** the list was cut (PowerShell `...`) */
  truncated: boolean;
}

const NMAP_VERSIONS: Record<string, ProtocolName> = {
  SSLV2: 'SSL 2.0',
  SSLV3: 'SSL 3.0',
  'TLSV1.0': 'TLS 1.0',
  'TLSV1.1': 'TLS 1.1',
  'TLSV1.2': 'TLS 1.2',
  'TLSV1.3': 'TLS 1.3',
};

interface Hit {
  info: CipherSuiteInfo;
  curve?: string;
  written: string;
  start: number;
  end: number;
  version?: ProtocolName;
}

const isGrease = (id: number) => (id & 0x0f0f) === 0x0a0a && id >> 12 === ((id >> 4) & 0x0f);

const SUITE_SHAPE = /^(TLS|SSL)_[A-Z0-9_]{4,}$/i;

function looksLikeSuite(w: string): boolean {
  if (!SUITE_SHAPE.test(w)) return false;
  const u = w.toUpperCase();
  return u.includes('_WITH_') || /^TLS_(AES|CHACHA|SM4)/.test(u);
}

interface Word {
  w: string;
  start: number;
  end: number;
}

/** Word runs of [A-Za-z0-9_-], splitting on a literal `\0`. Linear. */
function words(t: string, base: number, cap = 65_536): Word[] {
  const out: Word[] = [];
  const n = Math.min(t.length, cap);
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    const isW = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
    if (!isW) {
      if (c === 92 && t.charCodeAt(i + 1) === 48) i += 2;
      else i++;
      continue;
    }
    let j = i;
    while (j < n) {
      const d = t.charCodeAt(j);
      if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || d === 45) j++;
      else break;
    }
    if (j - i <= 100) out.push({ w: t.slice(i, j), start: base + i, end: base + j });
    i = j;
  }
  return out;
}

function nameHit(w: Word): Hit | 'unknown' | null {
  const u = w.w.toUpperCase();
  if (u.startsWith('TLS_') || u.startsWith('SSL_')) {
    const r = suiteByName(u);
    if (r)
      return {
        info: r.suite,
        ...(r.curve ? { curve: r.curve } : {}),
        written: w.w,
        start: w.start,
        end: w.end,
      };
    return looksLikeSuite(u) ? 'unknown' : null;
  }
  if (u.includes('-')) {
    const s = suiteByOpenssl(u);
    if (s) return { info: s, written: w.w, start: w.start, end: w.end };
  }
  return null;
}

function scanLines(text: string, unknown: { name: string; start: number; end: number }[]) {
  // two passes over the lines, each with its own cursor (no array of every line of a long paste)
  const lines = () => new LineCursor(text, 65_536);
  const hits: Hit[] = [];
  const used = new Set<'names' | 'openssl' | 'hex' | 'decimal' | 'nmap' | 'tlscmdlet'>();
  const lower = text.length > 300_000 ? text.slice(0, 300_000).toLowerCase() : text.toLowerCase();
  // Get-TlsCipherSuite list: take the Name lines only (BaseCipherSuite/CipherSuite are the same suite as numbers)
  let nameLines = 0;
  let suiteLines = 0;
  // (a pass only when the text holds either word at all; first-letter checks: most lines start with neither)
  const mayCount = text.includes('Name') || text.includes('CipherSuite');
  for (const l = lines(); mayCount && l.advance();) {
    const c0 = l.text.charCodeAt(0);
    if (c0 === 78 && /^Name\s*:/.test(l.text)) nameLines++;
    else if (c0 === 67 && /^CipherSuite\s*:/.test(l.text)) suiteLines++;
  }
  const cmdletList =
    nameLines + suiteLines > 0 &&
    (suiteLines > 0 || /^[ \t]*(KeyType|Exchange|Protocols)[ \t]*:/m.test(lower.slice(0, 20000)));
  const decimalContext = lower.includes('ciphersuite');
  let nmapVersion: ProtocolName | undefined;
  for (const line = lines(); line.advance();) {
    const t = line.text;
    // an empty line matches no pattern below
    if (t.length === 0) continue;
    if (cmdletList) {
      const m = /^(Name|CipherSuite)(\s*:\s*)(\S.*)?$/.exec(t);
      if (!m || !m[3]) continue;
      const col = m[1]!.length + m[2]!.length;
      const val = m[3].trim();
      if (m[1] === 'Name') {
        const hit = nameHit({ w: val, start: line.start + col, end: line.start + col + val.length });
        if (hit && hit !== 'unknown') hits.push(hit);
        else if (val)
          unknown.push({ name: val, start: line.start + col, end: line.start + col + val.length });
        used.add('tlscmdlet');
      } else if (nameLines === 0 && /^\d{1,6}$/.test(val)) {
        const s = suiteById(Number(val));
        if (s)
          hits.push({ info: s, written: val, start: line.start + col, end: line.start + col + val.length });
        else unknown.push({ name: val, start: line.start + col, end: line.start + col + val.length });
        used.add('tlscmdlet');
      }
      continue;
    }
    // nothing a suite name, id or nmap header could be made of
    if (!/[0-9_-]/.test(t)) continue;
    // nmap section header "|   TLSv1.2:"
    const nm = /^[|\s]*(SSLv2|SSLv3|TLSv1\.[0-3]):\s*$/i.exec(t);
    if (nm) {
      nmapVersion = NMAP_VERSIONS[nm[1]!.toUpperCase()];
      used.add('nmap');
      continue;
    }
    const ws = words(t, line.start);
    const lineHits: Hit[] = [];
    for (const w of ws) {
      const h = nameHit(w);
      if (h === 'unknown') unknown.push({ name: w.w, start: w.start, end: w.end });
      else if (h) {
        if (nmapVersion) h.version = nmapVersion;
        lineHits.push(h);
        used.add(w.w.includes('-') && !w.w.toUpperCase().startsWith('TLS_') ? 'openssl' : 'names');
      }
    }
    if (lineHits.length) {
      hits.push(...lineHits);
      continue;
    }
    // hex ids: 0xC02F, {0xC0,0x2F}, 0xC0,0x2F, c0,2f
    let hexFound = false;
    for (let k = 0; k < ws.length; k++) {
      const w = ws[k]!.w;
      if (/^0x[0-9a-f]{4}$/i.test(w)) {
        const id = Number.parseInt(w.slice(2), 16);
        hexFound = true;
        if (isGrease(id)) continue;
        const s = suiteById(id);
        if (s) hits.push({ info: s, written: w, start: ws[k]!.start, end: ws[k]!.end });
        else unknown.push({ name: w, start: ws[k]!.start, end: ws[k]!.end });
      } else if (/^0x[0-9a-f]{2}$/i.test(w) && /^0x[0-9a-f]{2}$/i.test(ws[k + 1]?.w ?? '')) {
        const between = t.slice(ws[k]!.end - line.start, ws[k + 1]!.start - line.start);
        if (/^\s*,\s*$/.test(between)) {
          const id = Number.parseInt(w.slice(2) + ws[k + 1]!.w.slice(2), 16);
          hexFound = true;
          k++;
          if (isGrease(id)) continue;
          const s = suiteById(id);
          if (s)
            hits.push({
              info: s,
              written: t.slice(ws[k - 1]!.start - line.start, ws[k]!.end - line.start),
              start: ws[k - 1]!.start,
              end: ws[k]!.end,
            });
          else unknown.push({ name: w + ',' + ws[k]!.w, start: ws[k - 1]!.start, end: ws[k]!.end });
        }
      }
    }
    if (hexFound) {
      used.add('hex');
      continue;
    }
    const bare = /^[\s{([]*([0-9a-f]{2})\s*,\s*([0-9a-f]{2})[\s})\],]*$/i.exec(t);
    if (bare) {
      const id = Number.parseInt(bare[1]! + bare[2]!, 16);
      if (isGrease(id)) continue;
      const s = suiteById(id);
      const at = t.indexOf(bare[1]!);
      const endAt = t.lastIndexOf(bare[2]!) + 2;
      if (s)
        hits.push({ info: s, written: t.slice(at, endAt), start: line.start + at, end: line.start + endAt });
      used.add('hex');
      continue;
    }
    if (decimalContext) {
      const dm = /^\s*(\d{1,5})\s*$/.exec(t);
      if (dm) {
        const s = suiteById(Number(dm[1]));
        const at = t.indexOf(dm[1]!);
        if (s)
          hits.push({
            info: s,
            written: dm[1]!,
            start: line.start + at,
            end: line.start + at + dm[1]!.length,
          });
        used.add('decimal');
      }
    }
  }
  let format: CipherListFormat = 'none';
  if (used.has('tlscmdlet')) format = 'get-tlsciphersuite';
  else if (used.has('nmap')) format = 'nmap';
  else if (used.size === 1) {
    const only = [...used][0];
    format =
      only === 'names'
        ? 'names'
        : only === 'openssl'
          ? 'openssl'
          : only === 'hex'
            ? 'hex-ids'
            : 'decimal-ids';
  } else if (used.size > 1) format = used.has('openssl') && !used.has('hex') ? 'openssl' : 'mixed';
  return { hits, format };
}

/**
 * `name.toLowerCase() === 'functions'`, with names of another length passed over first (lower-casing keeps
 * the length of every character but U+0130, which becomes i + U+0307 and so never gives 'functions').
 */
function isFunctions(name: string): boolean {
  return name.length === 9 && name.toLowerCase() === 'functions';
}

function itemsOf(v: RegValue): { value: string; start: number; end: number }[] {
  if (v.items) return v.items;
  // REG_SZ comma list (GPO)
  const out: { value: string; start: number; end: number }[] = [];
  const raw = v.text;
  const base = v.dataStart;
  let i = 0;
  while (i <= raw.length) {
    let j = raw.indexOf(',', i);
    if (j < 0) j = raw.length;
    const piece = raw.slice(i, j);
    const lead = piece.length - piece.trimStart().length;
    const val = piece.trim();
    if (val) out.push({ value: val, start: base + i + lead, end: base + i + lead + val.length });
    i = j + 1;
  }
  return out;
}

function detailOf(h: Hit): SuiteDetail {
  const s = h.info;
  return {
    name: s.iana,
    id: s.id,
    idHex: formatSuiteId(s.id),
    openssl: s.openssl,
    keyExchange: s.keyExchange,
    auth: s.auth,
    cipher: s.cipher,
    mac: s.mac,
    minTls: s.minTls,
    maxTls: s.maxTls,
    versions: suiteProtocols(s),
    weak: s.weak,
    dhe: isDhe(s),
    tls13: s.keyExchange === 'TLS13',
    curves: h.curve ? [h.curve] : [],
    written: h.written,
    ...(h.version ? { offeredWith: [h.version] } : {}),
  };
}

function dedupe(
  hits: Hit[],
  evidence: Evidence[],
  original: string,
  c: CleanText,
  label: string,
): SuiteDetail[] {
  const byName = new Map<string, SuiteDetail>();
  const out: SuiteDetail[] = [];
  for (const h of hits) {
    if (h.info.signalling) continue;
    const prev = byName.get(h.info.iana);
    if (prev) {
      if (h.curve && !prev.curves.includes(h.curve)) prev.curves.push(h.curve);
      if (h.version) {
        prev.offeredWith = prev.offeredWith ?? [];
        if (!prev.offeredWith.includes(h.version)) prev.offeredWith.push(h.version);
      }
      continue;
    }
    const d = detailOf(h);
    byName.set(d.name, d);
    out.push(d);
    const idx = out.length - 1;
    const kx = d.tls13
      ? 'a TLS 1.3 suite'
      : d.dhe
        ? 'a DHE (Diffie-Hellman) suite'
        : `a ${d.keyExchange} key-exchange suite`;
    const asWritten = d.written.toUpperCase() === d.name ? '' : ` (${d.name})`;
    evidence.push(
      evidenceFor(
        original,
        c,
        h.start,
        h.end,
        `${label} #${idx + 1}: ${d.written}${asWritten}, ${kx}.`,
        `suites.${idx}`,
      ),
    );
  }
  return out;
}

/** every pattern of sniffCipherSuites needs one of these (lower-cased; 'cipher' covers ssl-enum-ciphers and CipherSuite) */
const SNIFF_GATE = new PhraseSet(['tls_', 'dhe-', 'edh-', 'functions', 'cipher']);

export function sniffCipherSuites(text: string): number {
  if (!mayHold(text, 100_000, SNIFF_GATE)) return 0;
  const head = withoutNuls(text.length > 100_000 ? text.slice(0, 100_000) : text);
  if (/ssl-enum-ciphers/.test(head)) return 0.95;
  let n = 0;
  const re =
    /\b(?:TLS_(?:ECDHE|DHE|RSA|ECDH|AES|CHACHA20)_[A-Z0-9_]{4,60}|(?:ECDHE|DHE|EDH)-(?:RSA|ECDSA|DSS)-[A-Z0-9-]{3,40})/g;
  while (re.exec(head) && n < 10) n++;
  const functions = /\bFunctions\b/i.test(head) && /hex\(7\)|REG_MULTI_SZ|REG_SZ|00010002/i.test(head);
  if (functions) return 0.95;
  // Get-TlsCipherSuite's list: "CipherSuite : 49196", a decimal number (event 36880's "CipherSuite: 0xC030"
  // is the one suite a handshake negotiated, not a list)
  if (/^[ \t]*CipherSuite[ \t]*:[ \t]*\d+[ \t]*\r?$/m.test(head)) return 0.9;
  if (n >= 3) return 0.85;
  if (n >= 1) return 0.4;
  if (/0x(?:c0|00|13|cc)[0-9a-f]{2}\b/i.test(head) && /cipher/i.test(head)) return 0.3;
  return 0;
}

export function parseCipherSuites(original: string): ParseResult<'cipher-suites', CipherSuitesFacts> {
  const c = cleanText(original);
  const text = c.text;
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];
  const unknownHits: { name: string; start: number; end: number }[] = [];
  if (c.removedNuls)
    problems.push({
      code: 'utf16-decoded',
      severity: 'info',
      message:
        'The text had a NUL after each character (UTF-16 read as single bytes); it was read without them.',
    });

  let details: SuiteDetail[] = [];
  let format: CipherListFormat = 'none';
  let source: CipherSuitesFacts['source'] = null;
  const lists: CipherSuitesFacts['lists'] = { policy: null, local: null };
  let truncated = false;

  // 1. a registry listing holding the Functions value
  const lowerHead = text.slice(0, 200_000).toLowerCase();
  if (lowerHead.includes('functions')) {
    const read = readRegistryText(text);
    const fvals: { v: RegValue; where: 'policy' | 'local' | null }[] = [];
    for (const k of read.keys) {
      const p = k.canonical.toLowerCase();
      const where = p.includes('\\policies\\microsoft\\cryptography\\configuration\\ssl')
        ? 'policy'
        : p.includes('\\cryptography\\configuration\\local\\ssl')
          ? 'local'
          : null;
      for (const v of k.values) if (isFunctions(v.name)) fvals.push({ v, where });
    }
    for (const v of read.orphans) if (isFunctions(v.name)) fvals.push({ v, where: null });
    if (fvals.length) {
      const perList: { where: 'policy' | 'local' | null; details: SuiteDetail[]; ev: Evidence[] }[] = [];
      let sawPolicy = false;
      let sawLocal = false;
      for (const { v, where } of fvals) {
        const hits: Hit[] = [];
        for (const it of itemsOf(v)) {
          let value = it.value;
          if (value.endsWith('...')) {
            truncated = true;
            value = value.slice(0, -3);
            if (!value) continue;
          }
          const h = nameHit({ w: value, start: it.start, end: it.start + value.length });
          if (h && h !== 'unknown') hits.push(h);
          else if (!truncated || suiteByName(value) !== null || looksLikeSuite(value))
            unknownHits.push({ name: value, start: it.start, end: it.start + value.length });
        }
        // Only the first list, the first policy list and the first local list can be shown (see `chosen`
        // below): the others are read for their unknown names and "..." only, without building their details
        // and evidence (a paste holding the same listing many times made that most of the parse).
        const shown =
          perList.length === 0 || (where === 'policy' && !sawPolicy) || (where === 'local' && !sawLocal);
        if (where === 'policy') sawPolicy = true;
        if (where === 'local') sawLocal = true;
        const ev: Evidence[] = [];
        const label = where === 'policy' ? 'Policy (GPO) list' : where === 'local' ? 'Local list' : 'List';
        perList.push({ where, details: shown ? dedupe(hits, ev, original, c, label) : [], ev });
      }
      const policy = perList.find((l) => l.where === 'policy');
      const local = perList.find((l) => l.where === 'local');
      lists.policy = policy ? policy.details.map((d) => d.name) : null;
      lists.local = local ? local.details.map((d) => d.name) : null;
      const chosen = policy ?? local ?? perList[0]!;
      details = chosen.details;
      evidence.push(...chosen.ev);
      source = chosen.where;
      format = 'registry-functions';
      if (policy && local) {
        problems.push({
          code: 'policy-overrides-local',
          severity: 'info',
          message:
            'Both the GPO policy list and the local list are present; Windows uses the policy list, so it is the one shown.',
        });
        const localSet = new Set(lists.local);
        for (const n of lists.policy ?? [])
          if (!localSet.has(n))
            problems.push({
              code: 'policy-suite-not-local',
              severity: 'info',
              message: `Cipher Suite '${n}' appears in the Protocol List but not in the Registry List.`,
            });
      }
    }
  }

  // 2. anything else: scan lines
  if (format === 'none') {
    const r = scanLines(text, unknownHits);
    details = dedupe(r.hits, evidence, original, c, 'Suite');
    format = r.format;
    if (
      /\.\.\.\}?[ \t]*$/m.test(text.slice(0, 200_000)) &&
      /\{[^}\n]{0,2000}\.\.\.\}?/.test(text.slice(0, 200_000))
    )
      truncated = true;
  }

  const unknown: string[] = [];
  for (const u of unknownHits) {
    if (unknown.includes(u.name) || unknown.length >= 50) continue;
    unknown.push(u.name);
    problems.push({
      code: 'unknown-cipher-suite',
      severity: 'warning',
      message: `"${u.name.slice(0, 80)}" looks like a cipher suite but is not one this tool knows; it was left out.`,
      start: toOriginal(c, u.start),
      end: toOriginal(c, u.end - 1) + 1,
    });
  }
  if (truncated)
    problems.push({
      code: 'truncated-list',
      severity: 'warning',
      message:
        'PowerShell cut the list short ("..."). Run (Get-ItemPropertyValue -Path ... -Name Functions) or Get-TlsCipherSuite to see every suite.',
    });
  if (details.length === 0)
    problems.push({
      code: 'no-cipher-suites',
      severity: unknown.length ? 'warning' : 'error',
      message:
        'No cipher suite was recognised. Expected Get-TlsCipherSuite output, the Functions registry value, a GPO list, OpenSSL or IANA names, or hex ids such as 0xC02F.',
    });

  const suites = details.map((d) => d.name);
  const dheSuites = details.filter((d) => d.dhe).map((d) => d.name);
  const firstDhe = details.findIndex((d) => d.dhe);
  const firstEcdhe = details.findIndex((d) => d.keyExchange === 'ECDHE');
  const dhePreferred = firstDhe >= 0 && (firstEcdhe < 0 || firstDhe < firstEcdhe);
  if (dheSuites.length)
    problems.push({
      code: 'dhe-enabled',
      severity: 'info',
      message: `${dheSuites.length} TLS_DHE suite(s) are in this list. Between Windows versions with and without the leading-zero fix they cause intermittent resets.`,
    });

  return {
    kind: 'cipher-suites',
    facts: {
      suites,
      hasDhe: dheSuites.length > 0,
      tls13: details.some((d) => d.tls13),
      details,
      dheSuites,
      dhePreferred,
      weakSuites: details.filter((d) => d.weak.length > 0).map((d) => d.name),
      unknown,
      format,
      source,
      lists,
      truncated,
    },
    evidence,
    problems,
  };
}

export interface CommonSuite {
  name: string;
  /** protocol versions this suite can serve (narrowed to `protocols` when given) */
  versions: ProtocolName[];
  dhe: boolean;
  tls13: boolean;
  /** position in the server's list (0-based) */
  serverIndex: number;
  clientIndex: number;
}

export interface SuiteIntersection {
  /** common suites in server-preference order */
  common: CommonSuite[];
  /** the suite a Schannel server would pick for a TLS 1.2 (or the given best) handshake, or null */
  chosen: string | null;
  noneInCommon: boolean;
  /** every common suite is a DHE suite (TLS 1.3 suites aside) */
  onlyDheInCommon: boolean;
  /** the chosen TLS 1.2 suite is DHE */
  dheChosen: boolean;
  assumption: string;
}

type SuiteList = readonly string[] | Pick<CipherSuitesFacts, 'suites'>;

const namesOf = (l: SuiteList): string[] => {
  const raw = Array.isArray(l) ? (l as string[]) : (l as Pick<CipherSuitesFacts, 'suites'>).suites;
  const out: string[] = [];
  for (const n of raw) {
    const s = suiteByName(n)?.suite ?? suiteByOpenssl(n);
    const name = s ? s.iana : n.toUpperCase();
    if (!out.includes(name)) out.push(name);
  }
  return out;
};

/**
 * Suites both sides have, in the SERVER's order. Assumption: Schannel as a TLS server picks the first suite
 * of its own priority list that the client also offers (server preference, Windows' default behaviour);
 * OpenSSL/Java servers with client preference would pick differently. `protocols`, when given, are the
 * versions both sides have enabled: common suites that cannot run on any of them are left out.
 */
export function intersectSuites(
  client: SuiteList,
  server: SuiteList,
  options: { protocols?: readonly ProtocolName[] } = {},
): SuiteIntersection {
  const c = namesOf(client);
  const s = namesOf(server);
  const cIndex = new Map(c.map((n, i) => [n, i] as const));
  const common: CommonSuite[] = [];
  s.forEach((n, serverIndex) => {
    const clientIndex = cIndex.get(n);
    if (clientIndex === undefined) return;
    const info = suiteByName(n)?.suite;
    if (info?.signalling) return;
    let versions = info ? suiteProtocols(info) : [];
    if (options.protocols) versions = versions.filter((v) => options.protocols!.includes(v));
    if (options.protocols && versions.length === 0) return;
    common.push({
      name: n,
      versions,
      dhe: info ? isDhe(info) : n.includes('_DHE_'),
      tls13: info?.keyExchange === 'TLS13',
      serverIndex,
      clientIndex,
    });
  });
  const legacy = common.filter((x) => !x.tls13);
  const chosenLegacy = legacy[0] ?? null;
  const chosen =
    (options.protocols?.includes('TLS 1.3') ? common.find((x) => x.tls13) : undefined) ??
    chosenLegacy ??
    common[0] ??
    null;
  return {
    common,
    chosen: chosen ? chosen.name : null,
    noneInCommon: common.length === 0,
    onlyDheInCommon: legacy.length > 0 && legacy.every((x) => x.dhe),
    dheChosen: chosen ? chosen.dhe : false,
    assumption:
      "Server preference: Schannel as a server chooses the first suite in its own order that the client offers. OpenSSL or Java servers may honour the client's order instead.",
  };
}

function safeParse(text: string): ParseResult<'cipher-suites', CipherSuitesFacts> {
  try {
    return parseCipherSuites(typeof text === 'string' ? text : String(text));
  } catch (e) {
    const r = parseCipherSuites('');
    r.problems = [
      {
        code: 'internal-error',
        severity: 'error',
        message: `The list could not be read (${String(e).slice(0, 200)}).`,
      },
    ];
    return r;
  }
}

export const cipherSuitesParser: ArtifactParser<'cipher-suites', CipherSuitesFacts> = {
  kind: 'cipher-suites',
  // the highest return of sniffCipherSuites
  sniffMax: 0.95,
  sniff: (text) => {
    try {
      return sniffCipherSuites(text);
    } catch {
      return 0;
    }
  },
  parse: safeParse,
};
