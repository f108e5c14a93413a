/**
 * Windows facts per version: which builds are which product, their default TLS protocol states (SQLCheck
 * TLSInfo.cs, domain-facts §1.3), their documented default cipher-suite order (domain-facts §5.1 and
 * Microsoft's "TLS Cipher Suites in Windows ..." pages) and the DHE leading-zero fix (KB4557473, §5.3).
 */
import type { ProtocolName } from '../ids';

export type CipherFamily = '2008r2' | '2012' | '2012r2' | '2016' | '2019' | '2022' | 'unknown';
export type OsProtocolDefault = 'enabled' | 'disabled' | 'not-supported';
export type SideDefaults = { client: OsProtocolDefault; server: OsProtocolDefault };
export type ProtocolDefaults = Record<ProtocolName, SideDefaults>;

export interface WindowsRelease {
  /** NT version "major.minor" */
  nt: string;
  build: number;
  /** product when the machine is a server, null when no server shipped on this build */
  server: string | null;
  /** product when it is a client, null when no client shipped on this build */
  client: string | null;
  /** Windows 10/11 version label */
  release?: string;
  cipherFamily: CipherFamily;
  /** the cipher family is the nearest documented one, not documented for this exact build */
  approximate?: boolean;
}

export const WINDOWS_RELEASES: readonly WindowsRelease[] = [
  { nt: '6.0', build: 6000, server: null, client: 'Windows Vista', cipherFamily: 'unknown' },
  {
    nt: '6.0',
    build: 6001,
    server: 'Windows Server 2008',
    client: 'Windows Vista SP1',
    cipherFamily: 'unknown',
  },
  {
    nt: '6.0',
    build: 6002,
    server: 'Windows Server 2008 SP2',
    client: 'Windows Vista SP2',
    cipherFamily: 'unknown',
  },
  {
    nt: '6.0',
    build: 6003,
    server: 'Windows Server 2008 SP2',
    client: 'Windows Vista SP2',
    cipherFamily: 'unknown',
  },
  { nt: '6.1', build: 7600, server: 'Windows Server 2008 R2', client: 'Windows 7', cipherFamily: '2008r2' },
  {
    nt: '6.1',
    build: 7601,
    server: 'Windows Server 2008 R2 SP1',
    client: 'Windows 7 SP1',
    cipherFamily: '2008r2',
  },
  { nt: '6.2', build: 9200, server: 'Windows Server 2012', client: 'Windows 8', cipherFamily: '2012' },
  { nt: '6.3', build: 9600, server: 'Windows Server 2012 R2', client: 'Windows 8.1', cipherFamily: '2012r2' },
  {
    nt: '10.0',
    build: 10240,
    server: null,
    client: 'Windows 10',
    release: '1507',
    cipherFamily: '2016',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 10586,
    server: null,
    client: 'Windows 10',
    release: '1511',
    cipherFamily: '2016',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 14393,
    server: 'Windows Server 2016',
    client: 'Windows 10',
    release: '1607',
    cipherFamily: '2016',
  },
  {
    nt: '10.0',
    build: 15063,
    server: null,
    client: 'Windows 10',
    release: '1703',
    cipherFamily: '2016',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 16299,
    server: 'Windows Server, version 1709',
    client: 'Windows 10',
    release: '1709',
    cipherFamily: '2016',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 17134,
    server: 'Windows Server, version 1803',
    client: 'Windows 10',
    release: '1803',
    cipherFamily: '2016',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 17763,
    server: 'Windows Server 2019',
    client: 'Windows 10',
    release: '1809',
    cipherFamily: '2019',
  },
  {
    nt: '10.0',
    build: 18362,
    server: 'Windows Server, version 1903',
    client: 'Windows 10',
    release: '1903',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 18363,
    server: 'Windows Server, version 1909',
    client: 'Windows 10',
    release: '1909',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 19041,
    server: 'Windows Server, version 2004',
    client: 'Windows 10',
    release: '2004',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 19042,
    server: 'Windows Server, version 20H2',
    client: 'Windows 10',
    release: '20H2',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 19043,
    server: null,
    client: 'Windows 10',
    release: '21H1',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 19044,
    server: null,
    client: 'Windows 10',
    release: '21H2',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 19045,
    server: null,
    client: 'Windows 10',
    release: '22H2',
    cipherFamily: '2019',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 20348,
    server: 'Windows Server 2022',
    client: null,
    release: '21H2',
    cipherFamily: '2022',
  },
  {
    nt: '10.0',
    build: 22000,
    server: null,
    client: 'Windows 11',
    release: '21H2',
    cipherFamily: '2022',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 22621,
    server: null,
    client: 'Windows 11',
    release: '22H2',
    cipherFamily: '2022',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 22631,
    server: null,
    client: 'Windows 11',
    release: '23H2',
    cipherFamily: '2022',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 25398,
    server: 'Windows Server, version 23H2',
    client: null,
    release: '23H2',
    cipherFamily: '2022',
    approximate: true,
  },
  {
    nt: '10.0',
    build: 26100,
    server: 'Windows Server 2025',
    client: 'Windows 11',
    release: '24H2',
    cipherFamily: '2022',
    approximate: true,
  },
];

