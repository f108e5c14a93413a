/**
 * Types of the diagnosis: what goes in (parsed pastes and wizard answers), the normalised signals read
 * from them, what each rule says, and the verdict. Plain serialisable data.
 */
import type { Family, OtherErrorId, ProtocolName, ScenarioId } from '../ids';
import type { ArtifactKind, Evidence, ParseResult } from '../model';
import type { CommandBlock } from '../knowledge/types';

/** Which machine something describes: the one running the client, or the one running SQL Server. */
export type Side = 'client' | 'server';
export type MaybeSide = Side | 'unknown';

/** One paste or file, already parsed (parsers/index.ts analyzeText() gives the parts). */
export interface DiagnosisInput {
  /** what the user knows it as: a file name, "Paste 2" */
  source: string;
  /** the parsed parts of this paste, in order */
  artifacts: ReadonlyArray<ParseResult<ArtifactKind, object>>;
  /**
   * Which machine the paste comes from, when the user said so. Without it, the side of machine-specific
   * pastes (registry dumps, cipher lists, Windows versions) is inferred from what else the paste holds.
   */
  side?: Side;
}

/** Wizard answers: question id -> answer id. */
export type WizardAnswers = Readonly<Record<string, string>>;

/** Where a signal came from: characters of a paste, or a wizard answer. */
export interface EvidenceRef {
  /** 'paste': a span of inputs[input]; 'answer': a wizard answer; 'derived': a conclusion from other signals */
  from: 'paste' | 'answer' | 'derived';
  /** index into the inputs given to diagnose(); -1 for answers and derived conclusions */
  input: number;
  /** the input's source name, or "your answer" for wizard answers */
  source: string;
  /** index of the artifact inside the input; -1 when not from a paste */
  part: number;
  kind: ArtifactKind | 'answer' | 'derived';
  /** the exact characters (offsets into the input's text); null when the parser gave no span */
  evidence: Evidence | null;
  /** plain words: what this shows */
  note: string;
  questionId?: string;
  answerId?: string;
}

/** A value and what supports it. */
export interface Signal<T> {
  value: T;
  evidence: EvidenceRef[];
}

export type ProtocolState = 'on' | 'off' | 'unknown';
export type ProtocolSet = Record<ProtocolName, ProtocolState>;

/** Everything known about one machine, from one input. */
export interface MachineView {
  input: number;
  source: string;
  side: MaybeSide;
  /** why we think the paste is from that side */
  sideReason: string;
  /** effective protocol states per role of this machine (registry + OS defaults) */
  protocols?: Signal<{ client: ProtocolSet; server: ProtocolSet }>;
  /** enabled cipher suites in order (IANA names, curve suffixes removed) */
  suites?: Signal<string[]>;
  os?: Signal<OsInfo>;
}

export interface OsInfo {
  product: string | null;
  /** e.g. 9600, 14393, 17763 */
  build: number | null;
  /** update build revision, e.g. 3542 in 14393.3542 */
  ubr: number | null;
  /** KB4557473 DHE leading-zero fix: true / false / null unknown */
  leadingZeroFix: boolean | null;
  /** '2012' (6.2) / '2012r2' (6.3) / '2016' ... as the knowledge tables name cipher families */
  family: string | null;
}

export interface SqlInfo {
  product: string | null;
  build: string | null;
  major: number | null;
  supportsTls12: boolean | null;
  minimumTls12Build: string | null;
  hasLoginDispatcherPool: boolean | null;
  /** SQL Server on Linux */
  linux: boolean;
}

export interface CertificateInfo {
  thumbprint: string | null;
  signatureHash: string | null;
  signatureAlgorithm: string | null;
  weakForSqlServer: boolean | null;
  weakOnLinuxOpenSsl: boolean | null;
  serverAuthEku: boolean | null;
  subject: string | null;
}

export interface SchannelEventInfo {
  eventId: number;
  alert: number | null;
  state: number | null;
  protocol: string | null;
  side: MaybeSide;
}

