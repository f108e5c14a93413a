/**
 * Adapters: the ONLY place that knows the shape of each parser's facts. Each reads one parse result,
 * defensively (a missing or differently shaped fact is simply not observed), and reports observations
 * with the evidence behind them. collectSignals() (signals.ts) merges the observations of every input.
 */
import {
  isOtherErrorId,
  isScenarioId,
  PROTOCOL_NAMES,
  type Family,
  type OtherErrorId,
  type ProtocolName,
  type ScenarioId,
} from '../ids';
import { suiteById } from '../knowledge-tables/cipher-suites';
import type { ArtifactKind, Evidence, ParseResult } from '../model';
import { arr, at, bool, first, isObj, num, str, strings, type Obj } from './read';
import type {
  CertificateInfo,
  ClientStack,
  ErrorlogEventInfo,
  EvidenceRef,
  Frequency,
  MaybeSide,
  OsInfo,
  SchannelEventInfo,
  Side,
  SqlInfo,
} from './types';
import { lowerBound } from '../sorted';

/** Protocol state of one role as a paste states it: registry values, or the effective state when known. */
export type RawProtocolState = 'enabled' | 'disabled' | 'default' | 'not-supported' | 'unknown';

/** What an adapter saw. `ref` points at the characters. */
export type Observation =
  | { type: 'family'; value: Family; ref: EvidenceRef }
  | { type: 'otherError'; value: OtherErrorId; ref: EvidenceRef }
  | { type: 'phase'; value: 'pre-login' | 'login' | 'after-login' | 'unknown'; ref: EvidenceRef }
  | { type: 'driver'; value: string; ref: EvidenceRef }
  | { type: 'clientPlatform'; value: 'windows' | 'linux-macos'; ref: EvidenceRef }
  | {
      type: 'hint';
      value: { scenario: ScenarioId; why: string; strength: 'strong' | 'weak' };
      ref: EvidenceRef;
    }
  | { type: 'clientStack'; value: ClientStack; ref: EvidenceRef }
  | { type: 'osError'; value: number; ref: EvidenceRef }
  | { type: 'opensslReason'; value: string; ref: EvidenceRef }
  | { type: 'jdbcReason'; value: string; ref: EvidenceRef }
  | { type: 'serverPickedOldProtocol'; value: ProtocolName; ref: EvidenceRef }
  | { type: 'localAlgorithmMismatch'; ref: EvidenceRef }
  | { type: 'legacyDriver'; ref: EvidenceRef }
  | { type: 'decryptFailure'; ref: EvidenceRef }
  | { type: 'strict'; ref: EvidenceRef }
  | {
      type: 'protocols';
      value: Record<ProtocolName, { client: RawProtocolState; server: RawProtocolState }>;
      ref: EvidenceRef;
      /** one reference per protocol and role the paste sets, when the parser gave them */
      keys?: EvidenceRef[];
    }
  | {
      type: 'suites';
      value: string[];
      ref: EvidenceRef;
      side?: Side;
      /** each suite's own characters, when the parser gave them (by suite name as in `value`) */
      perSuite?: Array<{ name: string; ref: EvidenceRef }>;
    }
  | { type: 'offeredVersions'; value: ProtocolName[]; ref: EvidenceRef }
  | { type: 'wireAlert'; value: { from: Side; alert: number }; ref: EvidenceRef }
  | { type: 'closedAfterKeyExchange'; ref: EvidenceRef }
  | { type: 'os'; value: OsInfo; ref: EvidenceRef; side?: Side }
  | { type: 'frequency'; value: Frequency; ref: EvidenceRef }
  | { type: 'busyServer'; value: boolean; ref: EvidenceRef }
  | { type: 'sql'; value: SqlInfo; ref: EvidenceRef }
  | { type: 'certificate'; value: CertificateInfo; ref: EvidenceRef }
  | { type: 'errorlogThumbprint'; value: string; ref: EvidenceRef }
  | { type: 'selfGenerated'; value: boolean; ref: EvidenceRef }
  | { type: 'errorlogEvent'; value: ErrorlogEventInfo; ref: EvidenceRef }
  | { type: 'schannelEvent'; value: SchannelEventInfo; ref: EvidenceRef }
  | { type: 'negotiatedSuite'; value: string; ref: EvidenceRef }
  | { type: 'synTrouble'; ref: EvidenceRef }
  | { type: 'closedAfterClientHello'; ref: EvidenceRef }
  | { type: 'unusable'; ref: EvidenceRef };

export interface AdapterContext {
  input: number;
  source: string;
  part: number;
  /** the side of the machine the input is from, as far as known */
  side: MaybeSide;
}

type Result = ParseResult<ArtifactKind, object>;

/**
 * The fields of a parser's facts or event (an empty record for anything that is not an object), for reading
 * by name (`e.eventId ?? e.id`) where an adapter runs per event or per part of a long paste, instead of
 * through at() and first(): those read each path by a computed key, which V8 cannot cache over objects of
 * many shapes, and a long paste has thousands of events with a dozen reads each. `??` keeps first()'s rule:
 * the first name whose value is neither undefined nor null.
 */
const NO_FIELDS: Obj = Object.freeze(Object.create(null) as Obj);
const fieldsOf = (v: unknown): Obj => (isObj(v) ? v : NO_FIELDS);

/**
 * Evidence of the result whose fact is one of `facts` (or under it); null when the parser gave none. The
 * earlier fact wins, then the earlier record. One pass over the records (this runs for every observation of
 * a paste of hundreds of parts).
 */
export function evidenceFor(result: Result, facts: readonly string[]): Evidence | null {
  const list = Array.isArray(result.evidence) ? result.evidence : [];
  let best: Evidence | null = null;
  let bestRank = facts.length;
  for (const e of list) {
    if (!isObj(e) || typeof e.fact !== 'string') continue;
    const rank = factRank(e.fact, facts, bestRank);
    if (rank < bestRank) {
      best = e;
      bestRank = rank;
      if (rank === 0) break;
    }
  }
  return best;
}

