/**
 * Public types of the handshake simulator (issue 9). Plain serialisable data: every side and change can be
 * put in a share link (see codec.ts) and rendered by the UI without knowing the engine.
 *
 * Stability: names here are part of the UI's contract. Add fields (optional) or union members; never
 * rename or remove.
 */
import type { OtherErrorId, ProtocolName, ScenarioId } from '../ids';

/** The protocol versions the simulator negotiates (SSL 2.0 is never used by SQL Server's drivers). */
export const SIM_PROTOCOLS = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'] as const;
export type SimProtocol = (typeof SIM_PROTOCOLS)[number] & ProtocolName;

/** A SCHANNEL `Protocols\<name>\<Client|Server>` setting: keys absent = the OS default. */
export type ProtocolSetting = 'enabled' | 'disabled' | 'default';
export type ProtocolSettings = Record<SimProtocol, ProtocolSetting>;

/** Hash of the certificate's signature algorithm (sha256WithRSAEncryption -> 'sha256'). */
export const CERT_HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export type CertHash = (typeof CERT_HASHES)[number];

/** Connection-string encryption: Encrypt=false / Optional, true / Mandatory, Strict (TDS 8). */
export const ENCRYPT_MODES = ['optional', 'mandatory', 'strict'] as const;
export type EncryptMode = (typeof ENCRYPT_MODES)[number];

/** One Windows machine's TLS configuration. */
export interface WindowsConfig {
  /** OS build, e.g. 7601 (2008 R2 SP1), 9600 (2012 R2), 14393 (2016), 17763 (2019), 20348 (2022), 26100 */
  build: number;
  /** update build revision (the 4th part, 14393.3542); null = not known */
  ubr: number | null;
  /** SCHANNEL protocol keys for this machine's role (Server keys on the server, Client keys on a client) */
  protocols: ProtocolSettings;
  /** enabled cipher suites in order (`Functions` / Get-TlsCipherSuite), or null for the OS default order */
  cipherOrder: string[] | null;
  /** KB4557473 DHE leading-zero fix; null = decide from build and UBR */
  leadingZeroFix: boolean | null;
}

export interface ServerSide {
  windows: WindowsConfig;
  /** SELECT SERVERPROPERTY('ProductVersion'), e.g. "12.0.2000.8" */
  sqlBuild: string;
  /** signature hash of the certificate SQL Server loaded */
  certificateHash: CertHash;
  /** SQL Server generated its own certificate (no certificate configured or picked up) */
  selfGeneratedCertificate: boolean;
  /** Force Encryption = Yes */
  forceEncryption: boolean;
  /** Force Strict Encryption = Yes (SQL Server 2022, TDS 8 only) */
  forceStrict: boolean;
}

export const CLIENT_KINDS = [
  'windows-sqlclient-netfx',
  'microsoft-data-sqlclient',
  'odbc',
  'oledb',
  'jdbc',
  'openssl',
  'go',
  'node',
] as const;
/**
 * - windows-sqlclient-netfx: System.Data.SqlClient on .NET Framework (SSMS up to 18, most Windows apps)
 * - microsoft-data-sqlclient: Microsoft.Data.SqlClient (Windows: Schannel; Linux/macOS: the system OpenSSL)
 * - odbc / oledb: the ODBC driver or OLE DB provider named in `driver` (Windows: Schannel)
 * - jdbc: Microsoft JDBC driver on a Java runtime (JSSE)
 * - openssl: sqlcmd / ODBC driver on Linux or macOS, TLS from the system OpenSSL and its openssl.cnf
 * - go: go-mssqldb (Go crypto/tls)
 * - node: tedious (Node.js's bundled OpenSSL)
 */
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const CLIENT_OSES = ['windows', 'linux', 'macos'] as const;
export type ClientOs = (typeof CLIENT_OSES)[number];

/** ODBC drivers and OLE DB providers (driver names as SQLCheck lists them). */
export const DRIVER_IDS = [
  'sql-server', // ODBC "SQL Server" (SQLSRV32.dll, DBNETLIB)
  'sqloledb', // OLE DB SQLOLEDB (sqloledb.dll, DBNETLIB)
  'sqlncli10', // SQL Server Native Client 10.0
  'sqlncli11', // SQL Server Native Client 11.0
  'msodbcsql11', // ODBC Driver 11 for SQL Server
  'msodbcsql13',
  'msodbcsql17',
  'msodbcsql18',
  'msoledbsql', // Microsoft OLE DB Driver for SQL Server (18.x)
  'msoledbsql19',
] as const;
export type DriverId = (typeof DRIVER_IDS)[number];

