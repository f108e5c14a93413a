/**
 * Every command the knowledge base shows, in one place. Checks only read (changesSystem: false); fixes
 * change configuration, need an elevated prompt and have an undo next to them.
 *
 * PowerShell here runs unchanged on Windows PowerShell 5.1 and PowerShell 7: full cmdlet and parameter
 * names, no aliases, no backtick line continuations, quoted property lists. Values a user must supply are
 * `{{tokens}}` declared in `parameters`; engine/powershell validates them and inserts single-quoted
 * literals, so the tokens stand where a quoted string would.
 */
import type { CommandBlock, CommandParameter } from './types';

const SCHANNEL_PROTOCOLS = String.raw`HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols`;
const LOCAL_CIPHER_KEY = String.raw`HKLM:\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002`;
const POLICY_CIPHER_KEY = String.raw`HKLM:\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002`;
const INSTANCE_NAMES_KEY = String.raw`HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL`;

const thumbprintParameter: CommandParameter = {
  token: '{{thumbprint}}',
  kind: 'thumbprint',
  label: 'Certificate thumbprint',
  defaultValue: 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D',
};
const instanceParameter: CommandParameter = {
  token: '{{instanceName}}',
  kind: 'instance-name',
  label: 'Instance name (MSSQLSERVER for the default instance)',
  defaultValue: 'MSSQLSERVER',
};
const hostParameter: CommandParameter = {
  token: '{{hostName}}',
  kind: 'host-name',
  label: 'SQL Server computer name (localhost when you run it on the server)',
  defaultValue: 'localhost',
};
const protocolParameter: CommandParameter = {
  token: '{{protocol}}',
  kind: 'protocol',
  label: 'Protocol',
  defaultValue: 'TLS 1.2',
};
const cipherSuiteParameter: CommandParameter = {
  token: '{{cipherSuite}}',
  kind: 'cipher-suite',
  label: 'Cipher suite',
  defaultValue: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
};
const serviceParameter: CommandParameter = {
  token: '{{serviceName}}',
  kind: 'service-name',
  label: 'SQL Server service (MSSQLSERVER, or MSSQL$<instance> for a named instance)',
  defaultValue: 'MSSQLSERVER',
};

/**
 * Finds the ERRORLOG of one instance: the `-e` startup parameter in the registry, or the Log folder under
 * the instance's data root when no `-e` is set. Leaves `$errorLog` set, or `$null` when the instance is
 * not registered on this computer.
 */
const LOCATE_ERRORLOG = String.raw`$instanceName = {{instanceName}}
$instanceId = Get-ItemPropertyValue -LiteralPath '${INSTANCE_NAMES_KEY}' -Name $instanceName -ErrorAction SilentlyContinue
$errorLog = $null
if (-not $instanceId) {
    Write-Output "No SQL Server instance named $instanceName is registered on this computer (64-bit registry)."
} else {
    $sqlKey = "HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\$instanceId"
    $parametersKey = Get-Item -LiteralPath "$sqlKey\MSSQLServer\Parameters"
    foreach ($valueName in $parametersKey.GetValueNames()) {
        $argument = [string]$parametersKey.GetValue($valueName)
        if ($argument.StartsWith('-e')) { $errorLog = $argument.Substring(2) }
    }
    if (-not $errorLog) {
        $dataRoot = Get-ItemPropertyValue -LiteralPath "$sqlKey\Setup" -Name 'SQLDataRoot'
        $errorLog = Join-Path -Path $dataRoot -ChildPath 'Log\ERRORLOG'
    }
    Write-Output "ERRORLOG of $instanceName ($instanceId): $errorLog"
}`;

// ---------------------------------------------------------------------------------------------------
// Checks (read only)
// ---------------------------------------------------------------------------------------------------

