/**
 * SCHANNEL protocol settings from `reg query /s`, `.reg` exports, `Get-ItemProperty` and
 * `Get-ChildItem -Recurse` listings: per protocol and side, the raw `Enabled` / `DisabledByDefault` values
 * and what they mean (domain-facts §6.1), plus the other SCHANNEL switches found in the same dump.
 */
import { PROTOCOL_NAMES, type ProtocolName } from '../ids';
import type { Evidence, ParseResult, Problem } from '../model';
import {
  defaultProtocols,
  TLS13_FIRST_BUILD,
  type OsProtocolDefault,
  type ProtocolDefaults,
} from '../knowledge-tables/windows';
import {
  cleanText,
  evidenceFor,
  readRegistryText,
  toOriginal,
  valueNamed,
  type CleanText,
  type RegFormat,
  type RegKey,
  type RegRead,
  type RegValue,
} from './registry-text';
import type { ArtifactParser } from './types';
import { hasNul, lowerHead, mayHold, PhraseSet, withoutNuls } from './text/phrases';

/** 'default' = neither value decides it, so the OS default applies. */
export type ProtocolState = 'enabled' | 'disabled' | 'default';
export type Side = 'server' | 'client';
export type EffectiveState = 'enabled' | 'disabled' | 'not-supported' | 'unknown';

export interface SideSetting {
  /** the key `Protocols\<name>\<Client|Server>` exists */
  keyPresent: boolean;
  enabled: number | null;
  disabledByDefault: number | null;
  state: ProtocolState;
}

export type ProtocolStates = Record<ProtocolName, { server: ProtocolState; client: ProtocolState }>;
export type EffectiveProtocols = Record<ProtocolName, { server: EffectiveState; client: EffectiveState }>;

export interface SchannelProtocolsFacts {
  protocols: ProtocolStates;
  /** raw values per protocol and side */
  settings: Record<ProtocolName, { server: SideSetting; client: SideSetting }>;
  /** Enabled != 0 with DisabledByDefault != 0: only apps that ask for the protocol by name get it */
  disabledByDefault: { protocol: ProtocolName; side: Side }[];
  /** effective states when the dump itself names the Windows build (CurrentVersion values), else null */
  effective: EffectiveProtocols | null;
  os: { ntVersion: string | null; build: number | null; ubr: number | null } | null;
  /** TLS 1.0 and 1.1 explicitly disabled and TLS 1.2 not disabled, per side */
  onlyTls12: { server: boolean; client: boolean };
  /** TLS 1.2 explicitly disabled (Enabled = 0 or disabled by default), per side */
  tls12Disabled: { server: boolean; client: boolean };
  /** a `Protocols\TLS 1.3` key exists (SQLCheck warns on Windows without TLS 1.3) */
  tls13KeysPresent: boolean;
  /** DTLS / PCT / Multi-Protocol Unified Hello keys seen and ignored */
  ignoredProtocols: string[];
  ciphers: Record<string, number | null>;
  hashes: Record<string, number | null>;
  keyExchangeAlgorithms: Record<string, number | null>;
  eventLogging: number | null;
  fipsEnabled: boolean | null;
  dotnet: { path: string; schUseStrongCrypto: number | null; systemDefaultTlsVersions: number | null }[];
  formats: RegFormat[];
}

const IGNORED = ['DTLS 1.0', 'DTLS 1.2', 'DTLS 1.3', 'PCT 1.0', 'Multi-Protocol Unified Hello'];

function emptySide(): SideSetting {
  return { keyPresent: false, enabled: null, disabledByDefault: null, state: 'default' };
}

/** Enabled = 0 → disabled; Enabled ≠ 0 → enabled unless DisabledByDefault ≠ 0; only DisabledByDefault ≠ 0 → disabled. */
export function stateOf(enabled: number | null, disabledByDefault: number | null): ProtocolState {
  if (enabled === 0) return 'disabled';
  if (disabledByDefault !== null && disabledByDefault !== 0) return 'disabled';
  if (enabled !== null) return 'enabled';
  return 'default';
}

export interface OsRef {
  build: number | null;
  ntVersion?: string | null;
}