/** OpenSSL MinProtocol values as openssl.cnf spells them. */
export const OPENSSL_MIN_PROTOCOLS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type OpensslMinProtocol = (typeof OPENSSL_MIN_PROTOCOLS)[number];

export interface NetFxSettings {
  /** HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319!SchUseStrongCrypto; null = not set */
  schUseStrongCrypto: boolean | null;
  /** ...!SystemDefaultTlsVersions; null = not set */
  systemDefaultTlsVersions: boolean | null;
  /** the KB3135244 .NET TLS 1.2 hotfix is installed (KB3106994 / KB3099842 / KB3099844 / KB3099845 / KB3106991) */
  tls12Hotfix: boolean;
}

export interface JavaSettings {
  /** "7", "7u95", "8u202", "8u291", "11", "17", "21" */
  version: string;
  /** JDBC sslProtocol: TLS (default), TLSv1, TLSv1.1, TLSv1.2 */
  sslProtocol: 'TLS' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2';
  /** a java.security override removes TLSv1/TLSv1.1 from jdk.tls.disabledAlgorithms */
  legacyProtocolsAllowed: boolean;
}

export interface OpensslSettings {
  /** "1.0.2", "1.1.1", "3.0", "3.2" ... */
  version: string;
  /** openssl.cnf MinProtocol; null = not set */
  minProtocol: OpensslMinProtocol | null;
  /** CipherString @SECLEVEL=n; null = library default (1) */
  secLevel: number | null;
}

export interface GoSettings {
  /** Go toolchain version, "1.17", "1.21" ... */
  version: string;
  /** lowest TLS version the application allows (tls.Config MinVersion); null = Go's default */
  minVersion: SimProtocol | null;
}

export interface NodeSettings {
  /** Node.js major version, "14", "16", "18", "20", "22" */
  version: string;
  /** tls minVersion given to tedious (cryptoCredentialsDetails); null = Node's default */
  minVersion: OpensslMinProtocol | null;
}

export interface ClientSide {
  kind: ClientKind;
  os: ClientOs;
  /** the client machine's Windows settings (Client keys); null when os is not windows */
  windows: WindowsConfig | null;
  /** for odbc / oledb: which driver or provider */
  driver: DriverId | null;
  /**
   * The client library's version: .NET Framework version for netfx ("4.5.2", "4.8"), Microsoft.Data.SqlClient
   * ("5.1.0"), the driver's file version for odbc/oledb ("17.10.5.1", "11.0.6538.0"), mssql-jdbc ("12.4.2"),
   * the ODBC driver on Linux for openssl ("18.3.2.1"), go-mssqldb ("1.7.0"), tedious ("16.6.1").
   */
  version: string;
  encrypt: EncryptMode;
  netfx: NetFxSettings | null;
  java: JavaSettings | null;
  openssl: OpensslSettings | null;
  go: GoSettings | null;
  node: NodeSettings | null;
}

export interface SimPair {
  server: ServerSide;
  client: ClientSide;
}

/** Outcomes: success, one of the article's scenarios, a recognised other error, or the simulator's own. */
export type SimOutcome = 'success' | ScenarioId | OtherErrorId | 'unsupported-setup';

export type StepStatus = 'ok' | 'fail' | 'warn' | 'info';
export type StepActor = 'client' | 'server' | 'network';
export type StepKind =
  | 'tcp'
  | 'prelogin'
  | 'client-hello'
  | 'server-hello'
  | 'certificate'
  | 'key-exchange'
  | 'finished'
  | 'login'
  | 'reset'
  | 'alert'
  | 'note';

/** One line of the step-by-step handshake. */
export interface HandshakeStep {
  kind: StepKind;
  actor: StepActor;
  status: StepStatus;
  /** short, plain: "Client Hello" */
  title: string;
  /** one or two sentences */
  detail: string;
  /** versions offered/chosen, when the step is about versions */
  protocols?: SimProtocol[];
  /** suites offered/chosen (IANA names), when the step is about suites */
  suites?: string[];
}

export interface SimulationResult {
  ok: boolean;
  outcome: SimOutcome;
  /** the failure happens only on some connections (DHE leading zero: about 1 in 256) */
  intermittent: boolean;
  negotiated?: { protocol: SimProtocol; suite: string };
  /** TDS 8 (strict): TLS before PRELOGIN */
  tds8: boolean;
  steps: HandshakeStep[];
  /** one paragraph in plain words */
  explanation: string;
  /** defaults that were assumed, values that are approximate */
  assumptions: string[];
  /** what each side offered/accepted (for the UI's side-by-side view) */
  offers: {
    clientProtocols: SimProtocol[];
    serverProtocols: SimProtocol[];
    clientSuites: string[];
    serverSuites: string[];
  };
}

