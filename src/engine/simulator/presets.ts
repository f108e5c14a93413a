/**
 * Named profiles with stable ids (deep links: #/simulator?preset=<id>). Presets are only inputs: every
 * result comes from the engine, and the `expected` outcome of a scenario preset is checked by the tests.
 */
import { normaliseClient, normaliseServer } from './normalise';
import { applyChanges } from './changes';
import { allDefaultProtocols, defaultWindows } from './normalise';
import type {
  ClientPreset,
  ClientSide,
  ProtocolSettings,
  ScenarioPreset,
  ServerPreset,
  ServerSide,
  SimPair,
  WindowsConfig,
} from './types';

const win = (build: number, ubr: number | null, extra: Partial<WindowsConfig> = {}): WindowsConfig => ({
  ...defaultWindows(build, ubr),
  ...extra,
});
const protocols = (p: Partial<ProtocolSettings>): ProtocolSettings => ({ ...allDefaultProtocols(), ...p });
const TLS12_ONLY = protocols({
  'SSL 3.0': 'disabled',
  'TLS 1.0': 'disabled',
  'TLS 1.1': 'disabled',
  'TLS 1.2': 'enabled',
});

/** A hardened order as many TLS guides publish it: ECDHE/DHE with AES-GCM only. */
export const HARDENED_GCM_ORDER = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
];

/** Server 2012 R2 with the DHE suites moved to the top (as some IIS Crypto templates leave it). */
export const DHE_FIRST_2012R2_ORDER = [
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
];

const server = (
  windows: WindowsConfig,
  sqlBuild: string,
  extra: Partial<Omit<ServerSide, 'windows' | 'sqlBuild'>> = {},
): ServerSide => ({
  windows,
  sqlBuild,
  certificateHash: 'sha256',
  selfGeneratedCertificate: false,
  forceEncryption: false,
  forceStrict: false,
  ...extra,
});

const client = (c: Partial<ClientSide> & Pick<ClientSide, 'kind' | 'version'>): ClientSide => ({
  os: 'windows',
  windows: null,
  driver: null,
  encrypt: 'mandatory',
  netfx: null,
  java: null,
  openssl: null,
  go: null,
  node: null,
  ...c,
});

