/**
 * Sample inputs for the "try an example" menu and the end-to-end tests: short, realistic pastes in our
 * own words (product message strings quoted exactly), each with the verdict the engine must reach.
 * Ids are stable: they appear in URLs (#/paste?sample=<id>).
 */
import type { Family, OtherErrorId, ScenarioId } from '../ids';

export interface SampleInput {
  /** what the user would call this paste */
  source: string;
  text: string;
}

export interface Sample {
  /** kebab-case, stable */
  id: string;
  title: string;
  /** one plain sentence */
  description: string;
  inputs: readonly SampleInput[];
  /** wizard answers a user would add (question id -> answer id of knowledge/flow.ts) */
  answers?: Readonly<Record<string, string>>;
  expect: { family: Family; topScenario?: ScenarioId; otherError?: OtherErrorId };
}

const SQLCLIENT_PRELOGIN_RESET =
  'System.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.) ---> System.ComponentModel.Win32Exception (0x80004005): An existing connection was forcibly closed by the remote host';

const SQLCLIENT_LOGIN_RESET =
  'System.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.) ---> System.ComponentModel.Win32Exception (0x80004005): An existing connection was forcibly closed by the remote host';

const SCHANNEL_KEY =
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

/** A server certificate signed with SHA-512 (sha512WithRSAEncryption), for tests and samples. */
export const WEAK_CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIDxDCCAqygAwIBAgIUcfgg7PZaEfkwyBRkz5GKBaiEmf8wDQYJKoZIhvcNAQEN
BQAwYTETMBEGCgmSJomT8ixkARkWA2NvbTEXMBUGCgmSJomT8ixkARkWB2V4YW1w
bGUxFDASBgoJkiaJk/IsZAEZFgRjb3JwMRswGQYDVQQDDBJDb3JwIElzc3Vpbmcg
Q0EgMDEwHhcNMjYxMTI3MDE0MTAyWhcNMjgxMTI2MDE0MTAyWjAlMSMwIQYDVQQD
DBpzcWxwcm9kMDEuY29ycC5leGFtcGxlLmNvbTCCASIwDQYJKoZIhvcNAQEBBQAD
ggEPADCCAQoCggEBALCbnEvtEUpd4DISPoeBWAuiDRCWycLSQ3FVRrJz6WplxP3X
yAgBLorafQVpMEIyLc4Ll62GFOxKlNbT+sqwkcgnZJrWEiEFHmNwqMudn7GA0L2r
YHyigP6aSSENIHTBVMMDEcu4deXd0tEkrXpyJVSNWUSRJnTUenklfYF7w59tHO+k
sinB6KzOzjioMmcW89YVoVz4goBch0WVfvzY9BSgdyT0mQq2eR0LCPztJLSGlmIC
DrzvgFiYThS7dKZaBwzSW/+KFKCSunhYrC3G1mTjj1nxDOoLDRe1PVUjTCdsMj96
Oyk/5xik1M3Hmsclo9OvOLmyWxa55deolXwoAScCAwEAAaOBrzCBrDAwBgNVHREE
KTAnghpzcWxwcm9kMDEuY29ycC5leGFtcGxlLmNvbYIJc3FscHJvZDAxMB0GA1Ud
JQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAOBgNVHQ8BAf8EBAMCBaAwCQYDVR0T
BAIwADAdBgNVHQ4EFgQUALJNnSVNa2MsEN2+2/bz/ZNLH28wHwYDVR0jBBgwFoAU
1+yeMxzEwdEps9SOeNJDc8JuO8IwDQYJKoZIhvcNAQENBQADggEBAGLJIgME+OZp
azOPY7Uw055x2BZQDo/NVp0rX3//8dlpx6unPFYIw/TDnLhSrsHypLiAMI3VCGob
21Job+xJ8G+cJYOiRA/4fs9HO3o00R1h2NDXlpSngmS8QHZovBBvbtgWyLqPmSCW
xfbTrJEUFs621WrxzFWEaElnU0gnXxRrzm/7ZGWFjwGeUoONKvoBiUDlYyOXRXCU
8E+BB0Jov7qBFUJLW997bMr8O0FyJHWlEMiuydZc2vxnBbH9pjr94Uohl4U7Nb4D
N19I5VzVh8WCgPMREgdOfXHUmkiNAV/XDt4E34Kmjq+KMTWDLoR+cUQm/AN/plWN
3Hlg8TWDvcw=
-----END CERTIFICATE-----`;

export const SAMPLES: readonly Sample[] = [
  {
    id: 'sqlclient-prelogin-sql2012-rtm',
    title: 'SqlClient pre-login reset against SQL Server 2012 RTM',
    description:
      'A .NET application on a server hardened to TLS 1.2 only cannot reach a SQL Server 2012 RTM instance, which has no TLS 1.2.',
    inputs: [
      {
        source: 'Application log on APP07',
        text: `2026-11-20 08:14:02,118 ERROR OrdersRepository - Opening connection to sql2012.corp.example.com failed
