/**
 * "Find the smallest fix": candidate single changes on either side are generated from the pair (only those
 * that could matter), then every single change and every pair of changes is simulated. Sets that succeed
 * and contain no smaller successful set are returned, safest first. Risk follows the CSS TLS 1.2 workflow
 * (domain-facts §2.4): patch and update first; re-enabling old protocols or lowering a client's security
 * level last.
 */
import { ALL_COMMANDS, ECDHE_CBC_SUITES } from '../knowledge/commands';
import { isDhe, type CipherSuiteInfo } from '../knowledge-tables/cipher-suites';
import { applyChange, describeChange } from './changes';
import {
  clientOffer,
  clientStack,
  libCaps,
  rank,
  schannelProtocols,
  serverProtocols,
  sqlTls12Target,
  suiteUsable,
  versionAtLeast,
  windowsSuites,
} from './model';
import { normaliseClient, normaliseServer } from './normalise';
import { effectiveCertHash, simulateQuick } from './simulate';
import type {
  Change,
  ClientSide,
  FixCommand,
  FixOption,
  RiskLevel,
  ServerSide,
  SideName,
  SimPair,
  SimProtocol,
} from './types';

interface Candidate {
  change: Change;
  risk: number;
  why: string;
}

const KNOWN_COMMANDS = new Set(ALL_COMMANDS.map((c) => c.id));
const ECDHE_CBC = new Set<string>(ECDHE_CBC_SUITES as readonly string[]);

/** Latest versions used when a fix means "update the library" (the newest line the simulator knows). */
export const LATEST = {
  netfx: '4.8',
  mds: '5.1.0',
  msodbcsql18: '18.3.2.1',
  msoledbsql19: '19.3.2.0',
  jdbc: '12.4.2',
  java: '17',
} as const;

const strongSuite = (s: CipherSuiteInfo) => s.weak.length === 0 && !isDhe(s);

function windowsCandidates(side: SideName, pair: SimPair, out: Candidate[]): void {
  const w = side === 'server' ? pair.server.windows : pair.client.windows;
  if (!w) return;
  const enabled = schannelProtocols(w, side, []);
  const modern: SimProtocol[] = pair.client.encrypt === 'strict' ? ['TLS 1.2', 'TLS 1.3'] : ['TLS 1.2'];
  for (const p of modern)
    if (!enabled.includes(p))
      out.push({
        change: { kind: 'set-protocol', side, protocol: p, setting: 'enabled' },
        risk: 2,
        why: `enables ${p}, a current protocol`,
      });
  for (const p of ['TLS 1.1', 'TLS 1.0'] as const)
    if (!enabled.includes(p))
      out.push({
        change: { kind: 'set-protocol', side, protocol: p, setting: 'enabled' },
        risk: p === 'TLS 1.1' ? 6 : 7,
        why: `re-enables ${p}, an old protocol: a stop-gap until the other side supports TLS 1.2`,
      });
  const suites = windowsSuites(w, []);
  if (suites.some(isDhe))
    out.push({
      change: { kind: 'remove-dhe', side },
      risk: 2,
      why: 'removes the TLS_DHE suites, which the article recommends anyway',
    });
  if (
    w.build >= 10240 &&
    w.build <= 14393 &&
    w.leadingZeroFix !== true &&
    !(w.build === 14393 && (w.ubr ?? 0) >= 3542)
  )
    out.push({
      change: { kind: 'install-leading-zero-fix', side },
      risk: 1,
      why: 'installs a Windows update (KB4557473 leading-zero fix): no protocol or suite is weakened',
    });
  // Suites the peer offers/accepts that this side lacks (strong, non-DHE, usable with an RSA certificate).
  const mine = new Set(suites.map((s) => s.id));
  const peer =
    side === 'server'
      ? clientOffer(pair.client, pair.client.encrypt === 'strict', []).suites
      : windowsSuites(pair.server.windows, []);
  let added = 0;
  for (const s of peer) {
    if (added >= 4) break;
    if (mine.has(s.id) || !strongSuite(s)) continue;
    if (!(['TLS 1.0', 'TLS 1.2', 'TLS 1.3'] as SimProtocol[]).some((p) => suiteUsable(s, p))) continue;
    added++;
    const cbc = ECDHE_CBC.has(s.iana);
    out.push({
      change: { kind: 'add-suite', side, suite: s.iana, position: 'last' },
      risk: s.keyExchange === 'RSA' ? 4 : cbc ? 3.5 : 3,
      why: `enables ${s.iana}, which the ${side === 'server' ? 'client' : 'server'} already has${s.keyExchange === 'RSA' ? ' (no forward secrecy)' : ''}`,
    });
  }
}