export const SERVER_PRESETS: readonly ServerPreset[] = [
  {
    id: 'ws2008r2-sql2008r2-rtm',
    label: 'Windows Server 2008 R2 + SQL Server 2008 R2 RTM',
    description:
      'No TLS 1.2 anywhere: SQL Server 2008 R2 RTM predates KB3135244 and 2008 R2 has TLS 1.2 off by default.',
    server: server(win(7601, null), '10.50.1600.1'),
  },
  {
    id: 'ws2008r2-sql2008r2-sp3-tls12',
    label: 'Windows Server 2008 R2 + SQL Server 2008 R2 SP3 (TLS 1.2 update, keys set)',
    description:
      'SQL Server at 10.50.6542.0 and the TLS 1.2 Server key enabled, as KB3135244 asks on 2008 R2.',
    server: server(win(7601, null, { protocols: protocols({ 'TLS 1.2': 'enabled' }) }), '10.50.6542.0'),
  },
  {
    id: 'ws2012-sql2012-sp1',
    label: 'Windows Server 2012 + SQL Server 2012 SP1',
    description: 'SQL Server 2012 before SP2: no TLS 1.2 build exists on this line.',
    server: server(win(9200, null), '11.0.3000.0'),
  },
  {
    id: 'ws2012r2-sql2014-rtm',
    label: 'Windows Server 2012 R2 + SQL Server 2014 RTM',
    description: 'SQL Server 2014 RTM (12.0.2000.8), below the first TLS 1.2 build of its line.',
    server: server(win(9600, null), '12.0.2000.8'),
  },
  {
    id: 'ws2012r2-sql2014-sp3',
    label: 'Windows Server 2012 R2 + SQL Server 2014 SP3',
    description: 'TLS 1.2-capable SQL Server on a stock 2012 R2 (DHE suites enabled, no leading-zero fix).',
    server: server(win(9600, null), '12.0.6024.0'),
  },
  {
    id: 'ws2012r2-sql2016-dhe-first',
    label: 'Windows Server 2012 R2 + SQL Server 2016, TLS_DHE first',
    description: 'A 2012 R2 server whose cipher-suite order puts TLS_DHE suites first.',
    server: server(win(9600, null, { cipherOrder: DHE_FIRST_2012R2_ORDER }), '13.0.6300.2'),
  },
  {
    id: 'ws2016-unpatched-sql2016',
    label: 'Windows Server 2016 before KB4537806 + SQL Server 2016',
    description: 'Server 2016 at build 14393.3443: older than the leading-zero fix (14393.3542).',
    server: server(win(14393, 3443), '13.0.6300.2'),
  },
  {
    id: 'ws2016-sql2017',
    label: 'Windows Server 2016 (patched) + SQL Server 2017',
    description: 'Server 2016 with current updates.',
    server: server(win(14393, 7259), '14.0.3456.2'),
  },
  {
    id: 'ws2019-sql2019',
    label: 'Windows Server 2019 + SQL Server 2019',
    description: 'Defaults of both.',
    server: server(win(17763, 6054), '15.0.4375.4'),
  },
  {
    id: 'ws2019-sql2019-tls12-only',
    label: 'Windows Server 2019 + SQL Server 2019, TLS 1.2 only',
    description: 'TLS 1.0 and 1.1 disabled on the server.',
    server: server(win(17763, 6054, { protocols: TLS12_ONLY }), '15.0.4375.4'),
  },
  {
    id: 'ws2019-sql2019-gcm-only',
    label: 'Windows Server 2019 + SQL Server 2019, hardened (TLS 1.2, AES-GCM only)',
    description: 'TLS 1.2 only and a cipher-suite order limited to ECDHE/DHE AES-GCM.',
    server: server(
      win(17763, 6054, { protocols: TLS12_ONLY, cipherOrder: HARDENED_GCM_ORDER }),
      '15.0.4375.4',
    ),
  },
  {
    id: 'ws2019-sql2019-sha512-cert',
    label: 'Windows Server 2019 + SQL Server 2019, SHA-512 certificate',
    description: 'The certificate SQL Server uses is signed with sha512RSA.',
    server: server(win(17763, 6054), '15.0.4375.4', { certificateHash: 'sha512' }),
  },
  {
    id: 'ws2016-sql2016-md5-cert',
    label: 'Windows Server 2016 + SQL Server 2016, MD5 certificate',
    description: 'An old certificate signed with md5RSA.',
    server: server(win(14393, 7259), '13.0.6300.2', { certificateHash: 'md5' }),
  },
  {
    id: 'ws2016-sql2016-sha1-cert',
    label: 'Windows Server 2016 + SQL Server 2016, SHA-1 certificate',
    description:
      'A certificate signed with sha1RSA (fine for Windows clients, refused by OpenSSL at SECLEVEL 2).',
    server: server(win(14393, 7259), '13.0.6300.2', { certificateHash: 'sha1' }),
  },
  {
    id: 'ws2022-sql2022',
    label: 'Windows Server 2022 + SQL Server 2022',
    description: 'Defaults of both (TLS 1.3 available under TDS 8).',
    server: server(win(20348, 2700), '16.0.4135.4'),
  },
  {
    id: 'ws2022-sql2022-strict',
    label: 'Windows Server 2022 + SQL Server 2022, Force Strict Encryption',
    description: 'Only TDS 8 (Encrypt=Strict) clients can connect.',
    server: server(win(20348, 2700), '16.0.4135.4', { forceEncryption: true, forceStrict: true }),
  },
  {
    id: 'ws2025-sql2022',
    label: 'Windows Server 2025 + SQL Server 2022',
    description: 'Windows Server 2025 (defaults taken from Server 2022: not documented).',
    server: server(win(26100, null), '16.0.4135.4'),
  },
];

