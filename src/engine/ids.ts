/**
 * Stable identifiers (../shared/docs/design.md §2). They appear in URLs, the CLI's JSON and stored state,
 * so they never change; a renamed scenario keeps its old id as an alias (knowledge/aliases.ts).
 */
export const SCENARIO_IDS = [
  'tls-protocol-mismatch',
  'cipher-suite-mismatch',
  'tls-dhe-ciphers',
  'weak-certificate-hash',
  'dhe-leading-zero',
  'tcp-listener-overload',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const isScenarioId = (value: string): value is ScenarioId =>
  (SCENARIO_IDS as readonly string[]).includes(value);

/** What an error text is, before any scenario is chosen. */
export type Family = 'handshake-reset' | 'other-error' | 'unrecognized';

/** Recognised look-alikes that are not the article's handshake reset; each has its own outcome page. */
export const OTHER_ERROR_IDS = [
  'network-path', // error 40 / 26 / 53, instance not found, server not reachable
  'timeout', // 258, 10060, pre-login ack timeout, connection timeout expired
  'login-failed', // 18456
  'certificate-trust', // chain not trusted, PKIX, self-signed with Encrypt=true
  'certificate-name', // target principal name / hostname mismatch
  'sspi', // Cannot generate SSPI context
  'reset-after-login', // transport-level error while sending/receiving, 08S01 mid-session
  'connection-aborted', // 10053
  'connection-refused', // 10061, nothing listening
  'strict-encryption', // Encrypt=Strict / TDS 8 against a server or tool that does not speak it
  'encryption-not-supported', // server does not support encryption / 17835
] as const;
export type OtherErrorId = (typeof OTHER_ERROR_IDS)[number];

export const isOtherErrorId = (value: string): value is OtherErrorId =>
  (OTHER_ERROR_IDS as readonly string[]).includes(value);

/** TLS/SSL protocol versions as Schannel names them (registry key names). DTLS is ignored. */
export const PROTOCOL_NAMES = ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];
