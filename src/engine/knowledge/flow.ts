/**
 * The wizard's question graph. One plain question per node; every path ends in an outcome (a scenario id
 * from ids.ts, an OtherErrorId, or a related/escalate outcome id from outcomes.ts). graph.test.ts proves
 * there are no cycles, no dangling ids and that every outcome is reachable.
 *
 * Shape, in short: recognise the error text first (look-alikes leave at once), then ask what kind of client
 * it is, what changed recently, and whether it always or only sometimes fails. "Always" runs down a short
 * chain of checks (SQL Server version -> common TLS version -> certificate hash -> common cipher suite);
 * "sometimes" looks at load on old SQL Server versions and at TLS_DHE between Windows versions.
 *
 * FACT KEYS. When diagnosis already knows a fact from a paste, the wizard pre-selects the answer whose id
 * equals the value and says where it came from (the user can change it). Keys and their answer ids:
 *
 *   error.family             handshake-reset | other-error | unrecognized           (question error-text)
 *   error.otherErrorId       any OtherErrorId from ids.ts | none                    (other-error-kind)
 *   server.logEvidence       schannel-36871 | schannel-36874 | schannel-36888 | schannel-36888-40 | listener |
 *                            none
 *                                                                                    (server-logs)
 *   client.platform          windows | linux-macos | java | sql-server | unknown    (client-platform)
 *   client.opensslError      unsupported-protocol | legacy-sigalg | other           (openssl-message)
 *   client.jdbcError         protocol-not-accepted | handshake-failure | pkix | other (java-message)
 *   client.situation         linked-server | linked-server-after-update | ag-node-added | agent-ssis |
 *                            endpoint-5022 | intermittent-sqlcmd | none             (other-situations)
 *   change.recent            tls-hardening | new-certificate | cipher-policy | windows-update |
 *                            sql-upgrade | nothing                                  (what-changed; no paste
 *                                                                                    establishes it today)
 *   error.frequency          always | intermittent | unknown                        (frequency)
 *   server.busyOldSql        yes | no | unknown                                     (busy-server)
 *   error.phase              pre-login | login | after-login | unknown              (intermittent-phase)
 *   os.dheFix                mixed-2012r2 | missing-fix | non-windows | all-fixed | unknown  (dhe-os)
 *   server.sqlSupportsTls12  yes | no   ("yes" also carries "not sure")              (sql-tls12)
 *   tls.commonProtocol       yes | no   ("yes" also carries "cannot check")          (protocol-common)
 *   server.certificateWeak   weak | not-weak | unknown                              (cert-hash)
 *                            (a self-generated certificate counts as not-weak)
 *   tls.commonCipher         none | tls10-client | dhe-only | shared ("shared" also carries "cannot compare")
 *                                                                                    (cipher-common)
 */
import * as c from './commands';
import type { Flow, Question } from './types';

const toOutcome = (outcome: string) => ({ outcome });
const toQuestion = (question: string) => ({ question });

const errorText: Question = {
  id: 'error-text',
  title: 'Which message does the user see?',
  why: 'The same few words ("forcibly closed", 10054) appear in several different problems. The full message tells us whether this is the TLS handshake reset this guide is about.',
  howToFind: {
    body: 'Ask for a screenshot or the full text. In SSMS, the error dialog has "Show technical details" (or a copy button). Applications often write the full message to their log. Look for the words in brackets: (provider: ..., error: ...).',
  },
  fact: 'error.family',
  answers: [
    {
      id: 'handshake-reset',
      label: '"An existing connection was forcibly closed by the remote host" while connecting',
      hint: 'Also: "error occurred during the pre-login handshake" or "during the login process", error 10054 or 0x2746, "Encryption(ssl/tls) handshake failed", "do not possess a common algorithm", OpenSSL "unsupported protocol", Java "could not establish a secure connection".',
      next: toQuestion('client-platform'),
    },
    {
      id: 'other-error',
      label: 'A different message',
      hint: 'For example "Login failed", a timeout, "certificate chain ... not trusted", "Could not open a connection", "transport-level error".',
      next: toQuestion('other-error-kind'),
    },
    {
      id: 'unrecognized',
      label: "I don't have the exact message",
      hint: "We can look at the server's logs instead.",
      next: toQuestion('server-logs'),
    },
  ],
};

