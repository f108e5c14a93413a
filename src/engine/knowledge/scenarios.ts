/**
 * The article's six scenarios, in the live article's order (articleNumber 1-6). Wording is ours; error
 * strings, registry paths, KB numbers and cmdlet names are quoted exactly.
 */
import type { ScenarioId } from '../ids';
import * as c from './commands';
import { REF } from './references';
import type { ResolutionStep, Scenario } from './types';

const restartStep = (id: string, what: string): ResolutionStep => ({
  id,
  kind: 'restart',
  title: 'Restart so the change takes effect',
  body: `${what}\n\nSchannel reads these settings when a program creates its TLS credentials, so running programs keep the old behaviour until they restart. A full Windows restart is the surest way.`,
  warning: 'A restart interrupts every connection to this machine. Plan it in a maintenance window.',
  commands: [c.restartSqlService],
});

const tlsProtocolMismatch: Scenario = {
  type: 'scenario',
  id: 'tls-protocol-mismatch',
  articleNumber: 1,
  title: 'The client and the server have no TLS version in common',
  summary:
    'One side only allows TLS 1.2 (or newer) and the other side cannot speak it, so they never agree on a TLS version and the connection is dropped.',
  affects:
    'Typically appears after TLS 1.0/1.1 are switched off. Affected: SQL Server 2014 and older without the TLS 1.2 update (KB3135244), SQL Server 2005 and older (never TLS 1.2), old client drivers (the built-in "SQL Server" ODBC driver and SQLOLEDB on most Windows versions, unpatched SQL Server Native Client 10/11, .NET Framework before 4.6 without its hotfix), Windows Server 2008 R2 / Windows 7 where TLS 1.2 is off by default, Java 8u291 and later against a TLS 1.0-only server, and Linux/macOS clients whose OpenSSL refuses TLS 1.0/1.1.',
  symptoms: [
    'Every connection fails, right away, from the affected client.',
    '"A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)"',
    'On the client side sometimes: "The client and server cannot communicate, because they do not possess a common algorithm."',
    'Old drivers: "[DBNETLIB]SSL Security error" with "ConnectionOpen (SECDoClientHandshake())".',
    'Linux: "SSL Provider: [error:0A000102:SSL routines::unsupported protocol]"; Java: "The server selected protocol version TLS10 is not accepted by client preferences".',
  ],
  pointsTo: [
    'It started right after TLS 1.0/1.1 were switched off (security baseline, IIS Crypto template, Group Policy).',
    'SQL Server is 2014 or older and not on a TLS 1.2 build, or the application uses "Provider=SQLOLEDB" / "Driver={SQL Server}".',
    'Schannel event 36871 on one machine, or 36887/36888 with alert 70 (protocol_version).',
    'The protocol keys show TLS 1.2 switched off (or absent on Windows Server 2008 R2) on one side and TLS 1.0/1.1 off on the other.',
  ],
  pointsAway: [
    'Other clients with the same driver connect fine to the same server.',
    'It fails only now and then (look at the DHE and listener scenarios).',
    'Both sides run SQL Server 2016 or later, modern drivers, and TLS 1.2 is on everywhere.',
  ],
  confirm: [
    {
      id: 'confirm-sql-build',
      kind: 'check',
      title: 'Check that SQL Server supports TLS 1.2',
      body: 'SQL Server 2016 and later support TLS 1.2 in every build. SQL Server 2008, 2008 R2, 2012 and 2014 need a minimum build listed in KB3135244; SQL Server 2005 and older never support it.\n\nRead the version without connecting (registry) when connections fail; on the server itself you can also ask SQL Server directly.',
      commands: [c.checkSqlVersionRegistry, c.checkSqlVersionSqlcmd, c.checkSqlVersionInvokeSqlcmd],
    },
    {
      id: 'confirm-protocols-both',
      kind: 'check',
      title: 'Compare the TLS versions switched on at both ends',
      body: 'Run this on the client and on the server. Look for one version that is on at both ends (Enabled 1, or key absent on a Windows version where it is on by default).',
      commands: [c.checkSchannelProtocols],
    },
    {
      id: 'confirm-client-driver',
      kind: 'check',
      title: 'Check the client driver',
      body: 'Find the driver in the application\'s connection string. "Provider=SQLOLEDB" and "Driver={SQL Server}" use the old built-in library that only speaks TLS 1.0 on most Windows versions. Use ODBC Driver 17/18 or MSOLEDBSQL instead. For .NET Framework applications, check the TLS settings too.',
      commands: [c.checkOdbcDrivers, c.checkDotnetTls],
    },
    {
      id: 'confirm-events',
      kind: 'check',
      title: 'Look at the Schannel events on both machines',
      body: 'Event 36871 on a machine means it could not create TLS credentials, often because no usable version is left switched on.',
      commands: [c.checkSchannelEvents],
    },
  ],
  fix: [
    {
      id: 'fix-update',
      kind: 'fix',
      title: 'Preferred: update the side that cannot speak TLS 1.2',
      body: 'Install a SQL Server update that adds TLS 1.2 (KB3135244 lists the builds), or move the application to a current driver (ODBC Driver 17/18, MSOLEDBSQL, a current .NET or JDBC driver). On Windows Server 2008 R2 / Windows 7, switch TLS 1.2 on with the command below (protocol "TLS 1.2").\n\nThis keeps the security hardening in place and is the lasting fix.',
      commands: [c.backupSchannelProtocols, c.fixEnableProtocol],
      warning: 'Changes the Windows TLS settings of this machine. Takes effect after a restart.',
    },
    {
      id: 'fix-temporary-enable',
      kind: 'fix',
      title: 'Temporary: switch TLS 1.0 or TLS 1.1 back on, on both machines',
      body: 'If the update cannot happen now, switch the older version back on at both ends (protocol "TLS 1.0" or "TLS 1.1"). Save the current settings first. This weakens security: agree an end date with whoever asked for the hardening.',
      commands: [c.backupSchannelProtocols, c.fixEnableLegacyProtocol],
      warning:
        'Re-enables a protocol with known weaknesses on this machine, for every program. Takes effect after a restart.',
    },
    {
      id: 'fix-linux-openssl',
      kind: 'fix',
      title: 'Linux or macOS client: allow the old version for one application only',
      body: 'When the server cannot be updated yet, give only the affected application a separate OpenSSL configuration that accepts TLS 1.0. Do not lower the system-wide setting.',
      commands: [c.checkOpensslSettings, c.fixOpensslLegacyConfig, c.fixOpensslUseConfig],
      warning: 'Lowers the TLS security of the application that uses this configuration.',
    },
    {
      id: 'fix-java',
      kind: 'fix',
      title: 'Java client: allow the old version for one application only',
      body: 'Java 8u291 and later, 11 and 17 list TLSv1 and TLSv1.1 in jdk.tls.disabledAlgorithms. Give the one application an override file and, if needed, sslProtocol=TLSv1 in its connection string.',
      commands: [c.checkJavaDisabledAlgorithms, c.fixJdbcSecurityOverride, c.fixJdbcConnectionString],
      warning: 'Lowers the TLS security of that Java application.',
    },
    restartStep(
      'restart-after-protocol',
      'Restart Windows on each machine you changed, or at least SQL Server and the client application.',
    ),
  ],
  verify: [
    {
      id: 'verify-protocols',
      kind: 'verify',
      title: 'Check the settings and connect again',
      body: 'Run the protocol check again on both machines: at least one version must be on at both ends. Then connect from the client; the error should be gone.',
      commands: [c.checkSchannelProtocols],
    },
  ],
  undo: [
    {
      id: 'undo-protocols',
      kind: 'undo',
      title: 'Put the protocol settings back',
      body: 'Re-import the backup made before the change, or remove the two values so Windows uses its default. Restart afterwards. Once everything is updated, switch TLS 1.0/1.1 off again.',
      commands: [c.undoProtocolFromBackup, c.undoProtocolToDefault],
      warning: 'Turning the old versions off again brings the error back for clients that were not updated.',
    },
    {
      id: 'undo-linux-java',
      kind: 'undo',
      title: 'Linux, macOS or Java client: remove the override',
      body: 'Delete the separate OpenSSL file or the Java override and restart the application.',
      commands: [c.undoOpensslConfig],
      warning: 'The application goes back to the strict defaults and cannot reach an old server any more.',
    },
  ],
  restarts:
    'Windows (or at least SQL Server and the client application) on every machine whose protocol settings changed.',
  references: [
    REF.article,
    REF.kb3135244,
    REF.upgradeWorkflow,
    REF.sslErrorsAfterUpgrade,
    REF.tlsRegistry,
    REF.jdbcWiki,
  ],
  keywords: [
    'forcibly closed',
    'Error code 0x2746',
    '10054',
    '0x2746',
    'TLS 1.0',
    'TLS 1.1',
    'TLS 1.2',
    'KB3135244',
    'do not possess a common algorithm',
    '0x80090331',
    'SSL Security error',
    'SECDoClientHandshake',
    'unsupported protocol',
    'TLS10 is not accepted',
    '36871',
    'alert 70',
    'protocol_version',
    'SQLOLEDB',
    'SCHANNEL',
    'DisabledByDefault',
    'MinProtocol',
  ],
};

