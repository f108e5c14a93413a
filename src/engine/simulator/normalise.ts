/**
 * Validation and defaults for sides that come from outside (share links, the UI, property tests): every
 * field is checked, a bad value is replaced by its default and reported. Never throws.
 */
import {
  CERT_HASHES,
  CLIENT_KINDS,
  CLIENT_OSES,
  DRIVER_IDS,
  ENCRYPT_MODES,
  OPENSSL_MIN_PROTOCOLS,
  SIM_PROTOCOLS,
  type ClientSide,
  type GoSettings,
  type JavaSettings,
  type NetFxSettings,
  type NodeSettings,
  type OpensslSettings,
  type ProtocolSettings,
  type ServerSide,
  type WindowsConfig,
} from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const allDefaultProtocols = (): ProtocolSettings => ({
  'SSL 3.0': 'default',
  'TLS 1.0': 'default',
  'TLS 1.1': 'default',
  'TLS 1.2': 'default',
  'TLS 1.3': 'default',
});

export function defaultWindows(build: number, ubr: number | null = null): WindowsConfig {
  return { build, ubr, protocols: allDefaultProtocols(), cipherOrder: null, leadingZeroFix: null };
}

export function defaultServer(): ServerSide {
  return {
    windows: defaultWindows(17763),
    sqlBuild: '15.0.2000.5',
    certificateHash: 'sha256',
    selfGeneratedCertificate: false,
    forceEncryption: false,
    forceStrict: false,
  };
}

export function defaultClient(): ClientSide {
  return {
    kind: 'microsoft-data-sqlclient',
    os: 'windows',
    windows: defaultWindows(19045),
    driver: null,
    version: '5.1.0',
    encrypt: 'mandatory',
    netfx: null,
    java: null,
    openssl: null,
    go: null,
    node: null,
  };
}

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  fallback: T,
  path: string,
  problems: string[],
): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  if (v !== undefined)
    problems.push(
      `${path}: "${String(v).slice(0, 40)}" is not one of ${allowed.join(', ')}; using ${fallback}.`,
    );
  return fallback;
}

function bool(v: unknown, fallback: boolean, path: string, problems: string[]): boolean {
  if (typeof v === 'boolean') return v;
  if (v !== undefined) problems.push(`${path}: expected true or false; using ${String(fallback)}.`);
  return fallback;
}

function boolOrNull(v: unknown, path: string, problems: string[]): boolean | null {
  if (typeof v === 'boolean' || v === null) return v;
  if (v !== undefined) problems.push(`${path}: expected true, false or null; using null.`);
  return null;
}

function int(
  v: unknown,
  min: number,
  max: number,
  fallback: number,
  path: string,
  problems: string[],
): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  if (v !== undefined)
    problems.push(`${path}: expected a whole number from ${min} to ${max}; using ${fallback}.`);
  return fallback;
}

function intOrNull(v: unknown, min: number, max: number, path: string, problems: string[]): number | null {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  if (v !== undefined)
    problems.push(`${path}: expected a whole number from ${min} to ${max} or null; using null.`);
  return null;
}

const VERSION_RE = /^[0-9][0-9A-Za-z.\-_]{0,29}$/;
function version(v: unknown, fallback: string, path: string, problems: string[]): string {
  if (typeof v === 'string' && VERSION_RE.test(v.trim())) return v.trim();
  if (v !== undefined)
    problems.push(`${path}: "${String(v).slice(0, 40)}" is not a version; using ${fallback}.`);
  return fallback;
}

export function normaliseWindows(
  v: unknown,
  fallbackBuild: number,
  path: string,
  problems: string[],
): WindowsConfig {
  if (!isObj(v)) {
    if (v !== undefined && v !== null)
      problems.push(`${path}: not an object; using Windows build ${fallbackBuild} defaults.`);
    return defaultWindows(fallbackBuild);
  }
  const protocols = allDefaultProtocols();
  if (isObj(v.protocols))
    for (const p of SIM_PROTOCOLS)
      protocols[p] = oneOf(
        v.protocols[p],
        ['enabled', 'disabled', 'default'] as const,
        'default',
        `${path}.protocols.${p}`,
        problems,
      );
  else if (v.protocols !== undefined) problems.push(`${path}.protocols: not an object; using OS defaults.`);
  let cipherOrder: string[] | null = null;
  if (Array.isArray(v.cipherOrder)) {
    cipherOrder = v.cipherOrder
      .slice(0, 200)
      .filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 80);
    if (cipherOrder.length !== v.cipherOrder.length)
      problems.push(`${path}.cipherOrder: some entries were not suite names and were dropped.`);
  } else if (v.cipherOrder !== null && v.cipherOrder !== undefined)
    problems.push(`${path}.cipherOrder: expected a list of suite names or null; using the OS default order.`);
  return {
    build: int(v.build, 6000, 99999, fallbackBuild, `${path}.build`, problems),
    ubr: intOrNull(v.ubr, 0, 99999, `${path}.ubr`, problems),
    protocols,
    cipherOrder,
    leadingZeroFix: boolOrNull(v.leadingZeroFix, `${path}.leadingZeroFix`, problems),
  };
}

