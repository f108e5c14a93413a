/**
 * What each side can do: effective protocols, cipher suites in order, signature hashes it accepts in TLS
 * 1.2, DHE leading-zero behaviour and TDS 8 support. Facts come from ../shared/docs/domain-facts.md (section
 * numbers in the comments) through the shared tables in knowledge-tables/; values marked APPROX are the
 * nearest documented behaviour and are reported in the simulation's `assumptions`.
 */
import { suiteByName, suiteByOpenssl, type CipherSuiteInfo } from '../knowledge-tables/cipher-suites';
import { parseSqlBuild, tls12Support } from '../knowledge-tables/sql-builds';
import { defaultWindows } from './normalise';
import {
  DEFAULT_CIPHER_ORDER,
  defaultProtocols,
  hasLeadingZeroFix,
  TLS13_FIRST_BUILD,
  windowsRelease,
} from '../knowledge-tables/windows';
import {
  SIM_PROTOCOLS,
  type CertHash,
  type ClientSide,
  type DriverId,
  type OpensslMinProtocol,
  type ServerSide,
  type SimProtocol,
  type WindowsConfig,
} from './types';

export const rank = (p: SimProtocol): number => SIM_PROTOCOLS.indexOf(p);
export const protocolsFrom = (lo: SimProtocol, hi: SimProtocol): SimProtocol[] =>
  SIM_PROTOCOLS.filter((p) => rank(p) >= rank(lo) && rank(p) <= rank(hi));

export const OPENSSL_TO_SIM: Record<OpensslMinProtocol, SimProtocol> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

/** Numeric parts of a dotted version ("8u291" -> [8, 291], "4.6.2" -> [4, 6, 2]); [] when none. */
const partsCache = new Map<string, number[]>();
export function versionParts(v: string): number[] {
  const hit = partsCache.get(v);
  if (hit) return hit;
  const out: number[] = [];
  for (const m of v.slice(0, 40).matchAll(/\d{1,6}/g)) out.push(Number(m[0]));
  if (partsCache.size > 1000) partsCache.clear();
  partsCache.set(v, out);
  return out;
}