const cipherSuiteMismatch: Scenario = {
  type: 'scenario',
  id: 'cipher-suite-mismatch',
  articleNumber: 2,
  title: 'A common TLS version, but no common cipher suite',
  summary:
    'Both sides speak the same TLS version, but someone restricted the cipher suites so far that the two lists no longer overlap, and the server hangs up.',
  affects:
    'Machines whose cipher-suite order was changed by Group Policy ("SSL Cipher Suite Order"), IIS Crypto or the TLS cmdlets; often an older Windows (such as Server 2012 R2, which has no ECDHE-RSA-GCM suites by default) talking to a hardened newer one.',
  symptoms: [
    'Every connection from the affected client fails.',
    'Either of the two 10054 messages: "...during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)" or "...during the login process. (provider: SSL Provider, ...)".',
    'Schannel event 36874 on the server: "none of the cipher suites supported by the client application are supported by the server".',
  ],
  pointsTo: [
    'A cipher-suite policy or IIS Crypto template was applied shortly before.',
    'Schannel event 36874, or 36888 with alert 40 (handshake_failure) or 71 (insufficient_security).',
    'In a network capture the Client Hello gets no Server Hello: the server closes instead.',
  ],
  pointsAway: [
    'The cipher lists of both machines share names (then look at the certificate or protocol scenarios).',
    'It fails only sometimes.',
  ],
  confirm: [
    {
      id: 'confirm-cipher-lists',
      kind: 'check',
      title: 'Compare the cipher-suite lists of both machines',
      body: 'Run these on the client and the server. When a Group Policy list exists, it is the one that counts. Look for at least one suite that appears in both effective lists. Windows Server 2012 R2 has no Get-TlsCipherSuite: use the registry lists there.',
      commands: [c.checkCipherOrderRegistry, c.checkCipherSuites],
    },
    {
      id: 'confirm-event-36874',
      kind: 'check',
      title: 'Look for Schannel event 36874 on the server',
      body: 'This event names the TLS version the client asked for and says no suite matched.',
      commands: [c.checkSchannelEvents],
    },
    {
      id: 'confirm-capture',
      kind: 'info',
      title: 'If you have a network capture',
      body: 'The Client Hello lists every suite the client offers; the Server Hello names the one chosen. When nothing matches, there is no Server Hello and the server closes the connection.',
    },
  ],
  fix: [
    {
      id: 'fix-enable-common-suite',
      kind: 'fix',
      title: 'Enable at least one suite that both sides support',
      body: 'Pick a strong suite the other machine offers (for example TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 between Windows Server 2016 and later) and enable it on the machine that lacks it. Save the order first.\n\nIf the list comes from Group Policy, change the GPO "SSL Cipher Suite Order" (Computer Configuration > Administrative Templates > Network > SSL Configuration Settings) instead: the local list is ignored while a policy list exists.',
      commands: [c.backupCipherSuites, c.fixEnableCipherSuite],
      warning: 'Changes the TLS settings of this machine for every program. Takes effect after a restart.',
    },
    restartStep('restart-after-cipher', 'Restart Windows on the machine you changed.'),
  ],
  verify: [
    {
      id: 'verify-cipher',
      kind: 'verify',
      title: 'Check the list and connect again',
      body: 'The suite you enabled should now be in the effective list. Connect from the client again.',
      commands: [c.checkCipherSuites],
    },
  ],
  undo: [
    {
      id: 'undo-cipher',
      kind: 'undo',
      title: 'Disable the suite again',
      body: 'If the change did not help or is not wanted, disable the suite you enabled and restart.',
      commands: [c.undoDisableCipherSuite],
      warning: 'Changes the TLS settings of this machine again. Takes effect after a restart.',
    },
  ],
  restarts: 'Windows on every machine whose cipher-suite list changed.',
  references: [
    REF.article,
    REF.cipherSuites,
    REF.getTlsCipherSuite,
    REF.tlsTimeout,
    REF.upgradeWorkflow,
    REF.cipherPolicies,
  ],
  keywords: [
    'cipher suite',
    'Client Hello',
    'Server Hello',
    'Functions',
    '00010002',
    'SSL Cipher Suite Order',
    'Get-TlsCipherSuite',
    'IIS Crypto',
    '36874',
    'alert 40',
    'handshake_failure',
    'insufficient_security',
    'forcibly closed',
    '10054',
  ],
};