function clientCandidates(pair: SimPair, out: Candidate[]): void {
  const c = pair.client;
  const lib = libCaps(c, []);
  const stack = clientStack(c);
  if (c.encrypt === 'strict' && !lib.strict && lib.strictFrom)
    out.push({
      change: { kind: 'update-driver', version: lib.strictFrom },
      risk: 1,
      why: `updates the client library to ${lib.strictFrom}, which supports Encrypt=Strict`,
    });
  if (rank(lib.max) < rank('TLS 1.2')) {
    if (c.kind === 'windows-sqlclient-netfx') {
      out.push({
        change: { kind: 'update-driver', version: LATEST.netfx },
        risk: 1,
        why: 'updates .NET Framework to 4.8, whose SqlClient uses TLS 1.2',
      });
      out.push({
        change: { kind: 'set-netfx', tls12Hotfix: true },
        risk: 1,
        why: 'installs the .NET TLS 1.2 hotfix listed in KB3135244',
      });
    } else if (c.driver === 'sql-server' || c.driver === 'sqloledb') {
      const to = c.kind === 'odbc' ? 'msodbcsql18' : 'msoledbsql19';
      out.push({
        change: {
          kind: 'update-driver',
          driver: to,
          version: to === 'msodbcsql18' ? LATEST.msodbcsql18 : LATEST.msoledbsql19,
        },
        risk: 2,
        why: `replaces the OS-bundled driver (it cannot be updated) with ${to === 'msodbcsql18' ? 'ODBC Driver 18' : 'MSOLEDBSQL19'}; the application's connection string must name the new driver`,
      });
    } else if (lib.tls12From)
      out.push({
        change: { kind: 'update-driver', version: lib.tls12From },
        risk: 1,
        why: `updates the driver to ${lib.tls12From}, the first build with TLS 1.2`,
      });
  }
  if (c.encrypt === 'strict')
    out.push({
      change: { kind: 'set-encrypt', mode: 'mandatory' },
      risk: 4,
      why: 'drops Encrypt=Strict (TDS 8) for Encrypt=Mandatory: still encrypted, but without TDS 8 protections',
    });
  if (pair.server.forceStrict && c.encrypt !== 'strict') {
    out.push({
      change: { kind: 'set-encrypt', mode: 'strict' },
      risk: 1,
      why: 'switches the client to Encrypt=Strict, which the server requires',
    });
    if (!lib.strict && lib.strictFrom)
      out.push({
        change: { kind: 'update-driver', version: lib.strictFrom },
        risk: 1,
        why: `updates the client library to ${lib.strictFrom}, which supports Encrypt=Strict`,
      });
    else if (c.kind === 'windows-sqlclient-netfx')
      out.push({
        change: { kind: 'set-encrypt', mode: 'strict' },
        risk: 1,
        why: 'switches the client to Encrypt=Strict',
      });
  }
  if (stack === 'schannel') windowsCandidates('client', pair, out);
  if (stack === 'openssl') {
    const o = c.openssl ?? { version: '3.0', minProtocol: 'TLSv1.2', secLevel: 2 };
    const major = Number(o.version.split('.')[0]) || 3;
    out.push({
      change: { kind: 'set-openssl', minProtocol: 'TLSv1', secLevel: major >= 3 ? 0 : 1 },
      risk: 8,
      why: 'lowers OpenSSL MinProtocol and SECLEVEL for this application: a stop-gap that weakens every connection it makes',
    });
    if ((o.secLevel ?? 1) > 0)
      out.push({
        change: { kind: 'set-openssl', secLevel: 0 },
        risk: 8,
        why: "lowers OpenSSL's SECLEVEL to 0 for this application: accepts weak signatures",
      });
  }
  if (stack === 'jsse') {
    const j = c.java ?? { version: '17', sslProtocol: 'TLS' as const, legacyProtocolsAllowed: false };
    if (!versionAtLeast(j.version.replace(/^1\./, ''), '8'))
      out.push({
        change: { kind: 'set-java', sslProtocol: 'TLSv1.2' },
        risk: 1,
        why: 'asks Java 7 for TLS 1.2 with sslProtocol=TLSv1.2 (connection string only)',
      });
    if (!versionAtLeast(j.version.replace(/^1\./, ''), '11'))
      out.push({
        change: { kind: 'set-java', version: LATEST.java, sslProtocol: 'TLS' },
        risk: 2,
        why: 'moves the application to Java 17 (TLS 1.2 and 1.3)',
      });
    if (!j.legacyProtocolsAllowed)
      out.push({
        change: { kind: 'set-java', legacyProtocolsAllowed: true },
        risk: 7,
        why: 'allows TLSv1/TLSv1.1 again in Java for this application: a stop-gap',
      });
  }
  if (stack === 'go')
    out.push({
      change: { kind: 'set-go-min-version', minVersion: 'TLS 1.0' },
      risk: 7,
      why: 'lets the Go client accept TLS 1.0: a stop-gap',
    });
  if (stack === 'node')
    out.push({
      change: { kind: 'set-node-min-version', minVersion: 'TLSv1' },
      risk: 7,
      why: 'lets tedious accept TLS 1.0 (with ciphers DEFAULT@SECLEVEL=0): a stop-gap',
    });
}