export const checkSchannelProtocols: CommandBlock = {
  id: 'check-schannel-protocols',
  title: 'List the TLS protocol settings (SCHANNEL registry keys)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  code: String.raw`$base = '${SCHANNEL_PROTOCOLS}'
$rows = foreach ($protocol in @('SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3')) {
    foreach ($role in @('Client', 'Server')) {
        $path = Join-Path -Path $base -ChildPath "$protocol\$role"
        if (Test-Path -LiteralPath $path) {
            $values = Get-ItemProperty -LiteralPath $path
            $enabled = $values.Enabled
            $disabledByDefault = $values.DisabledByDefault
            if ($null -eq $enabled) { $enabled = '(value absent: OS default)' }
            if ($null -eq $disabledByDefault) { $disabledByDefault = '(value absent: OS default)' }
        } else {
            $enabled = '(key absent: OS default)'
            $disabledByDefault = '(key absent: OS default)'
        }
        [pscustomobject]@{ Protocol = $protocol; Role = $role; Enabled = $enabled; DisabledByDefault = $disabledByDefault }
    }
}
$rows | Format-Table -AutoSize`,
  expectedOutput: `Protocol Role   Enabled                  DisabledByDefault
-------- ----   -------                  -----------------
SSL 2.0  Client (key absent: OS default) (key absent: OS default)
SSL 2.0  Server (key absent: OS default) (key absent: OS default)
SSL 3.0  Client 0                        1
SSL 3.0  Server 0                        1
TLS 1.0  Client 0                        1
TLS 1.0  Server 0                        1
TLS 1.1  Client 0                        1
TLS 1.1  Server 0                        1
TLS 1.2  Client 1                        0
TLS 1.2  Server 1                        0
TLS 1.3  Client (key absent: OS default) (key absent: OS default)
TLS 1.3  Server (key absent: OS default) (key absent: OS default)`,
  readResult:
    'Enabled 0 means switched off. Enabled 1 with DisabledByDefault 0 means on. "key absent" means the Windows default for that version applies (TLS 1.2 is on by default from Windows Server 2012; on Windows Server 2008 R2 it is off unless these keys turn it on). Run it on both machines and compare.',
};

export const checkCipherSuites: CommandBlock = {
  id: 'check-cipher-suites',
  title: 'List the enabled cipher suites in order (Get-TlsCipherSuite)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  requires:
    'Windows Server 2016 or Windows 10 and later (TLS module). On Windows Server 2012 R2 use the registry lists instead.',
  code: String.raw`Get-TlsCipherSuite | Format-Table -Property 'Name', 'Exchange', 'Certificate' -AutoSize`,
  expectedOutput: `Name                                    Exchange Certificate
----                                    -------- -----------
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384   ECDH     RSA
TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256   ECDH     RSA
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384     DH       RSA
TLS_RSA_WITH_AES_256_GCM_SHA384         RSA      RSA`,
  readResult:
    'This is the order this machine offers (as a client) or accepts (as a server). Compare it with the other machine: they need at least one name in common.',
};

export const checkCipherOrderRegistry: CommandBlock = {
  id: 'check-cipher-order-registry',
  title: 'Show the cipher-suite lists in the registry (local list and Group Policy list)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  requires: 'Any Windows version (works on Windows Server 2012 R2 too)',
  code: String.raw`$localList = Get-ItemProperty -LiteralPath '${LOCAL_CIPHER_KEY}' -Name 'Functions' -ErrorAction SilentlyContinue
$policyList = Get-ItemProperty -LiteralPath '${POLICY_CIPHER_KEY}' -Name 'Functions' -ErrorAction SilentlyContinue
Write-Output '--- Local list (Functions, REG_MULTI_SZ) ---'
if ($localList -and $localList.Functions) { $localList.Functions } else { Write-Output '(no Functions value: the Windows default order applies)' }
Write-Output '--- Group Policy list (Functions, REG_SZ; when present it wins over the local list) ---'
if ($policyList -and $policyList.Functions) { $policyList.Functions -split ',' | ForEach-Object -Process { $_.Trim() } } else { Write-Output '(no policy list: the local list applies)' }`,
  expectedOutput: `--- Local list (Functions, REG_MULTI_SZ) ---
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
--- Group Policy list (Functions, REG_SZ; when present it wins over the local list) ---
(no policy list: the local list applies)`,
  readResult:
    'If a Group Policy list is shown, only the suites in it are enabled, whatever the local list says. Compare the effective list of both machines.',
};

export const checkDheSuites: CommandBlock = {
  id: 'check-dhe-suites',
  title: 'List the TLS_DHE cipher suites that are enabled',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  requires: 'Windows Server 2016 or Windows 10 and later (TLS module)',
  code: String.raw`$dhe = Get-TlsCipherSuite | Where-Object -FilterScript { $_.Name -like 'TLS_DHE*' }
if ($dhe) { $dhe | Select-Object -ExpandProperty 'Name' } else { Write-Output 'No TLS_DHE cipher suites are enabled.' }`,
  expectedOutput: `TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
TLS_DHE_RSA_WITH_AES_128_GCM_SHA256`,
  readResult: 'Any name listed means a DHE suite can still be negotiated with a peer that offers it.',
};

export const checkDheSuitesRegistry: CommandBlock = {
  id: 'check-dhe-suites-registry',
  title: 'Look for TLS_DHE suites in the registry lists (any Windows version)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  requires: 'Any Windows version (use this on Windows Server 2012 R2)',
  code: String.raw`$policyList = Get-ItemProperty -LiteralPath '${POLICY_CIPHER_KEY}' -Name 'Functions' -ErrorAction SilentlyContinue
$localList = Get-ItemProperty -LiteralPath '${LOCAL_CIPHER_KEY}' -Name 'Functions' -ErrorAction SilentlyContinue
if ($policyList -and $policyList.Functions) {
    $source = 'Group Policy list'
    $suites = $policyList.Functions -split ','
} elseif ($localList -and $localList.Functions) {
    $source = 'local list'
    $suites = $localList.Functions
} else {
    $source = 'none'
    $suites = @()
}
if ($source -eq 'none') {
    Write-Output 'No list in the registry: the Windows default order applies, and it includes TLS_DHE suites on every version from 2012 R2 to 2022.'
} else {
    $dhe = $suites | ForEach-Object -Process { $_.Trim() } | Where-Object -FilterScript { $_ -like 'TLS_DHE*' }
    if ($dhe) { Write-Output "TLS_DHE suites in the $($source):"; $dhe } else { Write-Output "No TLS_DHE suites in the $source." }
}`,
  expectedOutput: `TLS_DHE suites in the local list:
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
TLS_DHE_RSA_WITH_AES_128_GCM_SHA256`,
  readResult: 'Any TLS_DHE name listed means DHE can be negotiated.',
};

export const checkCertificateByThumbprint: CommandBlock = {
  id: 'check-certificate-by-thumbprint',
  title: "Show a certificate's signature algorithm, purposes and expiry (by thumbprint)",
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  parameters: [thumbprintParameter],
  code: String.raw`$thumbprint = {{thumbprint}}
$certificate = Get-Item -LiteralPath "Cert:\LocalMachine\My\$thumbprint" -ErrorAction SilentlyContinue
if ($null -eq $certificate) {
    Write-Output "No certificate with thumbprint $thumbprint in Cert:\LocalMachine\My."
} else {
    $purposes = @($certificate.EnhancedKeyUsageList | ForEach-Object -Process { $_.FriendlyName })
    if ($purposes.Count -eq 0) { $purposes = @('(no Enhanced Key Usage: valid for every purpose)') }
    [pscustomobject]@{
        Subject               = $certificate.Subject
        Thumbprint            = $certificate.Thumbprint
        SignatureAlgorithm    = $certificate.SignatureAlgorithm.FriendlyName
        SignatureAlgorithmOid = $certificate.SignatureAlgorithm.Value
        EnhancedKeyUsage      = $purposes -join ', '
        NotAfter              = $certificate.NotAfter
        HasPrivateKey         = $certificate.HasPrivateKey
    } | Format-List
}`,
  expectedOutput: `Subject               : CN=sql01.contoso.com
Thumbprint            : B3029394BB92AA8EDA0B8E37BAD09345B4992E3D
SignatureAlgorithm    : sha512RSA
SignatureAlgorithmOid : 1.2.840.113549.1.1.13
EnhancedKeyUsage      : Server Authentication, Client Authentication
NotAfter              : 5/30/2027 2:59:30 PM
HasPrivateKey         : True`,
  readResult:
    'md5RSA, sha224RSA (or OID 1.2.840.113549.1.1.14) and sha512RSA are the hashes that break TLS 1.2 logins to SQL Server on Windows. sha256RSA and sha384RSA are fine. EnhancedKeyUsage shows the purposes written in the certificate; purposes unticked later in the certificate console do not show here (use the certutil check).',
};

export const checkCertificatePurposeRestriction: CommandBlock = {
  id: 'check-certificate-purpose-restriction',
  title: 'Show purposes restricted in the certificate console (certutil)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  parameters: [thumbprintParameter],
  requires: 'certutil.exe (part of Windows)',
  code: String.raw`$thumbprint = {{thumbprint}}
$dump = certutil.exe -v -store My $thumbprint
$restriction = $dump | Select-String -Pattern 'CERT_ENHKEY_USAGE_PROP_ID' -SimpleMatch -Context 0,8
if ($restriction) { $restriction } else { Write-Output 'No purposes are restricted in the console: every purpose of the certificate itself applies.' }`,
  expectedOutput: `> CERT_ENHKEY_USAGE_PROP_ID(9):
    Enhanced Key Usage
        Client Authentication (1.3.6.1.5.5.7.3.2)`,
  readResult:
    'The lines after CERT_ENHKEY_USAGE_PROP_ID are the purposes left ticked in the console. If Server Authentication is not among them, SQL Server will not pick this certificate up after a restart.',
};

export const checkServerAuthCertificates: CommandBlock = {
  id: 'check-server-auth-certificates',
  title: 'List the certificates SQL Server could pick up (Server Authentication, LocalMachine\\My)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  code: String.raw`$serverAuthentication = '1.3.6.1.5.5.7.3.1'
Get-ChildItem -Path 'Cert:\LocalMachine\My' |
    Where-Object -FilterScript { $_.EnhancedKeyUsageList.Count -eq 0 -or $_.EnhancedKeyUsageList.ObjectId -contains $serverAuthentication } |
    Select-Object -Property 'Subject', 'Thumbprint', @{ Name = 'SignatureAlgorithm'; Expression = { $_.SignatureAlgorithm.FriendlyName } }, 'NotAfter', 'HasPrivateKey' |
    Format-Table -AutoSize`,
  expectedOutput: `Subject                Thumbprint                               SignatureAlgorithm NotAfter              HasPrivateKey
-------                ----------                               ------------------ --------              -------------
CN=sql01.contoso.com   B3029394BB92AA8EDA0B8E37BAD09345B4992E3D sha512RSA          5/30/2027 2:59:30 PM           True
CN=sql01               5B047DCA542A9E46C0EC7BF1AD7889612CADAA2E sha256RSA          4/21/2028 10:08:18 AM          True`,
  readResult:
    'SQL Server may load any of these even if nobody configured it. A line with md5RSA, sha224RSA or sha512RSA is a suspect; the ERRORLOG tells which one is actually loaded. Purposes unticked in the certificate console are not reflected in this list.',
};

export const checkErrorlogCertificate: CommandBlock = {
  id: 'check-errorlog-certificate',
  title: 'Find which certificate SQL Server loaded (ERRORLOG)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: true,
  where: 'server',
  parameters: [instanceParameter],
  requires:
    'Run on the SQL Server computer. MSSQLSERVER targets the default instance; type the name of a named instance instead. Reading the log folder usually needs an elevated prompt.',
  code: String.raw`${LOCATE_ERRORLOG}
if ($errorLog) {
    Get-ChildItem -Path "$errorLog*" |
        Select-String -Pattern 'was successfully loaded for encryption', 'self-generated certificate' -SimpleMatch |
        ForEach-Object -Process { '{0}: {1}' -f $_.Filename, $_.Line.Trim() }
}`,
  expectedOutput: String.raw`ERRORLOG of MSSQLSERVER (MSSQL15.MSSQLSERVER): C:\Program Files\Microsoft SQL Server\MSSQL15.MSSQLSERVER\MSSQL\Log\ERRORLOG
ERRORLOG: 2026-05-30 14:59:30.89 Server      The certificate [Cert Hash(sha1) "B3029394BB92AA8EDA0B8E37BAD09345B4992E3D"] was successfully loaded for encryption.`,
  readResult:
    'The 40 characters inside Cert Hash(sha1) are the thumbprint of the certificate in use. "A self-generated certificate was successfully loaded for encryption" means SQL Server made its own, and the weak-hash problem does not apply.',
};

export const checkErrorlogListener: CommandBlock = {
  id: 'check-errorlog-listener',
  title: 'Look for listener and login-timeout messages (ERRORLOG)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: true,
  where: 'server',
  parameters: [instanceParameter],
  requires: 'Run on the SQL Server computer. MSSQLSERVER targets the default instance.',
  code: String.raw`${LOCATE_ERRORLOG}
if ($errorLog) {
    Get-ChildItem -Path "$errorLog*" |
        Select-String -Pattern 'IO Completion Listener', 'due to an AcceptEx failure', 'Login failed due to timeout', 'Error: 17830' -SimpleMatch |
        Select-Object -Last 40 |
        ForEach-Object -Process { '{0}: {1}' -f $_.Filename, $_.Line.Trim() }
}`,
  expectedOutput: `ERRORLOG: 2026-05-30 09:12:04.11 Server      IO Completion Listener (0x1a2c) Worker 0x0000021F8C3A0160 appears to be non-yielding on Node 0. Approx CPU Used: kernel 0 ms, user 15000 ms, Interval: 15012.`,
  readResult:
    '"IO Completion Listener ... non-yielding" or "AcceptEx failure" lines at the times of the failures point to a starved listener. Many 17830 lines alone only say clients gave up during login.',
};

export const checkSqlVersionInvokeSqlcmd: CommandBlock = {
  id: 'check-sql-version-invoke-sqlcmd',
  title: 'Ask SQL Server for its version (Invoke-Sqlcmd)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  parameters: [hostParameter, instanceParameter],
  requires:
    'The SqlServer PowerShell module (Install-Module -Name SqlServer); it is not on a default server. Run it on the server itself: from a client that has the handshake problem it fails the same way.',
  code: String.raw`$server = {{hostName}}
$instanceName = {{instanceName}}
if ($instanceName -eq 'MSSQLSERVER') { $target = $server } else { $target = "$server\$instanceName" }
Invoke-Sqlcmd -ServerInstance $target -Query 'SELECT @@VERSION AS Version' | Format-List`,
  expectedOutput: `Version : Microsoft SQL Server 2014 (SP1-GDR) (KB4019091) - 12.0.4237.0 (X64)`,
  readResult:
    'The build number (for example 12.0.4237.0) decides TLS 1.2 support: every SQL Server 2016 and later build has it; older versions need a minimum build (KB3135244). If the newest SqlServer module complains that the certificate chain is not trusted, add -TrustServerCertificate.',
};

export const checkSqlVersionSqlcmd: CommandBlock = {
  id: 'check-sql-version-sqlcmd',
  title: 'Ask SQL Server for its version (sqlcmd.exe)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  parameters: [hostParameter, instanceParameter],
  requires: 'sqlcmd.exe, installed with SQL Server and its client tools. Run it on the server itself.',
  code: String.raw`$server = {{hostName}}
$instanceName = {{instanceName}}
if ($instanceName -eq 'MSSQLSERVER') { $target = $server } else { $target = "$server\$instanceName" }
sqlcmd.exe -S $target -E -Q 'SELECT @@VERSION'`,
  expectedOutput: `Microsoft SQL Server 2012 (SP4-GDR) (KB4583465) - 11.0.7507.2 (X64)`,
  readResult:
    'Read the build number after the dash. If a newer sqlcmd says the certificate chain is not trusted, add -C to trust the server certificate for this one check.',
};

export const checkSqlVersionRegistry: CommandBlock = {
  id: 'check-sql-version-registry',
  title: 'List SQL Server instances and their builds (registry, no connection needed)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  requires: 'Run on the SQL Server computer. Lists 64-bit instances.',
  code: String.raw`$instances = Get-Item -LiteralPath '${INSTANCE_NAMES_KEY}' -ErrorAction SilentlyContinue
if ($null -eq $instances) {
    Write-Output 'No SQL Server instances are registered on this computer.'
} else {
    $rows = foreach ($instanceName in $instances.GetValueNames()) {
        $instanceId = $instances.GetValue($instanceName)
        $setup = Get-ItemProperty -LiteralPath "HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\$instanceId\Setup"
        [pscustomobject]@{ Instance = $instanceName; Id = $instanceId; Edition = $setup.Edition; Build = $setup.PatchLevel }
    }
    $rows | Format-Table -AutoSize
}`,
  expectedOutput: `Instance    Id                     Edition             Build
--------    --                     -------             -----
MSSQLSERVER MSSQL12.MSSQLSERVER    Standard Edition    12.0.4237.0`,
  readResult:
    'Use this when no connection works at all. SQL Server 2016 (13.x) and later support TLS 1.2 at every build; for 2008 to 2014 compare the build with KB3135244.',
};

export const checkSqlInstanceEncryption: CommandBlock = {
  id: 'check-sql-instance-encryption',
  title: "Show each instance's configured certificate and Force Encryption (registry)",
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
  requires: 'Run on the SQL Server computer.',
  code: String.raw`$instances = Get-Item -LiteralPath '${INSTANCE_NAMES_KEY}' -ErrorAction SilentlyContinue
if ($null -eq $instances) {
    Write-Output 'No SQL Server instances are registered on this computer.'
} else {
    $rows = foreach ($instanceName in $instances.GetValueNames()) {
        $instanceId = $instances.GetValue($instanceName)
        $netLib = Get-ItemProperty -LiteralPath "HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\$instanceId\MSSQLServer\SuperSocketNetLib"
        $thumbprint = [string]$netLib.Certificate
        if ($thumbprint -eq '') { $thumbprint = '(none configured: SQL Server picks one or makes its own)' }
        [pscustomobject]@{ Instance = $instanceName; Certificate = $thumbprint; ForceEncryption = $netLib.ForceEncryption }
    }
    $rows | Format-Table -AutoSize
}`,
  expectedOutput: `Instance    Certificate                                             ForceEncryption
--------    -----------                                             ---------------
MSSQLSERVER b3029394bb92aa8eda0b8e37bad09345b4992e3d                              0`,
  readResult:
    'A thumbprint here is the certificate chosen in SQL Server Configuration Manager. When none is configured, the ERRORLOG line shows which certificate was loaded anyway.',
};

export const checkOsVersion: CommandBlock = {
  id: 'check-os-version',
  title: 'Show the Windows version and exact build (with UBR)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  code: String.raw`$current = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
[pscustomobject]@{
    ProductName    = $current.ProductName
    Release        = $current.ReleaseId
    DisplayVersion = $current.DisplayVersion
    Build          = '{0}.{1}' -f $current.CurrentBuild, $current.UBR
} | Format-List`,
  expectedOutput: `ProductName    : Windows Server 2016 Datacenter
Release        : 1607
DisplayVersion :
Build          : 14393.3384`,
  readResult:
    'Build 9600 is Windows Server 2012 R2 / 8.1 (never received the DHE leading-zero fix). Build 14393 is Windows Server 2016 / Windows 10 1607: it has the fix from 14393.3542 on. 17763 (2019) and later have it.',
};

export const checkDheFixHotfixes: CommandBlock = {
  id: 'check-dhe-fix-hotfixes',
  title: 'Check for the DHE leading-zero fix (Windows Server 2016 / Windows 10 1607)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  code: String.raw`$current = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$build = [int]$current.CurrentBuild
$ubr = [int]$current.UBR
if ($build -lt 10586) {
    $verdict = 'No fix: Windows Server 2012 R2, Windows 8.1, Windows 10 1507 and older never received it.'
} elseif ($build -eq 14393 -and $ubr -lt 3542) {
    $verdict = 'No fix yet: install KB4537806 (build 14393.3542) or a later cumulative update.'
} else {
    $verdict = 'Has the fix (Windows 10 1511 and later, Server 2016 from 14393.3542, Server 2019 and later).'
}
Write-Output ('Build {0}.{1}: {2}' -f $build, $ubr, $verdict)
Get-HotFix | Where-Object -FilterScript { $_.HotFixID -in @('KB4537806', 'KB4540670') } | Format-Table -Property 'HotFixID', 'InstalledOn' -AutoSize`,
  expectedOutput: `Build 14393.3384: No fix yet: install KB4537806 (build 14393.3542) or a later cumulative update.`,
  readResult:
    'Trust the build number: later cumulative updates include the fix and replace KB4537806/KB4540670 in the installed-updates list, so a missing KB alone proves nothing.',
};

export const checkDotnetTls: CommandBlock = {
  id: 'check-dotnet-tls',
  title: 'Show the .NET Framework TLS settings (SchUseStrongCrypto, SystemDefaultTlsVersions)',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'client',
  code: String.raw`$keys = @(
    'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319',
    'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319',
    'HKLM:\SOFTWARE\Microsoft\.NETFramework\v2.0.50727',
    'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v2.0.50727'
)
$rows = foreach ($key in $keys) {
    $values = Get-ItemProperty -LiteralPath $key -ErrorAction SilentlyContinue
    $strong = '(absent)'
    $systemDefault = '(absent)'
    if ($values -and $null -ne $values.SchUseStrongCrypto) { $strong = $values.SchUseStrongCrypto }
    if ($values -and $null -ne $values.SystemDefaultTlsVersions) { $systemDefault = $values.SystemDefaultTlsVersions }
    [pscustomobject]@{ Key = $key; SchUseStrongCrypto = $strong; SystemDefaultTlsVersions = $systemDefault }
}
$rows | Format-Table -AutoSize`,
  expectedOutput: String.raw`Key                                                          SchUseStrongCrypto SystemDefaultTlsVersions
---                                                          ------------------ ------------------------
HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319             1                  1
HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319 (absent)           (absent)`,
  readResult:
    '1 lets .NET applications use the strong protocols and suites the OS offers. These values matter for .NET code such as Database Mail or SSIS web tasks; the SqlClient of .NET Framework follows the Windows settings.',
};

export const checkSchannelEvents: CommandBlock = {
  id: 'check-schannel-events',
  title: 'Show recent Schannel errors from the System log',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  code: String.raw`$filter = @{ LogName = 'System'; ProviderName = 'Schannel'; StartTime = (Get-Date).AddDays(-2) }
$events = Get-WinEvent -FilterHashtable $filter -MaxEvents 50 -ErrorAction SilentlyContinue
if ($events) { $events | Format-List -Property 'TimeCreated', 'Id', 'Message' } else { Write-Output 'No Schannel events in the last two days.' }`,
  expectedOutput: `TimeCreated : 5/30/2026 2:59:31 PM
Id          : 36874
Message     : An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The TLS connection request has failed.`,
  readResult:
    '36874: no common cipher suite. 36871: this machine could not create TLS credentials (often no protocol left enabled). 36888 with alert 20: a DHE key mismatch. 36888 with alert 40: no usable suite or certificate.',
};

export const checkOdbcDrivers: CommandBlock = {
  id: 'check-odbc-drivers',
  title: 'List the SQL Server ODBC drivers on the client',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'client',
  requires: 'Windows 8 / Windows Server 2012 and later (Wdac module)',
  code: String.raw`Get-OdbcDriver | Where-Object -FilterScript { $_.Name -like '*SQL*' } | Format-Table -Property 'Name', 'Platform' -AutoSize`,
  expectedOutput: `Name                          Platform
----                          --------
SQL Server                    32-bit
ODBC Driver 17 for SQL Server 64-bit`,
  readResult:
    '"SQL Server" (SQLSRV32.dll) is the old built-in driver that only speaks TLS 1.0 on most Windows versions. ODBC Driver 13, 17 and 18 support TLS 1.2.',
};

export const backupSchannelProtocols: CommandBlock = {
  id: 'backup-schannel-protocols',
  title: 'Save a copy of the current protocol settings before changing them',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  code: String.raw`$backup = Join-Path -Path $env:USERPROFILE -ChildPath 'schannel-protocols-backup.reg'
reg.exe export 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols' $backup /y
Write-Output "Saved to $backup"`,
  expectedOutput: String.raw`The operation completed successfully.
Saved to C:\Users\admin\schannel-protocols-backup.reg`,
  readResult: 'Keep this file: it records the values as they were.',
};

export const backupCipherSuites: CommandBlock = {
  id: 'backup-cipher-suites',
  title: 'Save the current cipher-suite order before changing it',
  language: 'powershell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'both',
  requires: 'Windows Server 2016 or Windows 10 and later (TLS module)',
  code: String.raw`$backup = Join-Path -Path $env:USERPROFILE -ChildPath 'cipher-suites-backup.txt'
Get-TlsCipherSuite | Select-Object -ExpandProperty 'Name' | Set-Content -Path $backup
Write-Output "Saved to $backup"`,
  expectedOutput: String.raw`Saved to C:\Users\admin\cipher-suites-backup.txt`,
};

// ---------------------------------------------------------------------------------------------------
// Fixes (change the system) and their undo
// ---------------------------------------------------------------------------------------------------

const protocolWrite = (
  enabled: 0 | 1,
  disabledByDefault: 0 | 1,
): string => String.raw`$protocol = {{protocol}}
foreach ($role in @('Client', 'Server')) {
    $path = "${SCHANNEL_PROTOCOLS}\$protocol\$role"
    if (-not (Test-Path -LiteralPath $path)) { New-Item -Path $path -Force | Out-Null }
    New-ItemProperty -LiteralPath $path -Name 'Enabled' -PropertyType DWord -Value ${enabled} -Force | Out-Null
    New-ItemProperty -LiteralPath $path -Name 'DisabledByDefault' -PropertyType DWord -Value ${disabledByDefault} -Force | Out-Null
    Write-Output "$protocol $role : Enabled=${enabled}, DisabledByDefault=${disabledByDefault}"
}
Write-Output 'Restart Windows (or at least SQL Server and the applications) for this to take effect.'`;

export const fixEnableProtocol: CommandBlock = {
  id: 'fix-enable-protocol',
  title: 'Switch a TLS version on, for Client and Server',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  parameters: [protocolParameter],
  code: protocolWrite(1, 0),
  expectedOutput: `TLS 1.2 Client : Enabled=1, DisabledByDefault=0
TLS 1.2 Server : Enabled=1, DisabledByDefault=0
Restart Windows (or at least SQL Server and the applications) for this to take effect.`,
  readResult:
    'Existing keys are kept (only the two values are written); missing keys are created. Nothing changes until the programs restart.',
};

export const fixEnableLegacyProtocol: CommandBlock = {
  id: 'fix-enable-legacy-protocol',
  title: 'Temporarily switch TLS 1.0 (or TLS 1.1) back on, for Client and Server',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  parameters: [{ ...protocolParameter, defaultValue: 'TLS 1.0' }],
  code: protocolWrite(1, 0),
  expectedOutput: `TLS 1.0 Client : Enabled=1, DisabledByDefault=0
TLS 1.0 Server : Enabled=1, DisabledByDefault=0
Restart Windows (or at least SQL Server and the applications) for this to take effect.`,
  readResult:
    'Run it on both machines. This reopens a weaker protocol for every program on the machine: note the date and switch it off again once the old side is updated.',
};

export const fixDisableProtocol: CommandBlock = {
  id: 'fix-disable-protocol',
  title: 'Switch a TLS version off, for Client and Server',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  parameters: [{ ...protocolParameter, defaultValue: 'TLS 1.0' }],
  code: protocolWrite(0, 1),
  expectedOutput: `TLS 1.0 Client : Enabled=0, DisabledByDefault=1
TLS 1.0 Server : Enabled=0, DisabledByDefault=1
Restart Windows (or at least SQL Server and the applications) for this to take effect.`,
  readResult: 'Never switch TLS 1.2 off: SQL Server, its tools and most drivers need it.',
};

export const undoProtocolToDefault: CommandBlock = {
  id: 'undo-protocol-to-default',
  title: 'Undo: return a TLS version to the Windows default (remove the two values)',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  parameters: [{ ...protocolParameter, defaultValue: 'TLS 1.0' }],
  code: String.raw`$protocol = {{protocol}}
foreach ($role in @('Client', 'Server')) {
    $path = "${SCHANNEL_PROTOCOLS}\$protocol\$role"
    if (Test-Path -LiteralPath $path) {
        Remove-ItemProperty -LiteralPath $path -Name 'Enabled', 'DisabledByDefault' -ErrorAction SilentlyContinue
        Write-Output "$protocol $role : back to the Windows default"
    }
}`,
  expectedOutput: `TLS 1.0 Client : back to the Windows default
TLS 1.0 Server : back to the Windows default`,
  readResult:
    'If the values were set on purpose before (for example by your security baseline), re-import the saved backup instead: reg.exe import with the file made before the change. Restart afterwards.',
};

export const undoProtocolFromBackup: CommandBlock = {
  id: 'undo-protocol-from-backup',
  title: 'Undo: restore the protocol values saved before the change',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  code: String.raw`$backup = Join-Path -Path $env:USERPROFILE -ChildPath 'schannel-protocols-backup.reg'
reg.exe import $backup`,
  expectedOutput: 'The operation completed successfully.',
  readResult:
    'The import puts back every value that existed before. Keys created by the fix stay; if a protocol had no key before, also run the "return to the Windows default" undo for it. Restart afterwards.',
};

export const fixDisableDheSuites: CommandBlock = {
  id: 'fix-disable-dhe-suites',
  title: 'Remove every TLS_DHE cipher suite from the local order',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  requires:
    'Windows Server 2016 or Windows 10 and later (TLS module). On 2012 R2 use the Group Policy "SSL Cipher Suite Order" instead.',
  code: String.raw`$policyList = Get-ItemProperty -LiteralPath '${POLICY_CIPHER_KEY}' -Name 'Functions' -ErrorAction SilentlyContinue
if ($policyList -and $policyList.Functions) {
    Write-Warning 'A Group Policy cipher order is set on this machine: it overrides the local list. Remove the TLS_DHE suites from the GPO "SSL Cipher Suite Order" instead.'
}
foreach ($suite in @(Get-TlsCipherSuite)) {
    if ($suite.Name -like 'TLS_DHE*') {
        Disable-TlsCipherSuite -Name $suite.Name
        Write-Output "Disabled $($suite.Name)"
    }
}`,
  expectedOutput: `Disabled TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
Disabled TLS_DHE_RSA_WITH_AES_128_GCM_SHA256`,
  readResult: 'Takes effect after a restart of Windows. Save the order first (backup step) so you can undo.',
};

export const undoEnableDheSuites: CommandBlock = {
  id: 'undo-enable-dhe-suites',
  title: 'Undo: put back the TLS_DHE suites from the saved list',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  requires: 'Windows Server 2016 or Windows 10 and later (TLS module); the file saved by the backup step',
  code: String.raw`$backup = Join-Path -Path $env:USERPROFILE -ChildPath 'cipher-suites-backup.txt'
foreach ($name in Get-Content -Path $backup) {
    if ($name -like 'TLS_DHE*') {
        Enable-TlsCipherSuite -Name $name
        Write-Output "Enabled $name"
    }
}`,
  expectedOutput: `Enabled TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
Enabled TLS_DHE_RSA_WITH_AES_128_GCM_SHA256`,
  readResult: 'The suites come back at the end of the list (lowest priority). Restart Windows afterwards.',
};

export const fixEnableCipherSuite: CommandBlock = {
  id: 'fix-enable-cipher-suite',
  title: 'Enable one cipher suite that both machines can use',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  parameters: [cipherSuiteParameter],
  requires:
    'Windows Server 2016 or Windows 10 and later (TLS module). A Group Policy cipher order overrides this; edit the GPO instead when one is set.',
  code: String.raw`$cipherSuite = {{cipherSuite}}
Enable-TlsCipherSuite -Name $cipherSuite
Get-TlsCipherSuite -Name $cipherSuite | Format-Table -Property 'Name', 'Exchange' -AutoSize`,
  expectedOutput: `Name                                  Exchange
----                                  --------
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 ECDH`,
  readResult:
    'If nothing is listed, this Windows version does not know the suite. Restart Windows afterwards.',
};

export const undoDisableCipherSuite: CommandBlock = {
  id: 'undo-disable-cipher-suite',
  title: 'Undo: disable the cipher suite again',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'both',
  parameters: [cipherSuiteParameter],
  requires: 'Windows Server 2016 or Windows 10 and later (TLS module)',
  code: String.raw`$cipherSuite = {{cipherSuite}}
Disable-TlsCipherSuite -Name $cipherSuite`,
  readResult: 'Restart Windows afterwards.',
};

const ECDHE_CBC_SUITES = [
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
] as const;
const ecdheList = ECDHE_CBC_SUITES.map((name) => `'${name}'`).join(', ');

export const fixEnableEcdheCbcSuites: CommandBlock = {
  id: 'fix-enable-ecdhe-cbc-suites',
  title: 'Enable the four ECDHE CBC suites that TLS 1.0/1.1 clients can use',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'server',
  requires:
    'Windows Server 2016 or Windows 10 and later (TLS module). When the cipher order comes from Group Policy, add these four names to the GPO "SSL Cipher Suite Order" instead.',
  code: String.raw`foreach ($name in @(${ecdheList})) {
    Enable-TlsCipherSuite -Name $name
    Write-Output "Enabled $name"
}`,
  expectedOutput: ECDHE_CBC_SUITES.map((name) => `Enabled ${name}`).join('\n'),
  readResult: 'Restart Windows afterwards. Plan the client upgrade to TLS 1.2 so these can be removed again.',
};

export const undoEcdheCbcSuites: CommandBlock = {
  id: 'undo-ecdhe-cbc-suites',
  title: 'Undo: disable the four ECDHE CBC suites again',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'server',
  requires: 'Windows Server 2016 or Windows 10 and later (TLS module)',
  code: String.raw`foreach ($name in @(${ecdheList})) {
    Disable-TlsCipherSuite -Name $name
    Write-Output "Disabled $name"
}`,
  expectedOutput: ECDHE_CBC_SUITES.map((name) => `Disabled ${name}`).join('\n'),
};

export const fixClearSqlCertificate: CommandBlock = {
  id: 'fix-clear-sql-certificate',
  title: 'Clear the certificate chosen for SQL Server (same as "Clear" in Configuration Manager)',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'server',
  parameters: [instanceParameter],
  code: String.raw`$instanceName = {{instanceName}}
$instanceId = Get-ItemPropertyValue -LiteralPath '${INSTANCE_NAMES_KEY}' -Name $instanceName
$netLib = "HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\$instanceId\MSSQLServer\SuperSocketNetLib"
$previous = Get-ItemPropertyValue -LiteralPath $netLib -Name 'Certificate'
Write-Output "Previous thumbprint (keep it for undo): $previous"
Set-ItemProperty -LiteralPath $netLib -Name 'Certificate' -Value ''
Write-Output 'Cleared. Restart the SQL Server service for this to take effect.'`,
  expectedOutput: `Previous thumbprint (keep it for undo): b3029394bb92aa8eda0b8e37bad09345b4992e3d
Cleared. Restart the SQL Server service for this to take effect.`,
  readResult:
    'With no certificate chosen, SQL Server loads another suitable one or makes its own. If Force Encryption is on and clients check the certificate, they may now report that it is not trusted.',
};

export const undoSetSqlCertificate: CommandBlock = {
  id: 'undo-set-sql-certificate',
  title: 'Undo: choose the previous certificate again',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'server',
  parameters: [instanceParameter, thumbprintParameter],
  code: String.raw`$instanceName = {{instanceName}}
$thumbprint = {{thumbprint}}
$instanceId = Get-ItemPropertyValue -LiteralPath '${INSTANCE_NAMES_KEY}' -Name $instanceName
$netLib = "HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\$instanceId\MSSQLServer\SuperSocketNetLib"
Set-ItemProperty -LiteralPath $netLib -Name 'Certificate' -Value $thumbprint.ToLowerInvariant()
Write-Output 'Restored. Restart the SQL Server service for this to take effect.'`,
  expectedOutput: 'Restored. Restart the SQL Server service for this to take effect.',
};

export const restartSqlService: CommandBlock = {
  id: 'restart-sql-service',
  title: 'Restart the SQL Server service',
  language: 'powershell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'server',
  parameters: [serviceParameter],
  code: String.raw`$serviceName = {{serviceName}}
if ($serviceName -eq 'MSSQLSERVER') { $agentName = 'SQLSERVERAGENT' } else { $agentName = 'SQLAgent$' + $serviceName.Substring(6) }
$agent = Get-Service -Name $agentName -ErrorAction SilentlyContinue
$agentWasRunning = $agent -and $agent.Status -eq 'Running'
Restart-Service -Name $serviceName -Force
if ($agentWasRunning) { Start-Service -Name $agentName }
Get-Service -Name $serviceName, $agentName -ErrorAction SilentlyContinue | Format-Table -Property 'Name', 'Status' -AutoSize`,
  expectedOutput: `Name           Status
----           ------
MSSQLSERVER    Running
SQLSERVERAGENT Running`,
  readResult:
    'Both should say Running. -Force also stops services that depend on SQL Server (such as SQL Server Agent); the command starts the Agent again if it was running.',
};

// ---------------------------------------------------------------------------------------------------
// Linux / macOS clients (OpenSSL) and Java clients
// ---------------------------------------------------------------------------------------------------

export const checkOpensslSettings: CommandBlock = {
  id: 'check-openssl-settings',
  title: 'Show the OpenSSL version and its minimum protocol / security level',
  language: 'shell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'client',
  code: `openssl version -a | head -n 3
grep -n -E 'MinProtocol|CipherString|openssl_conf|ssl_conf|system_default' "$(openssl version -d | cut -d '"' -f 2)/openssl.cnf"`,
  expectedOutput: `OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)
built on: Mon Jun  3 20:39:24 2024 UTC
platform: debian-linux-x86_64
14:openssl_conf = openssl_init
52:MinProtocol = TLSv1.2
53:CipherString = DEFAULT:@SECLEVEL=2`,
  readResult:
    'MinProtocol TLSv1.2 refuses a server that only speaks TLS 1.0/1.1. SECLEVEL 2 (and, on OpenSSL 3, level 1) also refuses SHA-1 or MD5 signed server certificates.',
};