/**
 * Effective protocol states, following SQLCheck's algorithm (domain-facts §2.2) over the OS defaults of
 * §1.3: a protocol the OS does not support stays unsupported; an explicit setting wins; 'default' takes the
 * OS default. Without an OS, anything left to the default is 'unknown'.
 */
export function effectiveProtocols(
  protocols: ProtocolStates,
  os?: OsRef | ProtocolDefaults | null,
): EffectiveProtocols {
  let defaults: ProtocolDefaults | null = null;
  if (os && 'TLS 1.2' in os) defaults = os;
  else if (os) defaults = defaultProtocols((os as OsRef).ntVersion ?? null, (os as OsRef).build);
  const out = {} as EffectiveProtocols;
  for (const p of PROTOCOL_NAMES) {
    const one = (side: Side): EffectiveState => {
      const st = protocols[p]?.[side] ?? 'default';
      const def: OsProtocolDefault | null = defaults ? defaults[p][side] : null;
      if (def === 'not-supported') return 'not-supported';
      if (st === 'enabled') return 'enabled';
      if (st === 'disabled') return 'disabled';
      return def ?? 'unknown';
    };
    out[p] = { server: one('server'), client: one('client') };
  }
  return out;
}

const SIDE_WORD: Record<Side, string> = { server: 'Server', client: 'Client' };

/**
 * `protocols.<name>.<side>`, the fact of every protocol side key's evidence: one shared string each instead
 * of a new one per key (the adapter looks each evidence's fact up in a Map, which hashes a new string again)
 */
const SIDE_FACT = Object.fromEntries(
  PROTOCOL_NAMES.map((p) => [p, { server: `protocols.${p}.server`, client: `protocols.${p}.client` }]),
) as Record<ProtocolName, Record<Side, string>>;

function describe(p: ProtocolName, side: Side, s: SideSetting): string {
  const who = side === 'server' ? 'accepting connections (Server)' : 'making connections (Client)';
  switch (s.state) {
    case 'enabled':
      return `${p} is turned on for ${who}.`;
    case 'disabled':
      return s.enabled !== null && s.enabled !== 0
        ? `${p} is disabled by default for ${who}: only programs that ask for it by name can use it.`
        : `${p} is turned off for ${who}.`;
    default:
      return `${p} has no setting for ${who} here, so the Windows default applies.`;
  }
}

function numberOf(
  v: RegValue | undefined,
  problems: Problem[],
  c: ReturnType<typeof cleanText>,
  keyPath: string,
): number | null {
  if (!v) return null;
  if (v.type === 'DELETE') return null;
  if (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ' || v.type === 'REG_MULTI_SZ') {
    if (v.number === null || v.text.startsWith('"')) {
      problems.push({
        code: 'wrong-value-type',
        severity: 'warning',
        message: `"${v.name}" under ${keyPath} is a string, not a DWORD; Schannel ignores it, so it counts as absent.`,
        start: toOriginal(c, v.start),
        end: toOriginal(c, v.end),
      });
      return null;
    }
  }
  if (v.number === null) {
    problems.push({
      code: 'unreadable-value',
      severity: 'warning',
      message: `The data of "${v.name}" under ${keyPath} could not be read as a number.`,
      start: toOriginal(c, v.start),
      end: toOriginal(c, v.end),
    });
  }
  return v.number;
}

const SCHANNEL_TAIL = '\\securityproviders\\schannel';

const SCHANNEL_TAIL_ANY_CASE = /\\securityproviders\\schannel/i;

/**
 * `path.toLowerCase().indexOf(SCHANNEL_TAIL)` without lower-casing every key's path (most of what the key
 * loop allocated). Lower-casing keeps every character's length except U+0130's (which becomes i + U+0307),
 * so without U+0130 offsets agree; and no character but an ASCII one lower-cases to a letter of the tail
 * (U+0130 aside), which is what the case-insensitive pattern matches too. (A hand-written scan with
 * charCodeAt was slower: the canonical path is a concatenation, read character by character through it.)
 */
function schannelAt(path: string): number {
  if (path.indexOf('\u0130') >= 0) return path.toLowerCase().indexOf(SCHANNEL_TAIL);
  return path.search(SCHANNEL_TAIL_ANY_CASE);
}

