/**
 * What-if edits: one Change edits one side. applyChange is pure (returns a new pair); describeChange says
 * it in plain words.
 */
import { isDhe } from '../knowledge-tables/cipher-suites';
import { DRIVER_LABELS, normaliseSuites, sqlTls12Target, windowsSuites } from './model';
import { normaliseClient, normaliseServer } from './normalise';
import type { Change, ClientSide, ServerSide, SimPair, WindowsConfig } from './types';

const clone = <T>(v: T): T => structuredClone(v);

/** The order a side uses now, as explicit names (the OS default made concrete when needed). */
export function currentOrder(w: WindowsConfig): string[] {
  return w.cipherOrder ? [...w.cipherOrder] : windowsSuites(w, []).map((s) => s.iana);
}

function editWindows(pair: SimPair, side: 'server' | 'client', edit: (w: WindowsConfig) => void): SimPair {
  const next = clone(pair);
  const w = side === 'server' ? next.server.windows : next.client.windows;
  if (w) edit(w);
  return next;
}

function editClient(pair: SimPair, edit: (c: ClientSide) => void): SimPair {
  const next = clone(pair);
  edit(next.client);
  return next;
}

function editServer(pair: SimPair, edit: (s: ServerSide) => void): SimPair {
  const next = clone(pair);
  edit(next.server);
  return next;
}

/** Applies one change. Changes that do not fit the side (an OpenSSL setting on a Windows client) return the pair unchanged. */
export function applyChange(pair: SimPair, change: Change): SimPair {
  switch (change.kind) {
    case 'set-protocol':
      return editWindows(pair, change.side, (w) => {
        w.protocols[change.protocol] = change.setting;
      });
    case 'add-suite':
      return editWindows(pair, change.side, (w) => {
        const order = currentOrder(w).filter((n) => n !== change.suite);
        if (change.position === 'first') order.unshift(change.suite);
        else order.push(change.suite);
        w.cipherOrder = order;
      });
    case 'remove-suite':
      return editWindows(pair, change.side, (w) => {
        w.cipherOrder = currentOrder(w).filter((n) => n !== change.suite);
      });
    case 'remove-dhe':
      return editWindows(pair, change.side, (w) => {
        w.cipherOrder = currentOrder(w).filter((n) => {
          const s = normaliseSuites([n], null)[0];
          return !(s && isDhe(s));
        });
      });
    case 'set-cipher-order':
      return editWindows(pair, change.side, (w) => {
        w.cipherOrder = change.order ? [...change.order] : null;
      });
    case 'patch-sql-tls12':
      return editServer(pair, (s) => {
        const target = sqlTls12Target(s.sqlBuild);
        if (target) s.sqlBuild = target;
      });
    case 'set-sql-build':
      return editServer(pair, (s) => {
        s.sqlBuild = change.build;
      });
    case 'install-leading-zero-fix':
      return editWindows(pair, change.side, (w) => {
        if (w.build === 14393) w.ubr = Math.max(w.ubr ?? 0, 3542);
        w.leadingZeroFix = w.build >= 10240 ? true : w.leadingZeroFix;
      });
    case 'set-windows-build':
      return editWindows(pair, change.side, (w) => {
        w.build = change.build;
        w.ubr = change.ubr;
        w.leadingZeroFix = null;
      });
    case 'update-driver':
      return editClient(pair, (c) => {
        c.version = change.version;
        if (change.driver && (c.kind === 'odbc' || c.kind === 'oledb')) c.driver = change.driver;
      });
    case 'replace-certificate':
      return editServer(pair, (s) => {
        s.certificateHash = change.hash;
        s.selfGeneratedCertificate = false;
      });
    case 'use-self-generated-certificate':
      return editServer(pair, (s) => {
        s.selfGeneratedCertificate = true;
      });
    case 'set-openssl':
      return editClient(pair, (c) => {
        if (
          c.kind !== 'openssl' &&
          !(c.os !== 'windows' && (c.kind === 'microsoft-data-sqlclient' || c.kind === 'odbc'))
        )
          return;
        const o = c.openssl ?? { version: '3.0', minProtocol: 'TLSv1.2', secLevel: 2 };
        if (change.minProtocol !== undefined) o.minProtocol = change.minProtocol;
        if (change.secLevel !== undefined) o.secLevel = change.secLevel;
        c.openssl = o;
      });
    case 'set-java':
      return editClient(pair, (c) => {
        if (c.kind !== 'jdbc') return;
        const j = c.java ?? { version: '17', sslProtocol: 'TLS', legacyProtocolsAllowed: false };
        if (change.version !== undefined) j.version = change.version;
        if (change.sslProtocol !== undefined) j.sslProtocol = change.sslProtocol;
        if (change.legacyProtocolsAllowed !== undefined)
          j.legacyProtocolsAllowed = change.legacyProtocolsAllowed;
        c.java = j;
      });
    case 'set-netfx':
      return editClient(pair, (c) => {
        if (c.kind !== 'windows-sqlclient-netfx') return;
        const n = c.netfx ?? { schUseStrongCrypto: null, systemDefaultTlsVersions: null, tls12Hotfix: false };
        if (change.schUseStrongCrypto !== undefined) n.schUseStrongCrypto = change.schUseStrongCrypto;
        if (change.systemDefaultTlsVersions !== undefined)
          n.systemDefaultTlsVersions = change.systemDefaultTlsVersions;
        if (change.tls12Hotfix !== undefined) n.tls12Hotfix = change.tls12Hotfix;
        c.netfx = n;
      });
    case 'set-go-min-version':
      return editClient(pair, (c) => {
        if (c.kind !== 'go') return;
        c.go = { ...(c.go ?? { version: '1.21', minVersion: null }), minVersion: change.minVersion };
      });
    case 'set-node-min-version':
      return editClient(pair, (c) => {
        if (c.kind !== 'node') return;
        c.node = { ...(c.node ?? { version: '20', minVersion: null }), minVersion: change.minVersion };
      });
    case 'set-encrypt':
      return editClient(pair, (c) => {
        c.encrypt = change.mode;
      });
    case 'set-force-strict':
      return editServer(pair, (s) => {
        s.forceStrict = change.value;
      });
    case 'set-force-encryption':
      return editServer(pair, (s) => {
        s.forceEncryption = change.value;
      });
  }
}