export const fixOpensslLegacyConfig: CommandBlock = {
  id: 'fix-openssl-legacy-config',
  title:
    'Write a separate OpenSSL config that allows TLS 1.0 and older signatures (for one application only)',
  language: 'ini',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'client',
  requires:
    'Save as /etc/ssl/openssl-sqlserver-legacy.cnf. OpenSSL 3 needs SECLEVEL=0 for TLS 1.0/1.1; OpenSSL 1.1.1 works with SECLEVEL=1.',
  code: `openssl_conf = default_conf

[default_conf]
ssl_conf = ssl_sect

[ssl_sect]
system_default = system_default_sect

[system_default_sect]
MinProtocol = TLSv1
CipherString = DEFAULT:@SECLEVEL=0`,
  readResult:
    'This lowers the security of every connection made with this file, so use it only for the one application that must reach the old server, and only until the server is updated to TLS 1.2. Leave /etc/ssl/openssl.cnf itself unchanged.',
};

export const fixOpensslUseConfig: CommandBlock = {
  id: 'fix-openssl-use-config',
  title: 'Start the application with that OpenSSL config',
  language: 'shell',
  changesSystem: true,
  runAsAdministrator: false,
  where: 'client',
  code: `export OPENSSL_CONF=/etc/ssl/openssl-sqlserver-legacy.cnf
# now start the application from this shell, for example:
sqlcmd -S sql01.contoso.com -Q 'SELECT @@VERSION'`,
  readResult:
    'Only processes started from this shell (or with this variable in their service definition) use the weaker settings.',
};