export const CLIENT_PRESETS: readonly ClientPreset[] = [
  {
    id: 'netfx-4.5.2-win2012r2',
    label: '.NET Framework 4.5.2 app on Windows Server 2012 R2',
    description: 'System.Data.SqlClient without the .NET TLS 1.2 hotfix: TLS 1.0 only.',
    client: client({ kind: 'windows-sqlclient-netfx', version: '4.5.2', windows: win(9600, null) }),
  },
  {
    id: 'netfx-4.6-default',
    label: '.NET Framework 4.6 app on Windows Server 2012 R2',
    description: 'System.Data.SqlClient with TLS 1.2 through the OS; 2012 R2 cipher defaults.',
    client: client({
      kind: 'windows-sqlclient-netfx',
      version: '4.6',
      windows: win(9600, null),
      netfx: { schUseStrongCrypto: null, systemDefaultTlsVersions: null, tls12Hotfix: false },
    }),
  },
  {
    id: 'netfx-4.8-win10',
    label: '.NET Framework 4.8 app (or SSMS 18) on Windows 10 22H2',
    description: 'System.Data.SqlClient on a current Windows 10.',
    client: client({ kind: 'windows-sqlclient-netfx', version: '4.8', windows: win(19045, 4529) }),
  },
  {
    id: 'netfx-4.8-win10-tls12-only',
    label: '.NET Framework 4.8 on Windows 10, TLS 1.2 only',
    description: 'TLS 1.0 and 1.1 Client keys disabled.',
    client: client({
      kind: 'windows-sqlclient-netfx',
      version: '4.8',
      windows: win(19045, 4529, { protocols: TLS12_ONLY }),
    }),
  },
  {
    id: 'netfx-4.8-win2016-unpatched',
    label: '.NET Framework 4.8 on Windows Server 2016 before KB4537806',
    description: 'A 2016 client without the DHE leading-zero fix.',
    client: client({ kind: 'windows-sqlclient-netfx', version: '4.8', windows: win(14393, 3443) }),
  },
  {
    id: 'win10-gcm-only-netfx',
    label: '.NET Framework 4.8 on Windows 10, hardened (AES-GCM only)',
    description: 'Client cipher-suite order limited to ECDHE/DHE AES-GCM, TLS 1.2 only.',
    client: client({
      kind: 'windows-sqlclient-netfx',
      version: '4.8',
      windows: win(19045, 4529, { protocols: TLS12_ONLY, cipherOrder: HARDENED_GCM_ORDER }),
    }),
  },
  {
    id: 'mds-5',
    label: 'Microsoft.Data.SqlClient 5.1 on Windows 11',
    description: 'Encrypt=Mandatory (the default since 4.0).',
    client: client({ kind: 'microsoft-data-sqlclient', version: '5.1.0', windows: win(22631, 3880) }),
  },
  {
    id: 'mds-5-strict',
    label: 'Microsoft.Data.SqlClient 5.1 on Windows 11, Encrypt=Strict',
    description: 'TDS 8 client.',
    client: client({
      kind: 'microsoft-data-sqlclient',
      version: '5.1.0',
      windows: win(22631, 3880),
      encrypt: 'strict',
    }),
  },
  {
    id: 'mds-5-linux',
    label: 'Microsoft.Data.SqlClient 5.1 on Linux (OpenSSL 3, SECLEVEL 2)',
    description: '.NET on Ubuntu 22.04: the system OpenSSL with MinProtocol TLSv1.2.',
    client: client({
      kind: 'microsoft-data-sqlclient',
      version: '5.1.0',
      os: 'linux',
      openssl: { version: '3.0', minProtocol: 'TLSv1.2', secLevel: 2 },
    }),
  },
  {
    id: 'ssms19-tds7',
    label: 'SSMS 19 (TDS 7.x only) on Windows 11',
    description: 'SSMS 19 speaks TDS 7.x only (SqlClient #2243): no Encrypt=Strict.',
    client: client({
      kind: 'microsoft-data-sqlclient',
      version: '5.1.0',
      windows: win(22631, 3880),
      encrypt: 'mandatory',
    }),
  },
  {
    id: 'odbc17-win2019',
    label: 'ODBC Driver 17 on Windows Server 2019',
    description: 'msodbcsql17 17.10.',
    client: client({ kind: 'odbc', driver: 'msodbcsql17', version: '17.10.5.1', windows: win(17763, 6054) }),
  },
  {
    id: 'odbc18-strict-win11',
    label: 'ODBC Driver 18 on Windows 11, Encrypt=Strict',
    description: 'msodbcsql18 18.3 with TDS 8.',
    client: client({
      kind: 'odbc',
      driver: 'msodbcsql18',
      version: '18.3.2.1',
      windows: win(22631, 3880),
      encrypt: 'strict',
    }),
  },
  {
    id: 'snac11-old-win2012r2',
    label: 'SQL Server Native Client 11.0 (11.0.2100) on Windows Server 2012 R2',
    description: 'SNAC 11 before the TLS 1.2 QFE (11.0.6538).',
    client: client({ kind: 'odbc', driver: 'sqlncli11', version: '11.0.2100.60', windows: win(9600, null) }),
  },
  {
    id: 'sqlsrv32-win2016',
    label: 'ODBC "SQL Server" driver (SQLSRV32) on Windows Server 2016',
    description: 'The OS-bundled driver: TLS 1.0 only on 2016 (never updated).',
    client: client({
      kind: 'odbc',
      driver: 'sql-server',
      version: '10.0.14393.0',
      windows: win(14393, 7259),
    }),
  },
  {
    id: 'sqloledb-win10-22h2',
    label: 'SQLOLEDB on Windows 10 22H2',
    description: 'The OS-bundled OLE DB provider, TLS 1.2-capable since the October 2020 update.',
    client: client({ kind: 'oledb', driver: 'sqloledb', version: '10.0.19041.1', windows: win(19045, 4529) }),
  },
  {
    id: 'msoledbsql19-win2022',
    label: 'MSOLEDBSQL19 on Windows Server 2022 (linked server host)',
    description: 'Microsoft OLE DB Driver 19.3.',
    client: client({ kind: 'oledb', driver: 'msoledbsql19', version: '19.3.2.0', windows: win(20348, 2700) }),
  },
  {
    id: 'jdbc-java7',
    label: 'JDBC 6.0 on Java 7',
    description: 'Java 7 enables TLS 1.0 only unless sslProtocol asks for more.',
    client: client({
      kind: 'jdbc',
      version: '6.0.8112',
      java: { version: '7u80', sslProtocol: 'TLS', legacyProtocolsAllowed: false },
    }),
  },
  {
    id: 'jdbc-java8u202',
    label: 'JDBC 9.4 on Java 8u202',
    description: 'TLS 1.0-1.2 enabled.',
    client: client({
      kind: 'jdbc',
      version: '9.4.1',
      java: { version: '8u202', sslProtocol: 'TLS', legacyProtocolsAllowed: false },
    }),
  },
  {
    id: 'jdbc-java8u291',
    label: 'JDBC 12.4 on Java 8u291+',
    description: 'TLSv1 and TLSv1.1 disabled in jdk.tls.disabledAlgorithms.',
    client: client({
      kind: 'jdbc',
      version: '12.4.2',
      java: { version: '8u291', sslProtocol: 'TLS', legacyProtocolsAllowed: false },
    }),
  },
  {
    id: 'jdbc-java17',
    label: 'JDBC 12.4 on Java 17',
    description: 'TLS 1.2 and 1.3.',
    client: client({
      kind: 'jdbc',
      version: '12.4.2',
      java: { version: '17', sslProtocol: 'TLS', legacyProtocolsAllowed: false },
    }),
  },
  {
    id: 'openssl3-seclevel2',
    label: 'ODBC 18 / sqlcmd on Ubuntu 22.04 (OpenSSL 3, SECLEVEL 2)',
    description: 'MinProtocol TLSv1.2, CipherString DEFAULT:@SECLEVEL=2.',
    client: client({
      kind: 'openssl',
      os: 'linux',
      version: '18.3.2.1',
      openssl: { version: '3.0', minProtocol: 'TLSv1.2', secLevel: 2 },
    }),
  },
  {
    id: 'openssl111-ubuntu2004',
    label: 'ODBC 17 on Ubuntu 20.04 (OpenSSL 1.1.1, SECLEVEL 2)',
    description: 'MinProtocol TLSv1.2, SECLEVEL 2.',
    client: client({
      kind: 'openssl',
      os: 'linux',
      version: '17.10.5.1',
      openssl: { version: '1.1.1', minProtocol: 'TLSv1.2', secLevel: 2 },
    }),
  },
  {
    id: 'go-1.21',
    label: 'go-mssqldb on Go 1.21',
    description: 'Go crypto/tls: TLS 1.2 minimum by default, no DHE.',
    client: client({ kind: 'go', os: 'linux', version: '1.7.0', go: { version: '1.21', minVersion: null } }),
  },
  {
    id: 'node-20',
    label: 'tedious 16 on Node.js 20',
    description: 'Node.js 20 (OpenSSL 3), TLS 1.2 minimum by default.',
    client: client({
      kind: 'node',
      os: 'linux',
      version: '16.6.1',
      node: { version: '20', minVersion: null },
    }),
  },
];

