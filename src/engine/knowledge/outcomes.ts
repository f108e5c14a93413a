/**
 * Outcomes that are not one of the article's six scenarios: a different error ('other-error', one per
 * OtherErrorId), a related situation the article points to ('related'), and the hand-over to a specialist
 * ('escalate').
 */
import type { OtherErrorId } from '../ids';
import * as c from './commands';
import { REF } from './references';
import type { OtherOutcome, ResolutionStep } from './types';

const info = (
  id: string,
  title: string,
  body: string,
  commands?: ResolutionStep['commands'],
): ResolutionStep => ({
  id,
  kind: 'info',
  title,
  body,
  ...(commands ? { commands } : {}),
});
const check = (
  id: string,
  title: string,
  body: string,
  commands?: ResolutionStep['commands'],
): ResolutionStep => ({
  id,
  kind: 'check',
  title,
  body,
  ...(commands ? { commands } : {}),
});

type OtherErrorOutcome = OtherOutcome & { type: 'other-error'; id: OtherErrorId };

const notThisProblem = (what: string): ResolutionStep =>
  info(
    'why-not-this',
    'Why this is not the TLS handshake reset',
    `${what} The 10054 handshake reset happens after the server has been reached and before the login is checked; this message comes from a different stage, so the TLS settings are not the first thing to look at.`,
  );

