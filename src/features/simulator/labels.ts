import { getOutcome } from '@/engine/knowledge';
import { isScenarioId } from '@/engine/ids';
import { WINDOWS_RELEASES } from '@/engine/knowledge-tables/windows';
import type {
  CertHash,
  ClientKind,
  ClientOs,
  EncryptMode,
  HandshakeStep,
  ProtocolSetting,
  RiskLevel,
  SimOutcome,
  SimulationResult,
  StepStatus,
} from '@/engine/simulator/types';

/** Plain words for every value the simulator's controls offer. */

export const CLIENT_KIND_LABELS: Record<ClientKind, string> = {
  'windows-sqlclient-netfx': 'System.Data.SqlClient on .NET Framework (SSMS 18 and older, most Windows apps)',
  'microsoft-data-sqlclient': 'Microsoft.Data.SqlClient (.NET, SSMS 19 and later)',
  odbc: 'ODBC driver on Windows',
  oledb: 'OLE DB provider on Windows',
  jdbc: 'Microsoft JDBC driver (Java)',
  openssl: 'sqlcmd or ODBC on Linux or macOS (OpenSSL)',
  go: 'go-mssqldb (Go)',
  node: 'tedious (Node.js)',
};

export const CLIENT_OS_LABELS: Record<ClientOs, string> = {
  windows: 'Windows',
  linux: 'Linux',
  macos: 'macOS',
};

/** Client stacks that only exist on Windows (Schannel through the Windows driver). */
export const WINDOWS_ONLY_KINDS: readonly ClientKind[] = ['windows-sqlclient-netfx', 'odbc', 'oledb'];
/** Client stacks that never run on Windows in this model. */
export const NON_WINDOWS_KINDS: readonly ClientKind[] = ['openssl'];

export const ENCRYPT_LABELS: Record<EncryptMode, string> = {
  optional: 'Encrypt=false / Optional (login packet still encrypted)',
  mandatory: 'Encrypt=true / Mandatory',
  strict: 'Encrypt=Strict (TDS 8)',
};

export const PROTOCOL_SETTING_LABELS: Record<ProtocolSetting, string> = {
  default: 'Default',
  enabled: 'Enabled',
  disabled: 'Disabled',
};

export const CERT_HASH_LABELS: Record<CertHash, string> = {
  md5: 'MD5 (md5RSA)',
  sha1: 'SHA-1 (sha1RSA)',
  sha224: 'SHA-224 (sha224RSA)',
  sha256: 'SHA-256 (sha256RSA)',
  sha384: 'SHA-384 (sha384RSA)',
  sha512: 'SHA-512 (sha512RSA)',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

export const STATUS_LABELS: Record<StepStatus, string> = {
  ok: 'OK',
  fail: 'Fails',
  warn: 'Warning',
  info: 'Note',
};

export const ACTOR_LABELS: Record<HandshakeStep['actor'], string> = {
  client: 'Client',
  server: 'Server',
  network: 'Network',
};

/** Windows builds to choose from, named for the role ("Windows Server 2016" or "Windows 10 1607"). */
export function windowsChoices(role: 'server' | 'client'): { build: number; label: string }[] {
  const seen = new Set<number>();
  const out: { build: number; label: string }[] = [];
  for (const r of WINDOWS_RELEASES) {
    const product = role === 'server' ? r.server : r.client;
    if (!product || seen.has(r.build)) continue;
    seen.add(r.build);
    const release = role === 'client' && r.release ? ` ${r.release}` : '';
    out.push({ build: r.build, label: `${product}${release} (build ${r.build})` });
  }
  return out;
}

/** The outcome's name: a scenario or other-error title from the knowledge base, or the simulator's own. */
export function outcomeTitle(outcome: SimOutcome): string {
  if (outcome === 'success') return 'The connection works';
  if (outcome === 'unsupported-setup') return 'This combination cannot be simulated';
  return getOutcome(outcome)?.title ?? outcome;
}

/** Whether the outcome has a page in the app (#/scenario/<id>). */
export function outcomeHasPage(outcome: SimOutcome): boolean {
  return outcome !== 'success' && outcome !== 'unsupported-setup' && getOutcome(outcome) !== undefined;
}

const SHORT: Record<string, string> = {
  'tls-protocol-mismatch': 'No common TLS version',
  'cipher-suite-mismatch': 'No common cipher suite',
  'tls-dhe-ciphers': 'DHE suite reset',
  'weak-certificate-hash': 'Certificate hash refused',
  'dhe-leading-zero': 'DHE leading zero',
  'tcp-listener-overload': 'Listener overloaded',
  'strict-encryption': 'Strict (TDS 8) mismatch',
  'certificate-trust': 'Certificate not trusted',
  'certificate-name': 'Certificate name',
  'encryption-not-supported': 'Encryption not supported',
  'unsupported-setup': 'Cannot simulate',
};

/** A few words for a matrix cell: "Works: TLS 1.2", "Fails: no common TLS version". */
export function shortResult(
  result: Pick<SimulationResult, 'ok' | 'outcome' | 'intermittent' | 'negotiated'>,
): {
  tone: 'ok' | 'fail' | 'warn';
  text: string;
} {
  if (result.ok && !result.intermittent) {
    return { tone: 'ok', text: `Works${result.negotiated ? `: ${result.negotiated.protocol}` : ''}` };
  }
  const what = SHORT[result.outcome] ?? (isScenarioId(result.outcome) ? result.outcome : 'Other error');
  if (result.intermittent) return { tone: 'warn', text: `Sometimes fails: ${what}` };
  return { tone: 'fail', text: `Fails: ${what}` };
}

/**
 * Cipher-suite names from any paste: one per line, comma separated, a `Functions` registry value or
 * Get-TlsCipherSuite output. Keeps the order, drops duplicates. Linear scan; input capped.
 */
export function suitesFromText(text: string): string[] {
  const found =
    text
      .slice(0, 200_000)
      .toUpperCase()
      .match(/\bTLS_[A-Z0-9_]{4,100}/g) ?? [];
  return [...new Set(found)];
}