const tlsDheCiphers: Scenario = {
  type: 'scenario',
  id: 'tls-dhe-ciphers',
  articleNumber: 3,
  title: 'TLS_DHE cipher suites between Windows Server 2012 R2 and 2016 or later',
  summary:
    'Older and newer Windows versions handle the key of TLS_DHE cipher suites slightly differently, so some connections that pick a TLS_DHE suite fail at random.',
  affects:
    'A client and a server where one runs Windows Server 2012 R2 / Windows 8.1 or older and the other Windows Server 2016 or later, with TLS_DHE suites enabled (they are on by default from 2012 R2 to 2022).',
  symptoms: [
    'Some connections fail and a retry works: the failures look random.',
    'Either of the two 10054 messages, most often "...during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.)".',
    'Schannel event 36888 with alert 20 (bad_record_mac) on the server, when Schannel logging is on.',
  ],
  pointsTo: [
    'One machine is Windows Server 2012 R2 (or older), the other 2016 or later.',
    'TLS_DHE suites are enabled on both.',
    'A capture shows a Server Hello choosing a TLS_DHE suite right before the failures.',
  ],
  pointsAway: [
    'Every connection fails (look at the protocol, cipher and certificate scenarios).',
    'No TLS_DHE suite is enabled on one of the two machines.',
  ],
  confirm: [
    {
      id: 'confirm-os-both',
      kind: 'check',
      title: 'Check the Windows version of both machines',
      body: 'Build 9600 is Windows Server 2012 R2; 14393 is 2016; 17763 is 2019; 20348 is 2022.',
      commands: [c.checkOsVersion],
    },
    {
      id: 'confirm-dhe-enabled',
      kind: 'check',
      title: 'Check whether TLS_DHE suites are enabled',
      body: 'Use the first command on Windows Server 2016 and later, the second on 2012 R2.',
      commands: [c.checkDheSuites, c.checkDheSuitesRegistry],
    },
  ],
  fix: [
    {
      id: 'fix-remove-dhe',
      kind: 'fix',
      title: 'Remove all TLS_DHE suites',
      body: 'Disable every suite whose name starts with TLS_DHE. Doing it on the server is enough to stop DHE being chosen; doing it on both is tidier. Save the order first.\n\nOn Windows Server 2012 R2, or when a Group Policy sets the order, remove the TLS_DHE names from the GPO "SSL Cipher Suite Order" instead. Check for a policy list with the registry command.',
      commands: [c.backupCipherSuites, c.checkCipherOrderRegistry, c.fixDisableDheSuites],
      warning: 'Changes the TLS settings of this machine for every program. Takes effect after a restart.',
    },
    restartStep('restart-after-dhe', 'Restart Windows on the machines you changed.'),
  ],
  verify: [
    {
      id: 'verify-dhe',
      kind: 'verify',
      title: 'Check no TLS_DHE suite is left and watch the error rate',
      body: 'The check should say no TLS_DHE suites are enabled. The random failures should stop; watch for a day.',
      commands: [c.checkDheSuites],
    },
  ],
  undo: [
    {
      id: 'undo-dhe',
      kind: 'undo',
      title: 'Put the TLS_DHE suites back',
      body: 'Re-enable the suites from the saved list and restart Windows.',
      commands: [c.undoEnableDheSuites],
      warning: 'Brings back the random failures if the Windows versions still differ.',
    },
  ],
  restarts: 'Windows on every machine whose cipher-suite list changed.',
  references: [REF.article, REF.kb4557473, REF.cipherSuites],
  keywords: [
    'TLS_DHE',
    'DHE',
    'Diffie-Hellman',
    'Windows Server 2012 R2',
    'Windows Server 2016',
    'intermittent',
    '36888',
    'alert 20',
    'bad_record_mac',
    'Disable-TlsCipherSuite',
    'KB4557473',
    'forcibly closed',
    '10054',
  ],
};