const otherErrorKind: Question = {
  id: 'other-error-kind',
  title: 'Which of these is closest to the message?',
  why: 'Each of these has its own cause and its own fix, so we send you to the right one.',
  fact: 'error.otherErrorId',
  answers: [
    {
      id: 'network-path',
      label: '"Could not open a connection", "Error Locating Server/Instance Specified" (error 40, 26 or 53)',
      next: toOutcome('network-path'),
    },
    {
      id: 'timeout',
      label:
        '"Login timeout expired", "Connection Timeout Expired", "The wait operation timed out" (258 or 10060)',
      next: toOutcome('timeout'),
    },
    { id: 'login-failed', label: '"Login failed for user" (18456)', next: toOutcome('login-failed') },
    {
      id: 'certificate-trust',
      label:
        '"The certificate chain was issued by an authority that is not trusted" (or Java "PKIX path building failed")',
      next: toOutcome('certificate-trust'),
    },
    {
      id: 'certificate-name',
      label: '"The target principal name is incorrect"',
      next: toOutcome('certificate-name'),
    },
    { id: 'sspi', label: '"Cannot generate SSPI context"', next: toOutcome('sspi') },
    {
      id: 'reset-after-login',
      label: '"A transport-level error has occurred when sending the request / receiving results"',
      hint: 'The connection worked and broke later, often with 08S01.',
      next: toOutcome('reset-after-login'),
    },
    {
      id: 'connection-aborted',
      label: '"An established connection was aborted by the software in your host machine" (10053)',
      next: toOutcome('connection-aborted'),
    },
    {
      id: 'connection-refused',
      label: '"No connection could be made because the target machine actively refused it" (10061)',
      next: toOutcome('connection-refused'),
    },
    {
      id: 'strict-encryption',
      label: 'It started when "Force Strict Encryption" or Encrypt=Strict was turned on',
      next: toOutcome('strict-encryption'),
    },
    {
      id: 'encryption-not-supported',
      label: '"does not support encryption", or the server logs 17835',
      next: toOutcome('encryption-not-supported'),
    },
    { id: 'none', label: 'None of these', next: toOutcome('escalate') },
  ],
};

const serverLogs: Question = {
  id: 'server-logs',
  title: "What do the server's logs show at the time of the failures?",
  why: 'Without the client message, the server often records why it dropped the connection.',
  howToFind: {
    body: "On the SQL Server computer, look at the Windows System log for Schannel events and at SQL Server's ERRORLOG. Schannel logs errors by default.",
    commands: [c.checkSchannelEvents, c.checkErrorlogListener],
  },
  fact: 'server.logEvidence',
  answers: [
    {
      id: 'schannel-36871',
      label:
        'Schannel event 36871 ("A fatal error occurred while creating a TLS ... credential"), or alert 70 (protocol_version)',
      hint: 'Alert 70 shows in events 36887 (received) or 36888 (sent).',
      next: toOutcome('tls-protocol-mismatch'),
    },
    {
      id: 'schannel-36874',
      label:
        'Schannel event 36874 ("none of the cipher suites supported by the client application are supported by the server")',
      next: toOutcome('cipher-suite-mismatch'),
    },
    {
      id: 'schannel-36888',
      label: 'Schannel event 36888 with alert 20, now and then',
      hint: 'Fatal alert generated; "bad_record_mac". The failures are random.',
      next: toQuestion('dhe-os'),
    },
    {
      id: 'schannel-36888-40',
      label: 'Schannel event 36888 with alert 40 or 43 on every attempt, without 36874',
      hint: 'handshake_failure / unsupported_certificate: the server found no certificate the client accepts.',
      next: toOutcome('weak-certificate-hash'),
    },
    {
      id: 'listener',
      label:
        '"IO Completion Listener ... non-yielding", "AcceptEx failure" or "Login failed due to timeout" at busy times',
      next: toOutcome('tcp-listener-overload'),
    },
    { id: 'none', label: "None of these, or I can't get the logs", next: toOutcome('escalate') },
  ],
};