/** Position of the first of `facts[0..limit)` that `fact` is or is under ("a": "a", "a.b"); else limit. */
function factRank(fact: string, facts: readonly string[], limit: number): number {
  for (let i = 0; i < limit; i++) {
    const f = facts[i]!;
    if (fact === f || (fact.length > f.length && fact.charCodeAt(f.length) === 46 && fact.startsWith(f)))
      return i;
  }
  return limit;
}

/** Evidence of the result whose characters contain `needle` (case-insensitive), or null. */
export function evidenceQuoting(result: Result, needle: string | undefined): Evidence | null {
  if (!needle || needle.trim().length < 4) return null;
  const n = needle.toLowerCase();
  const list = Array.isArray(result.evidence) ? result.evidence : [];
  return (
    list.find((e) => isObj(e) && typeof e.text === 'string' && e.text.toLowerCase().includes(n)) ??
    list.find(
      (e) => isObj(e) && typeof e.text === 'string' && e.text.length >= 8 && n.includes(e.text.toLowerCase()),
    ) ??
    null
  );
}

/** An EvidenceRef to characters of the paste the adapter is reading. */
function pasteRef(ctx: AdapterContext, result: Result, evidence: Evidence | null, note: string): EvidenceRef {
  return {
    from: 'paste',
    input: ctx.input,
    source: ctx.source,
    part: ctx.part,
    kind: result.kind,
    evidence,
    note,
  };
}

/** A reference to the characters that contain `needle`; refOf(facts) when none does. */
function refQuoting(
  ctx: AdapterContext,
  result: Result,
  needle: string | undefined,
  facts: readonly string[],
  note: string,
): EvidenceRef {
  const ev = evidenceQuoting(result, needle);
  if (!ev) return refOf(ctx, result, facts, note);
  return pasteRef(ctx, result, ev, ev.meaning && ev.meaning.length > 0 ? ev.meaning : note);
}

/** Words that show up in the characters behind a scenario hint of the client-error parser. */
const HINT_WORDS: Partial<Record<ScenarioId, RegExp>> = {
  'tls-protocol-mismatch': /protocol|tls ?1\d|tlsv1|ssl security error|version/i,
  'cipher-suite-mismatch': /cipher|handshake.?failure|insufficient|common algorithm/i,
  'weak-certificate-hash': /sigalg|md too weak|certificate|signature/i,
  'tls-dhe-ciphers': /dhe|bad record mac|decrypt/i,
  'dhe-leading-zero': /dhe|bad record mac|decrypt/i,
};

function hintRef(
  ctx: AdapterContext,
  result: Result,
  scenario: ScenarioId,
  why: string,
  reason: string | undefined,
): EvidenceRef {
  const quoted = /"([^"]{4,120})"/.exec(why)?.[1];
  let ev = evidenceQuoting(result, reason) ?? evidenceQuoting(result, quoted);
  if (!ev) {
    const words = HINT_WORDS[scenario];
    const list = Array.isArray(result.evidence) ? result.evidence : [];
    ev = words
      ? (list.find((e) => isObj(e) && typeof e.text === 'string' && words.test(e.text)) ?? null)
      : null;
  }
  if (!ev) return refOf(ctx, result, ['opensslReason', 'family'], why);
  return pasteRef(ctx, result, ev, why);
}

function refOf(ctx: AdapterContext, result: Result, facts: readonly string[], note: string): EvidenceRef {
  const ev = evidenceFor(result, facts);
  return pasteRef(ctx, result, ev, ev?.meaning && ev.meaning.length > 0 ? ev.meaning : note);
}

// ---------------------------------------------------------------------------------------------------
// client-error
// ---------------------------------------------------------------------------------------------------

const FAMILIES: readonly Family[] = ['handshake-reset', 'other-error', 'unrecognized'];

function protocolFromText(v: string): ProtocolName | undefined {
  const t = v.toLowerCase().replace(/[^a-z0-9.]/g, '');
  if (t === '301' || t === '0x0301' || t === 'tls10' || t === 'tlsv1' || t === 'tls1.0' || t === 'tlsv1.0')
    return 'TLS 1.0';
  if (t === '302' || t === '0x0302' || t === 'tls11' || t === 'tlsv1.1' || t === 'tls1.1') return 'TLS 1.1';
  if (t === '300' || t === '0x0300' || t === 'ssl3' || t === 'sslv3' || t === 'ssl3.0') return 'SSL 3.0';
  return undefined;
}

const STACKS: readonly ClientStack[] = ['schannel', 'openssl', 'java', 'go', 'node', 'rust', 'managed-sni'];