const weakCertificateHash: Scenario = {
  type: 'scenario',
  id: 'weak-certificate-hash',
  articleNumber: 4,
  title: "SQL Server's certificate is signed with MD5, SHA224 or SHA512",
  summary:
    'SQL Server is using a certificate whose signature hash TLS 1.2 clients will not accept on Windows, so the encrypted login cannot start.',
  affects:
    'SQL Server instances that load a certificate signed with MD5, SHA224 or SHA512, even one nobody configured: SQL Server picks up any suitable certificate with Server Authentication in the computer store. Its own self-generated certificate is not affected. Linux/macOS clients with OpenSSL 3 likewise refuse SHA-1 or MD5 signed certificates ("legacy sigalg disallowed or unsupported").',
  symptoms: [
    'All TLS 1.2 connections to the instance fail, often right after TLS 1.2 was enforced or a certificate was installed or renewed.',
    '"A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.)"',
    'Linux client: "SSL Provider: [error:0A00014D:SSL routines::legacy sigalg disallowed or unsupported]".',
  ],
  pointsTo: [
    'The ERRORLOG says "The certificate [Cert Hash(sha1) "..."] was successfully loaded for encryption." and that certificate shows md5RSA, sha224RSA or sha512RSA.',
    'It worked over TLS 1.0 and broke when TLS 1.2 became the only version.',
    'Schannel event 36888 with alert 40 or 43 on the server.',
    'A Linux or macOS client reports "legacy sigalg disallowed or unsupported": for OpenSSL 3 clients a sha1RSA certificate is also too weak.',
  ],
  pointsAway: [
    'The ERRORLOG says "A self-generated certificate was successfully loaded for encryption."',
    'The certificate in use is signed with sha256RSA or sha384RSA (and, for Windows clients, sha1RSA).',
  ],
  confirm: [
    {
      id: 'confirm-errorlog-cert',
      kind: 'check',
      title: 'Find the certificate SQL Server loaded',
      body: 'The ERRORLOG records it at every start. Also check whether a certificate was chosen on purpose (SQL Server Configuration Manager, Protocols for <instance>, Certificate tab; or the registry).',
      commands: [c.checkErrorlogCertificate, c.checkSqlInstanceEncryption],
    },
    {
      id: 'confirm-cert-hash',
      kind: 'check',
      title: "Read that certificate's signature algorithm",
      body: 'Paste the thumbprint from the ERRORLOG line. To see every certificate SQL Server could pick, list them all.',
      commands: [c.checkCertificateByThumbprint, c.checkServerAuthCertificates],
    },
  ],
  fix: [
    {
      id: 'fix-clear-configured',
      kind: 'fix',
      title: 'If the certificate was chosen on purpose: clear it',
      body: 'In SQL Server Configuration Manager, open SQL Server Network Configuration > Protocols for <instance> > Properties > Certificate tab, and select Clear. The command does the same in the registry and prints the old thumbprint for undo.',
      commands: [c.fixClearSqlCertificate],
      warning:
        'SQL Server will use a different certificate (or its own) after the restart. Clients that check the certificate name or trust may react.',
    },
    {
      id: 'fix-untick-server-auth',
      kind: 'fix',
      title: 'Stop SQL Server from picking up the weak certificate',
      body: 'This part is done in the certificate console; there is no supported cmdlet that edits a certificate\'s allowed purposes.\n\n1. Run certlm.msc (Certificates - Local Computer) as an administrator. (Or run mmc, add the Certificates snap-in and choose Computer account.)\n2. Open Personal > Certificates and find the certificate with the thumbprint from the ERRORLOG (the Thumbprint field is on the Details tab when you open it).\n3. Right-click it and select Properties.\n4. On the General tab, choose "Enable only the following purposes", clear "Server Authentication" and select OK.\n5. Run the check below: the purposes listed after CERT_ENHKEY_USAGE_PROP_ID should no longer include Server Authentication. The final proof is the ERRORLOG after the restart.\n\nBetter still, replace it: request a certificate signed with SHA-256 (or SHA-384) with Server Authentication, the server\'s name, and a private key, install it in the computer\'s Personal store, and choose it in Configuration Manager. For Linux or macOS clients that reject a sha1RSA certificate, replacing it is the only fix.',
      commands: [c.checkCertificatePurposeRestriction],
      warning:
        'Other services on this computer (IIS, RDP, ...) may use the same certificate for Server Authentication. Check before changing it.',
    },
    restartStep(
      'restart-after-certificate',
      'Restart the SQL Server service: it chooses its certificate only at start-up.',
    ),
  ],
  verify: [
    {
      id: 'verify-errorlog',
      kind: 'verify',
      title: 'Check which certificate loaded after the restart',
      body: 'The newest ERRORLOG should show a different thumbprint or "A self-generated certificate was successfully loaded for encryption." Then connect again from the client.',
      commands: [c.checkErrorlogCertificate],
    },
  ],
  undo: [
    {
      id: 'undo-certificate',
      kind: 'undo',
      title: 'Put the previous certificate back',
      body: 'Tick "Server Authentication" again in certlm.msc (right-click > Properties > General, "Enable all purposes for this certificate"), choose the old thumbprint again if you cleared it, and restart SQL Server.',
      commands: [c.undoSetSqlCertificate, c.restartSqlService],
      warning: 'This brings back the weak certificate and the error.',
    },
  ],
  restarts: 'The SQL Server service of the instance.',
  references: [REF.article, REF.certificateRequirements, REF.configurationManager, REF.sslErrorsAfterUpgrade],
  keywords: [
    'certificate',
    'weak hash',
    'MD5',
    'SHA224',
    'SHA512',
    'sha512RSA',
    'md5RSA',
    'Server Authentication',
    'was successfully loaded for encryption',
    'Cert Hash(sha1)',
    'self-generated certificate',
    'legacy sigalg disallowed',
    '0A00014D',
    '36888',
    'alert 40',
    'alert 43',
  ],
};