/**
 * The non-empty `\`-separated segments of `path` from `from` on (split + filter cut by hand: called for every
 * key of a listing, where split + filter was a large part of the parse).
 */
function segmentsFrom(path: string, from: number): string[] {
  const parts: string[] = [];
  while (from <= path.length) {
    let j = path.indexOf('\\', from);
    if (j < 0) j = path.length;
    if (j > from) parts.push(path.slice(from, j));
    from = j + 1;
  }
  return parts;
}

/** `Server` / `Client` in any case (the usual spellings compared before lower-casing) */
function sideOf(word: string): Side | null {
  if (word === 'Server') return 'server';
  if (word === 'Client') return 'client';
  const lower = word.toLowerCase();
  return lower === 'server' ? 'server' : lower === 'client' ? 'client' : null;
}

const PROTOCOL_BY_UPPER = new Map<string, ProtocolName>(PROTOCOL_NAMES.map((p) => [p.toUpperCase(), p]));

function protocolName(raw: string): ProtocolName | null {
  // a name written exactly as Schannel spells it (nearly every key) is already in normal form
  const exact = PROTOCOL_BY_UPPER.get(raw);
  if (exact) return exact;
  const n = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  return PROTOCOL_BY_UPPER.get(n) ?? null;
}

/** every non-zero score of sniffSchannelProtocols needs one of these */
const SNIFF_GATE = new PhraseSet([
  'schannel\\protocols',
  'schannel\\\\protocols',
  'disabledbydefault',
  'hive:',
]);

export function sniffSchannelProtocols(text: string): number {
  if (!mayHold(text, 200_000, SNIFF_GATE)) return 0;
  const raw = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // (hasNul remembers its answer for the block every sniffer is asked about: most blocks are not read again)
  const head =
    hasNul(text) && raw.includes('\u0000') ? withoutNuls(raw).toLowerCase() : lowerHead(text, 200_000);
  const hasPath = head.includes('schannel\\protocols') || head.includes('schannel\\\\protocols');
  const hasValue = head.includes('disabledbydefault') || /\benabled\b/.test(head);
  const hasProto = /(tls|ssl) [0-9]\.[0-9]/.test(head);
  if (hasPath && hasValue) return 0.95;
  if (hasPath) return 0.8;
  if (head.includes('disabledbydefault') && hasProto) return 0.7;
  // a Get-ChildItem table or Get-ItemProperty block cut from its Hive:/PSPath line
  if (head.includes('disabledbydefault')) return 0.5;
  if (head.includes('hive:') && hasProto && /\b(client|server)\b/.test(head)) return 0.5;
  return 0;
}

/**
 * What the key loop gathers, with the parse's problems and evidence (a class: one object shape, and each
 * kind of key handled by a small function of its own; V8 took several hundred milliseconds to optimise the
 * former single 340-line function, ran it unoptimised meanwhile, and threw the result away twice).
 */
class Gathered {
  readonly problems: Problem[] = [];
  readonly evidence: Evidence[] = [];
  readonly settings = {} as SchannelProtocolsFacts['settings'];
  readonly ignored = new Set<string>();
  readonly ciphers: Record<string, number | null> = {};
  readonly hashes: Record<string, number | null> = {};
  readonly kex: Record<string, number | null> = {};
  eventLogging: number | null = null;
  fipsEnabled: boolean | null = null;
  readonly dotnet: SchannelProtocolsFacts['dotnet'] = [];
  tls13Key: RegKey | null = null;
  osBuild: number | null = null;
  osUbr: number | null = null;
  osNt: string | null = null;
  sawProtocols = false;

  constructor(
    readonly original: string,
    readonly c: CleanText,
  ) {
    for (const p of PROTOCOL_NAMES) this.settings[p] = { server: emptySide(), client: emptySide() };
  }

  ev(start: number, end: number, meaning: string, fact?: string): void {
    this.evidence.push(evidenceFor(this.original, this.c, start, end, meaning, fact));
  }

  /** a problem pointing at a span of the clean text */
  problemAt(code: string, severity: Problem['severity'], message: string, start: number, end: number): void {
    this.problems.push({
      code,
      severity,
      message,
      start: toOriginal(this.c, start),
      end: toOriginal(this.c, end),
    });
  }
}