export type SideName = 'server' | 'client';

/** A single edit to one side. */
export type Change =
  | { kind: 'set-protocol'; side: SideName; protocol: SimProtocol; setting: ProtocolSetting }
  | { kind: 'add-suite'; side: SideName; suite: string; position: 'first' | 'last' }
  | { kind: 'remove-suite'; side: SideName; suite: string }
  | { kind: 'remove-dhe'; side: SideName }
  | { kind: 'set-cipher-order'; side: SideName; order: string[] | null }
  | { kind: 'patch-sql-tls12' }
  | { kind: 'set-sql-build'; build: string }
  | { kind: 'install-leading-zero-fix'; side: SideName }
  | { kind: 'set-windows-build'; side: SideName; build: number; ubr: number | null }
  | { kind: 'update-driver'; version: string; driver?: DriverId }
  | { kind: 'replace-certificate'; hash: CertHash }
  | { kind: 'use-self-generated-certificate' }
  | { kind: 'set-openssl'; minProtocol?: OpensslMinProtocol | null; secLevel?: number | null }
  | {
      kind: 'set-java';
      version?: string;
      sslProtocol?: JavaSettings['sslProtocol'];
      legacyProtocolsAllowed?: boolean;
    }
  | {
      kind: 'set-netfx';
      schUseStrongCrypto?: boolean | null;
      systemDefaultTlsVersions?: boolean | null;
      tls12Hotfix?: boolean;
    }
  | { kind: 'set-go-min-version'; minVersion: SimProtocol | null }
  | { kind: 'set-node-min-version'; minVersion: OpensslMinProtocol | null }
  | { kind: 'set-encrypt'; mode: EncryptMode }
  | { kind: 'set-force-strict'; value: boolean }
  | { kind: 'set-force-encryption'; value: boolean };

export type ChangeKind = Change['kind'];

export type RiskLevel = 'low' | 'medium' | 'high';

export interface FixCommand {
  id: string;
  side: SideName;
  /** parameter token without braces -> value, e.g. { protocol: 'TLS 1.2' } */
  params: Record<string, string>;
}

/** One minimal set of changes that makes the simulated connection succeed. */
export interface FixOption {
  changes: Change[];
  /** plain words per change, same order */
  descriptions: string[];
  /** lower is safer; the list is sorted by it */
  riskScore: number;
  risk: RiskLevel;
  /** why this option is ranked where it is */
  why: string;
  /** knowledge-base command ids (src/engine/knowledge/commands.ts) that carry out the changes */
  commandIds: string[];
  /** the same commands with where to run them and the parameter values to fill in ({{protocol}} -> "TLS 1.2") */
  commands: FixCommand[];
  /** config text for changes without a command (openssl.cnf lines, connection-string keywords) */
  configText: string[];
  /** the simulation after applying the changes */
  result: { outcome: SimOutcome; protocol?: SimProtocol; suite?: string };
}

/** A named profile (deep links: #/simulator?preset=<id>). */
export interface ServerPreset {
  id: string;
  label: string;
  description: string;
  server: ServerSide;
}
export interface ClientPreset {
  id: string;
  label: string;
  description: string;
  client: ClientSide;
}
/** A pair that reproduces one outcome (the expected outcome is documentation; tests check the engine). */
export interface ScenarioPreset {
  id: string;
  label: string;
  description: string;
  serverPreset: string;
  clientPreset: string;
  /** overrides applied on top of the presets */
  changes?: Change[];
  expected: SimOutcome;
}

/** What the share link holds. */
export interface SimState {
  server: ServerSide;
  client: ClientSide;
  /** optional matrix selection: preset ids */
  matrix?: { servers: string[]; clients: string[] };
}

export interface DecodeResult {
  /** the decoded state, with invalid fields replaced by defaults; null when nothing usable was found */
  state: SimState | null;
  /** what was wrong (unknown version, bad values); empty when the link was clean */
  problems: string[];
}

/** A side rebuilt from pasted facts: what was read and what had to be assumed. */
export interface SidesFromFacts {
  server: ServerSide;
  client: ClientSide;
  /** facts used, in plain words ("Windows build 9600 from the os-version paste") */
  used: string[];
  /** values not found in the pastes and filled with defaults */
  assumed: string[];
}

export interface MatrixCell {
  serverIndex: number;
  clientIndex: number;
  result: SimulationResult;
}