export function normaliseServer(v: unknown, problems: string[], path = 'server'): ServerSide {
  const d = defaultServer();
  if (!isObj(v)) {
    problems.push(`${path}: missing; using a default server (Windows Server 2019, SQL Server 2019).`);
    return d;
  }
  return {
    windows: normaliseWindows(v.windows, d.windows.build, `${path}.windows`, problems),
    sqlBuild: version(v.sqlBuild, d.sqlBuild, `${path}.sqlBuild`, problems),
    certificateHash: oneOf(v.certificateHash, CERT_HASHES, 'sha256', `${path}.certificateHash`, problems),
    selfGeneratedCertificate: bool(
      v.selfGeneratedCertificate,
      false,
      `${path}.selfGeneratedCertificate`,
      problems,
    ),
    forceEncryption: bool(v.forceEncryption, false, `${path}.forceEncryption`, problems),
    forceStrict: bool(v.forceStrict, false, `${path}.forceStrict`, problems),
  };
}

function netfx(v: unknown, path: string, problems: string[]): NetFxSettings | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) {
    problems.push(`${path}: not an object; ignored.`);
    return null;
  }
  return {
    schUseStrongCrypto: boolOrNull(v.schUseStrongCrypto, `${path}.schUseStrongCrypto`, problems),
    systemDefaultTlsVersions: boolOrNull(
      v.systemDefaultTlsVersions,
      `${path}.systemDefaultTlsVersions`,
      problems,
    ),
    tls12Hotfix: bool(v.tls12Hotfix, false, `${path}.tls12Hotfix`, problems),
  };
}

function java(v: unknown, path: string, problems: string[]): JavaSettings | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) {
    problems.push(`${path}: not an object; ignored.`);
    return null;
  }
  return {
    version: version(v.version, '17', `${path}.version`, problems),
    sslProtocol: oneOf(
      v.sslProtocol,
      ['TLS', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] as const,
      'TLS',
      `${path}.sslProtocol`,
      problems,
    ),
    legacyProtocolsAllowed: bool(v.legacyProtocolsAllowed, false, `${path}.legacyProtocolsAllowed`, problems),
  };
}

function openssl(v: unknown, path: string, problems: string[]): OpensslSettings | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) {
    problems.push(`${path}: not an object; ignored.`);
    return null;
  }
  const min =
    v.minProtocol === null
      ? null
      : oneOf(v.minProtocol, OPENSSL_MIN_PROTOCOLS, 'TLSv1.2', `${path}.minProtocol`, problems);
  return {
    version: version(v.version, '3.0', `${path}.version`, problems),
    minProtocol: v.minProtocol === undefined ? null : min,
    secLevel: intOrNull(v.secLevel, 0, 5, `${path}.secLevel`, problems),
  };
}

function go(v: unknown, path: string, problems: string[]): GoSettings | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) {
    problems.push(`${path}: not an object; ignored.`);
    return null;
  }
  return {
    version: version(v.version, '1.21', `${path}.version`, problems),
    minVersion:
      v.minVersion === null || v.minVersion === undefined
        ? null
        : oneOf(v.minVersion, SIM_PROTOCOLS, 'TLS 1.2', `${path}.minVersion`, problems),
  };
}

function node(v: unknown, path: string, problems: string[]): NodeSettings | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) {
    problems.push(`${path}: not an object; ignored.`);
    return null;
  }
  return {
    version: version(v.version, '20', `${path}.version`, problems),
    minVersion:
      v.minVersion === null || v.minVersion === undefined
        ? null
        : oneOf(v.minVersion, OPENSSL_MIN_PROTOCOLS, 'TLSv1.2', `${path}.minVersion`, problems),
  };
}

export function normaliseClient(v: unknown, problems: string[], path = 'client'): ClientSide {
  const d = defaultClient();
  if (!isObj(v)) {
    problems.push(`${path}: missing; using a default client (Microsoft.Data.SqlClient 5.1 on Windows 10).`);
    return d;
  }
  const kind = oneOf(v.kind, CLIENT_KINDS, d.kind, `${path}.kind`, problems);
  const os = oneOf(v.os, CLIENT_OSES, kind === 'openssl' ? 'linux' : 'windows', `${path}.os`, problems);
  const windows = os === 'windows' ? normaliseWindows(v.windows, 19045, `${path}.windows`, problems) : null;
  const driver =
    v.driver === null || v.driver === undefined
      ? null
      : oneOf(v.driver, DRIVER_IDS, 'msodbcsql17', `${path}.driver`, problems);
  return {
    kind,
    os,
    windows,
    driver,
    version: version(v.version, d.version, `${path}.version`, problems),
    encrypt: oneOf(v.encrypt, ENCRYPT_MODES, 'mandatory', `${path}.encrypt`, problems),
    netfx: netfx(v.netfx, `${path}.netfx`, problems),
    java: java(v.java, `${path}.java`, problems),
    openssl: openssl(v.openssl, `${path}.openssl`, problems),
    go: go(v.go, `${path}.go`, problems),
    node: node(v.node, `${path}.node`, problems),
  };
}