/** the length of each name misspelledValue matches: most value names are passed over without the pattern */
const MISSPELLED_LENGTHS = new Set([6, 8, 16, 18]);
const MISSPELLED = /^(enable|enabeled|disabled|disablebydefault|disabledbydefaults)$/i;

function misspelledValue(name: string): boolean {
  // the pattern is not Unicode-aware: only ASCII letters fold, so a match has the pattern's length
  return MISSPELLED_LENGTHS.has(name.length) && MISSPELLED.test(name);
}

/** `...\SCHANNEL` itself */
function schannelRootKey(g: Gathered, k: RegKey): void {
  const el = valueNamed(k, 'EventLogging');
  if (!el) return;
  g.eventLogging = numberOf(el, g.problems, g.c, k.path);
  g.ev(
    el.start,
    el.end,
    `Schannel event logging level is ${g.eventLogging ?? 'unreadable'}.`,
    'eventLogging',
  );
}

/** a protocol name Schannel does not read: ignored (DTLS, PCT, ...) or unknown */
function otherProtocolKey(g: Gathered, k: RegKey, rawName: string): void {
  const lower = rawName.toLowerCase();
  if (IGNORED.some((x) => x.toLowerCase() === lower)) {
    if (!g.ignored.has(rawName)) {
      g.ignored.add(rawName);
      g.problemAt(
        'ignored-protocol',
        'info',
        `${rawName} settings were found and ignored: SQL Server connections never use it.`,
        k.start,
        k.end,
      );
    }
  } else
    g.problemAt(
      'unknown-protocol-key',
      'warning',
      `"${rawName}" is not a protocol name Schannel reads (expected e.g. "TLS 1.2"); check its spelling.`,
      k.start,
      k.end,
    );
}

const ENABLED_OR_DBD = /^(enabled|disabledbydefault)$/i;

/** `Protocols\<name>\<Client|Server>` */
function sideKey(g: Gathered, k: RegKey, p: ProtocolName, side: Side): void {
  const s = g.settings[p][side];
  const fact = SIDE_FACT[p][side];
  if (k.deleted) {
    Object.assign(s, emptySide());
    g.problemAt(
      'key-deleted',
      'info',
      `This .reg file deletes ${p}\\${SIDE_WORD[side]}; after importing it the Windows default applies.`,
      k.start,
      k.end,
    );
    g.ev(
      k.start,
      k.end,
      `${p} ${SIDE_WORD[side]} key is deleted by this file, so the Windows default applies.`,
      fact,
    );
    return;
  }
  s.keyPresent = true;
  const en = valueNamed(k, 'Enabled');
  const dbd = valueNamed(k, 'DisabledByDefault');
  if (en) s.enabled = en.type === 'DELETE' ? null : numberOf(en, g.problems, g.c, k.path);
  if (dbd) s.disabledByDefault = dbd.type === 'DELETE' ? null : numberOf(dbd, g.problems, g.c, k.path);
  for (const v of k.values) {
    if (misspelledValue(v.name))
      g.problemAt(
        'misspelled-value',
        'warning',
        `"${v.name}" is not a value Schannel reads; the names are "Enabled" and "DisabledByDefault".`,
        v.start,
        v.end,
      );
  }
  s.state = stateOf(s.enabled, s.disabledByDefault);
  const meaning = describe(p, side, s);
  if (en) g.ev(en.start, en.end, `${meaning} (Enabled = ${en.text.trim()})`, fact);
  if (dbd) g.ev(dbd.start, dbd.end, `${meaning} (DisabledByDefault = ${dbd.text.trim()})`, fact);
  if (!en && !dbd)
    g.ev(
      k.start,
      k.end,
      `${p} ${SIDE_WORD[side]} key exists without values, so the Windows default applies.`,
      fact,
    );
}