const OTHER_ERRORS: readonly OtherErrorOutcome[] = [
  {
    type: 'other-error',
    id: 'network-path',
    title: 'The client cannot find or reach SQL Server',
    summary:
      'The connection never reaches SQL Server: the name, instance, port or network path is wrong or blocked.',
    symptoms: [
      '"A network-related or instance-specific error occurred while establishing a connection to SQL Server."',
      '"(provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)"',
      '"(provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)"',
      'Windows error 53 (network path not found).',
    ],
    steps: [
      notThisProblem('Here the client does not even get a connection.'),
      check(
        'check-path',
        'First checks',
        'Check the server name and instance name for typos. Make sure the SQL Server service runs and TCP/IP is enabled for the instance. For a named instance, the SQL Server Browser service must run and UDP 1434 must be open, or use the port number in the connection (server,port). Check firewalls between the machines for the SQL Server port (1433 by default).',
      ),
    ],
    whereToGo: [REF.connectivityOverview, REF.connectivityChecklist],
    keywords: [
      'error 40',
      'error 26',
      'error 53',
      'network-related',
      'instance-specific',
      'Error Locating Server/Instance Specified',
      'Could not open a connection',
      'network name is no longer available',
      'SQL Server Browser',
      'UDP 1434',
    ],
  },
  {
    type: 'other-error',
    id: 'timeout',
    title: 'The connection or login timed out',
    summary:
      'The client gave up waiting: no answer arrived in time, which points at the network, a firewall or a slow server, not at a TLS refusal.',
    symptoms: [
      '"Login timeout expired" or "Connection Timeout Expired".',
      '"The wait operation timed out" (258) or error 10060 ("did not properly respond after a period of time").',
      '"...timeout period elapsed while attempting to consume the pre-login handshake acknowledgement."',
    ],
    steps: [
      notThisProblem(
        'A timeout means nothing came back; the handshake reset means the other side actively closed the connection.',
      ),
      check(
        'check-timeout',
        'First checks',
        "Check that the port is reachable from the client (firewall, VPN, routing). If timeouts happen only at busy times on SQL Server 2017 or earlier, also read the listener-overload scenario. Look at the server's CPU and blocking at the failure times.",
      ),
    ],
    whereToGo: [REF.connectivityOverview, REF.connectivityChecklist],
    keywords: [
      'timeout',
      'Login timeout expired',
      'Connection Timeout Expired',
      '258',
      '10060',
      'wait operation timed out',
      'timed out',
      'pre-login handshake acknowledgement',
    ],
  },
  {
    type: 'other-error',
    id: 'login-failed',
    title: 'The login was refused (error 18456)',
    summary:
      'The connection and TLS handshake worked; SQL Server refused the user name, password or database.',
    symptoms: [
      '"Login failed for user ..." (Microsoft SQL Server, Error: 18456)',
      'ERRORLOG: "Login failed for user ... Reason: ..." with a state number.',
    ],
    steps: [
      notThisProblem('Reaching the login check means TLS already succeeded.'),
      check(
        'check-login',
        'First checks',
        'Read the matching "Login failed" line in the SQL Server ERRORLOG: its Reason and state say whether the password, the account, the default database or the authentication mode (SQL logins disabled) is the problem.',
      ),
    ],
    whereToGo: [
      {
        label: 'MSSQLSERVER_18456',
        url: 'https://learn.microsoft.com/sql/relational-databases/errors-events/mssqlserver-18456-database-engine-error',
      },
      REF.connectivityOverview,
    ],
    keywords: ['18456', 'Login failed for user', 'password', 'state'],
  },
  {
    type: 'other-error',
    id: 'certificate-trust',
    title: "The client does not trust SQL Server's certificate",
    summary:
      'TLS worked far enough for the client to see the certificate, and the client refused it because it does not trust who issued it.',
    symptoms: [
      '"The certificate chain was issued by an authority that is not trusted."',
      'Java: "PKIX path building failed".',
      'Often after an update of the driver (Microsoft.Data.SqlClient 4.0 and later, ODBC 18 encrypt by default) against a server with a self-generated certificate.',
    ],
    steps: [
      notThisProblem('The server did not hang up: the client itself rejected the certificate.'),
      check(
        'check-trust',
        'First checks',
        "Find which certificate SQL Server loaded (ERRORLOG). If it is self-generated, install a certificate from a trusted authority on the server, or (for testing only) set TrustServerCertificate=True / Encrypt=Optional in the client. If it is a CA certificate, import the issuing CA into the client's trusted roots.",
        [c.checkErrorlogCertificate],
      ),
    ],
    whereToGo: [REF.certificateChainNotTrusted, REF.certificateRequirements],
    keywords: [
      'certificate chain',
      'not trusted',
      'authority that is not trusted',
      'chain validation',
      'RemoteCertificateValidationCallback',
      'remote certificate was rejected',
      'PKIX',
      'TrustServerCertificate',
      'self-signed',
      '0x80090325',
      'Encrypt=true',
    ],
  },
  {
    type: 'other-error',
    id: 'certificate-name',
    title: "The certificate's name does not match the server name",
    summary: 'The client checked the certificate and the name it connected to is not in it.',
    symptoms: [
      '"The target principal name is incorrect."',
      'Java: "The certificate ... does not match" / hostname verification errors.',
    ],
    steps: [
      notThisProblem('The client received and judged the certificate, so the handshake was not cut off.'),
      check(
        'check-name',
        'First checks',
        'Connect with the exact name in the certificate (usually the fully qualified name), or get a certificate whose Subject Alternative Name lists every name clients use (including AG listeners and cluster names). Drivers that support it can set HostNameInCertificate.',
        [c.checkServerAuthCertificates],
      ),
    ],
    whereToGo: [REF.certificateRequirements, REF.connectivityOverview],
    keywords: [
      'target principal name is incorrect',
      '0x80090322',
      'hostname',
      'Subject Alternative Name',
      'HostNameInCertificate',
    ],
  },
  {
    type: 'other-error',
    id: 'sspi',
    title: 'Windows authentication failed (Cannot generate SSPI context)',
    summary:
      'The connection worked; Kerberos/NTLM authentication failed, usually because of SPNs, time skew or the domain.',
    symptoms: [
      '"Cannot generate SSPI context."',
      '"The target principal name is incorrect. Cannot generate SSPI context."',
    ],
    steps: [
      notThisProblem('SSPI runs after the TLS handshake.'),
      check(
        'check-sspi',
        'First checks',
        "Check the SQL Server service account's SPNs (setspn -L <account>), the clock difference between client, server and domain controller, and whether the client can reach a domain controller.",
      ),
    ],
    whereToGo: [
      {
        label: 'Cannot generate SSPI context',
        url: 'https://learn.microsoft.com/troubleshoot/sql/database-engine/connect/cannot-generate-sspi-context-error',
      },
      REF.connectivityOverview,
    ],
    keywords: ['SSPI', 'Cannot generate SSPI context', 'Kerberos', 'SPN', 'setspn'],
  },
  {
    type: 'other-error',
    id: 'reset-after-login',
    title: 'The connection was reset after login, while working',
    summary:
      'The same Windows error 10054, but on a connection that was already logged in, so the TLS handshake is not involved.',
    symptoms: [
      '"A transport-level error has occurred when sending the request to the server." or "...when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)"',
      'ODBC SQLSTATE 08S01 (communication link failure) in the middle of a session.',
    ],
    steps: [
      notThisProblem(
        'The words "transport-level error" and the timing (after the connection worked) place it after login.',
      ),
      check(
        'check-mid-session',
        'First checks',
        'Look for things that cut idle or long connections: firewalls or load balancers with idle timeouts, a server restart or failover at that time, a killed session, network drops. Connection pooling can hand out a connection that was cut while idle; retry logic helps.',
      ),
    ],
    whereToGo: [REF.connectivityOverview],
    keywords: [
      'transport-level error',
      'when receiving results',
      'when sending the request',
      '08S01',
      'communication link failure',
      '10054',
    ],
  },
  {
    type: 'other-error',
    id: 'connection-aborted',
    title: 'The connection was aborted on this machine (10053)',
    summary:
      "Error 10053 means the client's own machine dropped the connection (often a local firewall, antivirus or a network change), not that the server hung up.",
    symptoms: [
      '"An established connection was aborted by the software in your host machine." (10053, 0x2745)',
    ],
    steps: [
      notThisProblem('With 10053 the abort is local; with 10054 it comes from the remote side.'),
      check(
        'check-aborted',
        'First checks',
        'Look at security software, VPN clients and network adapter changes on the client at the failure times. Check whether the connection had been idle for a long time.',
      ),
    ],
    whereToGo: [REF.connectivityOverview, REF.winsockErrors],
    keywords: [
      '10053',
      '0x2745',
      'established connection was aborted',
      'aborted by the software',
      'software in your host machine',
    ],
  },
  {
    type: 'other-error',
    id: 'connection-refused',
    title: 'Nothing is listening on that port (10061)',
    summary:
      'The server machine answered, but nothing accepts connections on that port: SQL Server is stopped, listens elsewhere, or TCP/IP is off.',
    symptoms: ['"No connection could be made because the target machine actively refused it." (10061)'],
    steps: [
      notThisProblem(
        'Here the connection is refused at once; the handshake reset happens after the connection was accepted.',
      ),
      check(
        'check-refused',
        'First checks',
        'Check the SQL Server service is running, TCP/IP is enabled for the instance, and which port it listens on (ERRORLOG "Server is listening on"). Use that port, or start the SQL Server Browser for named instances.',
      ),
    ],
    whereToGo: [REF.connectivityOverview, REF.connectivityChecklist],
    keywords: ['10061', 'actively refused', 'No connection could be made'],
  },
  {
    type: 'other-error',
    id: 'strict-encryption',
    title: 'Strict encryption (TDS 8.0) on one side only',
    summary:
      'One side insists on TDS 8.0 strict encryption (Encrypt=Strict or Force Strict Encryption) and the other does not speak it.',
    symptoms: [
      'After "Force Strict Encryption" was set on SQL Server 2022: SSMS 19, sqlcmd, bcp, SQL Agent, linked servers and older drivers fail with the pre-login 10054 message.',
      'A client with Encrypt=Strict against SQL Server 2019 or older fails; the server ERRORLOG shows error 17828 ("The prelogin packet used to open the connection is structurally invalid").',
    ],
    steps: [
      info(
        'why-strict',
        'Why this looks similar but is different',
        'The message can be the same 10054, but the cause is a mismatch of the connection format, not of TLS versions or cipher suites. Changing Schannel settings will not help.',
      ),
      check(
        'check-strict',
        'First checks',
        "Check SQL Server Configuration Manager > Protocols for <instance> > Properties > Flags > Force Strict Encryption, and the clients' Encrypt setting. Only SQL Server 2022 supports strict encryption, and only current drivers (Microsoft.Data.SqlClient 5.1+, ODBC 18.1.2.1+, OLE DB 19.2+, JDBC 11.2+) can use it. Turn Force Strict Encryption off until every client supports it.",
      ),
    ],
    whereToGo: [REF.tds8, REF.connectivityOverview],
    keywords: [
      'Encrypt=Strict',
      'strict',
      'connection initialization process before login',
      'TDS 8.0',
      'Force Strict Encryption',
      '17828',
      'structurally invalid',
      'TLS 1.3',
    ],
  },
  {
    type: 'other-error',
    id: 'encryption-not-supported',
    title: 'One side requires encryption the other does not support',
    summary:
      'The server requires encryption and the client cannot encrypt, or the client requires it and the server has encryption turned off.',
    symptoms: [
      '"The instance of SQL Server you attempted to connect to does not support encryption."',
      'ERRORLOG 17835: "Encryption is required to connect to this server but the client library does not support encryption; the connection has been closed. Please upgrade your client library."',
    ],
    steps: [
      notThisProblem(
        'The two sides disagree on whether to encrypt, which is settled before any TLS version or suite is chosen.',
      ),
      check(
        'check-encrypt-setting',
        'First checks',
        "Compare Force Encryption on the server with the client's Encrypt option, and update old client libraries.",
        [c.checkSqlInstanceEncryption],
      ),
    ],
    whereToGo: [REF.connectivityOverview, REF.certificateRequirements],
    keywords: [
      'does not support encryption',
      '17835',
      'Encryption is required',
      'ENCRYPT_NOT_SUP',
      'Force Encryption',
    ],
  },
];