/** The release a build belongs to: an exact match, or the nearest earlier known build of the same NT line. */
export function windowsRelease(build: number): WindowsRelease | null {
  let best: WindowsRelease | null = null;
  for (const r of WINDOWS_RELEASES) if (r.build <= build) best = r;
  if (!best) return null;
  return best;
}

/** Windows 11 starts at build 22000 (NT 10.0 is reported for both 10 and 11). */
export const WINDOWS_11_FIRST_BUILD = 22000;
/** Windows Server 2022 / Windows 11 are the first with TLS 1.3 supported by Schannel (§1.3). */
export const TLS13_FIRST_BUILD = 20348;
/** KB4537806, OS build 14393.3542: Server 2016 / Windows 10 1607 get the DHE leading-zero fix (§5.3). */
export const LEADING_ZERO_FIX_1607_UBR = 3542;

const all = (client: OsProtocolDefault, server: OsProtocolDefault = client): SideDefaults => ({
  client,
  server,
});

/** OS default protocol states (SQLCheck TLSInfo.cs via domain-facts §1.3), by build. */
export function defaultProtocols(nt: string | null, build: number | null): ProtocolDefaults | null {
  if (build === null && nt === null) return null;
  const b = build ?? ntToFirstBuild(nt);
  if (b === null) return null;
  if (b < 6002)
    return {
      'SSL 2.0': all('disabled', 'enabled'),
      'SSL 3.0': all('enabled'),
      'TLS 1.0': all('enabled'),
      'TLS 1.1': all('not-supported'),
      'TLS 1.2': all('not-supported'),
      'TLS 1.3': all('not-supported'),
    };
  if (b < 9200)
    return {
      'SSL 2.0': all('disabled', 'enabled'),
      'SSL 3.0': all('enabled'),
      'TLS 1.0': all('enabled'),
      'TLS 1.1': all('disabled'),
      'TLS 1.2': all('disabled'),
      'TLS 1.3': all('not-supported'),
    };
  if (b < 14393)
    return {
      'SSL 2.0': all('disabled'),
      'SSL 3.0': all('enabled'),
      'TLS 1.0': all('enabled'),
      'TLS 1.1': all('enabled'),
      'TLS 1.2': all('enabled'),
      'TLS 1.3': all('not-supported'),
    };
  return {
    'SSL 2.0': all('not-supported'),
    'SSL 3.0': all('disabled'),
    'TLS 1.0': all('enabled'),
    'TLS 1.1': all('enabled'),
    'TLS 1.2': all('enabled'),
    'TLS 1.3': all(b >= TLS13_FIRST_BUILD ? 'enabled' : 'not-supported'),
  };
}

function ntToFirstBuild(nt: string | null): number | null {
  switch (nt) {
    case '6.0':
      return 6000;
    case '6.1':
      return 7600;
    case '6.2':
      return 9200;
    case '6.3':
      return 9600;
    default:
      return null; // 10.0 spans 2016..2025: the build decides
  }
}

/**
 * Default enabled cipher-suite order per family, in priority order, as Microsoft documents it. Windows 7,
 * 8 and 8.1 after update 3042058 / KB2919355 share one order (with curve suffixes). `*` suites in the
 * documentation (NULL, SSL 2.0) are used only when an application asks, and are left out here.
 */
const WIN7_8_81 = [
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P384',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P384',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_RC4_128_MD5',
];

const WIN2016 = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
  'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_RC4_128_MD5',
];

const WIN2019 = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
];

const WIN2022 = ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', ...WIN2019];

export const DEFAULT_CIPHER_ORDER: Record<Exclude<CipherFamily, 'unknown'>, readonly string[]> = {
  '2008r2': WIN7_8_81,
  '2012': WIN7_8_81,
  '2012r2': WIN7_8_81,
  '2016': WIN2016,
  '2019': WIN2019,
  '2022': WIN2022,
};

/**
 * Whether a Windows build has the DHE leading-zero fix (KB4557473), following SQLCheck's dheVersion rule:
 * NT < 10 never; 10240 (1507) no; 1511 and later yes, except 14393 (Server 2016 / 1607) which needs
 * UBR >= 3542 (KB4537806). Returns null when the UBR of a 14393 machine is not known.
 */
export function hasLeadingZeroFix(
  major: number | null,
  build: number | null,
  ubr: number | null,
): boolean | null {
  if (major !== null && major < 10) return false;
  if (build === null) return null;
  if (build < 10240) return false;
  if (build === 10240) return false;
  if (build === 14393) return ubr === null ? null : ubr >= LEADING_ZERO_FIX_1607_UBR;
  return true;
}