/** `Protocols` and any key under it (`rest`: the segments after `SCHANNEL`, the first being `Protocols`) */
function protocolsKey(g: Gathered, k: RegKey, rest: string[]): void {
  g.sawProtocols = true;
  if (rest.length < 2) return;
  const rawName = rest[1]!;
  const p = protocolName(rawName);
  if (!p) {
    otherProtocolKey(g, k, rawName);
    return;
  }
  if (p === 'TLS 1.3' && !k.deleted) g.tls13Key = g.tls13Key ?? k;
  if (rest.length === 2) {
    if (k.values.some((v) => ENABLED_OR_DBD.test(v.name)))
      g.problemAt(
        'values-on-protocol-key',
        'warning',
        `Enabled/DisabledByDefault sit directly under "${p}"; Schannel reads them only under its Client and Server subkeys.`,
        k.start,
        k.end,
      );
    return;
  }
  const side = sideOf(rest[2]!);
  if (!side) {
    g.problemAt(
      'unknown-protocol-key',
      'warning',
      `"${rest[2]}" under ${p} is neither Client nor Server; Schannel ignores it.`,
      k.start,
      k.end,
    );
    return;
  }
  sideKey(g, k, p, side);
}

/** `Ciphers\...`, `Hashes\...`, `KeyExchangeAlgorithms\...` */
function algorithmKey(g: Gathered, k: RegKey, rest: string[], area: string): void {
  const en = valueNamed(k, 'Enabled');
  const name = rest.slice(1).join('\\');
  const target = area === 'ciphers' ? g.ciphers : area === 'hashes' ? g.hashes : g.kex;
  const n = en ? numberOf(en, g.problems, g.c, k.path) : null;
  target[name] = n;
  if (en) {
    const label = area === 'ciphers' ? 'cipher' : area === 'hashes' ? 'hash' : 'key exchange';
    const fact = area === 'ciphers' ? 'ciphers' : area === 'hashes' ? 'hashes' : 'keyExchangeAlgorithms';
    g.ev(
      en.start,
      en.end,
      `Schannel ${label} ${name} is ${n === 0 ? 'turned off' : 'turned on'}.`,
      `${fact}.${name}`,
    );
  }
}

/** a key under `...\SecurityProviders\SCHANNEL` (`rest`: its segments after `SCHANNEL`) */
function schannelKey(g: Gathered, k: RegKey, rest: string[]): void {
  if (rest.length === 0) {
    schannelRootKey(g, k);
    return;
  }
  const area = rest[0] === 'Protocols' ? 'protocols' : rest[0]!.toLowerCase();
  if (area === 'protocols') protocolsKey(g, k, rest);
  else if ((area === 'ciphers' || area === 'hashes' || area === 'keyexchangealgorithms') && rest.length >= 2)
    algorithmKey(g, k, rest, area);
}

/** `Control\Lsa` or `Control\Lsa\FipsAlgorithmPolicy` (`lowerPath`: the canonical path lower-cased) */
function fipsKey(g: Gathered, k: RegKey, lowerPath: string): void {
  const v = lowerPath.endsWith('\\lsa') ? valueNamed(k, 'FIPSAlgorithmPolicy') : valueNamed(k, 'Enabled');
  if (!v || v.number === null) return;
  g.fipsEnabled = v.number !== 0;
  g.ev(
    v.start,
    v.end,
    g.fipsEnabled ? 'FIPS mode is on, which limits Schannel to FIPS algorithms.' : 'FIPS mode is off.',
    'fipsEnabled',
  );
  if (g.fipsEnabled)
    g.problemAt(
      'fips-enabled',
      'warning',
      'FIPS encryption policy is enabled and may cause encryption or SCHANNEL issues.',
      v.start,
      v.end,
    );
}

/** `.NETFramework\v4.0.30319` or `v2.0.50727` */
function dotnetKey(g: Gathered, k: RegKey): void {
  const a = valueNamed(k, 'SchUseStrongCrypto');
  const b = valueNamed(k, 'SystemDefaultTlsVersions');
  if (!a && !b) return;
  const entry = {
    path: k.canonical,
    schUseStrongCrypto: a ? a.number : null,
    systemDefaultTlsVersions: b ? b.number : null,
  };
  g.dotnet.push(entry);
  const i = g.dotnet.length - 1;
  if (a)
    g.ev(
      a.start,
      a.end,
      `.NET (${k.canonical.split('\\').pop()}) SchUseStrongCrypto = ${a.number ?? a.text}.`,
      `dotnet.${i}.schUseStrongCrypto`,
    );
  if (b)
    g.ev(
      b.start,
      b.end,
      `.NET (${k.canonical.split('\\').pop()}) SystemDefaultTlsVersions = ${b.number ?? b.text}.`,
      `dotnet.${i}.systemDefaultTlsVersions`,
    );
}

