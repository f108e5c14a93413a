/**
 * The read-only collector: one PowerShell script a user copies from the app, runs on a Windows server or
 * client, and pastes back. It changes nothing (only reads the registry, the certificate store, the
 * ERRORLOG files and the System event log) and needs no module beyond a default Windows installation.
 *
 * OUTPUT FORMAT (version 1). One block:
 *
 *   ===== 10054 troubleshooter collector v1 =====
 *   Machine: <computer name>
 *   Domain: <domain or workgroup>
 *   Collected: <UTC time, yyyy-MM-ddTHH:mm:ssZ>
 *   PowerShell: <version> <edition>
 *   Elevated: True|False
 *   Role: server (SQL Server instances: A, B) | client (no SQL Server instance installed)
 *   ----- <section-id>[ <instance>[ <detail>]] -----
 *   ...section lines...
 *   ===== end of collector output =====
 *
 * Lines starting with `# ` are comments: `# not found: <item> (<why>)` says an item is missing, `# note:`
 * explains. Sections, in this order (COLLECTOR_SECTIONS; the sql-* and errorlog sections repeat per
 * instance, and sql-certificate may appear twice: `configured` and `loaded`):
 *
 * | id                     | contains                                                        | read by            |
 * |------------------------|-----------------------------------------------------------------|--------------------|
 * | os-version             | `Label : value` lines: Caption, Version, BuildNumber, ProductType (CIM), ProductName, CurrentBuild, UBR, DisplayVersion, ReleaseId, InstallationType, EditionID (registry) | os-version |
 * | hotfixes               | `Installed: KB... <date>` / `# not found: KB...` for KB4537806 and KB4540670, then `Recent: KB... <date>` (newest five) | collector itself |
 * | schannel-protocols     | the whole SCHANNEL key in `reg query /s` layout (Protocols, Ciphers, Hashes, KeyExchangeAlgorithms) | schannel-protocols |
 * | cipher-suites-cmdlet   | Get-TlsCipherSuite names, one per line, in order                | cipher-suites      |
 * | cipher-suites-registry | the local and the Group Policy `Functions` values in `reg query` layout (each under its key path) | cipher-suites |
 * | dotnet-tls             | SchUseStrongCrypto / SystemDefaultTlsVersions under the four .NET keys (64-bit and WOW6432Node), `reg query` layout | collector itself |
 * | sql-instances          | `Instance : <name> <id>` lines, or `# not found`                | collector itself   |
 * | sql-instance <name>    | `Label : value`: InstanceName, InstanceId, ProductVersion, ProductLevel, Edition, ForceEncryption, Certificate, ServiceName, ServiceState, ServiceAccount, ErrorlogPath | sql-version |
 * | sql-certificate <name> configured/loaded | `Label : value`: Source, Subject, Issuer, Thumbprint, SignatureAlgorithm, SignatureAlgorithmOid, EnhancedKeyUsageList, SubjectAlternativeName, KeyUsage, PublicKey, NotBefore, NotAfter, HasPrivateKey | certificate |
 * | errorlog <name>        | ERRORLOG lines as written: the startup banner, certificate / encryption / TLS lines, and errors 17826, 17828, 17830, 17832, 17835, 17836, 26xxx with their message line (first 60 and last 200) | errorlog |
 * | schannel-events        | newest Schannel System events 36870/36871/36874/36887/36888 as `TimeCreated / ProviderName / Id / Message` blocks (message on one line) | schannel-event |
 *
 * Dates are UTC ISO 8601. Registry values print as `reg query` does: `    Name    REG_DWORD    0x1`,
 * REG_MULTI_SZ items joined with a literal `\0`.
 */
import type { CommandBlock } from './types';

export const COLLECTOR_VERSION = 1;
export const COLLECTOR_BEGIN = '===== 10054 troubleshooter collector v1 =====';
export const COLLECTOR_END = '===== end of collector output =====';