export interface ErrorlogEventInfo {
  error: number;
  state: number | null;
  /** network error code of 17830 (10054 for 0x2746) */
  networkError: number | null;
  /** "establishing SSL N ms" of 17830 */
  sslMs: number | null;
}

export type Frequency = 'always' | 'intermittent';
export type ClientStack =
  'schannel' | 'openssl' | 'java' | 'go' | 'node' | 'rust' | 'managed-sni' | 'unknown';

/** The normalised view of everything known. Absent = unknown. */
export interface Signals {
  inputsCount: number;
  family?: Signal<Family>;
  otherError?: Signal<OtherErrorId>;
  phase?: Signal<'pre-login' | 'login' | 'after-login' | 'unknown'>;
  driver?: Signal<string>;
  /** the client's platform */
  clientPlatform?: Signal<'windows' | 'linux-macos'>;
  /** which TLS implementation the client uses */
  clientStack?: Signal<ClientStack>;
  osError?: Signal<number>;
  /** OpenSSL reason text, e.g. "unsupported protocol", "legacy sigalg disallowed or unsupported" */
  opensslReason?: Signal<string>;
  /** JDBC cause text inside Error: "..." */
  jdbcReason?: Signal<string>;
  /** the client saw the server pick a protocol it refuses (Go 'version 301', JDBC 'TLS10 is not accepted') */
  serverPickedOldProtocol?: Signal<ProtocolName>;
  /** client-side Schannel: "do not possess a common algorithm" (0x80090331) */
  localAlgorithmMismatch?: Signal<true>;
  /** legacy DBNETLIB driver (SQLOLEDB / {SQL Server}): TLS 1.0 only */
  legacyDriver?: Signal<true>;
  /** SEC_E_DECRYPT_FAILURE / bad record MAC seen by the client */
  decryptFailure?: Signal<true>;
  /** TDS 8 / Encrypt=Strict / Force Strict Encryption mentioned */
  strict?: Signal<true>;
  /** what the client-error parser read as pointing to a scenario (e.g. a JDBC or Go message naming the cause) */
  hints: Array<Signal<{ scenario: ScenarioId; why: string; strength: 'strong' | 'weak' }>>;

  machines: MachineView[];
  /** protocol capability per side, combining registry, OS defaults, SQL build and client stack */
  clientProtocols?: Signal<ProtocolSet>;
  serverProtocols?: Signal<ProtocolSet>;
  /** registry dumps whose machine is unknown: states of both roles of that machine */
  unknownSideProtocols?: Signal<{ client: ProtocolSet; server: ProtocolSet }>;

  clientSuites?: Signal<string[]>;
  serverSuites?: Signal<string[]>;
  /** a cipher list whose machine is unknown (only when it could not be paired) */
  unknownSideSuites?: Signal<string[]>;
  /** suites both sides have, in the server's order */
  commonSuites?: Signal<string[]>;
  dheInCommon?: Signal<boolean>;
  dheOnlyInCommon?: Signal<boolean>;
  /** the suite Schannel would pick (first of the server's order the client offers) is DHE */
  dheFirst?: Signal<boolean>;
  /** some known list enables TLS_DHE suites */
  dheEnabledSomewhere?: Signal<boolean>;
  /** every known list lacks TLS_DHE suites */
  dheDisabledEverywhere?: Signal<boolean>;
  /** the negotiated suite seen in a Schannel 36880 event or a capture */
  negotiatedSuite?: Signal<string>;

  sql?: Signal<SqlInfo>;
  clientOs?: Signal<OsInfo>;
  serverOs?: Signal<OsInfo>;
  /** an OS version whose machine is unknown */
  unknownSideOs?: Signal<OsInfo>;

  /** the thumbprint in the ERRORLOG "successfully loaded for encryption" line */
  errorlogThumbprint?: Signal<string>;
  selfGeneratedCert?: Signal<boolean>;
  /** pasted certificates */
  certificates: Array<Signal<CertificateInfo>>;
  /** the certificate SQL Server uses, when it can be told: thumbprint match, or the only one pasted */
  certInUse?: Signal<CertificateInfo & { matchedErrorlog: boolean }>;
  /** a pasted certificate is not the one in the ERRORLOG */
  certNotInUse?: Signal<CertificateInfo>;