/** a >= b on numeric parts (missing parts count as 0). */
export function versionAtLeast(a: string, b: string): boolean {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Windows (Schannel)
// ---------------------------------------------------------------------------------------------------

export function windowsName(w: WindowsConfig, role: 'server' | 'client'): string {
  const r = windowsRelease(w.build);
  const product = r ? ((role === 'server' ? r.server : r.client) ?? r.server ?? r.client) : null;
  return `${product ?? 'Windows'} (build ${w.build}${w.ubr !== null ? '.' + w.ubr : ''})`;
}

/** Schannel's enabled protocols for one role (SQLCheck effective-protocol rule, domain-facts §2.2, §6.1). */
export function schannelProtocols(
  w: WindowsConfig,
  role: 'server' | 'client',
  notes: string[],
): SimProtocol[] {
  const defaults = defaultProtocols(null, w.build);
  const out: SimProtocol[] = [];
  for (const p of SIM_PROTOCOLS) {
    const d = defaults ? defaults[p][role] : 'not-supported';
    const s = w.protocols[p];
    if (d === 'not-supported') {
      if (s === 'enabled')
        notes.push(
          `${p} keys are set on ${windowsName(w, role)}, which does not support ${p}: Schannel ignores them (SQLCheck warns that such keys can cause TLS errors).`,
        );
      continue;
    }
    if (s === 'enabled' || (s === 'default' && d === 'enabled')) out.push(p);
  }
  return out;
}

/** Cipher suites: the configured order or the documented default for the build (domain-facts §5.1). */
export function windowsSuites(w: WindowsConfig, notes: string[]): CipherSuiteInfo[] {
  if (w.cipherOrder) return normaliseSuites(w.cipherOrder, notes);
  const r = windowsRelease(w.build);
  const family = r && r.cipherFamily !== 'unknown' ? r.cipherFamily : '2008r2';
  if (!r || r.cipherFamily === 'unknown' || r.approximate)
    notes.push(
      `Default cipher-suite order of build ${w.build} taken from the nearest documented version (${family}); Microsoft does not document this build's list.`,
    );
  return normaliseSuites(DEFAULT_CIPHER_ORDER[family], notes);
}

const suiteCache = new Map<string, { suites: CipherSuiteInfo[]; unknown: string[] }>();

/** IANA suites from Windows / IANA / OpenSSL names, curve suffixes dropped, duplicates removed. */
const suiteIdentity = new WeakMap<readonly string[], { suites: CipherSuiteInfo[]; unknown: string[] }>();

export function normaliseSuites(names: readonly string[], notes: string[] | null): CipherSuiteInfo[] {
  let hit = suiteIdentity.get(names);
  const key = hit ? '' : names.join('|');
  hit ??= suiteCache.get(key);
  if (!hit) {
    const seen = new Set<number>();
    const suites: CipherSuiteInfo[] = [];
    const unknown: string[] = [];
    for (const n of names) {
      const s = suiteByName(n)?.suite ?? suiteByOpenssl(n);
      if (!s) {
        if (unknown.length < 5 && n.trim()) unknown.push(n.trim().slice(0, 60));
        continue;
      }
      if (s.signalling || seen.has(s.id)) continue;
      seen.add(s.id);
      suites.push(s);
    }
    hit = { suites, unknown };
    if (suiteCache.size > 500) suiteCache.clear();
    suiteCache.set(key, hit);
  }
  suiteIdentity.set(names, hit);
  if (notes && hit.unknown.length)
    notes.push(`Unknown cipher-suite names ignored: ${hit.unknown.join(', ')}.`);
  return hit.suites;
}

/**
 * TLS 1.2 signature hashes Schannel offers (client) or can sign with (server). Windows 7 / 8 / 8.1 and
 * Server 2008 R2 / 2012 / 2012 R2 leave SHA-512 out (KB2973337 era), Windows 10 / Server 2016 and later
 * include it; no Windows version offers MD5 or SHA-224 (domain-facts §7.2). APPROX: §10 asks to verify the
 * SHA-512 mechanism against a trace.
 */
export function schannelSigHashes(build: number): CertHash[] {
  return build < 10240 ? ['sha1', 'sha256', 'sha384'] : ['sha1', 'sha256', 'sha384', 'sha512'];
}

/** Whether this Windows machine computes DHE secrets the fixed way (KB4557473, domain-facts §5.3). */
export function windowsDheFixed(w: WindowsConfig, notes: string[], who: string): boolean {
  if (w.leadingZeroFix !== null) return w.leadingZeroFix;
  const major = w.build < 10240 ? 6 : 10;
  const fix = hasLeadingZeroFix(major, w.build, w.ubr);
  if (fix === null) {
    notes.push(
      `${who}: build 14393 without a known UBR; assumed without the leading-zero fix (it needs 14393.3542, KB4537806).`,
    );
    return false;
  }
  return fix;
}

/** The Windows side can never get the leading-zero fix (NT 6.x: Server 2012 R2 and older). */
export const neverFixable = (w: WindowsConfig): boolean => w.build < 10240;

// ---------------------------------------------------------------------------------------------------
// SQL Server
// ---------------------------------------------------------------------------------------------------

/** SQL Server 2022 CU1 (16.0.4003.1): first build with TLS 1.3 under TDS 8 (domain-facts §1.3). */
export const SQL2022_CU1 = '16.0.4003.1';

export interface SqlCaps {
  product: string;
  /** highest protocol SQL Server's TDS 7.x listener will use */
  tds7Max: SimProtocol;
  tds8: boolean;
  tls13: boolean;
  reason: string;
  known: boolean;
}

const capsCache = new Map<string, { caps: SqlCaps; notes: string[] }>();

/** What SQL Server's listener can do, by build (cached: the KB3135244 lookup runs once per build). */
export function sqlCaps(build: string, notes: string[]): SqlCaps {
  let hit = capsCache.get(build);
  if (!hit) {
    const own: string[] = [];
    hit = { caps: computeSqlCaps(build, own), notes: own };
    if (capsCache.size > 500) capsCache.clear();
    capsCache.set(build, hit);
  }
  notes.push(...hit.notes);
  return hit.caps;
}

function computeSqlCaps(build: string, notes: string[]): SqlCaps {
  const b = parseSqlBuild(build);
  if (!b) {
    notes.push(
      `SQL Server build "${build.slice(0, 40)}" is not a version number; assumed a TLS 1.2-capable build.`,
    );
    return { product: 'SQL Server', tds7Max: 'TLS 1.2', tds8: false, tls13: false, reason: '', known: false };
  }
  const v = tls12Support(b);
  const product = v.product ?? `SQL Server ${b.major}.${b.minor}`;
  if (v.branchInferred)
    notes.push(
      `${product} build ${build}: the GDR / CU branch was inferred from build ranges that interleave (domain-facts §1.1).`,
    );
  if (v.supportsTls12 === null)
    notes.push(`${product} build ${build} is not in the KB3135244 table; assumed TLS 1.2-capable.`);
  const tls12 = v.supportsTls12 !== false;
  const tds8 = b.major >= 16;
  return {
    product,
    // Without the KB3135244 update SQL Server's listener asks Schannel for TLS 1.0 (and SSL 3.0) only.
    tds7Max: tls12 ? 'TLS 1.2' : 'TLS 1.0',
    tds8,
    tls13: tds8 && versionAtLeast(build, SQL2022_CU1),
    reason: v.reason,
    known: v.supportsTls12 !== null,
  };
}

/** The first TLS 1.2 build of the build's own branch (KB3135244), or the next service pack's. */
export function sqlTls12Target(build: string): string | null {
  const b = parseSqlBuild(build);
  if (!b) return null;
  const v = tls12Support(b);
  if (v.supportsTls12 === true && !v.pulled) return null;
  if (v.minimumTls12Build) return v.minimumTls12Build;
  // Lines that never got the update: the first TLS 1.2 build of the next service pack (KB3135244).
  if (b.major === 10 && b.minor >= 50) return '10.50.6542.0';
  if (b.major === 10) return '10.0.6547.0';
  if (b.major === 11) return '11.0.5352.0';
  if (b.major === 12) return '12.0.5000.0';
  return null;
}

/** Server-side protocol set (Schannel Server keys and SQL Server's own limit). */
export function serverProtocols(
  s: ServerSide,
  strict: boolean,
  notes: string[],
): { protocols: SimProtocol[]; caps: SqlCaps; schannel: SimProtocol[] } {
  const caps = sqlCaps(s.sqlBuild, notes);
  const schannel = schannelProtocols(s.windows, 'server', notes);
  const max: SimProtocol =
    strict && caps.tls13 && s.windows.build >= TLS13_FIRST_BUILD ? 'TLS 1.3' : caps.tds7Max;
  const lo: SimProtocol = strict ? 'TLS 1.2' : 'SSL 3.0';
  return { protocols: schannel.filter((p) => rank(p) >= rank(lo) && rank(p) <= rank(max)), caps, schannel };
}

// ---------------------------------------------------------------------------------------------------
// Client stacks
// ---------------------------------------------------------------------------------------------------

export type TlsStack = 'schannel' | 'openssl' | 'jsse' | 'go' | 'node';

export function clientStack(c: ClientSide): TlsStack {
  switch (c.kind) {
    case 'windows-sqlclient-netfx':
    case 'oledb':
      return 'schannel';
    case 'microsoft-data-sqlclient':
    case 'odbc':
      return c.os === 'windows' ? 'schannel' : 'openssl';
    case 'openssl':
      return 'openssl';
    case 'jdbc':
      return 'jsse';
    case 'go':
      return 'go';
    case 'node':
      return 'node';
  }
}

export const DRIVER_LABELS: Record<DriverId, string> = {
  'sql-server': 'ODBC "SQL Server" (SQLSRV32.dll)',
  sqloledb: 'OLE DB SQLOLEDB (sqloledb.dll)',
  sqlncli10: 'SQL Server Native Client 10.0',
  sqlncli11: 'SQL Server Native Client 11.0',
  msodbcsql11: 'ODBC Driver 11 for SQL Server',
  msodbcsql13: 'ODBC Driver 13 for SQL Server',
  msodbcsql17: 'ODBC Driver 17 for SQL Server',
  msodbcsql18: 'ODBC Driver 18 for SQL Server',
  msoledbsql: 'Microsoft OLE DB Driver for SQL Server (MSOLEDBSQL)',
  msoledbsql19: 'Microsoft OLE DB Driver 19 for SQL Server (MSOLEDBSQL19)',
};

export function clientLabel(c: ClientSide): string {
  switch (c.kind) {
    case 'windows-sqlclient-netfx':
      return `System.Data.SqlClient on .NET Framework ${c.version}`;
    case 'microsoft-data-sqlclient':
      return `Microsoft.Data.SqlClient ${c.version} on ${c.os}`;
    case 'odbc':
    case 'oledb':
      return `${c.driver ? DRIVER_LABELS[c.driver] : c.kind} ${c.version}${c.os === 'windows' ? '' : ' on ' + c.os}`;
    case 'jdbc':
      return `Microsoft JDBC driver ${c.version} on Java ${c.java?.version ?? '?'}`;
    case 'openssl':
      return `ODBC / sqlcmd ${c.version} on ${c.os} (OpenSSL ${c.openssl?.version ?? '?'})`;
    case 'go':
      return `go-mssqldb ${c.version} (Go ${c.go?.version ?? '?'})`;
    case 'node':
      return `tedious ${c.version} (Node.js ${c.node?.version ?? '?'})`;
  }
}

/**
 * Windows builds whose DBNETLIB got TLS 1.2 in the October 2020 MDAC update (SQLSRV32 / SQLOLEDB;
 * domain-facts §1.2): 1809 >= 17763.1554, 1903/1909 >= .1198, 2004/20H2 >= .610, 21H1 and later all.
 */
function dbnetlibTls12(w: WindowsConfig | null, notes: string[]): boolean {
  if (!w) return false;
  const b = w.build;
  if (b >= 19043) return true;
  const min: Record<number, number> = { 17763: 1554, 18362: 1198, 18363: 1198, 19041: 610, 19042: 610 };
  const need = min[b];
  if (need === undefined) return false;
  if (w.ubr === null) {
    notes.push(
      `Build ${b} without a UBR: assumed the October 2020 update (TLS 1.2 for SQLSRV32 / SQLOLEDB, UBR ${need}) is not installed.`,
    );
    return false;
  }
  return w.ubr >= need;
}

/** Highest protocol the client library itself can use under TDS 7.x (before OS settings). */
export interface LibCaps {
  max: SimProtocol;
  /** supports Encrypt=Strict (TDS 8) */
  strict: boolean;
  /** minimum version that has TDS 8 / TLS 1.2 (for fixes) */
  strictFrom: string | null;
  tls12From: string | null;
  why: string;
}

export function libCaps(c: ClientSide, notes: string[]): LibCaps {
  const v = c.version;
  switch (c.kind) {
    case 'windows-sqlclient-netfx': {
      const native = versionAtLeast(v, '4.6');
      const hot = !native && (c.netfx?.tls12Hotfix ?? false);
      return {
        max: native || hot ? 'TLS 1.2' : 'TLS 1.0',
        strict: false,
        strictFrom: null,
        tls12From: '4.6',
        why: native
          ? '.NET Framework 4.6 and later let SqlClient use TLS 1.2 (KB3135244).'
          : hot
            ? 'The .NET TLS 1.2 hotfix from KB3135244 is installed.'
            : `.NET Framework ${v} without the KB3135244 hotfix: SqlClient uses TLS 1.0 only.`,
      };
    }
    case 'microsoft-data-sqlclient':
      return {
        max: 'TLS 1.3',
        strict: versionAtLeast(v, '5.0'),
        strictFrom: '5.0',
        tls12From: null,
        why: 'Microsoft.Data.SqlClient supports TLS 1.2 in every version; Encrypt=Strict from 5.0 (sql-docs lists 5.1+).',
      };
    case 'odbc':
    case 'oledb': {
      const d: DriverId = c.driver ?? (c.kind === 'odbc' ? 'msodbcsql17' : 'msoledbsql');
      if (c.os !== 'windows' && d !== 'msodbcsql17' && d !== 'msodbcsql18')
        notes.push(`${DRIVER_LABELS[d]} does not exist on ${c.os}; simulated as ODBC Driver 17.`);
      const legacy = d === 'sql-server' || d === 'sqloledb';
      let tls12 = true;
      let tls12From: string | null = null;
      if (legacy) tls12 = dbnetlibTls12(c.windows, notes);
      else if (d === 'sqlncli10') {
        tls12From = v.startsWith('10.51') ? '10.51.6537' : v.startsWith('10.50') ? '10.50.6537' : '10.0.6543';
        tls12 = versionAtLeast(v, tls12From);
      } else if (d === 'sqlncli11') {
        tls12From = '11.0.6538';
        tls12 = versionAtLeast(v, tls12From);
      } else if (d === 'msodbcsql11') {
        tls12From = '12.0.4219';
        tls12 = versionAtLeast(v, tls12From);
      }
      const strictFrom = d === 'msodbcsql18' ? '18.1.2.1' : d === 'msoledbsql19' ? '19.2.0' : null;
      return {
        max: !tls12 ? 'TLS 1.0' : strictFrom ? 'TLS 1.3' : 'TLS 1.2',
        strict: strictFrom !== null && versionAtLeast(v, strictFrom),
        strictFrom,
        tls12From,
        why: legacy
          ? tls12
            ? `${DRIVER_LABELS[d]} got TLS 1.2 with the October 2020 Windows update on this build.`
            : `${DRIVER_LABELS[d]} (DBNETLIB) speaks TLS 1.0 only on this Windows build; it cannot be updated (domain-facts §1.2).`
          : tls12
            ? `${DRIVER_LABELS[d]} ${v} supports TLS 1.2.`
            : `${DRIVER_LABELS[d]} ${v} is below ${tls12From ?? '?'}, the first build with TLS 1.2.`,
      };
    }
    case 'jdbc':
      return {
        max: 'TLS 1.3',
        strict: versionAtLeast(v, '11.2'),
        strictFrom: '11.2',
        tls12From: null,
        why: 'The JDBC driver takes its TLS versions from the Java runtime; Encrypt=strict from driver 11.2.0.',
      };
    case 'openssl':
      return {
        max: 'TLS 1.3',
        strict: versionAtLeast(v, '18.1.2.1') && versionParts(v)[0] === 18,
        strictFrom: '18.1.2.1',
        tls12From: null,
        why: 'The ODBC driver on Linux / macOS uses the system OpenSSL; Encrypt=strict from ODBC Driver 18.1.2.1.',
      };
    case 'go':
      // APPROX: go-mssqldb's TDS 8 support version is not in domain-facts.
      return {
        max: 'TLS 1.3',
        strict: versionAtLeast(v, '1.6.0'),
        strictFrom: '1.6.0',
        tls12From: null,
        why: 'go-mssqldb uses Go crypto/tls; encrypt=strict in recent versions (approximate: 1.6.0).',
      };
    case 'node':
      // APPROX: tedious's TDS 8 support version is not in domain-facts.
      return {
        max: 'TLS 1.3',
        strict: versionAtLeast(v, '16.0.0'),
        strictFrom: '16.0.0',
        tls12From: null,
        why: "tedious uses Node.js's OpenSSL; encrypt 'strict' in recent versions (approximate: 16.0.0).",
      };
  }
}

// OpenSSL DEFAULT cipher list (1.1.1 / 3.x order), TLS 1.3 suites first. Source: OpenSSL's built-in
// DEFAULT string; domain-facts §4.2 for the SECLEVEL behaviour. APPROX: distributions may trim it.
const OPENSSL_DEFAULT = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA384',
  'DHE-RSA-AES256-SHA256',
  'ECDHE-ECDSA-AES128-SHA256',
  'ECDHE-RSA-AES128-SHA256',
  'DHE-RSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'DHE-RSA-AES256-SHA',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'DHE-RSA-AES128-SHA',
  'AES256-GCM-SHA384',
  'AES128-GCM-SHA256',
  'AES256-SHA256',
  'AES128-SHA256',
  'AES256-SHA',
  'AES128-SHA',
];