${SQLCLIENT_PRELOGIN_RESET}
   at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, Boolean redirectedUserInstance)
   at System.Data.SqlClient.SqlConnection.Open()
ClientConnectionId:6f1c2a7e-3b8d-4f0e-9a51-2c7d8e4b1f03
Error Number:10054,State:0,Class:20`,
      },
      {
        source: 'reg query on APP07',
        text: `C:\\>reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols" /s

${SCHANNEL_KEY}\\TLS 1.0\\Client
    Enabled    REG_DWORD    0x0
    DisabledByDefault    REG_DWORD    0x1

${SCHANNEL_KEY}\\TLS 1.0\\Server
    Enabled    REG_DWORD    0x0
    DisabledByDefault    REG_DWORD    0x1

${SCHANNEL_KEY}\\TLS 1.1\\Client
    Enabled    REG_DWORD    0x0
    DisabledByDefault    REG_DWORD    0x1

${SCHANNEL_KEY}\\TLS 1.1\\Server
    Enabled    REG_DWORD    0x0
    DisabledByDefault    REG_DWORD    0x1

${SCHANNEL_KEY}\\TLS 1.2\\Client
    Enabled    REG_DWORD    0x1
    DisabledByDefault    REG_DWORD    0x0

${SCHANNEL_KEY}\\TLS 1.2\\Server
    Enabled    REG_DWORD    0x1
    DisabledByDefault    REG_DWORD    0x0
`,
      },
      {
        source: 'SELECT @@VERSION',
        text: `Microsoft SQL Server 2012 - 11.0.2100.60 (X64) 
	Feb 10 2012 19:39:15 
	Copyright (c) Microsoft Corporation
	Standard Edition (64-bit) on Windows NT 6.1 <X64> (Build 7601: Service Pack 1) (Hypervisor)`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'tls-protocol-mismatch' },
  },
  {
    id: 'linux-odbc18-unsupported-protocol',
    title: 'sqlcmd on Ubuntu (OpenSSL 3) against SQL Server 2008 R2',
    description:
      'ODBC Driver 18 on Linux requires TLS 1.2, and an unpatched SQL Server 2008 R2 SP2 only offers TLS 1.0.',
    inputs: [
      {
        source: 'sqlcmd on build-agent-03 (Ubuntu 22.04)',
        text: `$ /opt/mssql-tools18/bin/sqlcmd -S legacy-sql.corp.example.com -U report_reader -Q "SELECT 1"
Password:
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : SSL Provider: [error:0A000102:SSL routines::unsupported protocol].
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Client unable to establish connection.`,
      },
      {
        source: 'SELECT @@VERSION',
        text: `Microsoft SQL Server 2008 R2 (SP2) - 10.50.4000.0 (X64) 
	Jun 28 2012 08:36:30 
	Copyright (c) Microsoft Corporation
	Enterprise Edition (64-bit) on Windows NT 6.1 <X64> (Build 7601: Service Pack 1)`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'tls-protocol-mismatch' },
  },
  {
    id: 'cipher-policy-cbc-vs-gcm',
    title: 'CBC-only client policy against a GCM-only SQL Server',
    description:
      "The client's cipher-suite policy keeps only CBC suites while the SQL Server machine was hardened to GCM suites, so the two share none.",
    inputs: [
      {
        source: 'SSMS on APP12, with its cipher-suite policy',
        text: `Cannot connect to sql-fin01.corp.example.com.

