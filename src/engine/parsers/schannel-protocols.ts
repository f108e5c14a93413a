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
  type RegFormat,
  type RegKey,
  type RegValue,
} from './registry-text';
import type { ArtifactParser } from './types';
import { lowerHead, mayHold, PhraseSet, withoutNuls } from './text/phrases';

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
 * (U+0130 aside), which is what the case-insensitive pattern matches too.
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
  const head = raw.includes('\u0000') ? withoutNuls(raw).toLowerCase() : lowerHead(text, 200_000);
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

export function parseSchannelProtocols(
  original: string,
): ParseResult<'schannel-protocols', SchannelProtocolsFacts> {
  const c = cleanText(original);
  const read = readRegistryText(c.text);
  const problems: Problem[] = read.problems.map((p) => ({
    ...p,
    ...(p.start !== undefined ? { start: toOriginal(c, p.start), end: toOriginal(c, p.end ?? p.start) } : {}),
  }));
  const evidence: Evidence[] = [];
  const ev = (start: number, end: number, meaning: string, fact?: string) =>
    evidence.push(evidenceFor(original, c, start, end, meaning, fact));
  if (c.removedNuls)
    problems.push({
      code: 'utf16-decoded',
      severity: 'info',
      message:
        'The text had a NUL after each character (UTF-16 read as single bytes); it was read without them.',
    });

  const settings = {} as SchannelProtocolsFacts['settings'];
  for (const p of PROTOCOL_NAMES) settings[p] = { server: emptySide(), client: emptySide() };
  const ignored = new Set<string>();
  const ciphers: Record<string, number | null> = {};
  const hashes: Record<string, number | null> = {};
  const kex: Record<string, number | null> = {};
  let eventLogging: number | null = null;
  let fipsEnabled: boolean | null = null;
  const dotnet: SchannelProtocolsFacts['dotnet'] = [];
  let tls13Key: RegKey | null = null;
  let osBuild: number | null = null;
  let osUbr: number | null = null;
  let osNt: string | null = null;
  let sawProtocols = false;

  for (const k of read.keys) {
    const at = schannelAt(k.canonical);
    const rest = at < 0 ? null : segmentsFrom(k.canonical, at + SCHANNEL_TAIL.length);
    if (rest) {
      if (rest.length === 0) {
        const el = valueNamed(k, 'EventLogging');
        if (el) {
          eventLogging = numberOf(el, problems, c, k.path);
          ev(
            el.start,
            el.end,
            `Schannel event logging level is ${eventLogging ?? 'unreadable'}.`,
            'eventLogging',
          );
        }
        continue;
      }
      const area = rest[0] === 'Protocols' ? 'protocols' : rest[0]!.toLowerCase();
      if (area === 'protocols') {
        sawProtocols = true;
        if (rest.length < 2) continue;
        const rawName = rest[1]!;
        const p = protocolName(rawName);
        if (!p) {
          if (IGNORED.some((x) => x.toLowerCase() === rawName.toLowerCase())) {
            if (!ignored.has(rawName)) {
              ignored.add(rawName);
              problems.push({
                code: 'ignored-protocol',
                severity: 'info',
                message: `${rawName} settings were found and ignored: SQL Server connections never use it.`,
                start: toOriginal(c, k.start),
                end: toOriginal(c, k.end),
              });
            }
          } else
            problems.push({
              code: 'unknown-protocol-key',
              severity: 'warning',
              message: `"${rawName}" is not a protocol name Schannel reads (expected e.g. "TLS 1.2"); check its spelling.`,
              start: toOriginal(c, k.start),
              end: toOriginal(c, k.end),
            });
          continue;
        }
        if (p === 'TLS 1.3' && !k.deleted) tls13Key = tls13Key ?? k;
        if (rest.length === 2) {
          if (k.values.some((v) => /^(enabled|disabledbydefault)$/i.test(v.name)))
            problems.push({
              code: 'values-on-protocol-key',
              severity: 'warning',
              message: `Enabled/DisabledByDefault sit directly under "${p}"; Schannel reads them only under its Client and Server subkeys.`,
              start: toOriginal(c, k.start),
              end: toOriginal(c, k.end),
            });
          continue;
        }
        const side = sideOf(rest[2]!);
        if (!side) {
          problems.push({
            code: 'unknown-protocol-key',
            severity: 'warning',
            message: `"${rest[2]}" under ${p} is neither Client nor Server; Schannel ignores it.`,
            start: toOriginal(c, k.start),
            end: toOriginal(c, k.end),
          });
          continue;
        }
        const s = settings[p][side];
        const fact = `protocols.${p}.${side}`;
        if (k.deleted) {
          Object.assign(s, emptySide());
          problems.push({
            code: 'key-deleted',
            severity: 'info',
            message: `This .reg file deletes ${p}\\${SIDE_WORD[side]}; after importing it the Windows default applies.`,
            start: toOriginal(c, k.start),
            end: toOriginal(c, k.end),
          });
          ev(
            k.start,
            k.end,
            `${p} ${SIDE_WORD[side]} key is deleted by this file, so the Windows default applies.`,
            fact,
          );
          continue;
        }
        s.keyPresent = true;
        const en = valueNamed(k, 'Enabled');
        const dbd = valueNamed(k, 'DisabledByDefault');
        if (en) s.enabled = en.type === 'DELETE' ? null : numberOf(en, problems, c, k.path);
        if (dbd) s.disabledByDefault = dbd.type === 'DELETE' ? null : numberOf(dbd, problems, c, k.path);
        for (const v of k.values) {
          if (/^(enable|enabeled|disabled|disablebydefault|disabledbydefaults)$/i.test(v.name))
            problems.push({
              code: 'misspelled-value',
              severity: 'warning',
              message: `"${v.name}" is not a value Schannel reads; the names are "Enabled" and "DisabledByDefault".`,
              start: toOriginal(c, v.start),
              end: toOriginal(c, v.end),
            });
        }
        s.state = stateOf(s.enabled, s.disabledByDefault);
        const meaning = describe(p, side, s);
        if (en) ev(en.start, en.end, `${meaning} (Enabled = ${en.text.trim()})`, fact);
        if (dbd) ev(dbd.start, dbd.end, `${meaning} (DisabledByDefault = ${dbd.text.trim()})`, fact);
        if (!en && !dbd)
          ev(
            k.start,
            k.end,
            `${p} ${SIDE_WORD[side]} key exists without values, so the Windows default applies.`,
            fact,
          );
        continue;
      }
      if ((area === 'ciphers' || area === 'hashes' || area === 'keyexchangealgorithms') && rest.length >= 2) {
        const en = valueNamed(k, 'Enabled');
        const name = rest.slice(1).join('\\');
        const target = area === 'ciphers' ? ciphers : area === 'hashes' ? hashes : kex;
        const n = en ? numberOf(en, problems, c, k.path) : null;
        target[name] = n;
        if (en) {
          const label = area === 'ciphers' ? 'cipher' : area === 'hashes' ? 'hash' : 'key exchange';
          const fact =
            area === 'ciphers' ? 'ciphers' : area === 'hashes' ? 'hashes' : 'keyExchangeAlgorithms';
          ev(
            en.start,
            en.end,
            `Schannel ${label} ${name} is ${n === 0 ? 'turned off' : 'turned on'}.`,
            `${fact}.${name}`,
          );
        }
      }
      continue;
    }
    const lowerPath = k.canonical.toLowerCase();
    if (lowerPath.endsWith('\\control\\lsa\\fipsalgorithmpolicy') || lowerPath.endsWith('\\control\\lsa')) {
      const v = lowerPath.endsWith('\\lsa') ? valueNamed(k, 'FIPSAlgorithmPolicy') : valueNamed(k, 'Enabled');
      if (v && v.number !== null) {
        fipsEnabled = v.number !== 0;
        ev(
          v.start,
          v.end,
          fipsEnabled ? 'FIPS mode is on, which limits Schannel to FIPS algorithms.' : 'FIPS mode is off.',
          'fipsEnabled',
        );
        if (fipsEnabled)
          problems.push({
            code: 'fips-enabled',
            severity: 'warning',
            message: 'FIPS encryption policy is enabled and may cause encryption or SCHANNEL issues.',
            start: toOriginal(c, v.start),
            end: toOriginal(c, v.end),
          });
      }
      continue;
    }
    if (/\\\.netframework\\v(4\.0\.30319|2\.0\.50727)$/.test(lowerPath)) {
      const a = valueNamed(k, 'SchUseStrongCrypto');
      const b = valueNamed(k, 'SystemDefaultTlsVersions');
      if (a || b) {
        const entry = {
          path: k.canonical,
          schUseStrongCrypto: a ? a.number : null,
          systemDefaultTlsVersions: b ? b.number : null,
        };
        dotnet.push(entry);
        const i = dotnet.length - 1;
        if (a)
          ev(
            a.start,
            a.end,
            `.NET (${k.canonical.split('\\').pop()}) SchUseStrongCrypto = ${a.number ?? a.text}.`,
            `dotnet.${i}.schUseStrongCrypto`,
          );
        if (b)
          ev(
            b.start,
            b.end,
            `.NET (${k.canonical.split('\\').pop()}) SystemDefaultTlsVersions = ${b.number ?? b.text}.`,
            `dotnet.${i}.systemDefaultTlsVersions`,
          );
      }
      continue;
    }
    if (lowerPath.endsWith('\\microsoft\\windows nt\\currentversion')) {
      const cb = valueNamed(k, 'CurrentBuild') ?? valueNamed(k, 'CurrentBuildNumber');
      const ubr = valueNamed(k, 'UBR');
      const cv = valueNamed(k, 'CurrentVersion');
      if (cb) {
        const n = Number.parseInt(cb.text.replace(/^"|"$/g, ''), 10);
        if (Number.isFinite(n)) {
          osBuild = n;
          ev(cb.start, cb.end, `Windows build ${n}.`, 'os.build');
        }
      }
      if (ubr && ubr.number !== null) osUbr = ubr.number;
      if (cv) {
        const m = /(\d+\.\d+)/.exec(cv.text);
        if (m) osNt = m[1]!;
      }
    }
  }

  for (const m of read.missing) {
    const low = (m.path ?? '').toLowerCase();
    problems.push({
      code: 'key-not-found',
      severity: 'info',
      message: m.path
        ? `${m.path} does not exist${low.includes('\\protocols') ? ': the Windows default applies for it' : ''}.`
        : 'A registry key in the listing does not exist.',
      start: toOriginal(c, m.start),
      end: toOriginal(c, m.end),
    });
  }
  if (read.orphans.some((v) => /^(enabled|disabledbydefault)$/i.test(v.name)))
    problems.push({
      code: 'values-without-key',
      severity: 'warning',
      message:
        'Enabled/DisabledByDefault values were found without the key they belong to (the PSPath line or key header is missing); they were not used.',
    });

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

  const os = osBuild !== null || osNt !== null ? { ntVersion: osNt, build: osBuild, ubr: osUbr } : null;
  const effective = os ? effectiveProtocols(protocols, { build: os.build, ntVersion: os.ntVersion }) : null;

  if (tls13Key) {
    const supported = os?.build != null ? os.build >= TLS13_FIRST_BUILD : null;
    if (supported !== true)
      problems.push({
        code: 'tls13-keys-present',
        severity: 'warning',
        message:
          (supported === false ? '' : 'If this Windows is older than Windows Server 2022 / Windows 11: ') +
          "TLS 1.3 registry keys exist on an OS that does not support it. This may result in TLS error messages when connecting. Please delete the key 'TLS 1.3' under HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols and reboot.",
        start: toOriginal(c, tls13Key.start),
        end: toOriginal(c, tls13Key.end),
      });
    ev(tls13Key.start, tls13Key.end, 'A TLS 1.3 protocol key exists.', 'tls13KeysPresent');
  }
  for (const d of disabledByDefault)
    problems.push({
      code: 'disabled-by-default',
      severity: 'info',
      message: `${d.protocol} ${SIDE_WORD[d.side]} is Enabled but DisabledByDefault: SQL Server and most drivers will not use it unless they ask for it by name.`,
    });
  if (!sawProtocols && read.keys.length === 0 && read.orphans.length === 0)
    problems.push({
      code: 'no-registry-listing',
      severity: 'error',
      message:
        'No registry listing was found. Expected `reg query` output, a .reg export, or Get-ItemProperty / Get-ChildItem output of ...\\SCHANNEL\\Protocols.',
    });
  else if (!sawProtocols)
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
      ignoredProtocols: [...ignored],
      ciphers,
      hashes,
      keyExchangeAlgorithms: kex,
      eventLogging,
      fipsEnabled,
      dotnet,
      formats: read.formats,
    },
    evidence,
    problems,
  };
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
  sniff: (text) => {
    try {
      return sniffSchannelProtocols(text);
    } catch {
      return 0;
    }
  },
  parse: safeParse,
};