// SunJSSE default enabled suites (JDK 8u/11+ order, abridged to the families SQL Server can use).
const JSSE_DEFAULT = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
];

// Go crypto/tls client defaults: no DHE at all; RSA key exchange dropped from the default list in Go 1.22.
const GO_DEFAULT = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
];
const GO_RSA_KX = [
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
];

export interface ClientOffer {
  stack: TlsStack;
  protocols: SimProtocol[];
  suites: CipherSuiteInfo[];
  /** TLS 1.2 signature_algorithms hashes */
  sigHashes: CertHash[];
  /** DHE secret handled per spec (leading zeros) */
  dheFixed: boolean;
  /** cannot be fixed by patching (Windows NT 6.x) */
  dheNeverFixable: boolean;
  /** certificate signature hashes refused by the client's own policy (OpenSSL SECLEVEL) */
  refusedCertHashes: CertHash[];
  lib: LibCaps;
  label: string;
  why: string[];
}

const tls13Only = (s: CipherSuiteInfo) => s.keyExchange === 'TLS13';

export function opensslDefaults(c: ClientSide): {
  version: string;
  minProtocol: OpensslMinProtocol | null;
  secLevel: number | null;
} {
  return c.openssl ?? { version: '3.0', minProtocol: 'TLSv1.2', secLevel: 2 };
}