const clientPlatform: Question = {
  id: 'client-platform',
  title: 'What is connecting to SQL Server?',
  why: 'Windows programs use the Windows TLS settings; Linux, macOS and Java programs bring their own TLS rules, with their own fixes.',
  howToFind: {
    body: 'Ask which program shows the error and on which computer it runs. Java programs usually mention "jdbc" or "com.microsoft.sqlserver" in the error.',
  },
  fact: 'client.platform',
  answers: [
    {
      id: 'windows',
      label: 'A program on Windows',
      hint: 'SSMS, a .NET or ODBC application, Excel, Power BI, a Windows service...',
      next: toQuestion('what-changed'),
    },
    {
      id: 'linux-macos',
      label: 'A program on Linux or macOS',
      hint: 'sqlcmd, Python (pyodbc), PHP, Node.js, Azure Data Studio...',
      next: toQuestion('openssl-message'),
    },
    { id: 'java', label: 'A Java application (JDBC), on any system', next: toQuestion('java-message') },
    {
      id: 'sql-server',
      label: 'Another SQL Server feature or tool',
      hint: 'A linked server, an availability-group replica, SQL Agent or SSIS, a mirroring endpoint, sqlcmd in scripts.',
      next: toQuestion('other-situations'),
    },
    {
      id: 'unknown',
      label: "I'm not sure",
      hint: "We'll check the server side, which applies to every client.",
      next: toQuestion('sql-tls12'),
    },
  ],
};

const opensslMessage: Question = {
  id: 'openssl-message',
  title: 'Does the message mention one of these OpenSSL errors?',
  why: 'On Linux and macOS the driver uses OpenSSL, whose own minimum TLS version and security level can refuse an older SQL Server.',
  howToFind: {
    body: 'Look for "SSL Provider: [error:...]" in the message. The OpenSSL settings of the client show its minimum version and security level.',
    commands: [c.checkOpensslSettings],
  },
  fact: 'client.opensslError',
  answers: [
    {
      id: 'unsupported-protocol',
      label: '"unsupported protocol" (error:0A000102 or error:1425F102)',
      next: toOutcome('tls-protocol-mismatch'),
    },
    {
      id: 'legacy-sigalg',
      label: '"legacy sigalg disallowed or unsupported" (error:0A00014D)',
      next: toOutcome('weak-certificate-hash'),
    },
    {
      id: 'other',
      label: 'Neither, or only "forcibly closed", "error 31", "0x2746"',
      next: toQuestion('sql-tls12'),
    },
  ],
};

const javaMessage: Question = {
  id: 'java-message',
  title: 'What does the Java error say after "could not establish a secure connection"?',
  why: 'The Java runtime decides which TLS versions and suites the driver may use; its message usually names the problem.',
  howToFind: {
    body: 'The full message looks like: The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: "...". The part in quotes is what we need.',
    commands: [c.checkJavaDisabledAlgorithms],
  },
  fact: 'client.jdbcError',
  answers: [
    {
      id: 'protocol-not-accepted',
      label: '"The server selected protocol version TLS10 (or TLS11) is not accepted by client preferences"',
      next: toOutcome('tls-protocol-mismatch'),
    },
    {
      id: 'handshake-failure',
      label: '"Received fatal alert: handshake_failure"',
      next: toOutcome('cipher-suite-mismatch'),
    },
    { id: 'pkix', label: '"PKIX path building failed"', next: toOutcome('certificate-trust') },
    {
      id: 'other',
      label: '"Connection reset", "SQL Server did not return a response", or something else',
      next: toQuestion('sql-tls12'),
    },
  ],
};