/** `Microsoft\Windows NT\CurrentVersion` */
function currentVersionKey(g: Gathered, k: RegKey): void {
  const cb = valueNamed(k, 'CurrentBuild') ?? valueNamed(k, 'CurrentBuildNumber');
  const ubr = valueNamed(k, 'UBR');
  const cv = valueNamed(k, 'CurrentVersion');
  if (cb) {
    const n = Number.parseInt(cb.text.replace(/^"|"$/g, ''), 10);
    if (Number.isFinite(n)) {
      g.osBuild = n;
      g.ev(cb.start, cb.end, `Windows build ${n}.`, 'os.build');
    }
  }
  if (ubr && ubr.number !== null) g.osUbr = ubr.number;
  if (cv) {
    const m = /(\d+\.\d+)/.exec(cv.text);
    if (m) g.osNt = m[1]!;
  }
}

const DOTNET_KEY = /\\\.netframework\\v(4\.0\.30319|2\.0\.50727)$/;

/** a key outside SCHANNEL: FIPS policy, .NET strong crypto, the Windows version */
function otherKey(g: Gathered, k: RegKey): void {
  const lowerPath = k.canonical.toLowerCase();
  if (lowerPath.endsWith('\\control\\lsa\\fipsalgorithmpolicy') || lowerPath.endsWith('\\control\\lsa'))
    fipsKey(g, k, lowerPath);
  else if (DOTNET_KEY.test(lowerPath)) dotnetKey(g, k);
  else if (lowerPath.endsWith('\\microsoft\\windows nt\\currentversion')) currentVersionKey(g, k);
}

function readKey(g: Gathered, k: RegKey): void {
  const at = schannelAt(k.canonical);
  if (at >= 0) schannelKey(g, k, segmentsFrom(k.canonical, at + SCHANNEL_TAIL.length));
  else otherKey(g, k);
}

/** problems of the reader (offsets mapped to the original text) and of the keys it found missing */
function readerProblems(g: Gathered, read: RegRead): void {
  const c = g.c;
  for (const p of read.problems)
    g.problems.push({
      ...p,
      ...(p.start !== undefined
        ? { start: toOriginal(c, p.start), end: toOriginal(c, p.end ?? p.start) }
        : {}),
    });
  if (c.removedNuls)
    g.problems.push({
      code: 'utf16-decoded',
      severity: 'info',
      message:
        'The text had a NUL after each character (UTF-16 read as single bytes); it was read without them.',
    });
}

function missingAndOrphans(g: Gathered, read: RegRead): void {
  for (const m of read.missing) {
    const low = (m.path ?? '').toLowerCase();
    g.problemAt(
      'key-not-found',
      'info',
      m.path
        ? `${m.path} does not exist${low.includes('\\protocols') ? ': the Windows default applies for it' : ''}.`
        : 'A registry key in the listing does not exist.',
      m.start,
      m.end,
    );
  }
  if (read.orphans.some((v) => ENABLED_OR_DBD.test(v.name)))
    g.problems.push({
      code: 'values-without-key',
      severity: 'warning',
      message:
        'Enabled/DisabledByDefault values were found without the key they belong to (the PSPath line or key header is missing); they were not used.',
    });
}