export function clientOffer(c: ClientSide, strict: boolean, notes: string[]): ClientOffer {
  const stack = clientStack(c);
  const lib = libCaps(c, notes);
  const label = clientLabel(c);
  const why: string[] = [lib.why];
  let protocols: SimProtocol[] = [];
  let suites: CipherSuiteInfo[] = [];
  let sigHashes: CertHash[] = ['sha1', 'sha256', 'sha384', 'sha512'];
  let dheFixed = true;
  let dheNeverFixable = false;
  let refused: CertHash[] = [];
  const cap = (list: SimProtocol[]) => list.filter((p) => rank(p) <= rank(lib.max));

  switch (stack) {
    case 'schannel': {
      const w = c.windows ?? defaultWindows(19045);
      if (!c.windows) notes.push('The client has no Windows settings; assumed Windows 10 22H2 defaults.');
      const os = schannelProtocols(w, 'client', notes);
      protocols = cap(os);
      if (lib.max !== 'TLS 1.3' && os.some((p) => rank(p) > rank(lib.max)))
        why.push(
          `Windows would allow ${os.filter((p) => rank(p) > rank(lib.max)).join(', ')}, but the library stops at ${lib.max}.`,
        );
      suites = windowsSuites(w, notes);
      sigHashes = schannelSigHashes(w.build);
      dheFixed = windowsDheFixed(w, notes, 'Client');
      dheNeverFixable = neverFixable(w);
      if (
        c.kind === 'windows-sqlclient-netfx' &&
        c.netfx &&
        (c.netfx.schUseStrongCrypto !== null || c.netfx.systemDefaultTlsVersions !== null)
      )
        notes.push(
          'SchUseStrongCrypto / SystemDefaultTlsVersions are recorded but do not change this handshake: they govern ServicePointManager / SslStream, not the native SNI that System.Data.SqlClient uses (domain-facts §1.2, derived).',
        );
      break;
    }
    case 'openssl':
    case 'node': {
      let version: string;
      let minP: SimProtocol;
      let secLevel: number;
      if (stack === 'node') {
        const nodeMajor = versionParts(c.node?.version ?? '20')[0] ?? 20;
        version = nodeMajor >= 17 ? '3.0' : '1.1.1';
        minP = c.node?.minVersion ? OPENSSL_TO_SIM[c.node.minVersion] : 'TLS 1.2';
        // Lowering minVersion on Node 17+ only works with ciphers 'DEFAULT@SECLEVEL=0' next to it.
        secLevel = minP === 'TLS 1.0' || minP === 'TLS 1.1' ? 0 : 1;
        why.push(
          `Node.js ${c.node?.version ?? '20'} bundles OpenSSL ${version}; its default minimum is TLS 1.2.`,
        );
        if (!c.node) notes.push('Node.js settings missing: assumed Node.js 20 defaults.');
      } else {
        const o = opensslDefaults(c);
        if (!c.openssl)
          notes.push(
            'OpenSSL settings missing: assumed OpenSSL 3.0 with MinProtocol TLSv1.2 and SECLEVEL 2 (Ubuntu 22.04 style).',
          );
        version = o.version;
        minP = o.minProtocol ? OPENSSL_TO_SIM[o.minProtocol] : 'TLS 1.0';
        secLevel = o.secLevel ?? 1;
        if (o.secLevel === null) notes.push('OpenSSL SECLEVEL not set: assumed the library default, 1.');
      }
      const major = versionParts(version)[0] ?? 3;
      const v111 = versionAtLeast(version, '1.1.1');
      const top: SimProtocol = v111 ? 'TLS 1.3' : 'TLS 1.2';
      // OpenSSL 3: TLS 1.0/1.1 need SECLEVEL 0 (SHA-1/MD5 handshake signatures), domain-facts §4.2.
      const floor: SimProtocol = major >= 3 && secLevel >= 1 ? 'TLS 1.2' : 'TLS 1.0';
      const lo = rank(minP) > rank(floor) ? minP : floor;
      protocols = cap(protocolsFrom(lo, top));
      if (major >= 3 && secLevel >= 1 && rank(minP) < rank('TLS 1.2'))
        why.push(
          `OpenSSL ${version} at SECLEVEL ${secLevel} refuses TLS 1.0/1.1 even though MinProtocol allows them (they need SECLEVEL 0).`,
        );
      let list = normaliseSuites(OPENSSL_DEFAULT, null);
      if (!v111) list = list.filter((s) => !tls13Only(s) && !s.cipher.startsWith('CHACHA'));
      if (secLevel >= 3) list = list.filter((s) => s.keyExchange !== 'RSA');
      suites = list;
      sigHashes = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
      if (secLevel >= 1) refused.push('md5');
      if ((major >= 3 && secLevel >= 1) || secLevel >= 2) refused.push('sha1');
      break;
    }
    case 'jsse': {
      const j = c.java ?? { version: '17', sslProtocol: 'TLS' as const, legacyProtocolsAllowed: false };
      if (!c.java) notes.push('Java settings missing: assumed Java 17 with sslProtocol=TLS.');
      const parts = versionParts(j.version);
      // "1.8.0_202" / "8u202" / "11.0.10" / "17"
      const legacyForm = parts[0] === 1;
      const major = legacyForm ? (parts[1] ?? 8) : (parts[0] ?? 17);
      const update = legacyForm
        ? (parts[3] ?? null)
        : /u/i.test(j.version)
          ? (parts[1] ?? null)
          : (parts[2] ?? null);
      const supportTop: SimProtocol = major >= 11 ? 'TLS 1.3' : major >= 7 ? 'TLS 1.2' : 'TLS 1.0';
      let enabled: SimProtocol[];
      if (j.sslProtocol === 'TLSv1') enabled = ['TLS 1.0'];
      else if (j.sslProtocol === 'TLSv1.1') enabled = protocolsFrom('TLS 1.0', 'TLS 1.1');
      else if (j.sslProtocol === 'TLSv1.2') enabled = protocolsFrom('TLS 1.0', 'TLS 1.2');
      else enabled = major <= 7 ? ['TLS 1.0'] : protocolsFrom('TLS 1.0', supportTop);
      enabled = enabled.filter((p) => rank(p) <= rank(supportTop));
      // 8u291 and 11.0.11 (April 2021) moved TLSv1/TLSv1.1 to jdk.tls.disabledAlgorithms; later majors ship so.
      const legacyDisabled =
        major >= 12 ||
        (major === 11 && (update === null || update >= 11)) ||
        (major === 8 && (update === null || update >= 291));
      if ((major === 8 || major === 11) && update === null)
        notes.push(
          `Java ${j.version} without an update number: assumed a current update (TLS 1.0/1.1 disabled).`,
        );
      if (legacyDisabled && !j.legacyProtocolsAllowed) {
        enabled = enabled.filter((p) => rank(p) >= rank('TLS 1.2'));
        why.push(`Java ${j.version} lists TLSv1 and TLSv1.1 in jdk.tls.disabledAlgorithms.`);
      }
      protocols = cap(enabled);
      let list = normaliseSuites(JSSE_DEFAULT, null);
      if (major < 8)
        list = list.filter((s) => !s.cipher.includes('GCM') && s.minTls !== 'TLS 1.2' && !tls13Only(s));
      if (major < 11) list = list.filter((s) => !tls13Only(s));
      suites = list;
      sigHashes = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
      refused = ['md5'];
      notes.push('Java cipher-suite list is the JDK default, abridged (approximate).');
      break;
    }
    case 'go': {
      const g = c.go ?? { version: '1.21', minVersion: null };
      if (!c.go) notes.push('Go settings missing: assumed Go 1.21 defaults.');
      const gv = g.version;
      const defMin: SimProtocol = versionAtLeast(gv, '1.18') ? 'TLS 1.2' : 'TLS 1.0';
      const lo = g.minVersion ?? defMin;
      protocols = cap(protocolsFrom(rank(lo) < rank('TLS 1.0') ? 'TLS 1.0' : lo, 'TLS 1.3'));
      why.push(
        `Go ${gv}: default client minimum ${defMin} (Go 1.18 raised it to TLS 1.2); no DHE suites at all.`,
      );
      suites = normaliseSuites(versionAtLeast(gv, '1.22') ? GO_DEFAULT : [...GO_DEFAULT, ...GO_RSA_KX], null);
      sigHashes = ['sha1', 'sha256', 'sha384', 'sha512'];
      refused = ['md5'];
      notes.push("go-mssqldb's own TLS minimum and Go's defaults are approximate.");
      break;
    }
  }
  if (strict) protocols = protocols.filter((p) => rank(p) >= rank('TLS 1.2'));
  // A stack offers TLS 1.3 only when it has a TLS 1.3 suite enabled.
  if (!suites.some(tls13Only)) protocols = protocols.filter((p) => p !== 'TLS 1.3');
  return {
    stack,
    protocols,
    suites,
    sigHashes,
    dheFixed,
    dheNeverFixable,
    refusedCertHashes: refused,
    lib,
    label,
    why,
  };
}

/** A suite can be used at this protocol, with an RSA certificate (SQL Server certificates are RSA here). */
export function suiteUsable(s: CipherSuiteInfo, p: SimProtocol): boolean {
  if (rank(p) < rank(s.minTls as SimProtocol) || rank(p) > rank(s.maxTls as SimProtocol)) return false;
  if (p === 'TLS 1.3') return s.keyExchange === 'TLS13';
  return (
    s.auth === 'RSA' && (s.keyExchange === 'ECDHE' || s.keyExchange === 'DHE' || s.keyExchange === 'RSA')
  );
}