export const undoOpensslConfig: CommandBlock = {
  id: 'undo-openssl-config',
  title: 'Undo: stop using the legacy OpenSSL config',
  language: 'shell',
  changesSystem: true,
  runAsAdministrator: true,
  where: 'client',
  code: `unset OPENSSL_CONF
sudo rm /etc/ssl/openssl-sqlserver-legacy.cnf`,
  readResult: 'Also remove OPENSSL_CONF from any service definition or profile where you added it.',
};

export const checkJavaDisabledAlgorithms: CommandBlock = {
  id: 'check-java-disabled-algorithms',
  title: "Show the Java runtime's disabled TLS versions",
  language: 'shell',
  changesSystem: false,
  runAsAdministrator: false,
  where: 'client',
  code: `java -version
grep -h -A 3 '^jdk.tls.disabledAlgorithms' "$JAVA_HOME/conf/security/java.security" "$JAVA_HOME/jre/lib/security/java.security" 2>/dev/null`,
  expectedOutput: `openjdk version "17.0.11" 2024-04-16
jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, \\
    MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, \\
    ECDH`,
  readResult:
    'TLSv1 and TLSv1.1 in this list (Java 8u291 and later, 11, 17) mean the driver cannot talk to a SQL Server that only speaks TLS 1.0/1.1.',
};