const otherSituations: Question = {
  id: 'other-situations',
  title: 'Which of these describes the situation best?',
  why: 'These cases have their own articles with specific steps.',
  fact: 'client.situation',
  answers: [
    { id: 'linked-server', label: 'A linked server cannot connect', next: toOutcome('linked-server') },
    {
      id: 'linked-server-after-update',
      label: 'A linked server (or other connection) broke right after Windows updates',
      next: toOutcome('after-windows-update'),
    },
    {
      id: 'ag-node-added',
      label: 'Errors started when a node was added to an availability group',
      next: toOutcome('ag-node-added'),
    },
    {
      id: 'agent-ssis',
      label: 'SQL Agent jobs or SSIS packages fail, or SQL Agent will not start',
      next: toOutcome('agent-ssis'),
    },
    {
      id: 'endpoint-5022',
      label: 'A mirroring or availability-group endpoint (port 5022) fails, SSL_PE_NO_CIPHER',
      next: toOutcome('endpoint-5022'),
    },
    { id: 'intermittent-sqlcmd', label: 'sqlcmd fails now and then', next: toOutcome('intermittent-sqlcmd') },
    { id: 'none', label: 'None of these', next: toQuestion('sql-tls12') },
  ],
};

const whatChanged: Question = {
  id: 'what-changed',
  title: 'What changed shortly before the errors started?',
  why: 'Most of these errors start right after a change on one of the two machines, and the change usually names the cause.',
  howToFind: {
    body: 'Ask the server and network teams about recent Group Policy, security baseline or IIS Crypto changes, certificate renewals, Windows updates and SQL Server upgrades. The installed-updates list and the certificate dates help.',
  },
  fact: 'change.recent',
  answers: [
    {
      id: 'tls-hardening',
      label: 'TLS 1.0 / TLS 1.1 were switched off',
      hint: 'A security baseline, Group Policy, an IIS Crypto template, or the TLS registry keys.',
      next: toQuestion('sql-tls12'),
    },
    {
      id: 'new-certificate',
      label: 'A certificate was installed or renewed on the SQL Server computer',
      next: toQuestion('cert-hash'),
    },
    {
      id: 'cipher-policy',
      label: 'Cipher suites were restricted',
      hint: 'Group Policy "SSL Cipher Suite Order", IIS Crypto, or the TLS cmdlets.',
      next: toQuestion('cipher-common'),
    },
    {
      id: 'windows-update',
      label: 'Windows updates, or one machine moved to a new Windows version',
      next: toQuestion('dhe-os'),
    },
    { id: 'sql-upgrade', label: 'SQL Server was upgraded or migrated', next: toOutcome('after-sql-upgrade') },
    { id: 'nothing', label: "Nothing that I know of, or I'm not sure", next: toQuestion('frequency') },
  ],
};

const frequency: Question = {
  id: 'frequency',
  title: 'Does every connection attempt fail, or only some?',
  why: 'Settings that do not match make every attempt fail. Random failures point to TLS_DHE key handling or to an overloaded server.',
  howToFind: {
    body: 'Ask the user to try again a few times, or look at the application log: do successful connections from the same client appear between the failures?',
  },
  fact: 'error.frequency',
  answers: [
    { id: 'always', label: 'Every attempt from this client fails', next: toQuestion('sql-tls12') },
    {
      id: 'intermittent',
      label: 'Only some attempts fail; a retry often works',
      next: toQuestion('busy-server'),
    },
    {
      id: 'unknown',
      label: "I'm not sure",
      hint: 'We start with the checks for the every-time case.',
      next: toQuestion('sql-tls12'),
    },
  ],
};

const busyServer: Question = {
  id: 'busy-server',
  title: 'Is the SQL Server very busy when it fails, and is it SQL Server 2017 or older?',
  why: 'SQL Server 2017 and older can fall behind accepting new connections under heavy load; 2019 added a separate pool for logins.',
  howToFind: {
    body: 'Compare the failure times with the busiest hours or with jobs that open many connections at once. The version is in the registry (no connection needed).',
    commands: [c.checkSqlVersionRegistry, c.checkErrorlogListener],
  },
  fact: 'server.busyOldSql',
  answers: [
    {
      id: 'yes',
      label: 'Yes: failures come at busy times, on SQL Server 2017 or older',
      next: toQuestion('intermittent-phase'),
    },
    { id: 'no', label: 'No: not tied to load, or SQL Server 2019 or later', next: toQuestion('dhe-os') },
    { id: 'unknown', label: "I'm not sure", next: toQuestion('dhe-os') },
  ],
};

