/**
 * collectSignals(): a normalised view of everything known from the pastes and the wizard answers. Each
 * signal keeps its value and the evidence behind it (the pasted characters or the answer), so every rule
 * can say why. Parser fact shapes are known only to ./adapters.ts; wizard fact keys only to ./answers.ts.
 */
import { PROTOCOL_NAMES, type ProtocolName } from '../ids';
import type { Flow } from '../knowledge/types';
import { defaultProtocols, hasLeadingZeroFix } from '../knowledge-tables/windows';
import { parseSqlBuild, tls12Support } from '../knowledge-tables/sql-builds';
import { observe, type Observation, type RawProtocolState } from './adapters';
import { answerObservations } from './answers';
import { evidenceOfAll } from './rules/verdict';
import { isDheSuite, normaliseSuite, intersect } from './suites';
import type {
  Contradiction,
  DiagnosisInput,
  EvidenceRef,
  MachineView,
  MaybeSide,
  OsInfo,
  ProtocolSet,
  ProtocolState,
  Signal,
  Signals,
  WizardAnswers,
} from './types';

const sig = <T>(value: T, evidence: EvidenceRef[]): Signal<T> => ({ value, evidence });

export const emptyProtocolSet = (): ProtocolSet =>
  Object.fromEntries(PROTOCOL_NAMES.map((p) => [p, 'unknown'])) as ProtocolSet;

/** Which machine a paste is from, judged by what it holds (when the user did not say). */
function inferSide(input: DiagnosisInput): { side: MaybeSide; reason: string } {
  if (input.side)
    return {
      side: input.side,
      reason:
        'you said this paste is from the ' +
        (input.side === 'server' ? 'SQL Server machine' : 'client machine'),
    };
  const kinds = new Set((input.artifacts ?? []).map((a) => a?.kind));
  // SQL Server's own output (ERRORLOG lines, @@VERSION) describes the SQL Server machine
  const serverish = kinds.has('errorlog') || kinds.has('sql-version');
  const clientish = kinds.has('client-error');
  if (serverish && !clientish)
    return {
      side: 'server',
      reason: kinds.has('errorlog')
        ? 'it was pasted with ERRORLOG lines, which come from the SQL Server machine'
        : "it was pasted with SQL Server's version (@@VERSION), which describes the SQL Server machine",
    };
  if (clientish && !serverish)
    return { side: 'client', reason: 'it was pasted with the client error message' };
  return { side: 'unknown', reason: 'nothing in the paste says which machine it comes from' };
}