/** Section ids in the order the script prints them. */
export const COLLECTOR_SECTIONS = [
  'os-version',
  'hotfixes',
  'schannel-protocols',
  'cipher-suites-cmdlet',
  'cipher-suites-registry',
  'dotnet-tls',
  'sql-instances',
  'sql-instance',
  'sql-certificate',
  'errorlog',
  'schannel-events',
] as const;
export type CollectorSectionId = (typeof COLLECTOR_SECTIONS)[number];

/** Sections printed once per SQL Server instance (and so possibly several times, or not at all). */
export const PER_INSTANCE_SECTIONS: readonly CollectorSectionId[] = [
  'sql-instance',
  'sql-certificate',
  'errorlog',
];

/** How many ERRORLOG entries and Schannel events the script keeps. */
export const COLLECTOR_LIMITS = { errorlogFirst: 60, errorlogLast: 200, schannelEvents: 25 } as const;

const SCRIPT = String.raw`# 10054 troubleshooter collector v1: reads settings only and changes nothing on this computer.
$invariant = [System.Globalization.CultureInfo]::InvariantCulture
function Format-CollectorDate {
    param($Value)
    if ($null -eq $Value) { return '(unknown)' }
    return ([datetime]$Value).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $invariant)
}
function Get-CollectorLocalMachine {
    return [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
}
function Open-CollectorKey {
    param($Parent, [string]$Path)
    if ($null -eq $Parent) { return $null }
    try { return $Parent.OpenSubKey($Path) } catch { return $null }
}
function Format-CollectorRegistryValue {
    param($Key, [string]$Name)
    $kind = $Key.GetValueKind($Name)
    $data = $Key.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    $label = $Name
    if ($label -eq '') { $label = '(Default)' }
    switch ($kind.ToString()) {
        'DWord' { return ('    {0}    REG_DWORD    0x{1:x}' -f $label, $data) }
        'QWord' { return ('    {0}    REG_QWORD    0x{1:x}' -f $label, $data) }
        'String' { return ('    {0}    REG_SZ    {1}' -f $label, $data) }
        'ExpandString' { return ('    {0}    REG_EXPAND_SZ    {1}' -f $label, $data) }
        'MultiString' { return ('    {0}    REG_MULTI_SZ    {1}' -f $label, (@($data) -join '\0')) }
        'Binary' { return ('    {0}    REG_BINARY    {1}' -f $label, ((@($data) | ForEach-Object -Process { $_.ToString('X2') }) -join '')) }
        default { return ('    {0}    REG_NONE    {1}' -f $label, $data) }
    }
}
function Write-CollectorRegistryTree {
    param($Key, [string]$Path, [int]$Depth)
    Write-Output $Path
    foreach ($valueName in $Key.GetValueNames()) { Format-CollectorRegistryValue -Key $Key -Name $valueName }
    Write-Output ''
    if ($Depth -gt 6) { return }
    foreach ($subKeyName in $Key.GetSubKeyNames()) {
        $subKey = Open-CollectorKey -Parent $Key -Path $subKeyName
        if ($null -eq $subKey) { Write-Output ('# not found: {0}\{1} (not readable)' -f $Path, $subKeyName) } else {
            Write-CollectorRegistryTree -Key $subKey -Path ($Path + '\' + $subKeyName) -Depth ($Depth + 1)
            $subKey.Close()
        }
    }
}
function Write-CollectorCertificate {
    param($Certificate, [string]$Source)
    Write-Output ('Source                 : {0}' -f $Source)
    Write-Output ('Subject                : {0}' -f $Certificate.Subject)
    Write-Output ('Issuer                 : {0}' -f $Certificate.Issuer)
    Write-Output ('Thumbprint             : {0}' -f $Certificate.Thumbprint)
    Write-Output ('SignatureAlgorithm     : {0}' -f $Certificate.SignatureAlgorithm.FriendlyName)
    Write-Output ('SignatureAlgorithmOid  : {0}' -f $Certificate.SignatureAlgorithm.Value)
    $purposes = @()
    $names = ''
    $usage = ''
    foreach ($extension in $Certificate.Extensions) {
        if ($extension.Oid.Value -eq '2.5.29.37') {
            $ekuExtension = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension' -ArgumentList $extension, $false
            foreach ($oid in $ekuExtension.EnhancedKeyUsages) { $purposes += ('{0} ({1})' -f $oid.FriendlyName, $oid.Value) }
        }
        if ($extension.Oid.Value -eq '2.5.29.17') { $names = $extension.Format($false) }
        if ($extension.Oid.Value -eq '2.5.29.15') { $usage = $extension.Format($false) }
    }
    if ($purposes.Count -eq 0) { Write-Output 'EnhancedKeyUsageList   : {} (no Enhanced Key Usage extension: valid for every purpose)' } else { Write-Output ('EnhancedKeyUsageList   : {{{0}}}' -f ($purposes -join ', ')) }
    if ($names -eq '') { Write-Output '# not found: Subject Alternative Name extension' } else { Write-Output ('SubjectAlternativeName : {0}' -f $names) }
    if ($usage -eq '') { Write-Output '# not found: Key Usage extension' } else { Write-Output ('KeyUsage               : {0}' -f $usage) }
    $keyText = $Certificate.PublicKey.Oid.FriendlyName
    try { $keyText = '{0} ({1} bits)' -f $keyText, $Certificate.PublicKey.Key.KeySize } catch { $keyText = $keyText + ' (size not readable)' }
    Write-Output ('PublicKey              : {0}' -f $keyText)
    Write-Output ('NotBefore              : {0}' -f (Format-CollectorDate -Value $Certificate.NotBefore))
    Write-Output ('NotAfter               : {0}' -f (Format-CollectorDate -Value $Certificate.NotAfter))
    Write-Output ('HasPrivateKey          : {0}' -f $Certificate.HasPrivateKey)
}
$hklm = Get-CollectorLocalMachine
$instances = @()
foreach ($instanceRoot in @('SOFTWARE\Microsoft\Microsoft SQL Server', 'SOFTWARE\WOW6432Node\Microsoft\Microsoft SQL Server')) {
    $namesKey = (Open-CollectorKey -Parent $hklm -Path ($instanceRoot + '\Instance Names\SQL'))
    if ($null -ne $namesKey) {
        foreach ($instanceName in $namesKey.GetValueNames()) {
            $instances += [pscustomobject]@{ Name = $instanceName; Id = [string]$namesKey.GetValue($instanceName); Root = $instanceRoot }
        }
        $namesKey.Close()
    }
}
$elevated = $false
try { $elevated = ([System.Security.Principal.WindowsPrincipal][System.Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator) } catch { $elevated = $false }
$domain = '(unknown)'
try { $domain = (Get-CimInstance -ClassName 'Win32_ComputerSystem' -ErrorAction Stop).Domain } catch { $domain = '(unknown: ' + $_.Exception.Message + ')' }
Write-Output '===== 10054 troubleshooter collector v1 ====='
Write-Output ('Machine: {0}' -f $env:COMPUTERNAME)
Write-Output ('Domain: {0}' -f $domain)
Write-Output ('Collected: {0}' -f (Format-CollectorDate -Value (Get-Date)))
Write-Output ('PowerShell: {0} {1}' -f $PSVersionTable.PSVersion, $PSVersionTable.PSEdition)
Write-Output ('Elevated: {0}' -f $elevated)
if ($instances.Count -gt 0) { Write-Output ('Role: server (SQL Server instances: {0})' -f (($instances | ForEach-Object -Process { $_.Name }) -join ', ')) } else { Write-Output 'Role: client (no SQL Server instance installed)' }
if (-not $elevated) { Write-Output '# note: not elevated; the SQL Server registry keys, the ERRORLOG and some certificates may not be readable' }
Write-Output '----- os-version -----'
try {
    $os = Get-CimInstance -ClassName 'Win32_OperatingSystem' -ErrorAction Stop
    Write-Output ('Caption          : {0}' -f $os.Caption)
    Write-Output ('Version          : {0}' -f $os.Version)
    Write-Output ('BuildNumber      : {0}' -f $os.BuildNumber)
    Write-Output ('ProductType      : {0}' -f $os.ProductType)
} catch { Write-Output ('# not found: Win32_OperatingSystem ({0})' -f $_.Exception.Message) }
$currentVersion = (Open-CollectorKey -Parent $hklm -Path ('SOFTWARE\Microsoft\Windows NT\CurrentVersion'))
if ($null -eq $currentVersion) {
    Write-Output '# not found: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
} else {
    foreach ($valueName in @('ProductName', 'CurrentBuild', 'UBR', 'DisplayVersion', 'ReleaseId', 'InstallationType', 'EditionID')) {
        $value = $currentVersion.GetValue($valueName)
        if ($null -eq $value) { Write-Output ('# not found: registry value {0}' -f $valueName) } else { Write-Output ('{0} : {1}' -f $valueName.PadRight(16), $value) }
    }
    $currentVersion.Close()
}
Write-Output '----- hotfixes -----'
try {
    $hotfixes = @(Get-HotFix -ErrorAction Stop)
    foreach ($kb in @('KB4537806', 'KB4540670')) {
        $found = $hotfixes | Where-Object -FilterScript { $_.HotFixID -eq $kb } | Select-Object -First 1
        if ($found) { Write-Output ('Installed: {0} {1:yyyy-MM-dd}' -f $kb, $found.InstalledOn) } else { Write-Output ('# not found: {0} (not in the installed-updates list; a later cumulative update can include it)' -f $kb) }
    }
    $recent = $hotfixes | Where-Object -FilterScript { $null -ne $_.InstalledOn } | Sort-Object -Property 'InstalledOn' -Descending | Select-Object -First 5
    foreach ($hotfix in $recent) { Write-Output ('Recent: {0} {1:yyyy-MM-dd}' -f $hotfix.HotFixID, $hotfix.InstalledOn) }
} catch { Write-Output ('# not found: installed updates ({0})' -f $_.Exception.Message) }
Write-Output '----- schannel-protocols -----'
$schannelPath = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'
$schannel = (Open-CollectorKey -Parent $hklm -Path ($schannelPath))
if ($null -eq $schannel) {
    Write-Output '# not found: HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'
} else {
    if ($null -eq (Open-CollectorKey -Parent $schannel -Path 'Protocols')) { Write-Output '# not found: SCHANNEL\Protocols key (every protocol uses the Windows default)' }
    Write-CollectorRegistryTree -Key $schannel -Path ('HKEY_LOCAL_MACHINE\' + $schannelPath) -Depth 0
    $schannel.Close()
}
Write-Output '----- cipher-suites-cmdlet -----'
if (Get-Command -Name 'Get-TlsCipherSuite' -ErrorAction SilentlyContinue) {
    try {
        $suites = @(Get-TlsCipherSuite -ErrorAction Stop)
        if ($suites.Count -eq 0) { Write-Output '# not found: Get-TlsCipherSuite returned no suites' }
        foreach ($suite in $suites) { Write-Output $suite.Name }
    } catch { Write-Output ('# not found: Get-TlsCipherSuite failed ({0})' -f $_.Exception.Message) }
} else {
    Write-Output '# not found: Get-TlsCipherSuite (no TLS module before Windows Server 2016 / Windows 10; see the registry lists)'
}
Write-Output '----- cipher-suites-registry -----'
foreach ($listKey in @(@('SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002', 'local cipher order'), @('SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002', 'policy cipher order'))) {
    $key = (Open-CollectorKey -Parent $hklm -Path ($listKey[0]))
    $functions = $null
    if ($null -ne $key) { $functions = $key.GetValue('Functions') }
    if ($null -eq $functions) {
        if ($listKey[1] -eq 'policy cipher order') { Write-Output '# not found: policy cipher order (no Group Policy list)' } else { Write-Output '# not found: local cipher order (no Functions value: the Windows default order applies)' }
    } else {
        Write-Output ('HKEY_LOCAL_MACHINE\' + $listKey[0])
        Format-CollectorRegistryValue -Key $key -Name 'Functions'
        if ($null -ne $key.GetValue('EccCurves')) { Format-CollectorRegistryValue -Key $key -Name 'EccCurves' }
        Write-Output ''
    }
    if ($null -ne $key) { $key.Close() }
}
Write-Output '----- dotnet-tls -----'
foreach ($netPath in @('SOFTWARE\Microsoft\.NETFramework\v4.0.30319', 'SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319', 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727', 'SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v2.0.50727')) {
    $key = (Open-CollectorKey -Parent $hklm -Path ($netPath))
    if ($null -eq $key) {
        Write-Output ('# not found: HKEY_LOCAL_MACHINE\{0}' -f $netPath)
    } else {
        Write-Output ('HKEY_LOCAL_MACHINE\' + $netPath)
        foreach ($valueName in @('SchUseStrongCrypto', 'SystemDefaultTlsVersions')) {
            if ($null -eq $key.GetValue($valueName)) { Write-Output ('# not found: {0} (the .NET default for the application applies)' -f $valueName) } else { Format-CollectorRegistryValue -Key $key -Name $valueName }
        }
        Write-Output ''
        $key.Close()
    }
}
Write-Output '----- sql-instances -----'
if ($instances.Count -eq 0) { Write-Output '# not found: SQL Server instances (none registered under Microsoft SQL Server\Instance Names\SQL)' }
foreach ($instance in $instances) { Write-Output ('Instance : {0} {1}' -f $instance.Name, $instance.Id) }
$storeCertificates = @()
try { $storeCertificates = @(Get-ChildItem -Path 'Cert:\LocalMachine\My' -ErrorAction Stop) } catch { $storeCertificates = @() }
foreach ($instance in $instances) {
    $sqlKeyPath = $instance.Root + '\' + $instance.Id
    $setup = (Open-CollectorKey -Parent $hklm -Path ($sqlKeyPath + '\Setup'))
    $netLib = (Open-CollectorKey -Parent $hklm -Path ($sqlKeyPath + '\MSSQLServer\SuperSocketNetLib'))
    $parameters = (Open-CollectorKey -Parent $hklm -Path ($sqlKeyPath + '\MSSQLServer\Parameters'))
    $currentKey = (Open-CollectorKey -Parent $hklm -Path ($sqlKeyPath + '\MSSQLServer\CurrentVersion'))
    Write-Output ('----- sql-instance {0} -----' -f $instance.Name)
    Write-Output ('InstanceName     : {0}' -f $instance.Name)
    Write-Output ('InstanceId       : {0}' -f $instance.Id)
    if ($instance.Root -like '*WOW6432Node*') { Write-Output 'Architecture     : 32-bit instance' }
    $productVersion = $null
    if ($null -ne $setup) { $productVersion = $setup.GetValue('PatchLevel') }
    if ($null -eq $productVersion -and $null -ne $currentKey) { $productVersion = $currentKey.GetValue('CurrentVersion') }
    if ($null -eq $productVersion -and $null -ne $setup) { $productVersion = $setup.GetValue('Version') }
    if ($null -eq $productVersion) { Write-Output '# not found: version (Setup\PatchLevel, CurrentVersion)' } else { Write-Output ('ProductVersion   : {0}' -f $productVersion) }
    if ($null -ne $setup) {
        $servicePack = $setup.GetValue('SP')
        if ($null -ne $servicePack -and [int]$servicePack -gt 0) { Write-Output ('ProductLevel     : SP{0}' -f $servicePack) } elseif ($null -ne $servicePack) { Write-Output 'ProductLevel     : RTM' }
        $edition = $setup.GetValue('Edition')
        if ($null -eq $edition) { Write-Output '# not found: Setup\Edition' } else { Write-Output ('Edition          : {0}' -f $edition) }
    } else { Write-Output ('# not found: HKEY_LOCAL_MACHINE\{0}\Setup' -f $sqlKeyPath) }
    $configured = ''
    if ($null -eq $netLib) {
        Write-Output ('# not found: HKEY_LOCAL_MACHINE\{0}\MSSQLServer\SuperSocketNetLib' -f $sqlKeyPath)
    } else {
        $force = $netLib.GetValue('ForceEncryption')
        if ($null -eq $force) { Write-Output '# not found: ForceEncryption' } else { Write-Output ('ForceEncryption  : {0}' -f $force) }
        $configured = [string]$netLib.GetValue('Certificate')
        if ($configured.Trim() -eq '') { Write-Output 'Certificate      : (none configured)' } else { Write-Output ('Certificate      : {0}' -f $configured.Trim()) }
    }
    $cleanThumbprint = ($configured -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
    if ($configured.Trim() -ne '' -and $cleanThumbprint.Length -ne $configured.Trim().Length) { Write-Output '# note: the configured thumbprint holds characters that are not hex digits (SQL Server may fail to load it)' }
    if ($instance.Name -eq 'MSSQLSERVER') { $serviceName = 'MSSQLSERVER' } else { $serviceName = 'MSSQL$' + $instance.Name }
    Write-Output ('ServiceName      : {0}' -f $serviceName)
    try {
        $service = Get-CimInstance -ClassName 'Win32_Service' -Filter ("Name='{0}'" -f $serviceName) -ErrorAction Stop
        if ($service) { Write-Output ('ServiceState     : {0}' -f $service.State); Write-Output ('ServiceAccount   : {0}' -f $service.StartName) } else { Write-Output ('# not found: service {0}' -f $serviceName) }
    } catch { Write-Output ('# not found: service {0} ({1})' -f $serviceName, $_.Exception.Message) }
    $errorLog = $null
    if ($null -ne $parameters) {
        foreach ($valueName in $parameters.GetValueNames()) {
            $argument = [string]$parameters.GetValue($valueName)
            if ($argument.StartsWith('-e')) { $errorLog = $argument.Substring(2) }
        }
    }
    if ($null -eq $errorLog -and $null -ne $setup -and $null -ne $setup.GetValue('SQLDataRoot')) { $errorLog = Join-Path -Path ([string]$setup.GetValue('SQLDataRoot')) -ChildPath 'Log\ERRORLOG' }
    if ($null -eq $errorLog) { Write-Output '# not found: ERRORLOG path (no -e startup parameter, no SQLDataRoot)' } else { Write-Output ('ErrorlogPath     : {0}' -f $errorLog) }
    $head = New-Object -TypeName 'System.Collections.Generic.List[string]'
    $tail = New-Object -TypeName 'System.Collections.Generic.Queue[object]'
    $skipped = 0
    $loadedThumbprint = $null
    $readError = $null
    $archiveNote = $null
    $archiveLines = @()
    if ($null -ne $errorLog) {
        $pattern = 'certificate|encryption|\bTLS\b|\bSSL\b|Server is listening on|handshake|Error: (17826|17828|17830|17832|17835|17836|26\d\d\d),'
        try {
            $stream = New-Object -TypeName 'System.IO.FileStream' -ArgumentList $errorLog, ([System.IO.FileMode]::Open), ([System.IO.FileAccess]::Read), ([System.IO.FileShare]::ReadWrite)
            $reader = New-Object -TypeName 'System.IO.StreamReader' -ArgumentList $stream, $true
            $lineNumber = 0
            $pendingHeader = $null
            while ($null -ne ($line = $reader.ReadLine())) {
                $lineNumber++
                $entry = $null
                if ($null -ne $pendingHeader) { $entry = @($pendingHeader, $line); $pendingHeader = $null }
                elseif ($lineNumber -le 4) { $entry = @($line) }
                elseif ($line -match 'Error: \d+, Severity:') { if ($line -match $pattern) { $pendingHeader = $line } }
                elseif ($line -match $pattern) { $entry = @($line) }
                if ($line -match 'Cert Hash\(sha1\) "([0-9A-Fa-f]{40})"') { $loadedThumbprint = $Matches[1].ToUpperInvariant() }
                if ($null -ne $entry) {
                    if ($head.Count -lt 60) { foreach ($part in $entry) { $head.Add($part) } }
                    else {
                        $tail.Enqueue($entry)
                        if ($tail.Count -gt 200) { [void]$tail.Dequeue(); $skipped++ }
                    }
                }
            }
            $reader.Close()
        } catch { $readError = $_.Exception.Message }
        if ($null -eq $readError -and $null -eq $loadedThumbprint) {
            for ($archive = 1; $archive -le 20 -and $null -eq $archiveNote; $archive++) {
                $archivePath = '{0}.{1}' -f $errorLog, $archive
                if (-not (Test-Path -LiteralPath $archivePath)) { break }
                try {
                    $archiveStream = New-Object -TypeName 'System.IO.FileStream' -ArgumentList $archivePath, ([System.IO.FileMode]::Open), ([System.IO.FileAccess]::Read), ([System.IO.FileShare]::ReadWrite)
                    $archiveReader = New-Object -TypeName 'System.IO.StreamReader' -ArgumentList $archiveStream, $true
                    $found = @()
                    while ($null -ne ($line = $archiveReader.ReadLine())) {
                        if ($line -match 'loaded for encryption|Unable to load user-specified certificate|self-generated certificate') { $found += $line }
                        if ($line -match 'Cert Hash\(sha1\) "([0-9A-Fa-f]{40})"') { $loadedThumbprint = $Matches[1].ToUpperInvariant() }
                    }
                    $archiveReader.Close()
                    if ($found.Count -gt 0) { $archiveNote = $archivePath; $archiveLines = $found }
                } catch { break }
            }
        }
    }
    $certificateSections = @()
    if ($cleanThumbprint -ne '') { $certificateSections += [pscustomobject]@{ Source = 'configured'; Thumbprint = $cleanThumbprint } }
    if ($null -ne $loadedThumbprint -and $loadedThumbprint -ne $cleanThumbprint) { $certificateSections += [pscustomobject]@{ Source = 'loaded'; Thumbprint = $loadedThumbprint } }
    if ($certificateSections.Count -eq 0) {
        Write-Output ('----- sql-certificate {0} configured -----' -f $instance.Name)
        Write-Output '# not found: configured certificate (SuperSocketNetLib Certificate is empty) and no certificate thumbprint in the ERRORLOG'
    }
    foreach ($certificateSection in $certificateSections) {
        Write-Output ('----- sql-certificate {0} {1} -----' -f $instance.Name, $certificateSection.Source)
        $certificate = $storeCertificates | Where-Object -FilterScript { $_.Thumbprint -eq $certificateSection.Thumbprint } | Select-Object -First 1
        if ($null -eq $certificate) {
            Write-Output ('# not found: certificate {0} in Cert:\LocalMachine\My' -f $certificateSection.Thumbprint)
        } elseif ($certificateSection.Source -eq 'configured') {
            Write-CollectorCertificate -Certificate $certificate -Source 'configured (SuperSocketNetLib Certificate)'
        } else {
            Write-CollectorCertificate -Certificate $certificate -Source 'loaded (ERRORLOG "successfully loaded for encryption")'
        }
    }
    Write-Output ('----- errorlog {0} -----' -f $instance.Name)
    if ($null -eq $errorLog) { Write-Output '# not found: ERRORLOG (path unknown)' }
    elseif ($null -ne $readError) { Write-Output ('# not found: ERRORLOG {0} could not be read ({1})' -f $errorLog, $readError) }
    else {
        foreach ($part in $head) { Write-Output $part }
        if ($skipped -gt 0) { Write-Output ('# note: {0} matching entries left out here; the newest 200 follow' -f $skipped) }
        foreach ($entry in $tail) { foreach ($part in $entry) { Write-Output $part } }
        if ($null -ne $archiveNote) {
            Write-Output ('# note: certificate lines from the archived log {0} (the current log was cycled after startup)' -f $archiveNote)
            foreach ($part in $archiveLines) { Write-Output $part }
        }
    }
    foreach ($openKey in @($setup, $netLib, $parameters, $currentKey)) { if ($null -ne $openKey) { $openKey.Close() } }
}
Write-Output '----- schannel-events -----'
try {
    $filter = @{ LogName = 'System'; ProviderName = 'Schannel'; Id = 36870, 36871, 36874, 36887, 36888 }
    $events = @(Get-WinEvent -FilterHashtable $filter -MaxEvents 25 -ErrorAction Stop)
    foreach ($logEvent in $events) {
        $message = $logEvent.Message
        if ($null -eq $message -or $message -eq '') { $message = '(no message text) event data: ' + (($logEvent.Properties | ForEach-Object -Process { [string]$_.Value }) -join ', ') }
        Write-Output ('TimeCreated  : {0}' -f (Format-CollectorDate -Value $logEvent.TimeCreated))
        Write-Output ('ProviderName : {0}' -f $logEvent.ProviderName)
        Write-Output ('Id           : {0}' -f $logEvent.Id)
        Write-Output ('Message      : {0}' -f (($message -split '[\r\n]+' | Where-Object -FilterScript { $_.Trim() -ne '' }) -join ' '))
        Write-Output ''
    }
} catch {
    if ($_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { Write-Output '# not found: Schannel events 36870/36871/36874/36887/36888 in the System log' } else { Write-Output ('# not found: Schannel events ({0})' -f $_.Exception.Message) }
}
Write-Output '===== end of collector output ====='`;