const intermittentPhase: Question = {
  id: 'intermittent-phase',
  title: 'When a connection fails, which wording does the message use?',
  why: 'Resets in the pre-login step (or timeouts) under load point to the listener; resets during the login process point to the TLS keys.',
  howToFind: { body: 'Look at the words after "but then an error occurred during the ..." in the message.' },
  fact: 'error.phase',
  answers: [
    {
      id: 'pre-login',
      label: '"...during the pre-login handshake. (provider: TCP Provider, ...)", or login timeouts',
      next: toOutcome('tcp-listener-overload'),
    },
    {
      id: 'login',
      label: '"...during the login process. (provider: SSL Provider, ...)"',
      next: toQuestion('dhe-os'),
    },
    {
      id: 'after-login',
      label: '"A transport-level error has occurred..." on a connection that was already working',
      next: toOutcome('reset-after-login'),
    },
    {
      id: 'unknown',
      label: "I'm not sure",
      hint: 'Load on an older SQL Server is the likelier cause.',
      next: toOutcome('tcp-listener-overload'),
    },
  ],
};

const dheOs: Question = {
  id: 'dhe-os',
  title: 'Which Windows versions do the client and the server run?',
  why: 'TLS_DHE cipher suites fail now and then between Windows Server 2012 R2 (or older) and newer Windows, and on Windows Server 2016 without the February 2020 fix.',
  howToFind: {
    body: 'Run these on both machines. Build 9600 is 2012 R2; 14393 is 2016 (fixed from 14393.3542); 17763 is 2019; 20348 is 2022.',
    commands: [c.checkDheFixHotfixes, c.checkDheSuites, c.checkDheSuitesRegistry],
  },
  fact: 'os.dheFix',
  answers: [
    {
      id: 'mixed-2012r2',
      label: 'One is Windows Server 2012 R2 (or older) and the other 2016 or newer',
      next: toOutcome('tls-dhe-ciphers'),
    },
    {
      id: 'missing-fix',
      label: 'One is Windows Server 2016 / Windows 10 1607 below build 14393.3542',
      next: toOutcome('dhe-leading-zero'),
    },
    {
      id: 'non-windows',
      label: 'The client is not Windows (Linux, macOS, Java) and the server is 2012 R2 or an unpatched 2016',
      next: toOutcome('dhe-leading-zero'),
    },
    {
      id: 'all-fixed',
      label: 'Both have the fix (2016 from 14393.3542, 2019 or newer), or no TLS_DHE suite is enabled',
      next: toOutcome('escalate'),
    },
    {
      id: 'unknown',
      label: "I'm not sure",
      hint: 'Removing the TLS_DHE suites is safe on any version and fixes both DHE problems.',
      next: toOutcome('tls-dhe-ciphers'),
    },
  ],
};

const sqlTls12: Question = {
  id: 'sql-tls12',
  title: 'Does the SQL Server version support TLS 1.2?',
  why: 'When TLS 1.0 and 1.1 are off, a SQL Server that cannot speak TLS 1.2 cannot accept any login.',
  howToFind: {
    body: 'SQL Server 2016 and later: yes, always. SQL Server 2008, 2008 R2, 2012 and 2014: only from a minimum build (KB3135244). SQL Server 2005 and older: never. Read the build from the registry when connections fail; on the server you can also ask SQL Server.',
    commands: [c.checkSqlVersionRegistry, c.checkSqlVersionSqlcmd, c.checkSqlVersionInvokeSqlcmd],
  },
  fact: 'server.sqlSupportsTls12',
  answers: [
    {
      id: 'no',
      label: 'No: it is older than the TLS 1.2 builds in KB3135244',
      next: toOutcome('tls-protocol-mismatch'),
    },
    {
      id: 'yes',
      label: "Yes (SQL Server 2016 or later, or a TLS 1.2 build), or I'm not sure",
      hint: 'If you could not check, we go on with the next check; the protocol scenario shows how to confirm the version.',
      next: toQuestion('protocol-common'),
    },
  ],
};