export function adaptClientError(result: Result, ctx: AdapterContext): Observation[] {
  const f = result.facts;
  const out: Observation[] = [];
  const ref = (facts: string[], note: string) => refOf(ctx, result, facts, note);

  const family = str(at(f, 'family'));
  if (family && (FAMILIES as readonly string[]).includes(family))
    out.push({
      type: 'family',
      value: family as Family,
      ref: ref(['family'], familyNote(family as Family)),
    });
  const other = str(first(f, ['otherError', 'other', 'otherErrorId']));
  if (other && isOtherErrorId(other))
    out.push({
      type: 'otherError',
      value: other,
      ref: ref(['otherError', 'family'], `Recognised as ${other}.`),
    });

  const phase = str(at(f, 'phase'));
  if (phase === 'pre-login' || phase === 'login' || phase === 'after-login')
    out.push({ type: 'phase', value: phase, ref: ref(['phase'], `The error happened during ${phase}.`) });

  const driver = str(at(f, 'driver'));
  if (driver) out.push({ type: 'driver', value: driver, ref: ref(['driver'], `Client driver: ${driver}.`) });

  const platform = str(first(f, ['clientPlatform', 'platform']))?.toLowerCase();
  if (platform === 'windows')
    out.push({
      type: 'clientPlatform',
      value: 'windows',
      ref: ref(['clientPlatform'], 'The client runs on Windows.'),
    });
  else if (platform === 'linux-macos' || platform === 'linux' || platform === 'macos')
    out.push({
      type: 'clientPlatform',
      value: 'linux-macos',
      ref: ref(['clientPlatform', 'opensslReason', 'driver'], 'The client runs on Linux or macOS (OpenSSL).'),
    });

  let stack = str(first(f, ['tlsStack', 'stack', 'tlsLibrary', 'clientStack']))?.toLowerCase();
  if (!stack || !(STACKS as readonly string[]).includes(stack)) {
    stack = undefined;
    if (platform === 'java' || (driver && /jdbc/i.test(driver))) stack = 'java';
    else if (driver && /go-mssqldb|^go\b/i.test(driver)) stack = 'go';
    else if (driver && /tedious|node/i.test(driver)) stack = 'node';
    else if (driver && /tiberius|rust/i.test(driver)) stack = 'rust';
    else if (bool(at(f, 'managedSni')) === true || driver === 'managed SNI') stack = 'managed-sni';
  }
  if (stack)
    out.push({
      type: 'clientStack',
      value: stack as ClientStack,
      ref: ref(['tlsStack', 'driver', 'clientPlatform'], `The client's TLS comes from ${stack}.`),
    });

  const reasonText =
    str(first(f, ['opensslReason', 'openssl.reason', 'openSsl.reason', 'openssl'])) ??
    str(first(f, ['jdbcReason', 'jdbc.reason', 'jdbcCause', 'jdbc.cause']));
  for (const h of arr(at(f, 'scenarioHints')) ?? []) {
    const scenario = str(at(h, 'scenario'));
    const why = str(at(h, 'why'));
    const strength = str(at(h, 'strength'));
    if (!scenario || !isScenarioId(scenario) || !why) continue;
    out.push({
      type: 'hint',
      value: { scenario, why, strength: strength === 'strong' ? 'strong' : 'weak' },
      ref: hintRef(ctx, result, scenario, why, reasonText),
    });
  }

  const osError = num(first(f, ['osError', 'nativeError']));
  if (osError !== undefined)
    out.push({
      type: 'osError',
      value: osError,
      ref: ref(['osError'], `Operating-system error ${osError}.`),
    });

  const openssl = str(first(f, ['opensslReason', 'openssl.reason', 'openSsl.reason', 'openssl']));
  if (openssl) {
    out.push({
      type: 'opensslReason',
      value: openssl,
      ref: refQuoting(
        ctx,
        result,
        openssl,
        ['opensslReason', 'openssl', 'openSsl'],
        `OpenSSL reported: ${openssl}.`,
      ),
    });
    if (!stack)
      out.push({
        type: 'clientStack',
        value: 'openssl',
        ref: ref(['opensslReason', 'openssl'], 'OpenSSL error.'),
      });
  }
  const jdbc = str(first(f, ['jdbcReason', 'jdbc.reason', 'jdbcCause', 'jdbc.cause']));
  if (jdbc) {
    out.push({
      type: 'jdbcReason',
      value: jdbc,
      ref: refQuoting(ctx, result, jdbc, ['jdbcReason', 'jdbc'], `JDBC reported: ${jdbc}.`),
    });
    if (!stack)
      out.push({ type: 'clientStack', value: 'java', ref: ref(['jdbcReason', 'jdbc'], 'Java client.') });
  }

  const picked = str(first(f, ['serverProtocol', 'serverSelectedProtocol', 'selectedProtocol']));
  const pickedName = picked
    ? (protocolFromText(picked) ?? (PROTOCOL_NAMES as readonly string[]).find((p) => p === picked))
    : undefined;
  if (pickedName && pickedName !== 'TLS 1.2' && pickedName !== 'TLS 1.3')
    out.push({
      type: 'serverPickedOldProtocol',
      value: pickedName as ProtocolName,
      ref: ref(
        ['serverProtocol', 'serverSelectedProtocol', 'selectedProtocol'],
        `The server chose ${pickedName}, which the client refuses.`,
      ),
    });

  const hresult = num(first(f, ['hresult', 'hResult', 'securityStatus']));
  const flags = (k: string) => bool(at(f, k)) === true;
  if (
    hresult === 0x80090331 ||
    hresult === -2146893007 ||
    flags('commonAlgorithm') ||
    flags('algorithmMismatch')
  )
    out.push({
      type: 'localAlgorithmMismatch',
      ref: ref(
        ['hresult', 'commonAlgorithm', 'algorithmMismatch'],
        'Schannel says client and server have no algorithm in common.',
      ),
    });
  if (hresult === 0x80090330 || hresult === -2146893008 || flags('decryptFailure'))
    out.push({
      type: 'decryptFailure',
      ref: ref(['hresult', 'decryptFailure'], 'The client could not decrypt what the server sent.'),
    });
  if (flags('legacyDriver') || flags('dbnetlib'))
    out.push({
      type: 'legacyDriver',
      ref: ref(
        ['legacyDriver', 'dbnetlib', 'driver'],
        'The legacy DBNETLIB driver (SQLOLEDB / {SQL Server}) speaks TLS 1.0 only.',
      ),
    });
  else if (driver && /dbnetlib|sqloledb|^sql server$|odbc sql server driver/i.test(driver))
    out.push({
      type: 'legacyDriver',
      ref: ref(
        ['driver'],
        'The legacy DBNETLIB driver (SQLOLEDB / {SQL Server}) speaks TLS 1.0 only, except on recent Windows 10/2019+ builds.',
      ),
    });
  if (flags('strict') || flags('strictEncryption') || str(at(f, 'encrypt'))?.toLowerCase() === 'strict')
    out.push({
      type: 'strict',
      ref: ref(['strictEncryption', 'strict', 'encrypt'], 'Strict encryption (TDS 8) is in use.'),
    });
  return out;
}