/**
 * Applies changes to a pair as simulate() and findSmallestFixes() see it: normalised first, so that a side
 * whose Windows settings were left out (the assumed default Windows) is edited too, instead of a change such
 * as "remove DHE on the client" silently doing nothing there.
 */
export function applyChanges(pair: SimPair, changes: readonly Change[]): SimPair {
  const normalised: SimPair = {
    server: normaliseServer(pair.server, []),
    client: normaliseClient(pair.client, []),
  };
  return changes.reduce(applyChange, normalised);
}

const sideWord = (s: 'server' | 'client') => (s === 'server' ? 'the server' : 'the client');

/** One plain sentence per change. The pair, when given, makes the sentence concrete (target build). */
export function describeChange(change: Change, pair?: SimPair): string {
  switch (change.kind) {
    case 'set-protocol':
      return change.setting === 'default'
        ? `Return ${change.protocol} on ${sideWord(change.side)} to the Windows default (remove the SCHANNEL values)`
        : `${change.setting === 'enabled' ? 'Enable' : 'Disable'} ${change.protocol} on ${sideWord(change.side)} (SCHANNEL ${change.side === 'server' ? 'Server' : 'Client'} key)`;
    case 'add-suite':
      return `Enable ${change.suite} on ${sideWord(change.side)}${change.position === 'first' ? ', at the top of the order' : ''}`;
    case 'remove-suite':
      return `Disable ${change.suite} on ${sideWord(change.side)}`;
    case 'remove-dhe':
      return `Remove every TLS_DHE suite from the cipher-suite order on ${sideWord(change.side)}`;
    case 'set-cipher-order':
      return change.order
        ? `Set the cipher-suite order on ${sideWord(change.side)} (${change.order.length} suites)`
        : `Return the cipher-suite order on ${sideWord(change.side)} to the Windows default`;
    case 'patch-sql-tls12': {
      const target = pair ? sqlTls12Target(pair.server.sqlBuild) : null;
      return target
        ? `Update SQL Server to build ${target} or later (first TLS 1.2 build of its line, KB3135244)`
        : 'Update SQL Server to a TLS 1.2 build of its line (KB3135244)';
    }
    case 'set-sql-build':
      return `Update SQL Server to build ${change.build}`;
    case 'install-leading-zero-fix':
      return `Install the Windows update with the DHE leading-zero fix on ${sideWord(change.side)} (KB4557473; Server 2016: KB4537806, build 14393.3542 or later)`;
    case 'set-windows-build':
      return `Move ${sideWord(change.side)} to Windows build ${change.build}${change.ubr !== null ? '.' + change.ubr : ''}`;
    case 'update-driver':
      return `Update the client driver${change.driver ? ` to ${DRIVER_LABELS[change.driver]}` : ''} to version ${change.version}`;
    case 'replace-certificate':
      return `Replace SQL Server's certificate with one signed with ${change.hash.toUpperCase().replace('SHA', 'SHA-')} and restart SQL Server`;
    case 'use-self-generated-certificate':
      return 'Stop SQL Server from using the configured certificate (clear it, untick Server Authentication) so it uses its self-generated one, and restart SQL Server';
    case 'set-openssl': {
      const parts: string[] = [];
      if (change.minProtocol !== undefined) parts.push(`MinProtocol = ${change.minProtocol ?? '(unset)'}`);
      if (change.secLevel !== undefined)
        parts.push(`CipherString = DEFAULT:@SECLEVEL=${change.secLevel ?? 1}`);
      return `Use an OpenSSL config for this application with ${parts.join(' and ')}`;
    }
    case 'set-java': {
      const parts: string[] = [];
      if (change.version !== undefined) parts.push(`move to Java ${change.version}`);
      if (change.legacyProtocolsAllowed !== undefined)
        parts.push(
          change.legacyProtocolsAllowed
            ? 'allow TLSv1/TLSv1.1 again with a java.security override'
            : 'remove the java.security override',
        );
      if (change.sslProtocol !== undefined)
        parts.push(`set sslProtocol=${change.sslProtocol} in the connection string`);
      return `Java: ${parts.join(', ')}`;
    }
    case 'set-netfx': {
      const parts: string[] = [];
      if (change.tls12Hotfix !== undefined)
        parts.push(
          change.tls12Hotfix
            ? 'install the .NET TLS 1.2 hotfix (KB3135244)'
            : 'remove the .NET TLS 1.2 hotfix',
        );
      if (change.schUseStrongCrypto !== undefined)
        parts.push(
          `SchUseStrongCrypto = ${change.schUseStrongCrypto === null ? 'unset' : Number(change.schUseStrongCrypto)}`,
        );
      if (change.systemDefaultTlsVersions !== undefined)
        parts.push(
          `SystemDefaultTlsVersions = ${change.systemDefaultTlsVersions === null ? 'unset' : Number(change.systemDefaultTlsVersions)}`,
        );
      return `.NET Framework: ${parts.join(', ')}`;
    }
    case 'set-go-min-version':
      return `Go: set tls.Config MinVersion to ${change.minVersion ?? "Go's default"}`;
    case 'set-node-min-version':
      return `tedious: set cryptoCredentialsDetails minVersion to ${change.minVersion ?? "Node's default"}`;
    case 'set-encrypt':
      return `Set Encrypt=${change.mode === 'optional' ? 'Optional (false)' : change.mode === 'mandatory' ? 'Mandatory (true)' : 'Strict'} in the connection string`;
    case 'set-force-strict':
      return `${change.value ? 'Turn on' : 'Turn off'} Force Strict Encryption on the server (SQL Server Configuration Manager) and restart SQL Server`;
    case 'set-force-encryption':
      return `${change.value ? 'Turn on' : 'Turn off'} Force Encryption on the server and restart SQL Server`;
  }
}