/** A fact's value as a contradiction quotes it ("SQL Server 2019 (build 15.0.4322.2)", "TLS 1.0, TLS 1.2"). */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (value !== null && typeof value === 'object') {
    // SQL Server and Windows readings: what they are is their product and build
    const { product, build } = value as { product?: unknown; build?: unknown };
    if (build !== undefined && build !== null) {
      return typeof product === 'string' && product
        ? `${product} (build ${String(build)})`
        : `build ${String(build)}`;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** Merges one kind of observation into a signal; a different value is a conflict (first value kept). */
class Merger {
  conflicts: Contradiction[] = [];
  /**
   * Signals this merger made for an agreeing observation: the caller stores each in place of the one it
   * replaces, so the next agreeing observation appends to its evidence instead of copying the list again
   * (a long ERRORLOG gives thousands of observations of one fact: copying made merging quadratic).
   */
  private grown = new WeakSet<object>();
  /**
   * "fact|input|part" of each conflict recorded: one per fact and place is enough, and a long paste can
   * disagree with itself hundreds of times (looking each up in the list made that quadratic)
   */
  private seen = new Set<string>();
  /**
   * "fact|value|value" -> the conflict recorded for that pair of values and how many other places repeat
   * it: several ERRORLOGs of two servers pasted together disagree the same way once per log, and one entry
   * that says how often reads better than a hundred identical ones
   */
  private byValues = new Map<string, { conflict: Contradiction; text: string; repeats: number }>();
  private static key(fact: string, ref: EvidenceRef): string {
    return `${fact}|${ref.input}|${ref.part}`;
  }
  /** Records a conflict found outside put() (so put() does not report that place again). */
  add(conflict: Contradiction) {
    this.seen.add(Merger.key(conflict.fact, conflict.b));
    this.conflicts.push(conflict);
  }
  put<T>(
    current: Signal<T> | undefined,
    value: T,
    ref: EvidenceRef,
    fact: string,
    same = (a: T, b: T) => a === b,
  ): Signal<T> {
    if (!current) return sig(value, [ref]);
    if (same(current.value, value)) {
      if (this.grown.has(current)) {
        current.evidence.push(ref);
        return current;
      }
      const next = sig(current.value, [...current.evidence, ref]);
      this.grown.add(next);
      return next;
    }
    const a = current.evidence[0];
    if (a && !this.seen.has(Merger.key(fact, ref))) {
      const was = describeValue(current.value);
      const now = describeValue(value);
      const pair = `${fact}|${was}|${now}`;
      const known = this.byValues.get(pair);
      this.seen.add(Merger.key(fact, ref));
      if (known) {
        known.repeats++;
        known.conflict.text = `${known.text} The same disagreement is in ${known.repeats} more place${known.repeats === 1 ? '' : 's'}.`;
        (known.conflict.elsewhere ??= []).push(ref);
      } else {
        const conflict = { fact, text: `${fact}: "${was}" in one place, "${now}" in another.`, a, b: ref };
        this.byValues.set(pair, { conflict, text: conflict.text, repeats: 0 });
        this.add(conflict);
      }
    }
    return current;
  }
}

const toState = (
  s: RawProtocolState,
  def: 'enabled' | 'disabled' | 'not-supported' | null,
): ProtocolState => {
  if (s === 'enabled') return 'on';
  if (s === 'disabled' || s === 'not-supported') return 'off';
  if (def === 'enabled') return 'on';
  if (def === 'disabled' || def === 'not-supported') return 'off';
  return 'unknown';
};

function ntOf(build: number | null): string | null {
  if (build === null) return null;
  if (build < 7600) return '6.0';
  if (build < 9200) return '6.1';
  if (build < 9600) return '6.2';
  if (build < 10240) return '6.3';
  return '10.0';
}

/** Same Windows build (or one of them unknown): two readings of one machine. */
const sameBuild = (a: OsInfo, b: OsInfo) => a.build === b.build || a.build === null || b.build === null;

/** The richer of two readings: a known build, then a known UBR (so the leading-zero fix is known). */
function richness(os: OsInfo): number {
  return (os.build !== null ? 2 : 0) + (os.ubr !== null ? 1 : 0);
}

/**
 * Two readings of the same machine and build: the one with the UBR (update build revision) wins, since it
 * says whether the DHE leading-zero fix is installed; its evidence comes first. Readings of different
 * builds are left to the caller (a conflict).
 */
function preferRicher(
  current: Signal<OsInfo>,
  next: Signal<OsInfo>,
  owned?: WeakSet<object>,
): Signal<OsInfo> {
  if (current === next) return current;
  if (richness(next.value) > richness(current.value)) {
    const richer = sig(completeOs({ ...current.value, ...definedOf(next.value) }), [
      ...next.evidence,
      ...current.evidence,
    ]);
    owned?.add(richer);
    return richer;
  }
  // a signal this function made for the caller's loop, held by nobody else: grown in place, since copying
  // it for each of a long paste's hundreds of readings of one machine made merging them quadratic
  if (owned?.has(current)) {
    current.evidence.push(...next.evidence);
    return current;
  }
  const merged = sig(current.value, [...current.evidence, ...next.evidence]);
  owned?.add(merged);
  return merged;
}

/** The fields of an OsInfo that are known. */
function definedOf(os: OsInfo): Partial<OsInfo> {
  return Object.fromEntries(Object.entries(os).filter(([, v]) => v !== null)) as Partial<OsInfo>;
}

function completeOs(os: OsInfo): OsInfo {
  const fix =
    os.leadingZeroFix ??
    (os.build !== null ? hasLeadingZeroFix(os.build >= 10240 ? 10 : 6, os.build, os.ubr) : null);
  return { ...os, leadingZeroFix: fix };
}

/** What one collectSignals() call keeps while it merges observations. */
interface Collecting {
  m: Merger;
  /** the OS signals preferRicher() made, which it may grow in place */
  ownedOs: WeakSet<object>;
  /** each pasted cipher list's per-suite evidence, by the list's input and part */
  suiteRefs: SuiteRefs;
  /**
   * The TLS 1.2 verdict of each SQL Server build read in this call: a long ERRORLOG or a list of @@VERSION
   * outputs repeats the same few builds hundreds of times, and the table lookup is not free.
   */
  tls12Verdicts: Map<string, ReturnType<typeof tls12Support> | null>;
}

/**
 * Reads everything known. Never throws on odd parser output.
 *
 * Written as stages, each a function of its own (observations per paste, the machine of each paste, the
 * merge of each observation, the derived views): V8 optimises small functions sooner, and took a quarter
 * of a second to compile the single long function while a long paste's first runs went by unoptimised.
 */
export function collectSignals(
  inputs: readonly DiagnosisInput[],
  answers: WizardAnswers = {},
  flow?: Flow,
): Signals {
  const m = new Merger();
  const s: Signals = {
    inputsCount: inputs.length,
    machines: [],
    certificates: [],
    schannelEvents: [],
    errorlogEvents: [],
    hints: [],
    wireAlerts: [],
    answerFacts: {},
    unusable: [],
    conflicts: m.conflicts,
  };
  const c: Collecting = { m, ownedOs: new WeakSet<object>(), suiteRefs: new Map(), tls12Verdicts: new Map() };
  const perInput = observeInputs(s, inputs);
  perInput.forEach(({ obs }, i) => machineObservations(s.machines[i]!, obs, c));
  for (const mv of s.machines) resolveProtocolStates(mv);

  const answerObs = answerObservations(answers, flow);
  for (const a of answerObs.facts) s.answerFacts[a.fact] = sig(a.answerId, [a.ref]);
  // answers first: what the user states wins over what a paste implies (the disagreement is reported)
  for (const o of answerObs.observations) mergeObservation(s, c, o);
  // a loop over each paste's list, not a joined copy: a long paste has thousands of observations
  for (const x of perInput) for (const o of x.obs) mergeObservation(s, c, o);

  deriveMachines(s);
  deriveProtocols(s);
  deriveSuites(s, c.suiteRefs);
  deriveCertificate(s);
  deriveErrorlog(s);
  return s;
}

/** Each paste's observations, and its machine (with the side it is judged to be). */
function observeInputs(
  s: Signals,
  inputs: readonly DiagnosisInput[],
): Array<{ side: MaybeSide; obs: Observation[] }> {
  const perInput: Array<{ side: MaybeSide; obs: Observation[] }> = [];
  inputs.forEach((input, i) => {
    const { side, reason } = inferSide(input);
    const obs: Observation[] = [];
    (input.artifacts ?? []).forEach((artifact, part) => {
      if (!artifact || typeof artifact !== 'object') return;
      if (artifact.kind === 'unknown') {
        s.unusable.push({
          from: 'paste',
          input: i,
          source: input.source,
          part,
          kind: 'unknown',
          evidence: null,
          note: artifact.problems?.[0]?.message ?? 'This part could not be recognised.',
        });
        return;
      }
      for (const o of observe(artifact, { input: i, source: input.source, part, side })) obs.push(o);
    });
    perInput.push({ side, obs });
    s.machines.push({ input: i, source: input.source, side, sideReason: reason });
  });
  return perInput;
}

type RawProtocols = Record<ProtocolName, { client: RawProtocolState; server: RawProtocolState }>;

/** The observations that describe the machine a paste comes from: its protocols, cipher suites and OS. */
function machineObservations(mv: MachineView, obs: readonly Observation[], c: Collecting): void {
  for (const o of obs) {
    if (o.type === 'protocols' && !mv.protocols) {
      mv.protocols = sig({ client: emptyProtocolSet(), server: emptyProtocolSet() }, o.keys ?? [o.ref]);
      // states resolved below, once the machine's OS is known
      (mv as MachineView & { rawProtocols?: typeof o.value }).rawProtocols = o.value;
    } else if (o.type === 'suites' && !o.side && !mv.suites) {
      mv.suites = sig(o.value.map(normaliseSuite), [o.ref]);
      if (o.perSuite) c.suiteRefs.set(refKey(o.ref), perSuiteMap(o.perSuite));
    } else if (o.type === 'os' && !o.side) {
      const v = completeOs(o.value);
      mv.os = !mv.os
        ? sig(v, [o.ref])
        : sameBuild(mv.os.value, v)
          ? preferRicher(mv.os, sig(v, [o.ref]), c.ownedOs)
          : c.m.put(mv.os, v, o.ref, 'Windows build');
    }
  }
}

/** A machine's protocol states, with the Windows defaults of its OS where the registry says nothing. */
function resolveProtocolStates(mv: MachineView): void {
  const raw = (mv as MachineView & { rawProtocols?: RawProtocols }).rawProtocols;
  delete (mv as MachineView & { rawProtocols?: unknown }).rawProtocols;
  if (!raw || !mv.protocols) return;
  const defaults = mv.os ? defaultProtocols(ntOf(mv.os.value.build), mv.os.value.build) : null;
  for (const p of PROTOCOL_NAMES) {
    mv.protocols.value.client[p] = toState(raw[p].client, defaults ? defaults[p].client : null);
    mv.protocols.value.server[p] = toState(raw[p].server, defaults ? defaults[p].server : null);
  }
}

/** Merges one observation into the signals. */
function mergeObservation(s: Signals, c: Collecting, o: Observation): void {
  switch (o.type) {
    case 'family': {
      // the article's error wins over a look-alike found in another paste: both are reported
      if (s.family && s.family.value !== o.value && s.family.evidence[0]?.from === 'paste') {
        c.m.add({
          fact: 'family',
          text: `One paste reads as ${s.family.value}, another as ${o.value}.`,
          a: s.family.evidence[0],
          b: o.ref,
        });
        if (o.value === 'handshake-reset') s.family = sig(o.value, [o.ref]);
      } else s.family = c.m.put(s.family, o.value, o.ref, 'family');
      break;
    }
    case 'otherError':
      s.otherError = c.m.put(s.otherError, o.value, o.ref, 'otherError');
      break;
    case 'phase':
      s.phase = c.m.put(s.phase, o.value, o.ref, 'phase');
      break;
    case 'driver':
      s.driver = c.m.put(s.driver, o.value, o.ref, 'driver');
      break;
    case 'clientPlatform':
      s.clientPlatform = c.m.put(s.clientPlatform, o.value, o.ref, 'client platform');
      break;
    case 'clientStack':
      s.clientStack = c.m.put(s.clientStack, o.value, o.ref, 'client TLS stack');
      break;
    case 'osError':
      s.osError = c.m.put(s.osError, o.value, o.ref, 'OS error');
      break;
    case 'opensslReason':
      s.opensslReason = c.m.put(s.opensslReason, o.value, o.ref, 'OpenSSL reason');
      break;
    case 'jdbcReason':
      s.jdbcReason = c.m.put(s.jdbcReason, o.value, o.ref, 'JDBC reason');
      break;
    case 'serverPickedOldProtocol':
      s.serverPickedOldProtocol = c.m.put(
        s.serverPickedOldProtocol,
        o.value,
        o.ref,
        'protocol chosen by the server',
      );
      break;
    case 'localAlgorithmMismatch':
      s.localAlgorithmMismatch = c.m.put(s.localAlgorithmMismatch, true as const, o.ref, 'common algorithm');
      break;
    case 'legacyDriver':
      s.legacyDriver = c.m.put(s.legacyDriver, true as const, o.ref, 'legacy driver');
      break;
    case 'decryptFailure':
      s.decryptFailure = c.m.put(s.decryptFailure, true as const, o.ref, 'decrypt failure');
      break;
    case 'strict':
      s.strict = c.m.put(s.strict, true as const, o.ref, 'strict encryption');
      break;
    case 'sql':
      mergeSql(s, c, o.value, o.ref);
      break;
    case 'os':
      // an OS named with its side (SQL Server's @@VERSION, a wizard answer); per-paste ones are per machine
      if (o.side) {
        const v = sig(completeOs(o.value), [o.ref]);
        const merge = (cur: Signal<OsInfo> | undefined, fact: string) =>
          !cur
            ? v
            : sameBuild(cur.value, v.value)
              ? preferRicher(cur, v, c.ownedOs)
              : c.m.put(cur, v.value, o.ref, fact);
        if (o.side === 'server') s.serverOs = merge(s.serverOs, 'server Windows build');
        else s.clientOs = merge(s.clientOs, 'client Windows build');
      }
      break;
    case 'frequency':
      s.frequency = c.m.put(s.frequency, o.value, o.ref, 'always or intermittent');
      break;
    case 'busyServer':
      s.busyServer = c.m.put(s.busyServer, o.value, o.ref, 'busy server');
      break;
    case 'certificate':
      s.certificates.push(sig(o.value, [o.ref]));
      break;
    case 'errorlogThumbprint':
      s.errorlogThumbprint = c.m.put(s.errorlogThumbprint, o.value, o.ref, 'certificate in the ERRORLOG');
      break;
    case 'selfGenerated':
      s.selfGeneratedCert = c.m.put(s.selfGeneratedCert, o.value, o.ref, 'self-generated certificate');
      break;
    case 'errorlogEvent':
      s.errorlogEvents.push(sig(o.value, [o.ref]));
      break;
    case 'schannelEvent':
      s.schannelEvents.push(sig(o.value, [o.ref]));
      break;
    case 'negotiatedSuite':
      s.negotiatedSuite = c.m.put(s.negotiatedSuite, normaliseSuite(o.value), o.ref, 'negotiated suite');
      break;
    case 'synTrouble':
      s.synTrouble = c.m.put(s.synTrouble, true as const, o.ref, 'SYN trouble');
      break;
    case 'closedAfterClientHello':
      s.closedAfterClientHello = c.m.put(
        s.closedAfterClientHello,
        true as const,
        o.ref,
        'closed after Client Hello',
      );
      break;
    case 'suites':
      if (o.side === 'client' && !s.offeredSuites) {
        s.offeredSuites = sig(o.value.map(normaliseSuite), [o.ref]);
        if (o.perSuite) c.suiteRefs.set(refKey(o.ref), perSuiteMap(o.perSuite));
      }
      break;
    case 'offeredVersions':
      s.offeredVersions = c.m.put(
        s.offeredVersions,
        o.value,
        o.ref,
        'TLS versions offered',
        (a, b) => a.join() === b.join(),
      );
      break;
    case 'wireAlert':
      s.wireAlerts.push(sig(o.value, [o.ref]));
      break;
    case 'closedAfterKeyExchange':
      s.closedAfterKeyExchange = c.m.put(
        s.closedAfterKeyExchange,
        true as const,
        o.ref,
        'closed after key exchange',
      );
      break;
    case 'hint':
      s.hints.push(sig(o.value, [o.ref]));
      break;
    case 'unusable':
      s.unusable.push(o.ref);
      break;
    default:
      break;
  }
}

/** A SQL Server build: its TLS 1.2 support completed from the build table, then merged. */
function mergeSql(
  s: Signals,
  c: Collecting,
  v: Extract<Observation, { type: 'sql' }>['value'],
  ref: EvidenceRef,
) {
  if (v.build && (v.supportsTls12 === null || v.minimumTls12Build === null)) {
    const text = v.build.split(' ')[0] ?? '';
    let verdict = c.tls12Verdicts.get(text);
    if (verdict === undefined) {
      const b = parseSqlBuild(text);
      verdict = b ? tls12Support(b) : null;
      c.tls12Verdicts.set(text, verdict);
    }
    if (verdict) {
      v.supportsTls12 = v.supportsTls12 ?? verdict.supportsTls12;
      v.minimumTls12Build = v.minimumTls12Build ?? verdict.minimumTls12Build;
      v.product = v.product ?? verdict.product;
    }
  }
  if (v.hasLoginDispatcherPool === null && v.major !== null) v.hasLoginDispatcherPool = v.major >= 15;
  s.sql = c.m.put(s.sql, v, ref, 'SQL Server build', (a, b) => a.build === b.build || !b.build || !a.build);
}

/** OS per side from the machines. */
function deriveMachines(s: Signals) {
  // a paste's own Windows reading and the OS named with its side (@@VERSION) may be the same machine
  const join = (cur: Signal<OsInfo> | undefined, os: Signal<OsInfo>, fact: string) => {
    if (!cur) return os;
    if (sameBuild(cur.value, os.value)) return preferRicher(cur, os);
    const a = cur.evidence[0];
    const b = os.evidence[0];
    if (a && b && !s.conflicts.some((c) => c.fact === fact && c.b === b))
      s.conflicts.push({
        fact,
        text: `${fact}: build ${cur.value.build} in one place, build ${os.value.build} in another.`,
        a,
        b,
      });
    return cur;
  };
  for (const mv of s.machines) {
    if (!mv.os) continue;
    if (mv.side === 'server') s.serverOs = join(s.serverOs, mv.os, 'server Windows build');
    else if (mv.side === 'client') s.clientOs = join(s.clientOs, mv.os, 'client Windows build');
  }
  const unknown = s.machines.filter((mv) => mv.side === 'unknown' && mv.os);
  // an unknown-side reading pasted with the SQL Server version of the same build is the server
  for (const mv of [...unknown]) {
    const os = mv.os!;
    const sqlHere = s.sql?.evidence.some((e) => e.input === mv.input);
    if (sqlHere && s.serverOs && os.value.build !== null && s.serverOs.value.build === os.value.build) {
      s.serverOs = preferRicher(s.serverOs, os);
      unknown.splice(unknown.indexOf(mv), 1);
    }
  }
  if (unknown.length === 1) {
    const os = unknown[0]!.os!;
    // one side known, the other pasted without a side: it is most likely the other machine
    if (s.serverOs && !s.clientOs && s.serverOs !== os)
      s.clientOs = withNote(os, 'taken as the client machine, since the server is known');
    else if (s.clientOs && !s.serverOs && s.clientOs !== os)
      s.serverOs = withNote(os, 'taken as the SQL Server machine, since the client is known');
    else if (!s.serverOs && !s.clientOs) s.unknownSideOs = os;
  } else if (unknown.length >= 2 && !s.serverOs && !s.clientOs) {
    s.unknownSideOs = unknown[0]!.os!;
  }
}

function withNote<T>(signal: Signal<T>, note: string): Signal<T> {
  return {
    value: signal.value,
    evidence: signal.evidence.map((e) => ({ ...e, note: `${e.note} (${note})` })),
  };
}

function setOff(set: ProtocolSet, protocols: ProtocolName[]) {
  for (const p of protocols) set[p] = 'off';
}

function deriveProtocols(s: Signals) {
  const client = emptyProtocolSet();
  const server = emptyProtocolSet();
  const cEv: EvidenceRef[] = [];
  const sEv: EvidenceRef[] = [];
  const unknownMachines = s.machines.filter((mv) => mv.protocols && mv.side === 'unknown');
  for (const mv of s.machines) {
    if (!mv.protocols) continue;
    let side = mv.side;
    // two dumps, one with a known side: the other is the other machine
    if (side === 'unknown' && unknownMachines.length === 1) {
      const known = s.machines.find((x) => x.protocols && x.side !== 'unknown');
      if (known) side = known.side === 'server' ? 'client' : 'server';
    }
    if (side === 'client') {
      Object.assign(client, mv.protocols.value.client);
      cEv.push(...mv.protocols.evidence);
    } else if (side === 'server') {
      Object.assign(server, mv.protocols.value.server);
      sEv.push(...mv.protocols.evidence);
    } else if (!s.unknownSideProtocols) {
      s.unknownSideProtocols = mv.protocols;
    }
  }
  // the SQL Server build caps the server side
  if (s.sql) {
    if (s.sql.value.supportsTls12 === false) {
      setOff(server, ['TLS 1.2', 'TLS 1.3']);
      sEv.push(...s.sql.evidence);
    } else if (s.sql.value.major !== null && s.sql.value.major < 16) {
      server['TLS 1.3'] = 'off';
    }
  }
  if (s.serverPickedOldProtocol) {
    const picked = s.serverPickedOldProtocol.value;
    const idx = PROTOCOL_NAMES.indexOf(picked);
    setOff(server, PROTOCOL_NAMES.slice(idx + 1) as ProtocolName[]);
    client[picked] = 'off';
    sEv.push(...s.serverPickedOldProtocol.evidence);
    cEv.push(...s.serverPickedOldProtocol.evidence);
  }
  if (s.offeredVersions) {
    // what the client actually offered on the wire settles its side
    for (const p of PROTOCOL_NAMES) client[p] = s.offeredVersions.value.includes(p) ? 'on' : 'off';
    cEv.push(...s.offeredVersions.evidence);
  }
  if (s.legacyDriver) {
    setOff(client, ['TLS 1.2', 'TLS 1.3']);
    cEv.push(...s.legacyDriver.evidence);
  }
  if (
    s.opensslReason &&
    /unsupported protocol|wrong version number|no protocols available/i.test(s.opensslReason.value)
  ) {
    setOff(client, ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1']);
    cEv.push(...s.opensslReason.evidence);
  }
  // 36871 state 10013: no protocol left for that role on the machine that logged it
  for (const e of s.schannelEvents) {
    if (e.value.eventId === 36871 && e.value.state === 10013) {
      const target = e.value.side === 'server' ? server : e.value.side === 'client' ? client : null;
      if (target) {
        setOff(target, [...PROTOCOL_NAMES]);
        (e.value.side === 'server' ? sEv : cEv).push(...e.evidence);
      }
    }
  }
  if (cEv.length) s.clientProtocols = sig(client, dedupe(cEv));
  if (sEv.length) s.serverProtocols = sig(server, dedupe(sEv));
}

function dedupe(list: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.from}|${e.input}|${e.part}|${e.evidence?.start}|${e.evidence?.end}|${e.note}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type SuiteRefs = Map<string, Map<string, EvidenceRef>>;

const refKey = (r: EvidenceRef) => `${r.input}|${r.part}`;

function perSuiteMap(list: Array<{ name: string; ref: EvidenceRef }>): Map<string, EvidenceRef> {
  const out = new Map<string, EvidenceRef>();
  for (const x of list) {
    const k = normaliseSuite(x.name);
    if (!out.has(k)) out.set(k, x.ref);
  }
  return out;
}

/**
 * The evidence of some suites of a list: each suite's own characters (up to `max`), keeping the list's
 * note (e.g. "taken as the client machine"); the list's evidence when the parser gave no per-suite spans.
 */
function suiteEvidence(
  refs: SuiteRefs,
  list: Signal<string[]>,
  names: readonly string[],
  max = 3,
): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  for (const listRef of list.evidence) {
    const map = refs.get(refKey(listRef));
    if (!map) continue;
    const extra = listRef.note.match(/ \((taken as [^)]*)\)$/)?.[1];
    for (const n of names.slice(0, max)) {
      const r = map.get(n);
      if (r) out.push(extra ? { ...r, note: `${r.note} (${extra})` } : r);
    }
  }
  return out.length ? out : list.evidence;
}

function deriveSuites(s: Signals, refs: SuiteRefs) {
  const lists = s.machines.filter((mv) => mv.suites);
  let client = lists.find((mv) => mv.side === 'client')?.suites ?? s.offeredSuites;
  let server = lists.find((mv) => mv.side === 'server')?.suites;
  const unknown = lists.filter((mv) => mv.side === 'unknown').map((mv) => mv.suites!);
  let pairedUnknown = false;
  if (unknown.length > 0) {
    if (server && !client)
      client = withNote(unknown[0]!, 'taken as the client machine, since the server list is known');
    else if (client && !server)
      server = withNote(unknown[0]!, 'taken as the SQL Server machine, since the client list is known');
    else if (!client && !server && unknown.length >= 2) {
      // two lists, machines unknown: which is which matters only for the order
      client = unknown[0];
      server = unknown[1];
      pairedUnknown = true;
    } else if (!client && !server) s.unknownSideSuites = unknown[0];
  }
  if (client) s.clientSuites = client;
  if (server) s.serverSuites = server;

  const known = [client, server, s.unknownSideSuites].filter((x): x is Signal<string[]> => !!x);
  if (known.length) {
    const withDhe = known.filter((l) => l.value.some(isDheSuite));
    if (withDhe.length)
      s.dheEnabledSomewhere = sig(
        true,
        withDhe.flatMap((l) => suiteEvidence(refs, l, l.value.filter(isDheSuite))),
      );
    else
      s.dheDisabledEverywhere = sig(
        true,
        known.flatMap((l) => l.evidence),
      );
  }
  if (client && server) {
    const ev = [...client.evidence, ...server.evidence];
    /** the characters of these suites in both lists */
    const both = (names: readonly string[]) => [
      ...suiteEvidence(refs, server, names),
      ...suiteEvidence(refs, client, names),
    ];
    const common = intersect(server.value, client.value);
    // "they share N suites (first: X)": X's characters; "they share none": the two lists
    s.commonSuites = sig(common, common.length ? both(common.slice(0, 1)) : ev);
    const dhe = common.filter(isDheSuite);
    s.dheInCommon = sig(dhe.length > 0, dhe.length ? both(dhe) : ev);
    s.dheOnlyInCommon = sig(common.length > 0 && dhe.length === common.length, dhe.length ? both(dhe) : ev);
    if (common.length > 0) {
      const firstServer = common[0]!;
      if (pairedUnknown) {
        const other = intersect(client.value, server.value)[0]!;
        if (isDheSuite(firstServer) === isDheSuite(other))
          s.dheFirst = sig(isDheSuite(firstServer), both([...new Set([firstServer, other])]));
      } else s.dheFirst = sig(isDheSuite(firstServer), both([firstServer]));
    }
  } else if (s.unknownSideSuites || client || server) {
    const only = (client ?? server ?? s.unknownSideSuites)!;
    if (only.value.length > 0 && isDheSuite(only.value[0]!))
      s.dheFirst = sig(true, suiteEvidence(refs, only, only.value.slice(0, 1)));
  }
}

function deriveCertificate(s: Signals) {
  const thumb = s.errorlogThumbprint?.value;
  if (thumb) {
    const hit = s.certificates.find((c) => c.value.thumbprint === thumb);
    if (hit)
      s.certInUse = sig({ ...hit.value, matchedErrorlog: true }, [
        ...hit.evidence,
        ...s.errorlogThumbprint!.evidence,
      ]);
    const miss = s.certificates.find((c) => c.value.thumbprint && c.value.thumbprint !== thumb);
    if (!hit && miss) s.certNotInUse = miss;
  } else if (s.certificates.length === 1 && !s.selfGeneratedCert?.value) {
    const only = s.certificates[0]!;
    s.certInUse = sig({ ...only.value, matchedErrorlog: false }, only.evidence);
  } else if (s.certificates.length > 1) {
    // several listed: a weak one that could be auto-picked is what matters
    const weak = s.certificates.find(
      (c) => c.value.weakForSqlServer === true && c.value.serverAuthEku !== false,
    );
    if (weak && !s.selfGeneratedCert?.value)
      s.certInUse = sig({ ...weak.value, matchedErrorlog: false }, weak.evidence);
  }
}

function deriveErrorlog(s: Signals) {
  const resets = s.errorlogEvents.filter(
    (e) => e.value.error === 17830 && (e.value.networkError === 10054 || e.value.networkError === null),
  );
  if (resets.length) {
    const withSsl = resets.find((e) => (e.value.sslMs ?? 0) > 0) ?? resets[0]!;
    s.errorlogResetDuringLogin = sig({ sslMs: withSsl.value.sslMs }, evidenceOfAll(resets, 3));
  }
  const stress = s.errorlogEvents.filter((e) => STRESS_ERRORS.has(e.value.error));
  if (stress.length)
    s.listenerStress = sig([...new Set(stress.map((e) => e.value.error))], evidenceOfAll(stress, 4));
}

/** ERRORLOG errors of a listener under stress. */
const STRESS_ERRORS = new Set([17887, 17197, 26040, 17809]);