export const fixJdbcSecurityOverride: CommandBlock = {
  id: 'fix-jdbc-security-override',
  title: 'Java: a security override file that allows TLS 1.0/1.1 again (one application only)',
  language: 'ini',
  changesSystem: true,
  runAsAdministrator: false,
  where: 'client',
  requires:
    "Save as sqlserver-legacy.security next to the application. Start from your own JDK's jdk.tls.disabledAlgorithms line and remove only TLSv1 and TLSv1.1; the line below is an example.",
  code: `jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL`,
  readResult:
    'Start the application with -Djava.security.properties=sqlserver-legacy.security (a single equals sign adds to the JDK settings) and, if needed, add sslProtocol=TLSv1 to the JDBC connection string. This weakens that application only; remove it once the server supports TLS 1.2.',
};

export const fixJdbcConnectionString: CommandBlock = {
  id: 'fix-jdbc-connection-string',
  title: 'Java: start the application with the override and pick the TLS version',
  language: 'shell',
  changesSystem: true,
  runAsAdministrator: false,
  where: 'client',
  code: `java -Djava.security.properties=sqlserver-legacy.security -jar app.jar
# connection string example:
# jdbc:sqlserver://sql01.contoso.com:1433;databaseName=master;encrypt=true;sslProtocol=TLSv1`,
  readResult:
    'sslProtocol accepts TLS, TLSv1, TLSv1.1 and TLSv1.2. To undo, remove the -Djava.security.properties option and the sslProtocol setting.',
};