function familyNote(f: Family): string {
  if (f === 'handshake-reset') return 'The connection was reset during the pre-login or TLS handshake.';
  if (f === 'other-error') return 'A different, recognised error.';
  return 'Nothing usable was recognised.';
}

// ---------------------------------------------------------------------------------------------------
// schannel-protocols
// ---------------------------------------------------------------------------------------------------

const RAW_STATES: readonly RawProtocolState[] = [
  'enabled',
  'disabled',
  'default',
  'not-supported',
  'unknown',
];
const rawState = (v: unknown): RawProtocolState =>
  typeof v === 'string' && (RAW_STATES as readonly string[]).includes(v)
    ? (v as RawProtocolState)
    : 'default';

const PROTOCOL_FACT = /^protocols\.([^.]+\.[^.]+)\.(client|server)/;

/**
 * The characters of each protocol and role the paste sets (first per key), so a reason about TLS 1.2 quotes
 * the TLS 1.2 lines and not only the first key of the dump. (Each distinct fact is matched once: a key's
 * values share its fact, and a long dump repeats keys; this loop ran the pattern and built a key string for
 * every evidence.)
 */
function protocolKeyRefs(result: Result, ctx: AdapterContext): EvidenceRef[] {
  const list = Array.isArray(result.evidence) ? result.evidence : [];
  const seen = new Set<string>();
  /** fact -> `<protocol>.<role>`, or null for any other fact */
  const keyOf = new Map<string, string | null>();
  const perKey: EvidenceRef[] = [];
  for (const e of list) {
    if (!isObj(e) || typeof e.fact !== 'string') continue;
    let key = keyOf.get(e.fact);
    if (key === undefined) {
      const m = PROTOCOL_FACT.exec(e.fact);
      key = m ? `${m[1]}.${m[2]}` : null;
      keyOf.set(e.fact, key);
    }
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const m = PROTOCOL_FACT.exec(e.fact)!;
    perKey.push(pasteRef(ctx, result, e, e.meaning || `${m[1]} ${m[2]} setting.`));
  }
  return perKey;
}