------------------------------
ADDITIONAL INFORMATION:

A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.) (Microsoft SQL Server, Error: 10054)

------------------------------

C:\\>reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002 /v Functions

HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002
    Functions    REG_SZ    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA256
`,
      },
      {
        source: 'Get-TlsCipherSuite on the SQL Server machine',
        text: `PS C:\\> Get-TlsCipherSuite | Format-Table -Property 'Name'

Name
----
TLS_AES_256_GCM_SHA384
TLS_AES_128_GCM_SHA256
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'cipher-suite-mismatch' },
  },
  {
    id: 'dhe-2012r2-server-2019-client',
    title: 'Intermittent resets between Windows Server 2019 and SQL Server on 2012 R2',
    description:
      'A Windows Server 2019 client and a SQL Server on Windows Server 2012 R2 both keep TLS_DHE suites enabled, and about one login in a few hundred is reset.',
    inputs: [
      {
        source: 'Web server WEB03 (Windows Server 2019)',
        text: `${SQLCLIENT_LOGIN_RESET}

PS C:\\> [Environment]::OSVersion

Platform ServicePack Version      VersionString
-------- ----------- -------      -------------
 Win32NT             10.0.17763.0 Microsoft Windows NT 10.0.17763.0

PS C:\\> Get-TlsCipherSuite | Format-Table -Property 'Name'

Name
----
TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384
TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256
TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
TLS_RSA_WITH_AES_256_GCM_SHA384
TLS_RSA_WITH_AES_128_GCM_SHA256
TLS_RSA_WITH_AES_256_CBC_SHA256
TLS_RSA_WITH_AES_128_CBC_SHA256
`,
      },
      {
        source: 'SELECT @@VERSION',
        text: `Microsoft SQL Server 2016 (SP2-CU17) (KB5001092) - 13.0.5888.11 (X64) 
	Mar 19 2021 19:41:38 
	Copyright (c) Microsoft Corporation
	Enterprise Edition: Core-based Licensing (64-bit) on Windows Server 2012 R2 Standard 6.3 <X64> (Build 9600: ) (Hypervisor)`,
      },
    ],
    answers: { frequency: 'intermittent' },
    expect: { family: 'handshake-reset', topScenario: 'tls-dhe-ciphers' },
  },
  {
    id: 'dhe-leading-zero-unpatched-2016',
    title: 'Random login resets against an unpatched Windows Server 2016',
    description:
      'The SQL Server machine runs Windows Server 2016 build 14393.2485, older than the DHE leading-zero fix, and TLS_DHE suites are enabled.',
    inputs: [
      {
        source: 'Job log on ETL01',
        text: `${SQLCLIENT_LOGIN_RESET}`,
      },
      {
        source: 'Get-ComputerInfo and ERRORLOG on the SQL Server machine',
        text: `PS C:\\> Get-ComputerInfo -Property 'WindowsProductName', 'WindowsVersion', 'OsBuildNumber', 'OsVersion', 'WindowsBuildLabEx'

WindowsProductName : Windows Server 2016 Standard
WindowsVersion     : 1607
OsBuildNumber      : 14393
OsVersion          : 10.0.14393
WindowsBuildLabEx  : 14393.2485.amd64fre.rs1_release_1.180827-1809

2026-11-26 03:12:40.66 Logon       Error: 17830, Severity: 20, State: 11.
2026-11-26 03:12:40.66 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed. This may have been caused by client or server login timeout expiration. Time spent during login: total 9 ms, enqueued 0 ms, network writes 0 ms, network reads 2 ms, establishing SSL 7 ms, negotiating SSPI 0 ms, validating login 0 ms, including user-defined login processing 0 ms. [CLIENT: 10.20.6.18]
`,
      },
    ],
    answers: { frequency: 'intermittent' },
    expect: { family: 'handshake-reset', topScenario: 'dhe-leading-zero' },
  },
  {
    id: 'sha512-certificate-sql2019',
    title: 'SQL Server certificate signed with SHA-512',
    description:
      'SQL Server loaded a certificate whose signature uses SHA-512, which TLS 1.2 clients on Windows cannot use, so every encrypted login is reset.',
    inputs: [
      {
        source: 'SSMS error',
        text: `Cannot connect to sqlprod01.corp.example.com.

------------------------------
ADDITIONAL INFORMATION:

A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.) (Microsoft SQL Server, Error: 10054)
`,
      },
      {
        source: 'ERRORLOG on SQLPROD01',
        text: `2026-11-25 22:40:07.12 Server      Microsoft SQL Server 2019 (RTM-CU28) (KB5039747) - 15.0.4385.2 (X64) 
	Jul 25 2024 21:32:40 
	Copyright (C) 2019 Microsoft Corporation
	Enterprise Edition (64-bit) on Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)
2026-11-25 22:40:09.55 Server      The certificate [Cert Hash(sha1) "D6FB3C6084DB7B1F633B8C7F3A7CF1E69B814DE7"] was successfully loaded for encryption.
2026-11-25 22:40:09.61 Server      Server is listening on [ 'any' <ipv4> 1433].`,
      },
      {
        source: 'Certificate exported from SQLPROD01 (Base-64)',
        text: WEAK_CERT_PEM,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'weak-certificate-hash' },
  },
  {
    id: 'iocp-listener-busy-sql2016',
    title: 'Pre-login resets under load on SQL Server 2016',
    description:
      'During connection bursts SQL Server 2016 logs a non-yielding IO Completion Listener and login timeouts, and clients see resets at pre-login.',
    inputs: [
      {
        source: 'Application error',
        text: SQLCLIENT_PRELOGIN_RESET,
      },
      {
        source: 'ERRORLOG on SQLBATCH02',
        text: `2026-11-24 09:00:00.31 Server      Microsoft SQL Server 2016 (SP3) (KB5003279) - 13.0.6300.2 (X64) 
	Aug  7 2021 01:20:37 
	Copyright (c) Microsoft Corporation
	Standard Edition (64-bit) on Windows Server 2016 Standard 10.0 <X64> (Build 14393: ) (Hypervisor)
2026-11-26 07:59:48.02 Server      IO Completion Listener (0x2c4) Worker 0x000002A4F1E60160 appears to be non-yielding on Node 0. Approx CPU Used: kernel 0 ms, user 15 ms, Interval: 15016.
2026-11-26 08:00:03.77 Logon       Error: 17197, Severity: 20, State: 1.
2026-11-26 08:00:03.77 Logon       Login failed due to timeout; the connection has been closed. This error may indicate heavy server load. Reduce the load on the server and retry login. [CLIENT: 10.20.4.31]`,
      },
    ],
    answers: { frequency: 'intermittent', 'busy-server': 'yes' },
    expect: { family: 'handshake-reset', topScenario: 'tcp-listener-overload' },
  },
  {
    id: 'jdbc-server-chose-tls10',
    title: 'Java 17 application against a server that only offers TLS 1.0',
    description:
      'The JDBC driver on a current Java runtime refuses TLS 1.0, and the server picked TLS 1.0 because it has no TLS 1.2.',
    inputs: [
      {
        source: 'Application log',
        text: `com.microsoft.sqlserver.jdbc.SQLServerException: The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: "The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]". ClientConnectionId:0b5e2f8c-1d4a-4e7b-9c3f-6a2d8e1b7c40
	at com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4026)
	at com.microsoft.sqlserver.jdbc.TDSChannel.enableSSL(IOBuffer.java:1979)`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'tls-protocol-mismatch' },
  },
  {
    id: 'legacy-sqloledb-tls12-server',
    title: 'Legacy "SQL Server" ODBC driver against a TLS 1.2-only server',
    description:
      'An old application uses the DBNETLIB-based {SQL Server} driver, which speaks TLS 1.0 only, against a server that allows TLS 1.2 alone.',
    inputs: [
      {
        source: 'Application error dialog',
        text: `Connection failed:
SQLState: '01000'
SQL Server Error: 10054
[Microsoft][ODBC SQL Server Driver][DBNETLIB]ConnectionWrite (send()).
Connection failed:
SQLState: '08001'
SQL Server Error: 18
[Microsoft][ODBC SQL Server Driver][DBNETLIB]SSL Security error (18)`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'tls-protocol-mismatch' },
  },
  {
    id: 'pyodbc-legacy-sigalg-sql-on-linux',
    title: 'pyodbc on Linux refuses a SHA-1 signed server certificate',
    description:
      'OpenSSL 3 on the client refuses the SHA-1 signature of the certificate used by SQL Server on Linux.',
    inputs: [
      {
        source: 'Python traceback',
        text: `Traceback (most recent call last):
  File "/srv/reports/export.py", line 41, in <module>
    conn = pyodbc.connect(conn_str)
pyodbc.OperationalError: ('08001', '[08001] [Microsoft][ODBC Driver 18 for SQL Server]SSL Provider: [error:0A00014D:SSL routines::legacy sigalg disallowed or unsupported] (-1) (SQLDriverConnect)')`,
      },
      {
        source: 'SELECT @@VERSION',
        text: `Microsoft SQL Server 2019 (RTM-CU27) (KB5037331) - 15.0.4375.4 (X64) 
	Jun 10 2024 18:00:07 
	Copyright (C) 2019 Microsoft Corporation
	Developer Edition (64-bit) on Linux (Ubuntu 20.04.6 LTS) <X64>`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'weak-certificate-hash' },
  },
  {
    id: 'schannel-36874-no-common-cipher',
    title: 'Schannel 36874 on the SQL Server: no cipher suite in common',
    description:
      'Every login from a hardened client is reset, and the SQL Server machine logs Schannel event 36874 for each attempt.',
    inputs: [
      {
        source: 'Application error on APP21',
        text: SQLCLIENT_LOGIN_RESET,
      },
      {
        source: 'System log on SQLFIN02 (Event Viewer, Copy details as text)',
        text: `Log Name:      System
Source:        Schannel
Date:          11/26/2026 9:14:52 AM
Event ID:      36874
Task Category: None
Level:         Error
Keywords:      
User:          SYSTEM
Computer:      SQLFIN02.corp.example.com
Description:
An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The TLS connection request has failed.`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'cipher-suite-mismatch' },
  },
  {
    id: 'schannel-36888-bad-record-mac',
    title: 'Schannel 36888 alert 20, state 960, and only some logins fail',
    description:
      'A few logins in many are reset, and the SQL Server machine logs Schannel event 36888 with fatal alert 20 (bad_record_mac) and error state 960.',
    inputs: [
      {
        source: 'Application error on WEB05',
        text: SQLCLIENT_LOGIN_RESET,
      },
      {
        source: 'System log on SQLAPP03 (Event Viewer, Copy details as text)',
        text: `Log Name:      System
Source:        Schannel
Date:          11/26/2026 2:03:17 PM
Event ID:      36888
Task Category: None
Level:         Error
Keywords:      
User:          SYSTEM
Computer:      SQLAPP03.corp.example.com
Description:
A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 20. The Windows SChannel error state is 960.`,
      },
    ],
    answers: { frequency: 'intermittent' },
    expect: { family: 'handshake-reset', topScenario: 'tls-dhe-ciphers' },
  },
  {
    id: 'schannel-36871-no-client-protocol',
    title: 'Schannel 36871 state 10013 on the client: no TLS version enabled',
    description:
      'The client machine logs Schannel event 36871 with internal error state 10013: no TLS version is left enabled for its client role.',
    inputs: [
      {
        source: 'Application error on BATCH04',
        text: SQLCLIENT_PRELOGIN_RESET,
      },
      {
        source: 'System log on BATCH04 (Event Viewer, Copy details as text)',
        text: `Log Name:      System
Source:        Schannel
Date:          11/26/2026 6:45:09 AM
Event ID:      36871
Task Category: None
Level:         Error
Keywords:      
User:          SYSTEM
Computer:      BATCH04.corp.example.com
Description:
A fatal error occurred while creating a TLS client credential. The internal error state is 10013.`,
      },
    ],
    expect: { family: 'handshake-reset', topScenario: 'tls-protocol-mismatch' },
  },
  // --- look-alikes: recognised errors that are not the handshake reset -----------------------------
  {
    id: 'named-instance-not-found',
    title: 'Named instance not found (error 26)',
    description:
      'The client cannot locate the named instance, usually the SQL Server Browser service or UDP 1434.',
    inputs: [
      {
        source: 'SSMS error',
        text: `Cannot connect to SQLHR01\\PAYROLL.

------------------------------
ADDITIONAL INFORMATION:

A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified) (Microsoft SQL Server, Error: -1)
`,
      },
    ],
    expect: { family: 'other-error', otherError: 'network-path' },
  },
  {
    id: 'prelogin-ack-timeout',
    title: 'Timeout waiting for the pre-login acknowledgement',
    description: 'The server did not answer the pre-login in time: a timeout, not a reset.',
    inputs: [
      {
        source: 'Application error',
        text: `Microsoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.  This could be because the pre-login handshake failed or the server was unable to respond back in time.  The duration spent while attempting to connect to this server was - [Pre-Login] initialization=15012; handshake=3;
 ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.`,
      },
    ],
    expect: { family: 'other-error', otherError: 'timeout' },
  },
  {
    id: 'login-failed-18456',
    title: 'Login failed for user (18456)',
    description: 'The connection and TLS handshake worked; SQL Server refused the credentials.',
    inputs: [
      {
        source: 'sqlcmd output',
        text: `C:\\>sqlcmd -S sql-fin01.corp.example.com -U etl_loader -Q "SELECT 1"
Password:
Sqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : Login failed for user 'etl_loader'..`,
      },
    ],
    expect: { family: 'other-error', otherError: 'login-failed' },
  },
  {
    id: 'certificate-chain-not-trusted',
    title: 'Certificate chain not trusted after a driver upgrade',
    description:
      'Microsoft.Data.SqlClient 4 encrypts by default and does not trust the self-generated certificate of the server.',
    inputs: [
      {
        source: 'Application error',
        text: `Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)
 ---> System.ComponentModel.Win32Exception (0x80090325): The certificate chain was issued by an authority that is not trusted.`,
      },
    ],
    expect: { family: 'other-error', otherError: 'certificate-trust' },
  },
  {
    id: 'certificate-name-mismatch',
    title: 'Server name not in the certificate',
    description: 'The client connects by an alias that the server certificate does not name.',
    inputs: [
      {
        source: 'Application error',
        text: `Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: SSL Provider, error: 0 - The target principal name is incorrect.)
 ---> System.ComponentModel.Win32Exception (0x80090322): The target principal name is incorrect.`,
      },
    ],
    expect: { family: 'other-error', otherError: 'certificate-name' },
  },
  {
    id: 'cannot-generate-sspi-context',
    title: 'Cannot generate SSPI context',
    description: 'Windows authentication (Kerberos) fails, usually because of a missing or duplicate SPN.',
    inputs: [
      {
        source: 'SSMS error',
        text: `Cannot connect to SQLHR01.

------------------------------
ADDITIONAL INFORMATION:

The target principal name is incorrect.  Cannot generate SSPI context. (Microsoft SQL Server)
`,
      },
    ],
    expect: { family: 'other-error', otherError: 'sspi' },
  },
  {
    id: 'transport-error-after-login',
    title: 'Connection reset in the middle of a session',
    description: 'The reset came while sending a query on an open connection, long after the handshake.',
    inputs: [
      {
        source: 'Application error',
        text: `System.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.) ---> System.ComponentModel.Win32Exception (0x80004005): An existing connection was forcibly closed by the remote host`,
      },
    ],
    expect: { family: 'other-error', otherError: 'reset-after-login' },
  },
  {
    id: 'connection-aborted-10053',
    title: 'Connection aborted by the client machine (10053)',
    description: 'Software on the client machine (often antivirus or a VPN filter) aborted the connection.',
    inputs: [
      {
        source: 'Application error',
        text: `System.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An established connection was aborted by the software in your host machine.) ---> System.ComponentModel.Win32Exception (0x80004005): An established connection was aborted by the software in your host machine`,
      },
    ],
    expect: { family: 'other-error', otherError: 'connection-aborted' },
  },
  {
    id: 'connection-refused-10061',
    title: 'Nothing listening on the port (10061)',
    description: 'The target machine refused the TCP connection: SQL Server is not listening on that port.',
    inputs: [
      {
        source: 'SSMS error',
        text: `Cannot connect to sql-fin01.corp.example.com,1533.

------------------------------
ADDITIONAL INFORMATION:

A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.) (Microsoft SQL Server, Error: 10061)
`,
      },
    ],
    expect: { family: 'other-error', otherError: 'connection-refused' },
  },
  {
    id: 'strict-encryption-sql2019',
    title: 'Encrypt=Strict against SQL Server 2019',
    description: 'The client asks for TDS 8 strict encryption, which SQL Server 2019 does not speak.',
    inputs: [
      {
        source: 'Application error and connection string',
        text: `Connection string: Server=tcp:sql2019.corp.example.com,1433;Database=Sales;Encrypt=Strict;HostNameInCertificate=sql2019.corp.example.com
Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)`,
      },
      {
        source: 'SELECT @@VERSION',
        text: `Microsoft SQL Server 2019 (RTM-CU28) (KB5039747) - 15.0.4385.2 (X64) 
	Jul 25 2024 21:32:40 
	Copyright (C) 2019 Microsoft Corporation
	Standard Edition (64-bit) on Windows Server 2019 Standard 10.0 <X64> (Build 17763: ) (Hypervisor)`,
      },
    ],
    expect: { family: 'other-error', otherError: 'strict-encryption' },
  },
  {
    id: 'server-does-not-support-encryption',
    title: 'The instance does not support encryption',
    description: 'The client requires encryption but the server offers none (no certificate can be used).',
    inputs: [
      {
        source: 'Application error',
        text: `Microsoft.Data.SqlClient.SqlException (0x80131904): The instance of SQL Server you attempted to connect to does not support encryption.`,
      },
    ],
    expect: { family: 'other-error', otherError: 'encryption-not-supported' },
  },
  {
    id: 'errorlog-17835-old-client-library',
    title: 'ERRORLOG: encryption required, client library without encryption (17835)',
    description:
      'Force Encryption is on and an old client library cannot encrypt, so SQL Server closes its connections with error 17835.',
    inputs: [
      {
        source: 'ERRORLOG on SQLHR01',
        text: `2026-11-26 10:02:11.40 Logon       Error: 17835, Severity: 20, State: 1.
2026-11-26 10:02:11.40 Logon       Encryption is required to connect to this server but the client library does not support encryption; the connection has been closed. Please upgrade your client library. [CLIENT: 10.20.7.41]`,
      },
    ],
    expect: { family: 'other-error', otherError: 'encryption-not-supported' },
  },
  {
    id: 'unrelated-iis-log',
    title: 'An IIS log line (not a SQL Server error)',
    description: 'A web server log line: nothing here says what went wrong with SQL Server.',
    inputs: [
      {
        source: 'u_ex261126.log',
        text: `#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2026-11-26 07:31:12 10.20.1.15 GET /orders/list page=2 443 - 10.20.9.44 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 500 0 0 1532`,
      },
    ],
    expect: { family: 'unrecognized' },
  },
];

/** The sample with this id, or undefined. */
export function getSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}