const RELATED: readonly OtherOutcome[] = [
  {
    type: 'related',
    id: 'linked-server',
    title: 'A linked server cannot connect',
    summary:
      'A SQL Server connecting to another one through a linked server fails with the 10054 reset; the first SQL Server is the TLS client here.',
    symptoms: [
      'OLE DB provider "..." for linked server "..." returned message "Client unable to establish connection". (Microsoft SQL Server, Error: 10054)',
      'Often between a newer and a much older SQL Server or Windows.',
    ],
    steps: [
      info(
        'linked-server-client',
        'Treat the first SQL Server as the client',
        'Compare the TLS versions and cipher suites of the two SQL Server machines, and check which provider the linked server uses (SQLNCLI, MSOLEDBSQL, ...). Old providers and old servers lack TLS 1.2.',
        [c.checkSchannelProtocols, c.checkCipherOrderRegistry],
      ),
    ],
    whereToGo: [REF.linkedServerFailed, REF.linkedServerAzure, REF.article],
    keywords: [
      'linked server',
      'Client unable to establish connection',
      'OLE DB provider',
      'MSOLEDBSQL',
      'SQLNCLI',
      '10054',
    ],
  },
  {
    type: 'related',
    id: 'ag-node-added',
    title: 'Intermittent errors after a node was added to an Always On availability group',
    summary:
      "Connections fail now and then after a new replica joined, typically because the new node's TLS settings differ from the others.",
    symptoms: [
      'Intermittent 10054 errors that started when a new node was added.',
      'Only connections that land on one node fail.',
    ],
    steps: [
      info(
        'ag-compare',
        'Compare the new node with the others',
        'Run the protocol, cipher and OS checks on the new node and an old one and look for differences (TLS_DHE suites, Windows version, disabled protocols).',
        [c.checkSchannelProtocols, c.checkCipherOrderRegistry, c.checkOsVersion],
      ),
    ],
    whereToGo: [REF.agNodeAdded, REF.article],
    keywords: ['Always On', 'availability group', 'new node', 'replica', 'intermittent'],
  },
  {
    type: 'related',
    id: 'agent-ssis',
    title: 'SQL Server Agent or SSIS packages cannot connect',
    summary:
      'SQL Server Agent jobs or SSIS packages fail to connect (often with 0x80004005) after TLS changes, or the Agent does not start.',
    symptoms: [
      'SSIS packages run by SQL Agent fail with 0x80004005 and a 10054 connection error.',
      'SQL Server Agent does not start after TLS 1.0 was disabled (event 17052).',
    ],
    steps: [
      info(
        'agent-client-keys',
        'The Agent and SSIS are clients too',
        'They use the client side of the TLS settings on the SQL Server machine and their own drivers. Check the "TLS 1.2 Client" keys and the .NET settings on that machine.',
        [c.checkSchannelProtocols, c.checkDotnetTls],
      ),
    ],
    whereToGo: [REF.ssisAgent, REF.agentWontStart, REF.article],
    keywords: ['SQL Agent', 'SQL Server Agent', 'SSIS', '0x80004005', '17052', 'job'],
  },
  {
    type: 'related',
    id: 'endpoint-5022',
    title: 'Mirroring or availability-group endpoint fails (port 5022, SSL_PE_NO_CIPHER)',
    summary:
      'The database mirroring / AG endpoint (port 5022 by default) cannot complete its own TLS handshake.',
    symptoms: [
      'SSL_PE_NO_CIPHER on endpoint 5022.',
      '"Connection handshake failed. An OS call failed: (80090331) 0x80090331(The client and server cannot communicate, because they do not possess a common algorithm.). State 56." (or State 58).',
    ],
    steps: [
      info(
        'endpoint-compare',
        'Compare the replicas',
        'The endpoint uses Schannel like any client and server: compare protocols and cipher suites of both replicas, and the endpoint certificate if it uses certificate authentication.',
        [c.checkSchannelProtocols, c.checkCipherOrderRegistry],
      ),
    ],
    whereToGo: [REF.endpoint5022, REF.kb3135852, REF.article],
    keywords: [
      'SSL_PE_NO_CIPHER',
      '5022',
      'endpoint',
      'mirroring',
      '80090331',
      'State 56',
      'State 58',
      'Connection handshake failed',
    ],
  },
  {
    type: 'related',
    id: 'after-sql-upgrade',
    title: 'Errors after upgrading SQL Server',
    summary:
      'Connections fail with the 10054 reset after an in-place upgrade or a move to a newer SQL Server version.',
    symptoms: ['The error started right after a SQL Server upgrade or migration.'],
    steps: [
      info(
        'upgrade-check-cert',
        'Check the certificate and encryption settings of the new instance',
        'The new version may load a different certificate (one with a weak hash) or have other encryption settings. Also check the client drivers: newer servers work best with current drivers.',
        [c.checkErrorlogCertificate, c.checkSqlInstanceEncryption],
      ),
    ],
    whereToGo: [REF.afterSqlUpgrade, REF.article],
    keywords: ['upgrade', 'after upgrading', 'migration', 'new version'],
  },
  {
    type: 'related',
    id: 'after-windows-update',
    title: 'A linked server or connection fails after a Windows update',
    summary:
      'The error started after Windows updates on one of the machines; updates can change TLS behaviour (for example DHE handling) on one side only.',
    symptoms: [
      'The error started right after Windows updates were installed on the client or the server.',
      'A linked server stopped working after patching.',
    ],
    steps: [
      info(
        'update-compare',
        'Compare the patched and unpatched machines',
        'Check the Windows build and DHE fix level on both sides, and whether TLS_DHE suites are used.',
        [c.checkOsVersion, c.checkDheFixHotfixes, c.checkDheSuites],
      ),
    ],
    whereToGo: [REF.kb4557473, REF.linkedServerFailed, REF.article],
    keywords: ['Windows update', 'patch', 'after update', 'linked server', 'KB4557473'],
  },
  {
    type: 'related',
    id: 'cipher-suite-policies',
    title: 'Old clients fail after a cipher-suite policy was applied',
    summary:
      'A cipher-suite policy kept only suites that TLS 1.0/1.1 clients cannot use, so those clients (for example old linked servers or drivers) are locked out.',
    symptoms: [
      '"An existing connection was forcibly closed by the remote host. [SQLSTATE 42000] (Error 10054) OLE DB provider "" for linked server "..." returned message "Client unable to establish connection.""',
      'Started after a Group Policy "SSL Cipher Suite Order" was deployed.',
    ],
    steps: [
      check(
        'policy-check',
        'See whether a policy list is in force',
        'When the Group Policy list exists, it decides which suites are on; the local list is ignored.',
        [c.checkCipherOrderRegistry],
      ),
      {
        id: 'policy-add-cbc',
        kind: 'fix',
        title: 'Add back the ECDHE CBC suites for TLS 1.0 clients',
        body: 'TLS 1.0/1.1 clients can only use these four modern suites: TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA. Add them to the GPO "SSL Cipher Suite Order" (or locally with the command, when no policy list exists), restart Windows, and plan to move the clients to TLS 1.2.',
        commands: [c.fixEnableEcdheCbcSuites],
        warning:
          'Changes the cipher suites of the server for every program. Takes effect after a restart of Windows.',
      },
      {
        id: 'policy-undo',
        kind: 'undo',
        title: 'Undo: remove the four suites again',
        body: 'Once the old clients speak TLS 1.2, remove the four suites again and restart Windows.',
        commands: [c.undoEcdheCbcSuites],
        warning: 'Clients that still only speak TLS 1.0/1.1 will fail again.',
      },
    ],
    whereToGo: [REF.cipherPolicies, REF.article],
    keywords: [
      'cipher suite policy',
      'SSL Cipher Suite Order',
      'Client unable to establish connection',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
      'SQLSTATE 42000',
    ],
  },
  {
    type: 'related',
    id: 'intermittent-sqlcmd',
    title: 'Intermittent connection errors with sqlcmd',
    summary:
      'sqlcmd (or scripts that call it) fails now and then with the 10054 reset while other tools seem fine.',
    symptoms: [
      'sqlcmd fails intermittently with "TCP Provider: An existing connection was forcibly closed by the remote host."',
    ],
    steps: [
      info(
        'sqlcmd-check',
        'Check the DHE suites and OS versions',
        'Intermittent resets are most often the TLS_DHE problems: check the Windows versions and the DHE suites on both machines.',
        [c.checkDheSuites, c.checkDheFixHotfixes],
      ),
    ],
    whereToGo: [REF.sqlcmdIntermittent, REF.kb4557473, REF.article],
    keywords: ['sqlcmd', 'intermittent', 'Sqlcmd: Error', '10054'],
  },
];

