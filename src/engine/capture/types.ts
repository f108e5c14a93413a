/**
 * The `packet-capture` facts (design.md §4): per SQL Server connection, what the PRELOGIN exchange and the
 * TLS handshake said, and who closed the connection after which message. Plain JSON (structured-cloneable).
 */
import type { ProtocolName } from '../ids';

export interface Endpoint {
  ip: string;
  port: number;
}

export type Side = 'client' | 'server';

/** What a timeline entry is (SQLNA's "Login Progress" steps, in words). */
export type TimelineWhat =
  | 'SYN'
  | 'SYN/ACK'
  | 'PRELOGIN'
  | 'PRELOGIN response'
  | 'Client Hello'
  | 'Server Hello'
  | 'Certificate'
  | 'Server Key Exchange'
  | 'Certificate Request'
  | 'Server Hello Done'
  | 'Client Key Exchange'
  | 'Certificate Verify'
  | 'Change Cipher Spec'
  | 'Finished'
  | 'New Session Ticket'
  | 'handshake'
  | 'alert'
  | 'application data'
  | 'LOGIN7'
  | 'TDS'
  | 'FIN'
  | 'RST'
  | 'retransmit'
  | 'gap';

export interface TimelineEntry {
  frame: number;
  /** ms since the connection's first packet */
  t: number;
  from: Side;
  what: TimelineWhat;
  detail?: string;
  /** byte offset in the file where this starts */
  offset: number;
  /** consecutive identical entries merged (application data) */
  count?: number;
}

export interface PreloginInfo {
  frame: number;
  /** VERSION as major.minor.build (server: the SQL Server build; client: the driver version) */
  version?: string;
  subBuild?: number;
  /** MS-TDS names: ENCRYPT_OFF, ENCRYPT_ON, ENCRYPT_NOT_SUP, ENCRYPT_REQ (ENCRYPT_CLIENT_CERT flag separate) */
  encryption?: 'ENCRYPT_OFF' | 'ENCRYPT_ON' | 'ENCRYPT_NOT_SUP' | 'ENCRYPT_REQ' | 'unknown';
  encryptionByte?: number;
  clientCert?: boolean;
  instance?: string;
  threadId?: number;
  mars?: boolean;
  traceId?: { connectionId: string; activityId: string; sequence: number };
  fedAuthRequired?: boolean;
  nonce?: boolean;
  /** option tokens present, in order */
  options: number[];
}

export interface TdsPreloginFacts {
  client?: PreloginInfo;
  server?: PreloginInfo;
  /** from the server's VERSION option: "15.0.2000" */
  sqlServerVersion?: string;
}

export interface SuiteRef {
  id: number;
  /** "0xC030" */
  hex: string;
  /** IANA name from the catalogue, or null when unknown */
  name: string | null;
}

export interface ClientHelloFacts {
  frame: number;
  /** record-layer version */
  recordVersion: string;
  /** legacy client_version */
  clientVersion: string;
  /** versions from supported_versions when present, else [clientVersion] */
  versions: string[];
  versionsFrom: 'supported_versions' | 'client_version';
  maxVersion: string;
  suites: SuiteRef[];
  /** IANA names (hex for unknown ids), offered order, GREASE and SCSV left out */
  suiteNames: string[];
  hasDhe: boolean;
  offersTls13: boolean;
  signatureAlgorithms: string[];
  supportedGroups: string[];
  sni?: string;
  alpn: string[];
  extensions: string[];
  sslv2Format?: boolean;
}

export interface ServerHelloFacts {
  frame: number;
  /** negotiated version (supported_versions when present) */
  version: string;
  serverVersion: string;
  suite: SuiteRef;
  dhe: boolean;
  alpn?: string;
  extensions: string[];
  helloRetryRequest?: boolean;
}

export interface CertificateFacts {
  frame: number;
  /** certificates in the chain the server sent */
  chainLength: number;
  /** the leaf (server) certificate, DER in base64, and as PEM for the certificate parser */
  leafDerBase64: string;
  leafPem: string;
  leafLength: number;
}

