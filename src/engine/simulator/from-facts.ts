/**
 * Pre-fills the simulator from what the user already pasted: the parsed artifacts of one or more pastes
 * (DiagnosisInput, as diagnosis/index.ts inputsFromAnalysis() builds them, collector sections included).
 * Only parser facts are read (through diagnosis/read.ts helpers); whatever is missing is filled with a
 * default and listed in `assumed`.
 */
import { arr, at, bool, isObj, num, str } from '../diagnosis/read';
import type { DiagnosisInput } from '../diagnosis/types';
import { defaultClient, defaultServer } from './normalise';
import {
  CERT_HASHES,
  SIM_PROTOCOLS,
  type CertHash,
  type ClientSide,
  type ServerSide,
  type SidesFromFacts,
} from './types';

type Side = 'server' | 'client';

const SERVER_KINDS = new Set(['sql-version', 'errorlog', 'certificate']);

function inputSide(input: DiagnosisInput): Side | null {
  if (input.side) return input.side;
  const kinds = new Set((input.artifacts ?? []).map((a) => a?.kind));
  if ([...SERVER_KINDS].some((k) => kinds.has(k as never))) return 'server';
  if (kinds.has('client-error')) return 'client';
  return null;
}

function clientFromDriver(driver: string, platform: string | undefined, c: ClientSide): boolean {
  const unix = platform === 'linux-macos';
  const set = (patch: Partial<ClientSide>) => Object.assign(c, patch);
  if (driver === 'SqlClient (Microsoft.Data)' || driver === 'managed SNI')
    set({
      kind: 'microsoft-data-sqlclient',
      version: '5.1.0',
      os: unix || driver === 'managed SNI' ? 'linux' : 'windows',
    });
  else if (driver === 'SqlClient (System.Data)' || driver === 'SSMS' || driver === 'SqlClient')
    set({ kind: 'windows-sqlclient-netfx', version: '4.8', os: 'windows' });
  else if (/^ODBC Driver (\d+) for SQL Server$/.test(driver) || driver === 'sqlcmd' || driver === 'pyodbc') {
    const n = /(\d+)/.exec(driver)?.[1] ?? '17';
    const id =
      n === '18' ? 'msodbcsql18' : n === '13' ? 'msodbcsql13' : n === '11' ? 'msodbcsql11' : 'msodbcsql17';
    if (unix)
      set({ kind: 'openssl', os: 'linux', driver: null, version: n === '18' ? '18.3.2.1' : '17.10.5.1' });
    else
      set({
        kind: 'odbc',
        driver: id,
        version: n === '18' ? '18.3.2.1' : n === '11' ? '12.0.4219.0' : '17.10.5.1',
      });
  } else if (driver === 'SQL Server Native Client 11.0')
    set({ kind: 'odbc', driver: 'sqlncli11', version: '11.0.7001.0' });
  else if (driver === 'SQL Server Native Client 10.0')
    set({ kind: 'odbc', driver: 'sqlncli10', version: '10.50.6537.0' });
  else if (driver === 'MSOLEDBSQL') set({ kind: 'oledb', driver: 'msoledbsql', version: '18.7.2.0' });
  else if (driver === 'SQLOLEDB/DBNETLIB')
    set({ kind: 'oledb', driver: 'sqloledb', version: '10.0.17763.1' });
  else if (driver === 'JDBC')
    set({
      kind: 'jdbc',
      version: '12.4.2',
      java: { version: '17', sslProtocol: 'TLS', legacyProtocolsAllowed: false },
    });
  else if (driver === 'Go (go-mssqldb)')
    set({ kind: 'go', os: 'linux', version: '1.7.0', go: { version: '1.21', minVersion: null } });
  else if (driver === 'Node (tedious)')
    set({ kind: 'node', os: 'linux', version: '16.6.1', node: { version: '20', minVersion: null } });
  else return false;
  if (c.os !== 'windows') c.windows = null;
  return true;
}

/**
 * Server and client sides from parsed pastes. Artifacts are assigned to a side by the input's `side`, by the
 * collector section, or by what else the paste holds (ERRORLOG / @@VERSION / certificate = server, a client
 * error = client); a Windows reading with no side goes to the server unless it is a client OS.
 */
