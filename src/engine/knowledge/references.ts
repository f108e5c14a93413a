/** Links the knowledge base cites, in one place so every page spells them the same way. */
import type { Reference } from './types';

const CONNECT = 'https://learn.microsoft.com/troubleshoot/sql/database-engine/connect';

export const REF = {
  article: {
    label: 'An existing connection was forcibly closed by the remote host (OS error 10054)',
    url: `${CONNECT}/tls-exist-connection-closed`,
  },
  kb3135244: {
    label: 'KB3135244: TLS 1.2 support for Microsoft SQL Server',
    url: 'https://support.microsoft.com/topic/kb3135244-tls-1-2-support-for-microsoft-sql-server-e4472ef8-90a9-13c1-e4d8-44aad198cdbe',
    kb: 'KB3135244',
  },
  kb4557473: {
    label:
      'KB4557473: Applications experience forcibly closed TLS connection errors when connecting SQL Servers in Windows',
    url: 'https://learn.microsoft.com/troubleshoot/windows-server/certificates-and-public-key-infrastructure-pki/apps-forcibly-closed-tls-connection-errors',
    kb: 'KB4557473',
  },
  kb4537806: {
    label:
      'KB4537806: Windows Server 2016 / Windows 10 1607 update, OS build 14393.3542 (contains the DHE leading-zero fix)',
    url: 'https://support.microsoft.com/help/4537806',
    kb: 'KB4537806',
  },
  kb4540670: {
    label: 'KB4540670: Windows Server 2016 / Windows 10 1607 update, OS build 14393.3564',
    url: 'https://support.microsoft.com/help/4540670',
    kb: 'KB4540670',
  },
  tlsTimeout: {
    label:
      'Transport Layer Security (TLS) connections might fail or timeout when connecting or attempting a resumption',
    url: 'https://support.microsoft.com/topic/transport-layer-security-tls-connections-might-fail-or-timeout-when-connecting-or-attempting-a-resumption-326bd5b1-52a1-b367-8179-b154e5c01e90',
  },
  upgradeWorkflow: {
    label: 'TLS 1.2 Upgrade Workflow (CSS SQL Networking Tools wiki)',
    url: 'https://github.com/microsoft/CSS_SQL_Networking_Tools/wiki/0700-TLS-1.2-Upgrade-Workflow',
  },
  sslErrorsAfterUpgrade: {
    label: 'SSL Errors after Upgrading to TLS 1.2 (CSS SQL Networking Tools wiki)',
    url: 'https://github.com/microsoft/CSS_SQL_Networking_Tools/wiki/0710-SSL-Errors-after-Upgrading-to-TLS-1.2',
  },
  jdbcWiki: {
    label: 'JDBC and SSL/TLS (CSS SQL Networking Tools wiki)',
    url: 'https://github.com/microsoft/CSS_SQL_Networking_Tools/wiki/0750-JDBC-and-SSL-TLS',
  },
  tlsRegistry: {
    label: 'Transport Layer Security (TLS) registry settings',
    url: 'https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings',
  },
  cipherSuites: {
    label: 'Cipher Suites in TLS/SSL (Schannel SSP)',
    url: 'https://learn.microsoft.com/windows/win32/secauthn/cipher-suites-in-schannel',
  },
  getTlsCipherSuite: {
    label: 'Get-TlsCipherSuite (TLS PowerShell module)',
    url: 'https://learn.microsoft.com/powershell/module/tls/get-tlsciphersuite',
  },
  certificateRequirements: {
    label: 'Certificate requirements for SQL Server',
    url: 'https://learn.microsoft.com/sql/database-engine/configure-windows/certificate-requirements',
  },
  configurationManager: {
    label: 'SQL Server Configuration Manager',
    url: 'https://learn.microsoft.com/sql/relational-databases/sql-server-configuration-manager',
  },
  iocpListener: {
    label: 'Is the IOCP listener actually listening? (SQL Server Support Blog)',
    url: 'https://techcommunity.microsoft.com/t5/sql-server-support-blog/is-the-iocp-listener-actually-listening/ba-p/333989',
  },
  tds8: {
    label: 'TDS 8.0 and strict encryption',
    url: 'https://learn.microsoft.com/sql/relational-databases/security/networking/tds-8',
  },
  connectivityOverview: {
    label: 'Troubleshoot connectivity issues in SQL Server',
    url: `${CONNECT}/resolve-connectivity-errors-overview`,
  },
  connectivityChecklist: {
    label: 'Recommended prerequisites and checklist for troubleshooting connectivity issues',
    url: `${CONNECT}/resolve-connectivity-errors-checklist`,
  },
  certificateChainNotTrusted: {
    label: 'The certificate chain was issued by an authority that is not trusted',
    url: `${CONNECT}/certificate-chain-not-trusted`,
  },
  winsockErrors: {
    label: 'Windows Sockets Error Codes (WSAECONNRESET 10054)',
    url: 'https://learn.microsoft.com/windows/win32/winsock/windows-sockets-error-codes-2',
  },
  agNodeAdded: {
    label: 'Intermittent connection errors occur when a new node is added to the Always On environment',
    url: `${CONNECT}/intermittent-connection-errors-when-a-new-node-is-added`,
  },
  endpoint5022: {
    label: 'The SSL_PE_NO_CIPHER error occurs on endpoint 5022',
    url: `${CONNECT}/ssl-pe-no-cipher-error-endpoint-5022`,
  },
  ssisAgent: {
    label: 'SQL Server faces connectivity issue when SSIS packages run by SQL Agent fail to execute',
    url: `${CONNECT}/sql-server-faces-connectivity-issue-ssispack-fail`,
  },
  sqlcmdIntermittent: {
    label: 'Intermittent connection errors with SQLCMD',
    url: `${CONNECT}/intermittent-connection-errors-sqlcmd`,
  },
  cipherPolicies: {
    label: 'Issues in connection after implementing the Cipher suite policies',
    url: `${CONNECT}/issues-connection-after-implementing-cipher-suite-policies`,
  },
  linkedServerFailed: {
    label: 'Connection to the linked server failed',
    url: `${CONNECT}/connection-to-linked-server-failed`,
  },
  agentWontStart: {
    label: 'Unable to start SQL Agent',
    url: `${CONNECT}/unable-to-start-sql-agent`,
  },
  ssmsSqlAuth: {
    label: 'Client machine cannot connect to SQL Server by SSMS using SQL authentication',
    url: `${CONNECT}/client-machine-cannot-connect-to-sqlserver`,
  },
  linkedServerAzure: {
    label: "A linked server couldn't be created after moving on-premises server to Azure",
    url: `${CONNECT}/linked-server-cannot-be-created`,
  },
  afterSqlUpgrade: {
    label: 'Errors are shown after upgrading SQL version',
    url: `${CONNECT}/error-message-when-you-connect`,
  },
  kb3135852: {
    label: 'KB3135852: endpoint handshake failures (AG, mirroring, Service Broker) after moving to TLS 1.2',
    kb: 'KB3135852',
  },
} satisfies Record<string, Reference>;