/** the facts and summary problems once every key was read */
function summary(g: Gathered, read: RegRead): ParseResult<'schannel-protocols', SchannelProtocolsFacts> {
  const { settings, problems, tls13Key } = g;
  const protocols = {} as ProtocolStates;
  const disabledByDefault: SchannelProtocolsFacts['disabledByDefault'] = [];
  for (const p of PROTOCOL_NAMES) {
    protocols[p] = { server: settings[p].server.state, client: settings[p].client.state };
    for (const side of ['server', 'client'] as const) {
      const s = settings[p][side];
      if (s.enabled !== null && s.enabled !== 0 && s.disabledByDefault !== null && s.disabledByDefault !== 0)
        disabledByDefault.push({ protocol: p, side });
    }
  }
  const sideFlags = (side: Side) => ({
    only:
      protocols['TLS 1.0'][side] === 'disabled' &&
      protocols['TLS 1.1'][side] === 'disabled' &&
      protocols['TLS 1.2'][side] !== 'disabled',
    t12off: protocols['TLS 1.2'][side] === 'disabled',
  });
  const sv = sideFlags('server');
  const cl = sideFlags('client');

  const os =
    g.osBuild !== null || g.osNt !== null ? { ntVersion: g.osNt, build: g.osBuild, ubr: g.osUbr } : null;
  const effective = os ? effectiveProtocols(protocols, { build: os.build, ntVersion: os.ntVersion }) : null;

  if (tls13Key) {
    const supported = os?.build != null ? os.build >= TLS13_FIRST_BUILD : null;
    if (supported !== true)
      g.problemAt(
        'tls13-keys-present',
        'warning',
        (supported === false ? '' : 'If this Windows is older than Windows Server 2022 / Windows 11: ') +
          "TLS 1.3 registry keys exist on an OS that does not support it. This may result in TLS error messages when connecting. Please delete the key 'TLS 1.3' under HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols and reboot.",
        tls13Key.start,
        tls13Key.end,
      );
    g.ev(tls13Key.start, tls13Key.end, 'A TLS 1.3 protocol key exists.', 'tls13KeysPresent');
  }
  for (const d of disabledByDefault)
    problems.push({
      code: 'disabled-by-default',
      severity: 'info',
      message: `${d.protocol} ${SIDE_WORD[d.side]} is Enabled but DisabledByDefault: SQL Server and most drivers will not use it unless they ask for it by name.`,
    });
  if (!g.sawProtocols && read.keys.length === 0 && read.orphans.length === 0)
    problems.push({
      code: 'no-registry-listing',
      severity: 'error',
      message:
        'No registry listing was found. Expected `reg query` output, a .reg export, or Get-ItemProperty / Get-ChildItem output of ...\\SCHANNEL\\Protocols.',
    });
  else if (!g.sawProtocols)
    problems.push({
      code: 'no-protocol-keys',
      severity: 'warning',
      message: 'No key under ...\\SecurityProviders\\SCHANNEL\\Protocols was found in the listing.',
    });

  return {
    kind: 'schannel-protocols',
    facts: {
      protocols,
      settings,
      disabledByDefault,
      effective,
      os,
      onlyTls12: { server: sv.only, client: cl.only },
      tls12Disabled: { server: sv.t12off, client: cl.t12off },
      tls13KeysPresent: tls13Key !== null,
      ignoredProtocols: [...g.ignored],
      ciphers: g.ciphers,
      hashes: g.hashes,
      keyExchangeAlgorithms: g.kex,
      eventLogging: g.eventLogging,
      fipsEnabled: g.fipsEnabled,
      dotnet: g.dotnet,
      formats: read.formats,
    },
    evidence: g.evidence,
    problems,
  };
}

export function parseSchannelProtocols(
  original: string,
): ParseResult<'schannel-protocols', SchannelProtocolsFacts> {
  const c = cleanText(original);
  const read = readRegistryText(c.text);
  const g = new Gathered(original, c);
  readerProblems(g, read);
  for (const k of read.keys) readKey(g, k);
  missingAndOrphans(g, read);
  return summary(g, read);
}

function safeParse(text: string): ParseResult<'schannel-protocols', SchannelProtocolsFacts> {
  try {
    return parseSchannelProtocols(typeof text === 'string' ? text : String(text));
  } catch (e) {
    const empty = parseSchannelProtocols('');
    empty.problems = [
      {
        code: 'internal-error',
        severity: 'error',
        message: `The listing could not be read (${String(e).slice(0, 200)}).`,
      },
    ];
    return empty;
  }
}

export const schannelProtocolsParser: ArtifactParser<'schannel-protocols', SchannelProtocolsFacts> = {
  kind: 'schannel-protocols',
  // the highest score sniffSchannelProtocols returns: detection skips it on blocks already scored that high
  sniffMax: 0.95,
  sniff: (text) => {
    try {
      return sniffSchannelProtocols(text);
    } catch {
      return 0;
    }
  },
  parse: safeParse,
};