export interface AlertFacts {
  frame: number;
  from: Side;
  level: 'warning' | 'fatal' | 'unknown';
  /** null when the alert is encrypted */
  description: number | null;
  name: string;
  encrypted: boolean;
}

export interface CloseFacts {
  by: Side;
  frame: number;
  /** the last message before it (timeline `what`), e.g. "Client Hello" */
  afterMessage: string | null;
  afterMessageFrom: Side | null;
  /** ms after that message */
  ms: number | null;
}

export type ConnectionOutcome =
  | 'handshake-completed'
  | 'handshake-failed'
  | 'closed-before-handshake'
  | 'syn-rejected'
  | 'syn-unanswered'
  | 'no-encryption'
  | 'incomplete'
  | 'unknown';

export interface ConnectionSignals {
  /** a hello below TLS 1.2 (SQLNA's "not using TLS 1.2") */
  lowTlsVersion: boolean;
  /** Client Hello seen, then the server closed, reset or sent a fatal alert without a Server Hello */
  closedAfterClientHello: boolean;
  /** the Server Hello chose a DHE suite */
  dheChosen: boolean;
  /** the server closed or reset after the client's key exchange, before its own Finished */
  closedAfterKeyExchange: boolean;
  /** the client had to send its SYN more than once */
  synRetransmitted: boolean;
  /** the SYN was answered with RST */
  synRejected: boolean;
}

export interface CaptureConnection {
  id: number;
  client: Endpoint;
  server: Endpoint;
  /** how it was recognised as SQL Server */
  recognisedBy: 'port-1433' | 'prelogin' | 'alpn-tds8' | 'known-server';
  tds: '7.x' | '8.0' | 'unknown';
  firstFrame: number;
  lastFrame: number;
  startTime: string | null;
  durationMs: number;
  tdsPrelogin: TdsPreloginFacts | null;
  clientHello: ClientHelloFacts | null;
  serverHello: ServerHelloFacts | null;
  certificate?: CertificateFacts;
  serverKeyExchange?: { frame: number; kind: 'DHE' | 'ECDHE' | 'other'; primeBits?: number };
  alert: AlertFacts | null;
  reset: CloseFacts | null;
  fin: CloseFacts | null;
  synRetransmits: number;
  synAnswer: 'syn-ack' | 'rst' | 'none' | 'not-seen';
  retransmits: number;
  gaps: number;
  bytes: { client: number; server: number };
  /** negotiated TLS version when known */
  tlsVersion: string | null;
  outcome: ConnectionOutcome;
  /** yes/no signals the diagnosis can test directly (each is also explained in `summary`) */
  signals: ConnectionSignals;
  /** SQLNA-style login progress, e.g. ">S <AS >PL <PR >CH <R" */
  progress: string;
  /** the verdict input in plain words */
  summary: string;
  timeline: TimelineEntry[];
  timelineTruncated: boolean;
}

export interface SsrpExchange {
  frame: number;
  client: Endpoint;
  server: Endpoint;
  request: string;
  instance?: string;
  answered: boolean;
  responseFrame?: number;
  ms?: number;
  instances?: Record<string, string>[];
}

export interface PacketCaptureFacts {
  format: 'pcap' | 'pcapng' | 'unknown';
  linkTypes: number[];
  frames: number;
  bytes: number;
  firstTime: string | null;
  lastTime: string | null;
  connections: CaptureConnection[];
  totals: {
    tcpConnections: number;
    sqlConnections: number;
    failed: number;
    completed: number;
    /** connections listed in `connections` (failed ones first when the list is capped) */
    listed: number;
  };
  ssrp: SsrpExchange[];
  /** SQL Server endpoints seen, with the version from PRELOGIN when known */
  sqlServers: { ip: string; port: number; version?: string }[];
}

export type { ProtocolName };