function serverCandidates(pair: SimPair, out: Candidate[]): void {
  const s = pair.server;
  const target = sqlTls12Target(s.sqlBuild);
  if (target)
    out.push({
      change: { kind: 'patch-sql-tls12' },
      risk: 1,
      why: `updates SQL Server to ${target}, the first TLS 1.2 build of its line (KB3135244)`,
    });
  const hash = effectiveCertHash(s);
  if (!s.selfGeneratedCertificate && hash !== 'sha256' && hash !== 'sha384') {
    out.push({
      change: { kind: 'replace-certificate', hash: 'sha256' },
      risk: 1.5,
      why: 'replaces the certificate with a SHA-256 one (needs a new certificate from your CA and a restart)',
    });
    out.push({
      change: { kind: 'use-self-generated-certificate' },
      risk: 3,
      why: 'lets SQL Server fall back to its self-generated certificate (untick Server Authentication); clients that validate certificates will not trust it',
    });
  }
  if (s.forceStrict)
    out.push({
      change: { kind: 'set-force-strict', value: false },
      risk: 5,
      why: 'turns Force Strict Encryption off: TDS 7.x clients can connect again, without TDS 8 protections',
    });
  windowsCandidates('server', pair, out);
}

/** Candidate single changes for a pair, safest first. */
export function candidateChanges(pair: SimPair): Candidate[] {
  const out: Candidate[] = [];
  serverCandidates(pair, out);
  clientCandidates(pair, out);
  const seen = new Set<string>();
  return out
    .filter((c) => {
      const k = JSON.stringify(c.change);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.risk - b.risk);
}

const riskLevel = (score: number): RiskLevel => (score <= 3 ? 'low' : score <= 6 ? 'medium' : 'high');

const sideOf = (c: Change): SideName =>
  'side' in c
    ? c.side
    : c.kind === 'patch-sql-tls12' ||
        c.kind === 'set-sql-build' ||
        c.kind === 'replace-certificate' ||
        c.kind === 'use-self-generated-certificate' ||
        c.kind === 'set-force-strict' ||
        c.kind === 'set-force-encryption'
      ? 'server'
      : 'client';

const LEGACY: readonly SimProtocol[] = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'];

/** Knowledge-base commands and config text that carry out one change. */
export function commandsFor(change: Change, pair: SimPair): { commands: FixCommand[]; configText: string[] } {
  const side = sideOf(change);
  const commands: FixCommand[] = [];
  const text: string[] = [];
  const cmd = (id: string, params: Record<string, string> = {}, where: SideName = side) => {
    if (KNOWN_COMMANDS.has(id)) commands.push({ id, side: where, params });
  };
  const restartIfServer = () => {
    if (side === 'server') cmd('restart-sql-service');
  };
  switch (change.kind) {
    case 'set-protocol':
      cmd('backup-schannel-protocols');
      if (change.setting === 'enabled')
        cmd(LEGACY.includes(change.protocol) ? 'fix-enable-legacy-protocol' : 'fix-enable-protocol', {
          protocol: change.protocol,
        });
      else if (change.setting === 'disabled') cmd('fix-disable-protocol', { protocol: change.protocol });
      else cmd('undo-protocol-to-default', { protocol: change.protocol });
      restartIfServer();
      if (side === 'client')
        text.push(
          'Restart the client application (a reboot is commonly advised) so Schannel reads the new keys.',
        );
      break;
    case 'add-suite':
      cmd('backup-cipher-suites');
      if (ECDHE_CBC.has(change.suite) && side === 'server') cmd('fix-enable-ecdhe-cbc-suites');
      else cmd('fix-enable-cipher-suite', { cipherSuite: change.suite });
      restartIfServer();
      break;
    case 'remove-suite':
      cmd('backup-cipher-suites');
      text.push(`Disable-TlsCipherSuite -Name '${change.suite}'`);
      restartIfServer();
      break;
    case 'remove-dhe':
      cmd('check-dhe-suites');
      cmd('backup-cipher-suites');
      cmd('fix-disable-dhe-suites');
      restartIfServer();
      break;
    case 'set-cipher-order':
      cmd('backup-cipher-suites');
      text.push(
        'Set the order with the "SSL Cipher Suite Order" Group Policy setting (or IIS Crypto), then reboot.',
      );
      break;
    case 'patch-sql-tls12':
    case 'set-sql-build': {
      cmd('check-sql-version-registry');
      const target = change.kind === 'set-sql-build' ? change.build : sqlTls12Target(pair.server.sqlBuild);
      text.push(
        `Install the SQL Server update that brings the instance to build ${target ?? '(TLS 1.2 build of its line)'} or later (see KB3135244 for the package of each line).`,
      );
      break;
    }
    case 'install-leading-zero-fix':
    case 'set-windows-build':
      cmd('check-os-version');
      cmd('check-dhe-fix-hotfixes');
      text.push(
        'Install the latest cumulative update for this Windows version (Server 2016 / Windows 10 1607: KB4537806 or later, OS build 14393.3542).',
      );
      break;
    case 'update-driver': {
      const c = pair.client;
      if (c.kind === 'windows-sqlclient-netfx') cmd('check-dotnet-tls');
      else if (c.kind === 'odbc' || c.kind === 'oledb') cmd('check-odbc-drivers');
      text.push(describeChange(change, pair) + '.');
      if (change.driver === 'msodbcsql18')
        text.push('Connection string: Driver={ODBC Driver 18 for SQL Server}');
      if (change.driver === 'msoledbsql19') text.push('Connection string: Provider=MSOLEDBSQL19');
      break;
    }
    case 'replace-certificate':
      cmd('check-errorlog-certificate');
      cmd('check-server-auth-certificates');
      text.push(
        'Issue a certificate signed with SHA-256 (Server Authentication, the server name in the subject or SAN), select it in SQL Server Configuration Manager, then restart SQL Server.',
      );
      cmd('restart-sql-service');
      break;
    case 'use-self-generated-certificate':
      cmd('check-errorlog-certificate');
      cmd('check-certificate-purpose-restriction');
      cmd('fix-clear-sql-certificate');
      text.push(
        'In the Certificates console, open the certificate, Properties, and untick "Server Authentication" so SQL Server stops picking it up.',
      );
      cmd('restart-sql-service');
      break;
    case 'set-openssl':
      cmd('check-openssl-settings');
      cmd('fix-openssl-legacy-config');
      cmd('fix-openssl-use-config');
      if (change.minProtocol !== undefined) text.push(`MinProtocol = ${change.minProtocol ?? 'TLSv1.2'}`);
      if (change.secLevel !== undefined)
        text.push(`CipherString = DEFAULT:@SECLEVEL=${change.secLevel ?? 1}`);
      break;
    case 'set-java':
      cmd('check-java-disabled-algorithms');
      if (change.legacyProtocolsAllowed) {
        cmd('fix-jdbc-security-override');
        cmd('fix-jdbc-connection-string');
      }
      if (change.sslProtocol) text.push(`JDBC connection string: sslProtocol=${change.sslProtocol}`);
      if (change.version) text.push(`Run the application on Java ${change.version}.`);
      break;
    case 'set-netfx':
      cmd('check-dotnet-tls');
      if (change.tls12Hotfix)
        text.push(
          'Install the .NET Framework TLS 1.2 hotfix for this version from KB3135244 (4.0: KB3106994; 4.5.x on 2012 R2: KB3099842; on 2012: KB3099844; on 2008 R2: KB3099845; 3.5.1: KB3106991), or .NET Framework 4.8.',
        );
      break;
    case 'set-go-min-version':
      text.push(
        `tls.Config{MinVersion: tls.Version${(change.minVersion ?? 'TLS 1.2').replace(/[ .]/g, '')}} in the application's TLS settings for go-mssqldb`,
      );
      break;
    case 'set-node-min-version':
      text.push(
        `tedious options: cryptoCredentialsDetails: { minVersion: '${change.minVersion ?? 'TLSv1.2'}', ciphers: 'DEFAULT@SECLEVEL=0' }`,
      );
      break;
    case 'set-encrypt':
      text.push(
        `Connection string: Encrypt=${change.mode === 'optional' ? 'Optional' : change.mode === 'mandatory' ? 'Mandatory' : 'Strict'}`,
      );
      break;
    case 'set-force-strict':
    case 'set-force-encryption':
      cmd('check-sql-instance-encryption');
      text.push(
        `SQL Server Configuration Manager > SQL Server Network Configuration > Protocols for <instance> > Properties > ${change.kind === 'set-force-strict' ? 'Force Strict Encryption' : 'Force Encryption'} = ${change.value ? 'Yes' : 'No'}`,
      );
      cmd('restart-sql-service');
      break;
  }
  return { commands, configText: text };
}

function option(pair: SimPair, cands: Candidate[]): FixOption | null {
  let p = pair;
  for (const c of cands) p = applyChange(p, c.change);
  const r = simulateQuick(p.server, p.client);
  if (!r.ok) return null;
  const commands: FixCommand[] = [];
  const configText: string[] = [];
  let cur = pair;
  const descriptions: string[] = [];
  for (const c of cands) {
    descriptions.push(describeChange(c.change, cur));
    const x = commandsFor(c.change, cur);
    for (const k of x.commands)
      if (
        !commands.some(
          (e) => e.id === k.id && e.side === k.side && JSON.stringify(e.params) === JSON.stringify(k.params),
        )
      )
        commands.push(k);
    configText.push(...x.configText);
    cur = applyChange(cur, c.change);
  }
  const riskScore = Math.round((cands.reduce((n, c) => n + c.risk, 0) + (cands.length - 1) * 0.5) * 10) / 10;
  return {
    changes: cands.map((c) => c.change),
    descriptions,
    riskScore,
    risk: riskLevel(Math.max(...cands.map((c) => c.risk))),
    why: cands.map((c) => c.why).join('; ') + (cands.length > 1 ? '. Both changes are needed.' : '.'),
    commandIds: [...new Set(commands.map((c) => c.id))],
    commands,
    configText,
    result: {
      outcome: r.outcome,
      ...(r.negotiated ? { protocol: r.negotiated.protocol, suite: r.negotiated.suite } : {}),
    },
  };
}

export interface FixSearchOptions {
  /** most options returned (default 8) */
  limit?: number;
  /** largest set size searched (1 or 2; default 2) */
  maxChanges?: 1 | 2;
}

/**
 * The minimal change sets (one change, else two) that make the pair succeed, safest first. Empty when the
 * pair already succeeds or nothing within two changes helps.
 */
export function findSmallestFixes(
  server: ServerSide,
  client: ClientSide,
  opts: FixSearchOptions = {},
): FixOption[] {
  try {
    const pair: SimPair = { server: normaliseServer(server, []), client: normaliseClient(client, []) };
    if (simulateQuick(pair.server, pair.client).ok) return [];
    const cands = candidateChanges(pair);
    const found: FixOption[] = [];
    const singleOk = new Set<number>();
    cands.forEach((c, i) => {
      const o = option(pair, [c]);
      if (o) {
        found.push(o);
        singleOk.add(i);
      }
    });
    if ((opts.maxChanges ?? 2) >= 2) {
      for (let i = 0; i < cands.length; i++) {
        if (singleOk.has(i)) continue;
        for (let j = i + 1; j < cands.length; j++) {
          if (singleOk.has(j)) continue;
          const a = cands[i] as Candidate;
          const b = cands[j] as Candidate;
          if (
            a.change.kind === b.change.kind &&
            sideOf(a.change) === sideOf(b.change) &&
            a.change.kind !== 'set-protocol' &&
            a.change.kind !== 'add-suite'
          )
            continue;
          const o = option(pair, [a, b]);
          if (o) found.push(o);
        }
      }
    }
    found.sort((x, y) => x.riskScore - y.riskScore || x.changes.length - y.changes.length);
    return found.slice(0, opts.limit ?? 8);
  } catch {
    return [];
  }
}

/** Server-side protocols as the UI may want to show them next to a fix (re-exported helper). */
export const effectiveServerProtocols = (s: ServerSide, strict: boolean): SimProtocol[] =>
  serverProtocols(s, strict, []).protocols;