const dheLeadingZero: Scenario = {
  type: 'scenario',
  id: 'dhe-leading-zero',
  articleNumber: 5,
  title: 'TLS_DHE is used and one side lacks the leading-zero fix',
  summary:
    'When a TLS_DHE suite is chosen and the shared key happens to start with a zero byte, a Windows version without the fix computes a different key than its peer, so a small share of connections fails at random.',
  affects:
    'Machines without the fix: Windows Server 2012 R2 and older, Windows 8.1, Windows 10 1507, and Windows Server 2016 / Windows 10 1607 before OS build 14393.3542 (KB4537806, February 2020). Server 2019 and later have it. The peer can be a patched Windows or a non-Windows client.',
  symptoms: [
    'Rare, random failures; a retry works.',
    'Either of the two 10054 messages.',
    'Schannel event 36888 on the server (when Schannel logging is on), often with alert 20 (bad_record_mac).',
  ],
  pointsTo: [
    'A TLS_DHE suite is enabled on both sides.',
    'One side is Windows Server 2016 below build 14393.3542, or 2012 R2 and older.',
    'A capture shows Server Hello with a TLS_DHE suite, the client sends its key and Finished, and the server closes without its own Finished.',
  ],
  pointsAway: [
    'Both sides have the fix and no 2012 R2 or older is involved.',
    'No TLS_DHE suite is enabled on either side.',
    'Every connection fails.',
  ],
  confirm: [
    {
      id: 'confirm-fix-level',
      kind: 'check',
      title: 'Check whether each machine has the fix',
      body: 'Run on the client and the server. The build number is what counts.',
      commands: [c.checkDheFixHotfixes, c.checkOsVersion],
    },
    {
      id: 'confirm-dhe-enabled-lz',
      kind: 'check',
      title: 'Check whether TLS_DHE suites are enabled',
      body: 'Use the first command on Windows Server 2016 and later, the second on 2012 R2.',
      commands: [c.checkDheSuites, c.checkDheSuitesRegistry],
    },
  ],
  fix: [
    {
      id: 'fix-patch',
      kind: 'fix',
      title: 'Install the fix where it is missing',
      body: 'On Windows Server 2016 / Windows 10 1607, install the latest cumulative update (at least KB4537806, build 14393.3542, or KB4540670). Windows Server 2012 R2 and older never got this fix: for them, remove TLS_DHE as in the next step.',
      warning: 'Installing updates needs a restart of Windows.',
    },
    {
      id: 'fix-remove-dhe-lz',
      kind: 'fix',
      title: 'Or remove all TLS_DHE suites',
      body: 'Without TLS_DHE the problem cannot happen. Save the order first. When a Group Policy sets the cipher order, remove the TLS_DHE names from the GPO "SSL Cipher Suite Order" instead.',
      commands: [c.backupCipherSuites, c.checkCipherOrderRegistry, c.fixDisableDheSuites],
      warning: 'Changes the TLS settings of this machine for every program. Takes effect after a restart.',
    },
    restartStep('restart-after-leading-zero', 'Restart Windows after the update or the cipher change.'),
  ],
  verify: [
    {
      id: 'verify-leading-zero',
      kind: 'verify',
      title: 'Check the build or the DHE list, then watch',
      body: 'The fix check should say "Has the fix", or no TLS_DHE suite should be listed. The random failures should stop.',
      commands: [c.checkDheFixHotfixes, c.checkDheSuites],
    },
  ],
  undo: [
    {
      id: 'undo-leading-zero',
      kind: 'undo',
      title: 'Put the TLS_DHE suites back (if you removed them)',
      body: 'Windows updates are not undone. For the cipher change, re-enable the saved TLS_DHE suites and restart.',
      commands: [c.undoEnableDheSuites],
      warning: 'Brings back the random failures on machines without the fix.',
    },
  ],
  restarts: 'Windows on every machine that got the update or a cipher change.',
  references: [REF.article, REF.kb4557473, REF.kb4537806, REF.kb4540670],
  keywords: [
    'leading zero',
    'TLS_DHE',
    'DHE',
    'KB4557473',
    'KB4537806',
    'KB4540670',
    '14393.3542',
    'Windows Server 2016',
    '36888',
    'alert 20',
    'bad_record_mac',
    'intermittent',
    'forcibly closed',
    '10054',
  ],
};