export const collectorScript: CommandBlock = {
  id: 'collector-script',
  title: 'Collect every setting the troubleshooter reads (read-only script)',
  language: 'powershell',
  changesSystem: false,
  // Reading SQL Server's registry keys and its ERRORLOG usually needs an elevated prompt; without one the
  // script still runs and prints a "# not found" line for each item it could not read.
  runAsAdministrator: true,
  where: 'both',
  requires:
    'Windows PowerShell 5.1 or PowerShell 7 on Windows; no extra module. Run it on the SQL Server computer and on the client computer.',
  code: SCRIPT,
  expectedOutput: `===== 10054 troubleshooter collector v1 =====
Machine: SQL01
Domain: contoso.com
Collected: 2026-05-30T14:59:31Z
PowerShell: 5.1.14393.3383 Desktop
Elevated: True
Role: server (SQL Server instances: MSSQLSERVER)
----- os-version -----
Caption          : Microsoft Windows Server 2016 Standard
...
===== end of collector output =====`,
  readResult:
    'Copy everything from the first ===== line to the last one and paste it into the app. Lines starting with "# not found" name what the script could not read.',
};

/** How to run the collector, shown next to it. */
export const collectorHowToRun = `Run it on each machine involved: the SQL Server computer and the client computer that gets the error.

Paste: open PowerShell with "Run as administrator", paste the whole script and press Enter. Pasting needs no change to the execution policy.

Save as a file: save the text as collector.ps1 and run it from an elevated PowerShell with .\\collector.ps1 (add | Set-Clipboard to copy the output). If the execution policy blocks saved scripts, run it once with powershell.exe -ExecutionPolicy Bypass -File .\\collector.ps1, which changes no setting.

Without "Run as administrator" it still runs, and says which items (SQL Server registry keys, the ERRORLOG) it could not read.

It only reads: the registry, the certificate store, the ERRORLOG files and the System event log. It changes nothing and sends nothing anywhere; the output appears in the window for you to copy.`;