export function sidesFromAnalyses(
  inputs: readonly DiagnosisInput[],
  base: { server?: ServerSide; client?: ClientSide } = {},
): SidesFromFacts {
  const server: ServerSide = structuredClone(base.server ?? defaultServer());
  const client: ClientSide = structuredClone(base.client ?? defaultClient());
  const used: string[] = [];
  const found = {
    serverBuild: false,
    serverOs: false,
    serverProtocols: false,
    serverSuites: false,
    cert: false,
    clientKind: false,
    clientOs: false,
  };
  try {
    for (const input of inputs ?? []) {
      const side0 = inputSide(input);
      for (const a of input.artifacts ?? []) {
        if (!a || !isObj(a.facts)) continue;
        const f = a.facts;
        const src = input.source ?? 'a paste';
        switch (a.kind) {
          case 'sql-version': {
            const b = str(at(f, 'build'));
            if (b && str(at(f, 'platform')) !== 'linux') {
              server.sqlBuild = b;
              found.serverBuild = true;
              used.push(`SQL Server build ${b} (${src})`);
              const osBuild = num(at(f, 'osBuild'));
              if (osBuild && !found.serverOs) {
                server.windows.build = osBuild;
                used.push(`server Windows build ${osBuild} from the @@VERSION banner (${src})`);
              }
            }
            break;
          }
          case 'os-version': {
            const build = num(at(f, 'build'));
            if (!build) break;
            const isServer = bool(at(f, 'isServer'));
            const side: Side = side0 ?? (isServer === false ? 'client' : 'server');
            const ubr = num(at(f, 'ubr')) ?? null;
            const w = side === 'server' ? server.windows : client.windows;
            if (side === 'client' && (!w || client.os !== 'windows')) break;
            if (!w) break;
            w.build = build;
            w.ubr = ubr;
            if (side === 'server') found.serverOs = true;
            else found.clientOs = true;
            used.push(`${side} Windows build ${build}${ubr !== null ? '.' + ubr : ''} (${src})`);
            break;
          }
          case 'schannel-protocols': {
            const side: Side = side0 ?? 'server';
            const w = side === 'server' ? server.windows : client.windows;
            if (!w) break;
            for (const p of SIM_PROTOCOLS) {
              const st = str(at(f, `protocols.${p}.${side}`));
              if (st === 'enabled' || st === 'disabled' || st === 'default') w.protocols[p] = st;
            }
            const osb = num(at(f, 'os.build'));
            if (osb && ((side === 'server' && !found.serverOs) || (side === 'client' && !found.clientOs)))
              w.build = osb;
            if (side === 'server') found.serverProtocols = true;
            used.push(`${side} SCHANNEL ${side === 'server' ? 'Server' : 'Client'} protocol keys (${src})`);
            if (side === 'client' && client.kind === 'windows-sqlclient-netfx') {
              const d = arr(at(f, 'dotnet'))?.[0];
              if (d) {
                const strong = num(at(d, 'schUseStrongCrypto'));
                const sys = num(at(d, 'systemDefaultTlsVersions'));
                client.netfx = {
                  schUseStrongCrypto: strong === undefined ? null : strong !== 0,
                  systemDefaultTlsVersions: sys === undefined ? null : sys !== 0,
                  tls12Hotfix: client.netfx?.tls12Hotfix ?? false,
                };
              }
            }
            break;
          }
          case 'cipher-suites': {
            const suites = (arr(at(f, 'suites')) ?? []).filter((s): s is string => typeof s === 'string');
            if (!suites.length) break;
            const side: Side = side0 ?? 'server';
            const w = side === 'server' ? server.windows : client.windows;
            if (!w) break;
            w.cipherOrder = suites;
            if (side === 'server') found.serverSuites = true;
            used.push(
              `${side} cipher-suite order, ${suites.length} suites (${src})${bool(at(f, 'truncated')) ? ' — the list was cut off, the rest is missing' : ''}`,
            );
            break;
          }
          case 'certificate': {
            const h = str(at(f, 'signatureHash'));
            if (h && (CERT_HASHES as readonly string[]).includes(h)) {
              server.certificateHash = h as CertHash;
              server.selfGeneratedCertificate = false;
              found.cert = true;
              used.push(`certificate signed with ${h} (${src})`);
            }
            break;
          }
          case 'errorlog': {
            if (bool(at(f, 'selfGenerated'))) {
              server.selfGeneratedCertificate = true;
              found.cert = true;
              used.push(`SQL Server uses a self-generated certificate (ERRORLOG, ${src})`);
            }
            break;
          }
          case 'client-error': {
            const d = str(at(f, 'driver'));
            if (d && !found.clientKind && clientFromDriver(d, str(at(f, 'platform')), client)) {
              found.clientKind = true;
              used.push(`client library ${d} from the error text (${src}); its version is assumed`);
            }
            break;
          }
          default:
            break;
        }
      }
    }
  } catch {
    // facts of an unexpected shape: keep what was read so far
  }
  const assumed: string[] = [];
  if (!found.serverBuild) assumed.push(`SQL Server build not pasted: assumed ${server.sqlBuild}.`);
  if (!found.serverOs) assumed.push(`Server Windows build not pasted: assumed ${server.windows.build}.`);
  if (!found.serverProtocols)
    assumed.push('Server SCHANNEL protocol keys not pasted: assumed the Windows defaults.');
  if (!found.serverSuites)
    assumed.push('Server cipher-suite order not pasted: assumed the Windows default order.');
  if (!found.cert)
    assumed.push(`Certificate not pasted: assumed ${server.certificateHash.toUpperCase()}-signed.`);
  if (!found.clientKind) assumed.push('Client library not known: assumed Microsoft.Data.SqlClient 5.1.');
  if (client.os === 'windows' && !found.clientOs && client.windows)
    assumed.push(`Client Windows build not pasted: assumed ${client.windows.build}.`);
  return { server, client, used, assumed };
}