  schannelEvents: Array<Signal<SchannelEventInfo>>;
  errorlogEvents: Array<Signal<ErrorlogEventInfo>>;
  /** 17830 with 0x2746 (client reset during login) */
  errorlogResetDuringLogin?: Signal<{ sslMs: number | null }>;
  /** 17887 IO Completion Listener non-yielding, 17197 login timeout, 26040 AcceptEx failure */
  listenerStress?: Signal<number[]>;

  frequency?: Signal<Frequency>;
  busyServer?: Signal<boolean>;
  /** a capture saw SYN retransmits or ACK+RST to SYN */
  synTrouble?: Signal<true>;
  /** a capture showed the server closing after Client Hello with no Server Hello */
  closedAfterClientHello?: Signal<true>;
  /** a capture showed the server closing after the client's key exchange (the DHE pattern) */
  closedAfterKeyExchange?: Signal<true>;
  /** TLS alerts seen on the wire (packet capture) */
  wireAlerts: Array<Signal<{ from: Side; alert: number }>>;
  /** TLS versions the client offered in a captured Client Hello */
  offeredVersions?: Signal<ProtocolName[]>;
  /** cipher suites the client offered in a captured Client Hello */
  offeredSuites?: Signal<string[]>;

  /** wizard facts by their flow fact key */
  answerFacts: Record<string, Signal<string>>;
  /** parts of pastes that could not be used (binary, unknown) */
  unusable: EvidenceRef[];
  /** facts that disagree with each other */
  conflicts: Contradiction[];
}

/** One reason for or against a scenario. */
export interface Reason {
  text: string;
  /** how strongly it moves the score; positive for, negative against */
  weight: number;
  evidence: EvidenceRef[];
}

/** What one rule concludes. */
export interface RuleResult {
  /** a scenario id, or an outcome id for look-alikes */
  id: ScenarioId | OtherErrorId | string;
  type: 'scenario' | 'look-alike';
  /** 0..1 */
  score: number;
  for: Reason[];
  against: Reason[];
  /** plain-language summary of why */
  explanation: string;
}

export interface Rule {
  id: string;
  type: 'scenario' | 'look-alike';
  evaluate(signals: Signals): RuleResult;
}

export type Level = 'high' | 'medium' | 'low';

export interface RankedScenario {
  scenario: ScenarioId;
  confidence: Level;
  score: number;
  for: Reason[];
  against: Reason[];
  explanation: string;
}

export interface LookAlike {
  outcome: OtherErrorId | string;
  confidence: Level;
  score: number;
  for: Reason[];
  against: Reason[];
  explanation: string;
}

export interface Contradiction {
  /** which fact disagrees */
  fact: string;
  text: string;
  a: EvidenceRef;
  b: EvidenceRef;
  /**
   * Other places where the fact has b's value against a's (the text says "The same disagreement is in N
   * more places"), in paste order: where to look, for a log that disagrees with itself many times.
   */
  elsewhere?: EvidenceRef[];
}

export interface PasteRequest {
  /** the artifact kind we want */
  kind: ArtifactKind;
  /** where to run it */
  where: Side | 'both';
  /** plain words: what to paste */
  what: string;
  commands: CommandBlock[];
  /** values known from the pastes for the commands' parameters, by token name (e.g. thumbprint) */
  values?: Record<string, string>;
}

export interface NextStep {
  /** a question id of the wizard flow */
  question?: string;
  paste?: PasteRequest;
  why: string;
  /** the signal this would provide */
  signal: string;
}

export interface KnownFact {
  /** the answer id the wizard should pre-select */
  value: string;
  /** "from your registry paste" */
  source: string;
  evidence: EvidenceRef[];
}

export interface Diagnosis {
  family: Family;
  otherError?: OtherErrorId;
  familyEvidence: EvidenceRef[];
  ranked: RankedScenario[];
  lookAlikes: LookAlike[];
  contradictions: Contradiction[];
  next: NextStep | null;
  knownFacts: Record<string, KnownFact>;
  signals: Signals;
}