const tcpListenerOverload: Scenario = {
  type: 'scenario',
  id: 'tcp-listener-overload',
  articleNumber: 6,
  title: 'A busy SQL Server 2017 or earlier cannot accept connections fast enough',
  summary:
    'On a very busy SQL Server 2017 or older, the threads that accept new connections fall behind, so some connection attempts are rejected or time out before the handshake finishes.',
  affects:
    'SQL Server 2017 and earlier under heavy load or connection storms (many new connections at once, no connection pooling). SQL Server 2019 added a dedicated login dispatcher pool that relieves this.',
  symptoms: [
    'Intermittent 10054 errors at busy times, often "...during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)".',
    'Also login timeouts at the same times.',
    "In a capture: the client's SYN answered by a reset, or not answered at all.",
  ],
  pointsTo: [
    'Failures cluster at peak load or when many clients (or an application without pooling) connect at once.',
    'SQL Server is 2017 or earlier.',
    'ERRORLOG shows "IO Completion Listener ... appears to be non-yielding", "due to an AcceptEx failure", or "Login failed due to timeout".',
  ],
  pointsAway: [
    'It fails every time, even when the server is idle.',
    'SQL Server is 2019 or later.',
    'Failures line up with a TLS_DHE suite or an old Windows peer rather than with load.',
  ],
  confirm: [
    {
      id: 'confirm-version-listener',
      kind: 'check',
      title: 'Check the SQL Server version',
      body: 'This scenario applies to SQL Server 2017 (14.x) and earlier.',
      commands: [c.checkSqlVersionRegistry],
    },
    {
      id: 'confirm-listener-log',
      kind: 'check',
      title: 'Look for listener and login-timeout messages at the failure times',
      body: 'Compare the times of these lines with the times users saw the error.',
      commands: [c.checkErrorlogListener],
    },
    {
      id: 'confirm-load',
      kind: 'info',
      title: 'Check the connection rate',
      body: 'Ask the application team whether the application opens a new connection per request or turns connection pooling off. In Performance Monitor, a high "Logins/sec" (SQL Server: General Statistics) at the failure times supports this scenario.',
    },
  ],
  fix: [
    {
      id: 'fix-reduce-storms',
      kind: 'fix',
      title: 'Reduce connection storms',
      body: "Turn connection pooling on in the applications (it is on by default in .NET, ODBC and JDBC pools unless disabled), spread scheduled jobs that connect at the same minute, and add retry logic with a short back-off. Look for long-running work that keeps the server's workers busy.",
    },
    {
      id: 'fix-upgrade-2019',
      kind: 'fix',
      title: 'Plan an upgrade to SQL Server 2019 or later',
      body: 'SQL Server 2019 handles logins in their own dispatcher pool, so a busy server keeps accepting connections.',
      warning: 'A version upgrade is a project: test the applications first.',
    },
  ],
  verify: [
    {
      id: 'verify-listener',
      kind: 'verify',
      title: 'Watch the busy hours',
      body: 'After the change, the failures and the listener lines in the ERRORLOG should stop during peak load.',
      commands: [c.checkErrorlogListener],
    },
  ],
  undo: [
    {
      id: 'undo-listener',
      kind: 'undo',
      title: 'Nothing to undo',
      body: 'These changes do not alter TLS settings. Revert application changes through their normal release process if needed.',
    },
  ],
  restarts: 'Nothing for TLS. Applications restart when their pooling settings change.',
  references: [REF.article, REF.iocpListener],
  keywords: [
    'IOCP',
    'listener',
    'TCPAcceptEx',
    'AcceptEx',
    'SYN',
    'TCP rejection',
    'three-way handshake',
    'login dispatcher pool',
    'SQL Server 2017',
    'busy',
    'intermittent',
    'login timeout',
    '17887',
    '26040',
    '17830',
    '10054',
  ],
};

export const SCENARIOS: readonly Scenario[] = [
  tlsProtocolMismatch,
  cipherSuiteMismatch,
  tlsDheCiphers,
  weakCertificateHash,
  dheLeadingZero,
  tcpListenerOverload,
];

export const SCENARIO_BY_ID: Readonly<Record<ScenarioId, Scenario>> = Object.fromEntries(
  SCENARIOS.map((scenario) => [scenario.id, scenario]),
) as Record<ScenarioId, Scenario>;