const protocolCommon: Question = {
  id: 'protocol-common',
  title: 'Do the client and the server have a TLS version switched on in common?',
  why: 'If one side allows only TLS 1.2 and the other cannot use it (old driver, TLS 1.2 off on Windows Server 2008 R2), no handshake is possible.',
  howToFind: {
    body: 'Run the protocol check on both machines. On the client, also look at the driver: "Provider=SQLOLEDB" or "Driver={SQL Server}" in the connection string usually means TLS 1.0 only.',
    commands: [c.checkSchannelProtocols, c.checkOdbcDrivers],
  },
  fact: 'tls.commonProtocol',
  answers: [
    {
      id: 'no',
      label: 'No: a version is off on one side that the other side needs, or the driver is too old',
      next: toOutcome('tls-protocol-mismatch'),
    },
    {
      id: 'yes',
      label: 'Yes, or I cannot check it',
      hint: 'TLS 1.2 is on at both ends and the driver is current.',
      next: toQuestion('cert-hash'),
    },
  ],
};

const certHash: Question = {
  id: 'cert-hash',
  title: "Which hash is SQL Server's certificate signed with?",
  why: 'A certificate signed with MD5, SHA224 or SHA512 makes TLS 1.2 logins fail, even when nobody chose it: SQL Server can pick it up on its own.',
  howToFind: {
    body: 'First find the thumbprint of the certificate SQL Server loaded (ERRORLOG), then read its signature algorithm.',
    commands: [c.checkErrorlogCertificate, c.checkCertificateByThumbprint],
  },
  fact: 'server.certificateWeak',
  answers: [
    {
      id: 'weak',
      label: 'MD5, SHA224 or SHA512 (md5RSA, sha224RSA, sha512RSA)',
      next: toOutcome('weak-certificate-hash'),
    },
    {
      id: 'not-weak',
      label: 'SHA256, SHA384 or SHA1, or the ERRORLOG says "self-generated certificate"',
      next: toQuestion('cipher-common'),
    },
    { id: 'unknown', label: "I'm not sure", next: toQuestion('cipher-common') },
  ],
};

const cipherCommon: Question = {
  id: 'cipher-common',
  title: 'Do the two machines share at least one cipher suite?',
  why: 'With a common TLS version but no common cipher suite, the server closes the connection instead of answering.',
  howToFind: {
    body: 'Run these on both machines and compare. When a Group Policy list exists it is the one that counts.',
    commands: [c.checkCipherOrderRegistry, c.checkCipherSuites, c.checkSchannelEvents],
  },
  fact: 'tls.commonCipher',
  answers: [
    {
      id: 'none',
      label: 'No suite in common (or Schannel event 36874 on the server)',
      next: toOutcome('cipher-suite-mismatch'),
    },
    {
      id: 'tls10-client',
      label:
        "The client only speaks TLS 1.0/1.1 and the server's policy kept only GCM or SHA256/SHA384 suites",
      next: toOutcome('cipher-suite-policies'),
    },
    {
      id: 'dhe-only',
      label: 'The only suites they share start with TLS_DHE',
      next: toOutcome('tls-dhe-ciphers'),
    },
    { id: 'shared', label: 'They share suites, or I cannot compare them', next: toOutcome('escalate') },
  ],
};

export const FLOW: Flow = {
  start: errorText.id,
  questions: [
    errorText,
    otherErrorKind,
    serverLogs,
    clientPlatform,
    opensslMessage,
    javaMessage,
    otherSituations,
    whatChanged,
    frequency,
    busyServer,
    intermittentPhase,
    dheOs,
    sqlTls12,
    protocolCommon,
    certHash,
    cipherCommon,
  ],
};