export function adaptSchannelProtocols(result: Result, ctx: AdapterContext): Observation[] {
  const f = result.facts;
  const protocols = at(f, 'protocols');
  const effective = at(f, 'effective');
  if (!isObj(protocols) && !isObj(effective)) return [];
  const value = {} as Record<ProtocolName, { client: RawProtocolState; server: RawProtocolState }>;
  let any = false;
  for (const p of PROTOCOL_NAMES) {
    const eff = isObj(effective) ? effective[p] : undefined;
    const raw = isObj(protocols) ? protocols[p] : undefined;
    const pick = (role: 'client' | 'server'): RawProtocolState => {
      const e = isObj(eff) ? rawState(eff[role]) : 'default';
      if (e !== 'default' && e !== 'unknown') return e;
      return isObj(raw) ? rawState(raw[role]) : 'default';
    };
    value[p] = { client: pick('client'), server: pick('server') };
    if (value[p].client !== 'default' || value[p].server !== 'default') any = true;
  }
  const perKey = protocolKeyRefs(result, ctx);
  const out: Observation[] = [
    {
      type: 'protocols',
      value,
      ...(perKey.length > 1 ? { keys: perKey } : {}),
      ref: refOf(
        ctx,
        result,
        ['protocols', 'effective'],
        any
          ? 'SCHANNEL protocol settings.'
          : 'No protocol is set in the registry: the Windows defaults apply.',
      ),
    },
  ];
  const build = num(first(f, ['os.build']));
  const nt = str(first(f, ['os.ntVersion']));
  if (build !== undefined)
    out.push(osObservation(ctx, result, build, num(at(f, 'os.ubr')) ?? null, nt ?? null, null, ['os']));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// cipher-suites
// ---------------------------------------------------------------------------------------------------

export function adaptCipherSuites(result: Result, ctx: AdapterContext): Observation[] {
  const f = result.facts;
  const suites = strings(first(f, ['suites', 'enabled', 'order']));
  if (!suites || suites.length === 0) return [];
  // the parser gives one evidence per suite ("suites.<index>"): kept so a reason about one suite (a DHE
  // suite, the first shared suite) quotes that suite, not the first of the list
  const list = Array.isArray(result.evidence) ? result.evidence : [];
  const perSuite: Array<{ name: string; ref: EvidenceRef }> = [];
  suites.forEach((name, i) => {
    const hit = list.find((e) => isObj(e) && e.fact === `suites.${i}`);
    if (hit)
      perSuite.push({
        name,
        ref: pasteRef(ctx, result, hit, hit.meaning || `${name} is enabled.`),
      });
  });
  return [
    {
      type: 'suites',
      value: suites,
      ref: refOf(ctx, result, ['suites'], `A list of ${suites.length} enabled cipher suites.`),
      ...(perSuite.length ? { perSuite } : {}),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// os-version
// ---------------------------------------------------------------------------------------------------

function osObservation(
  ctx: AdapterContext,
  result: Result,
  build: number | null,
  ubr: number | null,
  nt: string | null,
  product: string | null,
  facts: readonly string[],
  extra: Partial<OsInfo> = {},
  side?: Side,
): Observation {
  const value: OsInfo = {
    product,
    build,
    ubr,
    leadingZeroFix: extra.leadingZeroFix ?? null,
    family: extra.family ?? familyOfBuild(build, nt),
  };
  const ref = refOf(
    ctx,
    result,
    facts,
    product
      ? `Windows: ${product}${build ? ` (build ${build}${ubr !== null ? '.' + ubr : ''})` : ''}.`
      : `Windows build ${build ?? 'unknown'}.`,
  );
  // a literal, not a spread copy with the side added (spread copies are slow dictionary-mode objects)
  return side === undefined ? { type: 'os', value, ref } : { type: 'os', value, ref, side };
}

/** The cipher family of a Windows build, by the knowledge tables' names. */
export function familyOfBuild(build: number | null, nt: string | null): string | null {
  if (build !== null) {
    if (build < 7600) return null;
    if (build < 9200) return '2008r2';
    if (build < 9600) return '2012';
    if (build < 10240) return '2012r2';
    if (build < 17763) return '2016';
    if (build < 20348) return '2019';
    return '2022';
  }
  if (nt === '6.1') return '2008r2';
  if (nt === '6.2') return '2012';
  if (nt === '6.3') return '2012r2';
  return null;
}

/** "10.0.14393.3542" / "14393.3542" / 14393 -> build and UBR */
function splitBuild(v: unknown): { build: number | null; ubr: number | null } {
  if (typeof v === 'number') return { build: v, ubr: null };
  const s = str(v);
  if (!s) return { build: null, ubr: null };
  const m = /(?:^|\D)(\d{4,5})(?:\.(\d{1,5}))?(?:\D|$)/.exec(s.replace(/^\d{1,2}\.\d{1,2}\./, ' '));
  return m
    ? { build: Number(m[1]), ubr: m[2] === undefined ? null : Number(m[2]) }
    : { build: null, ubr: null };
}

const OS_FACTS_UBR: readonly string[] = ['ubr', 'build', 'product', 'version'];
const OS_FACTS: readonly string[] = ['build', 'product', 'version'];

export function adaptOsVersion(result: Result, ctx: AdapterContext): Observation[] {
  // fields read by name (see fieldsOf): the first of the names that holds a value
  const f = fieldsOf(result.facts);
  const product = str(f.product ?? f.productName ?? f.caption) ?? null;
  let { build, ubr } = splitBuild(f.build ?? f.version ?? f.osBuild);
  const b2 = num(f.currentBuild ?? f.buildNumber);
  if (build === null && b2 !== undefined) build = b2;
  const u2 = num(f.ubr ?? f.UBR ?? f.revision);
  if (ubr === null && u2 !== undefined) ubr = u2;
  if (build === null && !product) return [];
  const fix = bool(f.leadingZeroFix ?? f.hasLeadingZeroFix ?? f.dheLeadingZeroFix);
  const extra: Partial<OsInfo> = { family: str(f.defaultCipherFamily ?? f.cipherFamily) ?? null };
  if (fix !== undefined) extra.leadingZeroFix = fix;
  return [
    // the UBR's characters show the update level (and so the DHE leading-zero fix) when it is known
    osObservation(ctx, result, build, ubr, null, product, ubr !== null ? OS_FACTS_UBR : OS_FACTS, extra),
  ];
}

// ---------------------------------------------------------------------------------------------------
// sql-version
// ---------------------------------------------------------------------------------------------------

const SQL_FACTS: readonly string[] = ['build', 'product', 'version'];
const SQL_OS_FACTS: readonly string[] = ['osBuild', 'osProduct', 'windows', 'os'];

export function adaptSqlVersion(result: Result, ctx: AdapterContext): Observation[] {
  // fields read by name (see fieldsOf): the first of the names that holds a value
  const f = fieldsOf(result.facts);
  const out: Observation[] = [];
  const build = str(f.build ?? f.version);
  const product = str(f.product) ?? null;
  if (!build && !product) return [];
  const major = build ? num(build.split('.')[0]) : undefined;
  const linux = /linux/i.test(str(f.platform ?? f.os ?? f.hostPlatform) ?? '') || bool(f.linux) === true;
  out.push({
    type: 'sql',
    value: {
      product,
      build: build ?? null,
      major: major ?? null,
      supportsTls12: bool(f.supportsTls12) ?? null,
      minimumTls12Build: str(f.minimumTls12Build) ?? null,
      hasLoginDispatcherPool: bool(f.hasLoginDispatcherPool) ?? null,
      linux,
    },
    ref: refOf(ctx, result, SQL_FACTS, `${product ?? 'SQL Server'} ${build ?? ''}`.trim() + '.'),
  });
  // @@VERSION names the Windows of the SQL Server machine too
  const os = fieldsOf(f.os);
  const osBuild = splitBuild(f.osBuild ?? f.windowsBuild ?? os.build);
  const osProduct = str(f.osProduct ?? f.windows ?? os.product) ?? null;
  if (osBuild.build !== null || osProduct)
    out.push(
      osObservation(ctx, result, osBuild.build, osBuild.ubr, null, osProduct, SQL_OS_FACTS, {}, 'server'),
    );
  return out;
}

// ---------------------------------------------------------------------------------------------------
// certificate
// ---------------------------------------------------------------------------------------------------

export function adaptCertificate(result: Result, ctx: AdapterContext): Observation[] {
  const f = result.facts;
  const one = (c: unknown): CertificateInfo => ({
    thumbprint: normaliseThumbprint(str(at(c, 'thumbprint'))),
    signatureHash: str(at(c, 'signatureHash'))?.toLowerCase() ?? null,
    signatureAlgorithm: str(first(c, ['signatureAlgorithm', 'signatureAlgorithmFriendlyName'])) ?? null,
    weakForSqlServer: bool(at(c, 'weakForSqlServer')) ?? null,
    weakOnLinuxOpenSsl: bool(at(c, 'weakOnLinuxOpenSsl')) ?? null,
    serverAuthEku: bool(at(c, 'serverAuthEku')) ?? null,
    subject: str(at(c, 'subject')) ?? null,
  });
  const list = arr(at(f, 'certificates'));
  // a chain: only the first (leaf) matters for SQL Server; several listed certificates: each may be the one
  const format = str(at(f, 'format'));
  const chain =
    format === 'pem' || format === 'der-base64' || format === 'der-hex' || format === 'openssl-text';
  const certs = list && list.length > 0 ? (chain ? list.slice(0, 1) : list) : [f];
  const out: Observation[] = [];
  for (const c of certs) {
    const info = one(c);
    if (!info.thumbprint && !info.signatureHash && info.weakForSqlServer === null) continue;
    out.push({
      type: 'certificate',
      value: info,
      ref: refOf(
        ctx,
        result,
        ['signatureAlgorithm', 'signatureHash', 'weakForSqlServer', 'thumbprint'],
        `Certificate${info.subject ? ' ' + info.subject : ''} signed with ${info.signatureAlgorithm ?? info.signatureHash ?? 'an unknown algorithm'}.`,
      ),
    });
  }
  return out;
}

export function normaliseThumbprint(v: string | undefined): string | null {
  if (!v) return null;
  const hex = v.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.length === 40 ? hex : null;
}

// ---------------------------------------------------------------------------------------------------
// errorlog
// ---------------------------------------------------------------------------------------------------

export function adaptErrorlog(result: Result, ctx: AdapterContext): Observation[] {
  // fields read by name (see fieldsOf): the first of the names that holds a value
  const f = fieldsOf(result.facts);
  const certificate = fieldsOf(f.certificate);
  const out: Observation[] = [];
  const thumb = normaliseThumbprint(str(f.certificateThumbprint ?? certificate.thumbprint));
  if (thumb)
    out.push({
      type: 'errorlogThumbprint',
      value: thumb,
      ref: refOf(
        ctx,
        result,
        ['certificateThumbprint'],
        `SQL Server loaded the certificate ${thumb} for encryption.`,
      ),
    });
  // The parser's false says only that this excerpt has no 26018 line ("A self-generated certificate was
  // successfully loaded"); a configured certificate is known from the line that loads it (26013, with its
  // thumbprint). Taking false at its word made every ERRORLOG excerpt claim a configured certificate: the
  // certificate question was then never asked, and two excerpts "disagreed" when one had the 26018 line.
  const self = bool(f.selfGenerated ?? certificate.selfGenerated) === true ? true : thumb ? false : undefined;
  if (self !== undefined)
    out.push({
      type: 'selfGenerated',
      value: self,
      ref: self
        ? refOf(ctx, result, ['selfGenerated'], 'SQL Server uses a self-generated certificate.')
        : refOf(
            ctx,
            result,
            ['certificateThumbprint'],
            `SQL Server uses a configured certificate (${thumb}), not a self-generated one.`,
          ),
    });
  const events = arr(f.events);
  for (const item of events ?? []) {
    // fields read by name (see fieldsOf): the first of the names that holds a value
    const e = fieldsOf(item);
    const error = num(e.error ?? e.number ?? e.errorNumber ?? e.id);
    if (error === undefined) continue;
    const timings = fieldsOf(e.timings);
    const info: ErrorlogEventInfo = {
      error,
      state: num(e.state) ?? null,
      networkError: num(e.networkError ?? e.networkErrorCode ?? e.osError ?? e.code) ?? null,
      sslMs: num(e.sslMs ?? e.establishingSslMs ?? timings.ssl ?? timings.establishingSsl ?? e.ssl) ?? null,
    };
    const ev = evidenceOfEvent(result, events, item);
    out.push({
      type: 'errorlogEvent',
      value: info,
      ref: pasteRef(
        ctx,
        result,
        ev,
        ev?.meaning || `ERRORLOG error ${error}${info.state !== null ? ', state ' + info.state : ''}.`,
      ),
    });
  }
  // SQL Server's own version line at the top of an ERRORLOG
  const version = fieldsOf(f.version);
  const sqlVersion = fieldsOf(f.sqlVersion);
  const build = str(f.serverBuild ?? f.sqlBuild ?? f.build ?? version.build ?? sqlVersion.build);
  if (build && /^\d{1,2}\.\d{1,2}\.\d{1,5}/.test(build)) {
    out.push(
      ...adaptSqlVersion(
        {
          ...result,
          facts: { build, product: str(f.product ?? sqlVersion.product ?? version.product) },
        },
        ctx,
      ),
    );
  }
  return out;
}

/** Evidence of one event: a span given on the event itself, or evidence whose fact names its index. */
/**
 * An artifact's evidence sorted by start, to find the evidence around or inside a span without scanning the
 * whole list for every event (a long ERRORLOG has thousands of events and thousands of evidence records).
 * Null when a record's offsets are not numbers: the lookup then scans the list as it is.
 */
interface SpanIndex {
  /** list positions sorted by start (then by position) */
  order: Int32Array;
  starts: Float64Array;
  /** the longest record (end - start) */
  maxLength: number;
}
const spanIndexes = new WeakMap<readonly Evidence[], SpanIndex | null>();

function spanIndexOf(list: readonly Evidence[]): SpanIndex | null {
  const known = spanIndexes.get(list);
  if (known !== undefined) return known;
  let index: SpanIndex | null = null;
  if (
    list.every(
      (x) =>
        typeof x.start === 'number' &&
        typeof x.end === 'number' &&
        !Number.isNaN(x.start) &&
        !Number.isNaN(x.end),
    )
  ) {
    const order = Int32Array.from(list.keys()).sort((a, b) => list[a]!.start - list[b]!.start || a - b);
    const starts = Float64Array.from(order, (i) => list[i]!.start);
    let maxLength = 0;
    for (const x of list) maxLength = Math.max(maxLength, x.end - x.start);
    index = { order, starts, maxLength };
  }
  spanIndexes.set(list, index);
  return index;
}

/**
 * The first record of the list (in list order) that holds the span [start, end], else the first that lies
 * inside it: `list.find(contains) ?? list.find(inside)`, without the scans.
 */
function evidenceAroundSpan(list: readonly Evidence[], start: number, end: number): Evidence | undefined {
  const index = list.length > 16 ? spanIndexOf(list) : null;
  if (!index)
    return (
      list.find((x) => x.start <= start && x.end >= end) ?? list.find((x) => x.start >= start && x.end <= end)
    );
  const { order, starts, maxLength } = index;
  // a record that holds the span starts at or before `start` and, being at most maxLength long, at or
  // after end - maxLength
  let best = -1;
  for (let k = lowerBound(starts, end - maxLength); k < order.length && starts[k]! <= start; k++) {
    const i = order[k]!;
    if ((best < 0 || i < best) && list[i]!.end >= end) best = i;
  }
  if (best >= 0) return list[best];
  // a record inside the span starts within it
  for (let k = lowerBound(starts, start); k < order.length && starts[k]! <= end; k++) {
    const i = order[k]!;
    if ((best < 0 || i < best) && list[i]!.end <= end) best = i;
  }
  return best >= 0 ? list[best] : undefined;
}

const eventPositions = new WeakMap<readonly unknown[], Map<object, number>>();

/** `events.indexOf(e)`, with the positions of a long list's events found once. */
function eventPosition(events: readonly unknown[] | undefined, e: unknown): number {
  if (!events) return -1;
  if (events.length <= 16 || typeof e !== 'object' || e === null) return events.indexOf(e);
  let positions = eventPositions.get(events);
  if (!positions) {
    positions = new Map();
    for (let i = events.length - 1; i >= 0; i--) {
      const x = events[i];
      if (typeof x === 'object' && x !== null) positions.set(x, i);
    }
    eventPositions.set(events, positions);
  }
  return positions.get(e) ?? -1;
}

const eventFacts = new WeakMap<readonly Evidence[], Map<number, number>>();
/**
 * The event number of a fact `events.N`, `events.N.<field>` or `events[N]` (N without leading zeros), or -1:
 * what /^events(?:\.(0|[1-9][0-9]*)(?:\.|$)|\[(0|[1-9][0-9]*)\]$)/ captures, read without a regular
 * expression (it ran once per evidence record of every part, and each match allocated an array)
 */
export function eventNumberOfFact(fact: string): number {
  if (!fact.startsWith('events')) return -1;
  const open = fact.charCodeAt(6);
  if (open !== 46 && open !== 91) return -1; // '.' or '['
  let i = 7;
  while (i < fact.length && fact.charCodeAt(i) >= 48 && fact.charCodeAt(i) <= 57) i++;
  const digits = i - 7;
  if (digits === 0 || (digits > 1 && fact.charCodeAt(7) === 48)) return -1;
  const after = i < fact.length ? fact.charCodeAt(i) : -1;
  if (open === 46 ? after !== -1 && after !== 46 : after !== 93 || i + 1 !== fact.length) return -1;
  return Number(fact.slice(7, i));
}

/**
 * Event number -> position of the first record whose fact is `events.N`, `events.N.<field>` or `events[N]`
 * (what `list.find()` would return for that event), built once per evidence list.
 */
function eventFactIndex(list: readonly Evidence[]): Map<number, number> {
  let index = eventFacts.get(list);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < list.length; i++) {
    const fact = list[i]!.fact;
    if (typeof fact !== 'string') continue;
    const n = eventNumberOfFact(fact);
    if (n >= 0 && !index.has(n)) index.set(n, i);
  }
  eventFacts.set(list, index);
  return index;
}

/** Evidence of `item`, one of `events` (the result's `events` fact). */
function evidenceOfEvent(
  result: Result,
  events: readonly unknown[] | undefined,
  item: unknown,
): Evidence | null {
  const e = fieldsOf(item);
  const start = num(e.start);
  const end = num(e.end);
  const list = Array.isArray(result.evidence) ? result.evidence : [];
  if (start !== undefined && end !== undefined) {
    const hit = evidenceAroundSpan(list, start, end);
    if (hit) return hit;
  }
  const idx = eventPosition(events, item);
  if (idx >= 0) {
    const pos = eventFactIndex(list).get(idx);
    const hit = pos === undefined ? undefined : list[pos];
    if (hit) return hit;
  }
  // evidence whose characters are part of this event's own message (e.g. a line kept for a hint)
  const message = str(e.message);
  if (message) {
    const hit = list.find(
      (x) => typeof x.text === 'string' && x.text.length >= 12 && message.includes(x.text),
    );
    if (hit) return hit;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// schannel-event
// ---------------------------------------------------------------------------------------------------

export function adaptSchannelEvent(result: Result, ctx: AdapterContext): Observation[] {
  const f = result.facts;
  const list = arr(at(f, 'events'));
  const items = list && list.length > 0 ? list : [f];
  const out: Observation[] = [];
  for (const item of items) {
    // fields read by name (see fieldsOf): the first of the names that holds a value
    const e = fieldsOf(item);
    const eventId = num(e.eventId ?? e.id);
    if (eventId === undefined) continue;
    const info: SchannelEventInfo = {
      eventId,
      alert: num(e.alert ?? e.alertCode ?? e.alertDescription) ?? null,
      state: num(e.state ?? e.errorState ?? e.internalState) ?? null,
      protocol: str(e.protocol) ?? null,
      side: schannelEventSide(eventId, roleOf(e) ?? ctx.side),
    };
    const ev = evidenceOfEvent(result, list, item) ?? evidenceFor(result, ['eventId', 'alert', 'state']);
    out.push({
      type: 'schannelEvent',
      value: info,
      ref: pasteRef(
        ctx,
        result,
        ev,
        ev?.meaning || `Schannel event ${eventId}${info.alert !== null ? ' alert ' + info.alert : ''}.`,
      ),
    });
    const suite = suiteName(str(e.cipherSuiteName ?? e.cipherSuite ?? e.suite));
    if (eventId === 36880 && suite)
      out.push({
        type: 'negotiatedSuite',
        value: suite,
        // the event's own lines: the parser keeps no evidence record for the suite alone (looking one up by
        // fact name read the whole evidence list once per event: quadratic in a long export)
        ref: pasteRef(ctx, result, ev, `Negotiated ${suite}.`),
      });
  }
  return out;
}

/**
 * A suite as event 36880 gives it ("0xC030") by its IANA name when the table knows the code point: the rules
 * compare names (a DHE suite written in hex is still a DHE suite).
 */
function suiteName(suite: string | undefined): string | undefined {
  if (!suite || !/^0x[0-9a-f]{1,4}$/i.test(suite)) return suite;
  return suiteById(parseInt(suite.slice(2), 16))?.iana ?? suite;
}

function roleOf(e: Obj): MaybeSide | undefined {
  const role = str(e.role ?? e.side);
  return role === 'client' || role === 'server' ? role : undefined;
}

/** 36874 is logged by the server role: "received from a remote client application". */
function schannelEventSide(eventId: number, inputSide: MaybeSide): MaybeSide {
  if (eventId === 36874) return 'server';
  return inputSide;
}

// ---------------------------------------------------------------------------------------------------
// packet-capture (capture/analyze.ts: one entry per SQL Server connection)
// ---------------------------------------------------------------------------------------------------

const FAILED = new Set(['handshake-failed', 'closed-before-handshake', 'syn-rejected', 'syn-unanswered']);

function protocolOfVersion(v: string | undefined): ProtocolName | undefined {
  if (!v) return undefined;
  return (PROTOCOL_NAMES as readonly string[]).find((p) => p === v) as ProtocolName | undefined;
}

export function adaptPacketCapture(result: Result, ctx: AdapterContext): Observation[] {
  const f = result.facts;
  const out: Observation[] = [];
  const conns = (arr(first(f, ['connections', 'conversations'])) ?? []).filter(isObj);
  const failed = conns.filter((c) => FAILED.has(str(c.outcome) ?? ''));
  const focus = failed[0] ?? conns[0];
  const cref = (c: Obj, facts: string[], note: string): EvidenceRef => {
    const i = conns.indexOf(c);
    const r = refOf(
      ctx,
      result,
      facts.map((x) => `connections.${i}.${x}`),
      note,
    );
    const summary = str(c.summary);
    return summary && r.evidence === null ? { ...r, note: `${note} ${summary}` } : r;
  };
  // SYN trouble on any connection
  const syn = conns.find(
    (c) =>
      bool(at(c, 'signals.synRetransmitted')) ||
      bool(at(c, 'signals.synRejected')) ||
      (num(c.synRetransmits) ?? 0) > 0,
  );
  if (syn)
    out.push({
      type: 'synTrouble',
      ref: cref(
        syn,
        ['synRetransmits', 'reset'],
        'The client had to resend its SYN, or the server answered it with a reset: the TCP handshake itself failed.',
      ),
    });
  if (!focus) return out;

  const version = str(first(focus, ['tdsPrelogin.sqlServerVersion', 'tdsPrelogin.server.version']));
  if (version && /^\d{1,2}\.\d{1,2}\.\d{1,5}/.test(version)) {
    const [obs] = adaptSqlVersion({ ...result, facts: { build: version } }, ctx);
    if (obs && obs.type === 'sql')
      out.push({
        ...obs,
        ref: cref(
          focus,
          ['tdsPrelogin.server', 'tdsPrelogin'],
          `The server's PRELOGIN reports SQL Server ${version}.`,
        ),
      });
  }
  const hello = at(focus, 'clientHello');
  if (isObj(hello)) {
    const suites = strings(first(hello, ['suiteNames', 'suites']));
    if (suites && suites.length > 0)
      out.push({
        type: 'suites',
        value: suites,
        side: 'client',
        ref: cref(
          focus,
          ['clientHello'],
          `The client offered ${suites.length} cipher suites in its Client Hello.`,
        ),
      });
    const versions = (strings(hello.versions) ?? [])
      .map(protocolOfVersion)
      .filter((p): p is ProtocolName => !!p);
    if (versions.length > 0)
      out.push({
        type: 'offeredVersions',
        value: versions,
        ref: cref(focus, ['clientHello'], `The client offered ${versions.join(', ')}.`),
      });
  }
  const chosen = str(first(focus, ['serverHello.suite.name', 'serverHello.suite.hex']));
  if (chosen)
    out.push({
      type: 'negotiatedSuite',
      value: chosen,
      ref: cref(focus, ['serverHello'], `The server chose ${chosen}.`),
    });
  const alert = at(focus, 'alert');
  const description = num(at(alert, 'description'));
  const from = str(at(alert, 'from'));
  if (description !== undefined && (from === 'client' || from === 'server'))
    out.push({
      type: 'wireAlert',
      value: { from, alert: description },
      ref: cref(
        focus,
        ['alert'],
        `The ${from} sent TLS alert ${description} (${str(at(alert, 'name')) ?? 'alert'}).`,
      ),
    });
  if (bool(at(focus, 'signals.closedAfterClientHello')))
    out.push({
      type: 'closedAfterClientHello',
      ref: cref(
        focus,
        ['reset', 'fin', 'clientHello'],
        'The server closed the connection after the Client Hello, without a Server Hello.',
      ),
    });
  if (bool(at(focus, 'signals.closedAfterKeyExchange')))
    out.push({
      type: 'closedAfterKeyExchange',
      ref: cref(
        focus,
        ['reset', 'fin'],
        "The server closed the connection after the client's key exchange, before its own Finished.",
      ),
    });
  return out;
}

// ---------------------------------------------------------------------------------------------------

export const ADAPTERS: Partial<Record<ArtifactKind, (r: Result, ctx: AdapterContext) => Observation[]>> = {
  'client-error': adaptClientError,
  'schannel-protocols': adaptSchannelProtocols,
  'cipher-suites': adaptCipherSuites,
  'os-version': adaptOsVersion,
  'sql-version': adaptSqlVersion,
  certificate: adaptCertificate,
  errorlog: adaptErrorlog,
  'schannel-event': adaptSchannelEvent,
  'packet-capture': adaptPacketCapture,
};

/** Runs the adapter of a result's kind; an adapter that throws on a strange shape observes nothing. */
export function observe(result: Result, ctx: AdapterContext): Observation[] {
  const adapter = ADAPTERS[result.kind];
  if (!adapter || !isObj(result.facts)) return [];
  try {
    return adapter(result, ctx);
  } catch {
    return [];
  }
}