const ESCALATE: OtherOutcome = {
  type: 'escalate',
  id: 'escalate',
  title: 'Collect the evidence and hand it on',
  summary:
    'The answers do not point to one known cause. Collect the items below from both machines so a DBA or Microsoft Support can finish the diagnosis.',
  symptoms: ['None of the known scenarios fits, or the checks could not be run.'],
  steps: [
    info(
      'collect-error',
      'The exact error and when it happens',
      'The full error text (with the provider, error number and any inner exception), the client application and driver, the time of a few failures, and whether every attempt fails or only some.',
    ),
    check(
      'collect-settings',
      'TLS settings of both machines',
      'Run these on the client and on the server and keep the output.',
      [c.checkSchannelProtocols, c.checkCipherOrderRegistry, c.checkOsVersion, c.checkDotnetTls],
    ),
    check(
      'collect-sql',
      'SQL Server version, certificate and ERRORLOG',
      'On the server: the version, the certificate lines and the ERRORLOG around the failure times.',
      [c.checkSqlVersionRegistry, c.checkErrorlogCertificate, c.checkSqlInstanceEncryption],
    ),
    check('collect-events', 'Schannel events', 'From the System log of both machines.', [
      c.checkSchannelEvents,
    ]),
    info(
      'collect-capture',
      'A network capture of a failing connection',
      "Capture on both ends at the same time while reproducing the error (Wireshark, or netsh trace / pktmon on Windows). Microsoft's SQLCheck and SQLTrace tools (CSS SQL Networking Tools) collect all of this in one go.",
    ),
  ],
  whereToGo: [
    REF.connectivityOverview,
    REF.upgradeWorkflow,
    {
      label: 'CSS SQL Networking Tools (SQLCheck, SQLTrace, SQLNA)',
      url: 'https://github.com/microsoft/CSS_SQL_Networking_Tools',
    },
  ],
  keywords: ['escalate', 'support case', 'SQLCheck', 'SQLTrace', 'network capture', 'Wireshark'],
};

export const OTHER_OUTCOMES: readonly OtherOutcome[] = [...OTHER_ERRORS, ...RELATED, ESCALATE];

export const OTHER_ERROR_OUTCOMES: readonly OtherErrorOutcome[] = OTHER_ERRORS;