export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [
  {
    id: 'protocol-sql2008r2-rtm-vs-tls12-client',
    label: 'SQL Server 2008 R2 RTM against a TLS 1.2-only client',
    description: 'Scenario 1: the server stops at TLS 1.0, the client starts at TLS 1.2.',
    serverPreset: 'ws2008r2-sql2008r2-rtm',
    clientPreset: 'netfx-4.8-win10-tls12-only',
    expected: 'tls-protocol-mismatch',
  },
  {
    id: 'protocol-openssl3-vs-sql2014-rtm',
    label: 'OpenSSL 3 (SECLEVEL 2) client against SQL Server 2014 RTM',
    description: 'Scenario 1 on Linux: the client refuses anything below TLS 1.2.',
    serverPreset: 'ws2012r2-sql2014-rtm',
    clientPreset: 'openssl3-seclevel2',
    expected: 'tls-protocol-mismatch',
  },
  {
    id: 'protocol-old-netfx-vs-tls12-server',
    label: '.NET 4.5.2 client against a TLS 1.2-only server',
    description: 'Scenario 1 the other way round: the client library stops at TLS 1.0.',
    serverPreset: 'ws2019-sql2019-tls12-only',
    clientPreset: 'netfx-4.5.2-win2012r2',
    expected: 'tls-protocol-mismatch',
  },
  {
    id: 'cipher-gcm-server-vs-tls10-client',
    label: 'Hardened GCM-only server against a SQLSRV32 client',
    description: 'Scenario 2: TLS 1.0 is enabled for the client but no GCM suite works with TLS 1.0.',
    serverPreset: 'ws2019-sql2019-gcm-only',
    clientPreset: 'sqlsrv32-win2016',
    changes: [{ kind: 'set-protocol', side: 'server', protocol: 'TLS 1.0', setting: 'enabled' }],
    expected: 'cipher-suite-mismatch',
  },
  {
    id: 'cipher-gcm-server-vs-2012r2-client',
    label: 'Hardened ECDHE-GCM server against a Windows Server 2012 R2 client',
    description: 'Scenario 2: 2012 R2 has no TLS_ECDHE_RSA_*_GCM suites, the server has nothing else.',
    serverPreset: 'ws2019-sql2019-gcm-only',
    clientPreset: 'netfx-4.6-default',
    changes: [{ kind: 'remove-dhe', side: 'server' }],
    expected: 'cipher-suite-mismatch',
  },
  {
    id: 'dhe-2012r2-dhe-first-vs-win10',
    label: 'Windows Server 2012 R2 with TLS_DHE first against a Windows 10 client',
    description: 'Scenario 3: DHE between 2012 R2 (never fixed) and a fixed Windows 10.',
    serverPreset: 'ws2012r2-sql2016-dhe-first',
    clientPreset: 'netfx-4.8-win10',
    expected: 'tls-dhe-ciphers',
  },
  {
    id: 'dhe-2012r2-vs-gcm-only-client',
    label: 'Stock Windows Server 2012 R2 against a GCM-only Windows 10 client',
    description: 'Scenario 3: the only shared suites are TLS_DHE_RSA GCM, so DHE is always used.',
    serverPreset: 'ws2012r2-sql2014-sp3',
    clientPreset: 'win10-gcm-only-netfx',
    expected: 'tls-dhe-ciphers',
  },
  {
    id: 'weak-hash-sha512-vs-2012r2-client',
    label: 'SHA-512 certificate with a Windows Server 2012 R2 client',
    description: 'Scenario 4: the older Windows client does not list SHA-512 in signature_algorithms.',
    serverPreset: 'ws2019-sql2019-sha512-cert',
    clientPreset: 'netfx-4.6-default',
    expected: 'weak-certificate-hash',
  },
  {
    id: 'weak-hash-md5-vs-win10',
    label: 'MD5 certificate with a Windows 10 client',
    description: 'Scenario 4: no TLS 1.2 stack accepts MD5 certificate signatures.',
    serverPreset: 'ws2016-sql2016-md5-cert',
    clientPreset: 'netfx-4.8-win10',
    expected: 'weak-certificate-hash',
  },
  {
    id: 'leading-zero-unpatched-2016-vs-win10',
    label: 'Server 2016 before KB4537806 with TLS_DHE first, Windows 10 client',
    description: 'Scenario 5: DHE negotiated, the server lacks the leading-zero fix.',
    serverPreset: 'ws2016-unpatched-sql2016',
    clientPreset: 'netfx-4.8-win10',
    changes: [
      {
        kind: 'set-cipher-order',
        side: 'server',
        order: [
          'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
          'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
          'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        ],
      },
    ],
    expected: 'dhe-leading-zero',
  },
  {
    id: 'leading-zero-java-vs-unpatched-2016',
    label: 'Java 8 client against Server 2016 before KB4537806 (GCM-only server)',
    description: 'Scenario 5: a spec-compliant DHE client against an unpatched Windows server.',
    serverPreset: 'ws2016-unpatched-sql2016',
    clientPreset: 'jdbc-java8u291',
    changes: [
      {
        kind: 'set-cipher-order',
        side: 'server',
        order: ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
      },
    ],
    expected: 'dhe-leading-zero',
  },
  {
    id: 'strict-ssms19-vs-force-strict',
    label: 'SSMS 19 (TDS 7.x) against Force Strict Encryption',
    description: 'The server only accepts TDS 8.',
    serverPreset: 'ws2022-sql2022-strict',
    clientPreset: 'ssms19-tds7',
    expected: 'strict-encryption',
  },
  {
    id: 'strict-client-vs-sql2019',
    label: 'Encrypt=Strict client against SQL Server 2019',
    description: 'TDS 8 needs SQL Server 2022.',
    serverPreset: 'ws2019-sql2019',
    clientPreset: 'odbc18-strict-win11',
    expected: 'strict-encryption',
  },
  {
    id: 'success-ws2022-strict-tls13',
    label: 'Microsoft.Data.SqlClient 5 Strict against SQL Server 2022 on Server 2022',
    description: 'TDS 8 with TLS 1.3.',
    serverPreset: 'ws2022-sql2022-strict',
    clientPreset: 'mds-5-strict',
    expected: 'success',
  },
  {
    id: 'success-2012r2-default-vs-win10',
    label: 'Stock Windows Server 2012 R2 against Windows 10 (ECDHE wins over DHE)',
    description: 'DHE is enabled on both, but the server prefers ECDHE CBC that the client offers.',
    serverPreset: 'ws2012r2-sql2014-sp3',
    clientPreset: 'netfx-4.8-win10',
    expected: 'success',
  },
];

const serverById = new Map(SERVER_PRESETS.map((p) => [p.id, p]));
const clientById = new Map(CLIENT_PRESETS.map((p) => [p.id, p]));
const scenarioById = new Map(SCENARIO_PRESETS.map((p) => [p.id, p]));

export const serverPreset = (id: string): ServerPreset | null => serverById.get(id) ?? null;
export const clientPreset = (id: string): ClientPreset | null => clientById.get(id) ?? null;
export const scenarioPreset = (id: string): ScenarioPreset | null => scenarioById.get(id) ?? null;

/** Fresh copies of a preset's sides (callers may edit them). */
export function presetServer(id: string): ServerSide | null {
  const p = serverById.get(id);
  return p ? normaliseServer(structuredClone(p.server), []) : null;
}
export function presetClient(id: string): ClientSide | null {
  const p = clientById.get(id);
  return p ? normaliseClient(structuredClone(p.client), []) : null;
}

/**
 * The pair for a deep-link preset id: a scenario preset id, or "<serverPresetId>+<clientPresetId>".
 * Null when unknown.
 */
export function resolvePreset(id: string): SimPair | null {
  const sc = scenarioById.get(id);
  if (sc) {
    const s = presetServer(sc.serverPreset);
    const c = presetClient(sc.clientPreset);
    if (!s || !c) return null;
    return applyChanges({ server: s, client: c }, sc.changes ?? []);
  }
  const plus = id.indexOf('+');
  if (plus > 0) {
    const s = presetServer(id.slice(0, plus));
    const c = presetClient(id.slice(plus + 1));
    if (s && c) return { server: s, client: c };
  }
  return null;
}