/** Every command block, in display order (checks, then fixes and undo). Ids are unique. */
export const ALL_COMMANDS: readonly CommandBlock[] = [
  checkSchannelProtocols,
  checkCipherSuites,
  checkCipherOrderRegistry,
  checkDheSuites,
  checkDheSuitesRegistry,
  checkCertificateByThumbprint,
  checkCertificatePurposeRestriction,
  checkServerAuthCertificates,
  checkErrorlogCertificate,
  checkErrorlogListener,
  checkSqlVersionInvokeSqlcmd,
  checkSqlVersionSqlcmd,
  checkSqlVersionRegistry,
  checkSqlInstanceEncryption,
  checkOsVersion,
  checkDheFixHotfixes,
  checkDotnetTls,
  checkSchannelEvents,
  checkOdbcDrivers,
  backupSchannelProtocols,
  backupCipherSuites,
  fixEnableProtocol,
  fixEnableLegacyProtocol,
  fixDisableProtocol,
  undoProtocolToDefault,
  undoProtocolFromBackup,
  fixDisableDheSuites,
  undoEnableDheSuites,
  fixEnableCipherSuite,
  undoDisableCipherSuite,
  fixEnableEcdheCbcSuites,
  undoEcdheCbcSuites,
  fixClearSqlCertificate,
  undoSetSqlCertificate,
  restartSqlService,
  checkOpensslSettings,
  fixOpensslLegacyConfig,
  fixOpensslUseConfig,
  undoOpensslConfig,
  checkJavaDisabledAlgorithms,
  fixJdbcSecurityOverride,
  fixJdbcConnectionString,
];

export { ECDHE_CBC_SUITES };
