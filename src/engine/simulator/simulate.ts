/**
 * The negotiation engine: TCP, PRELOGIN (or TLS first under TDS 8), Client Hello, the server's choice of
 * version and suite, the certificate and the key exchange, with the first failure named by the project's
 * stable outcome ids (engine/ids.ts). Pure and synchronous; never throws (bad sides are normalised first).
 */
import { parseSqlBuild } from '../knowledge-tables/sql-builds';
import type { CipherSuiteInfo } from '../knowledge-tables/cipher-suites';
import { normaliseClient, normaliseServer } from './normalise';
import {
  clientOffer,
  neverFixable,
  rank,
  schannelSigHashes,
  serverProtocols,
  suiteUsable,
  windowsDheFixed,
  windowsName,
  windowsSuites,
  type ClientOffer,
} from './model';
import type {
  CertHash,
  ClientSide,
  HandshakeStep,
  ServerSide,
  SimOutcome,
  SimProtocol,
  SimulationResult,
} from './types';

const names = (suites: readonly CipherSuiteInfo[]) => suites.map((s) => s.iana);
const list = (xs: readonly string[], max = 4) =>
  xs.length === 0
    ? 'nothing'
    : xs.length <= max
      ? xs.join(', ')
      : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;

const HASH_LABEL: Record<CertHash, string> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

interface Ctx {
  steps: HandshakeStep[];
  notes: string[];
  detail: boolean;
}

function step(ctx: Ctx, s: HandshakeStep): void {
  if (ctx.detail) ctx.steps.push(s);
}

/** The certificate SQL Server actually presents: a self-generated one is SHA-1 up to 2016, SHA-256 later. */
export function effectiveCertHash(server: ServerSide): CertHash {
  if (!server.selfGeneratedCertificate) return server.certificateHash;
  const b = parseSqlBuild(server.sqlBuild);
  return b && b.major <= 13 ? 'sha1' : 'sha256';
}

/** Simulates one connection attempt. Never throws. */
export function simulate(server: ServerSide, client: ClientSide): SimulationResult {
  return run(server, client, true);
}

/** Same as simulate() without building the step texts (used by the fix search and the matrix). */
export function simulateQuick(server: ServerSide, client: ClientSide): SimulationResult {
  return run(server, client, false);
}

function run(rawServer: ServerSide, rawClient: ClientSide, detail: boolean): SimulationResult {
  const ctx: Ctx = { steps: [], notes: [], detail };
  try {
    const server = normaliseServer(rawServer, ctx.notes);
    const client = normaliseClient(rawClient, ctx.notes);
    return negotiate(server, client, ctx);
  } catch (e) {
    return {
      ok: false,
      outcome: 'unsupported-setup',
      intermittent: false,
      tds8: false,
      steps: [],
      explanation: `The simulator could not read this setup (${e instanceof Error ? e.message : 'unknown error'}).`,
      assumptions: ctx.notes,
      offers: { clientProtocols: [], serverProtocols: [], clientSuites: [], serverSuites: [] },
    };
  }
}

function negotiate(server: ServerSide, client: ClientSide, ctx: Ctx): SimulationResult {
  const notes = ctx.notes;
  const strict = client.encrypt === 'strict';
  const offer = clientOffer(client, strict, notes);
  const srv = serverProtocols(server, strict, notes);
  const serverSuites = windowsSuites(server.windows, notes);
  if (!serverSuites.some((s) => s.keyExchange === 'TLS13'))
    srv.protocols = srv.protocols.filter((p) => p !== 'TLS 1.3');
  const sqlName = `${srv.caps.product} (${server.sqlBuild})`;
  const serverName = `${sqlName} on ${windowsName(server.windows, 'server')}`;
  const offers = {
    clientProtocols: offer.protocols,
    serverProtocols: srv.protocols,
    clientSuites: names(offer.suites),
    serverSuites: names(serverSuites),
  };
  const base = { offers, assumptions: notes, tds8: strict, intermittent: false };
  const done = (
    outcome: SimOutcome,
    explanation: string,
    extra: Partial<SimulationResult> = {},
  ): SimulationResult => ({
    ok: outcome === 'success',
    outcome,
    steps: ctx.steps,
    explanation,
    ...base,
    ...extra,
  });

  if (server.forceStrict && !srv.caps.tds8)
    notes.push(
      `Force Strict Encryption exists only on SQL Server 2022 and later; ignored for ${srv.caps.product}.`,
    );
  const forceStrict = server.forceStrict && srv.caps.tds8;

  step(ctx, {
    kind: 'tcp',
    actor: 'network',
    status: 'ok',
    title: 'TCP connection',
    detail: `${offer.label} opens a TCP connection to SQL Server (three-way handshake). Load problems on the listener (tcp-listener-overload) are not predictable from configuration and are not simulated.`,
  });

  // --- TDS 8 (strict) gates --------------------------------------------------------------------
  if (strict && !offer.lib.strict) {
    step(ctx, {
      kind: 'note',
      actor: 'client',
      status: 'fail',
      title: 'Encrypt=Strict not available',
      detail: `${offer.label} does not know Encrypt=Strict (TDS 8)${offer.lib.strictFrom ? `; it needs version ${offer.lib.strictFrom} or later` : ''}. The connection string is refused before anything is sent.`,
    });
    return done(
      'unsupported-setup',
      `This client library cannot use Encrypt=Strict. Update it${offer.lib.strictFrom ? ` to ${offer.lib.strictFrom} or later` : ' (System.Data.SqlClient never supports it: move to Microsoft.Data.SqlClient 5)'} or use Encrypt=Mandatory.`,
    );
  }
  if (forceStrict && !strict) {
    step(ctx, {
      kind: 'prelogin',
      actor: 'client',
      status: 'ok',
      title: 'PRELOGIN (TDS 7.x)',
      detail: 'The client sends a clear-text PRELOGIN packet, as every TDS 7.x client does.',
    });
    step(ctx, {
      kind: 'reset',
      actor: 'server',
      status: 'fail',
      title: 'Server closes the connection',
      detail:
        'Force Strict Encryption is on: the server expects a TLS Client Hello first (TDS 8) and closes the connection. The client reports error 10054 during the pre-login handshake.',
    });
    return done(
      'strict-encryption',
      `${sqlName} has Force Strict Encryption on, so only TDS 8 clients (Encrypt=Strict) can connect. This client speaks TDS 7.x. Use Encrypt=Strict with a driver that supports it, or turn Force Strict Encryption off (SSMS 19, sqlcmd, linked servers, Agent and replication do not work under Force Strict).`,
    );
  }
  if (strict && !srv.caps.tds8) {
    step(ctx, {
      kind: 'client-hello',
      actor: 'client',
      status: 'ok',
      title: 'TLS Client Hello first (TDS 8)',
      detail:
        'With Encrypt=Strict the client starts TLS directly on the socket (ALPN tds/8.0), before any PRELOGIN.',
      protocols: offer.protocols,
    });
    step(ctx, {
      kind: 'reset',
      actor: 'server',
      status: 'fail',
      title: 'Server closes the connection',
      detail: `${srv.caps.product} only speaks TDS 7.x: it reads the Client Hello as a malformed PRELOGIN (ERRORLOG 17828) and closes the connection.`,
    });
    return done(
      'strict-encryption',
      `Encrypt=Strict (TDS 8) needs SQL Server 2022 or later; ${sqlName} does not speak TDS 8. Use Encrypt=Mandatory (or Optional) with this server.`,
    );
  }

  if (!strict)
    step(ctx, {
      kind: 'prelogin',
      actor: 'client',
      status: 'ok',
      title: 'PRELOGIN exchange',
      detail: `Client sends PRELOGIN (encryption ${client.encrypt === 'mandatory' ? 'ON' : 'OFF'}); the server answers${server.forceEncryption ? ' REQ (Force Encryption)' : ''}. A TLS handshake follows in every case: even without encryption the login packet is protected by TLS.`,
    });

  // --- protocols --------------------------------------------------------------------------------
  if (offer.protocols.length === 0) {
    step(ctx, {
      kind: 'alert',
      actor: 'client',
      status: 'fail',
      title: 'Client has no usable TLS version',
      detail: `${offer.label} has no protocol version left to offer${strict ? ' for TDS 8 (TLS 1.2 or 1.3)' : ''}. ${offer.why.join(' ')} On Windows this is Schannel event 36871 with state 10013 on the client; no Client Hello is sent.`,
    });
    return done(
      'tls-protocol-mismatch',
      `The client cannot offer any TLS version: every version it supports is switched off. Enable TLS 1.2 on the client (and make sure its driver supports TLS 1.2).`,
    );
  }
  const offeredSuites = names(offer.suites);
  step(ctx, {
    kind: 'client-hello',
    actor: 'client',
    status: 'ok',
    title: 'Client Hello',
    detail: `The client offers ${list(offer.protocols)} and ${offer.suites.length} cipher suites, first ${list(offeredSuites, 3)}.`,
    protocols: offer.protocols,
    suites: offeredSuites,
  });
  if (srv.protocols.length === 0) {
    step(ctx, {
      kind: 'reset',
      actor: 'server',
      status: 'fail',
      title: 'Server resets the connection',
      detail: `${serverName} has no TLS version it may use${strict ? ' for TDS 8' : ''} (Schannel allows ${list(srv.schannel)}; SQL Server itself goes up to ${srv.caps.tds7Max}). It cannot build its TLS credential and drops the connection: the client sees 10054.`,
    });
    return done(
      'tls-protocol-mismatch',
      `The server has no TLS version enabled that SQL Server can use, so it resets every handshake.`,
    );
  }

  const protocol = chooseProtocol(offer, srv.protocols, server.windows.build);
  if (!protocol.chosen) {
    step(ctx, {
      kind: protocol.by === 'server' ? 'reset' : 'alert',
      actor: protocol.by,
      status: 'fail',
      title: protocol.by === 'server' ? 'Server resets the connection' : 'Client rejects the Server Hello',
      detail: protocol.detail,
      protocols: srv.protocols,
    });
    const clientNeeds12 = rank(offer.protocols[0] as SimProtocol) >= rank('TLS 1.2');
    const serverMax = srv.protocols[srv.protocols.length - 1] as SimProtocol;
    return done(
      'tls-protocol-mismatch',
      `No common TLS version: the client allows ${list(offer.protocols)}, the server allows ${list(srv.protocols)}. ${
        clientNeeds12 && rank(serverMax) < rank('TLS 1.2')
          ? `The server stops at ${serverMax}${srv.caps.tds7Max === 'TLS 1.0' ? ` because ${sqlName} predates the KB3135244 TLS 1.2 update` : ''}. Updating SQL Server per KB3135244 (and enabling TLS 1.2 on the server) is the lasting fix; re-enabling TLS 1.0 on the client is the stop-gap.`
          : 'Update the older side so both support TLS 1.2, or enable a version both can use.'
      }`,
    );
  }
  const chosen = protocol.chosen;

  // --- cipher suite -----------------------------------------------------------------------------
  const offeredIds = new Set(offer.suites.map((s) => s.id));
  const suite = serverSuites.find((s) => offeredIds.has(s.id) && suiteUsable(s, chosen));
  if (!suite) {
    const shared = serverSuites.filter((s) => offeredIds.has(s.id));
    step(ctx, {
      kind: 'reset',
      actor: 'server',
      status: 'fail',
      title: 'Server resets the connection',
      detail: `${chosen} would be used, but none of the server's ${serverSuites.length} suites that work with ${chosen} and an RSA certificate is in the Client Hello. Schannel logs event 36874 on the server and closes the connection.`,
      protocols: [chosen],
      suites: names(shared),
    });
    return done(
      'cipher-suite-mismatch',
      shared.length
        ? `Both sides support ${chosen}, and they share ${list(names(shared), 3)}, but none of those can be used with ${chosen}${chosen === 'TLS 1.0' || chosen === 'TLS 1.1' ? ' (TLS 1.0/1.1 cannot use GCM or SHA-256/384 suites: add the ECDHE CBC SHA suites)' : ' and an RSA certificate'}.`
        : `Both sides support ${chosen} but they have no cipher suite in common. Enable on one side a suite the other already has (for example TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 for TLS 1.2).`,
      { negotiated: undefined },
    );
  }

  // --- certificate (server side: it needs a certificate the client's signature_algorithms allow) --
  const hash = effectiveCertHash(server);
  const certName = `${HASH_LABEL[hash]}-signed ${server.selfGeneratedCertificate ? 'self-generated ' : ''}certificate`;
  if (!server.selfGeneratedCertificate) {
    let serverRefuses: string | null = null;
    if (chosen === 'TLS 1.2') {
      const serverHashes = schannelSigHashes(server.windows.build);
      if (!serverHashes.includes(hash))
        serverRefuses = `Schannel on ${windowsName(server.windows, 'server')} cannot sign TLS 1.2 handshakes with a ${HASH_LABEL[hash]} certificate`;
      else if (!offer.sigHashes.includes(hash))
        serverRefuses = `the client's TLS 1.2 signature_algorithms list (${offer.sigHashes.map((h) => HASH_LABEL[h]).join(', ')}) has no ${HASH_LABEL[hash]}`;
    } else if (chosen === 'TLS 1.3' && (hash === 'md5' || hash === 'sha224')) {
      serverRefuses = `TLS 1.3 has no signature scheme for ${HASH_LABEL[hash]}`;
    }
    if (serverRefuses) {
      step(ctx, {
        kind: 'reset',
        actor: 'server',
        status: 'fail',
        title: 'Server resets the connection',
        detail: `The server would answer ${chosen} with ${suite.iana}, but its certificate is ${HASH_LABEL[hash]}-signed and ${serverRefuses}. With no usable certificate the server drops the connection (no Server Hello); the client sees 10054.`,
        protocols: [chosen],
        suites: [suite.iana],
      });
      return done(
        'weak-certificate-hash',
        `SQL Server's certificate is signed with ${HASH_LABEL[hash]}, which cannot be used with ${chosen} here. It worked over TLS 1.0/1.1, which have no signature_algorithms extension. Replace the certificate with a SHA-256 one (or remove the Server Authentication purpose so SQL Server uses its self-generated certificate) and restart SQL Server.`,
      );
    }
  }

  step(ctx, {
    kind: 'server-hello',
    actor: 'server',
    status: 'ok',
    title: 'Server Hello',
    detail: `The server picks ${chosen} and ${suite.iana}: the first suite in its own order that the client offered and that works with ${chosen}.`,
    protocols: [chosen],
    suites: [suite.iana],
  });
  const negotiated = { protocol: chosen, suite: suite.iana };

  if (!server.selfGeneratedCertificate && offer.refusedCertHashes.includes(hash)) {
    step(ctx, {
      kind: 'certificate',
      actor: 'client',
      status: 'fail',
      title: 'Client refuses the certificate',
      detail: `The server sends its ${certName}. ${offer.label} refuses ${HASH_LABEL[hash]} signatures at its security level (OpenSSL: "legacy sigalg disallowed or unsupported") and aborts.`,
    });
    return done(
      'weak-certificate-hash',
      `The client's TLS library refuses ${HASH_LABEL[hash]}-signed certificates at its security level (the Linux/Java counterpart of the weak-hash scenario). Replace SQL Server's certificate with a SHA-256 one; lowering the client's SECLEVEL is only a stop-gap.`,
      { negotiated },
    );
  }
  step(ctx, {
    kind: 'certificate',
    actor: 'server',
    status: 'ok',
    title: 'Certificate',
    detail: `The server sends its ${certName}${chosen === 'TLS 1.2' ? `, which the client's signature_algorithms allow` : ''}.`,
  });

  // --- key exchange -----------------------------------------------------------------------------
  const dhe = suite.keyExchange === 'DHE';
  if (dhe) {
    const serverFixed = windowsDheFixed(server.windows, notes, 'Server');
    const clientFixed = offer.dheFixed;
    if (serverFixed !== clientFixed) {
      const lacking = serverFixed ? 'client' : 'server';
      const lackingNever = lacking === 'server' ? neverFixable(server.windows) : offer.dheNeverFixable;
      const other = lacking === 'server' ? offer.label : serverName;
      const lackingName = lacking === 'server' ? windowsName(server.windows, 'server') : offer.label;
      step(ctx, {
        kind: 'key-exchange',
        actor: 'client',
        status: 'warn',
        title: 'DHE key exchange',
        detail: `Server Key Exchange and Client Key Exchange use Diffie-Hellman. ${lackingName} lacks the KB4557473 leading-zero fix, ${other} has it: when the shared secret starts with a zero byte the two sides compute different keys.`,
      });
      step(ctx, {
        kind: 'finished',
        actor: 'server',
        status: 'fail',
        title: 'Finished fails now and then',
        detail:
          'On those handshakes (roughly 1 in 256, approximate) the Finished message does not verify: Schannel logs 36888 (alert 20 / state 960) and the server closes the connection. The other handshakes succeed.',
      });
      notes.push(
        'The DHE failure rate (about 1 in 256 handshakes) is an estimate: it is the chance of a leading zero byte in the shared secret.',
      );
      const outcome = lackingNever ? 'tls-dhe-ciphers' : 'dhe-leading-zero';
      return done(
        outcome,
        lackingNever
          ? `The server picks ${suite.iana}, a TLS_DHE suite, and ${lackingName} handles DHE secrets the old way (Windows Server 2012 R2 and older never got the fix), so connections fail intermittently. Remove the TLS_DHE suites from the cipher-suite order (on the server, or on the client so it stops offering them).`
          : `The server picks ${suite.iana}, a TLS_DHE suite, and ${lackingName} lacks the KB4557473 leading-zero fix, so connections fail intermittently. Install the fix (Server 2016 / Windows 10 1607: OS build 14393.3542 or later) or remove the TLS_DHE suites.`,
        { negotiated, intermittent: true },
      );
    }
  }
  step(ctx, {
    kind: 'key-exchange',
    actor: 'client',
    status: 'ok',
    title: `${dhe ? 'DHE' : suite.keyExchange === 'TLS13' ? 'TLS 1.3' : suite.keyExchange} key exchange`,
    detail: dhe
      ? 'Both sides handle Diffie-Hellman secrets the same way (both with, or both without, the leading-zero fix).'
      : 'Keys are agreed; Change Cipher Spec and Finished follow.',
  });
  step(ctx, {
    kind: 'finished',
    actor: 'server',
    status: 'ok',
    title: 'Handshake complete',
    detail: `Both Finished messages verify: ${chosen} with ${suite.iana}.`,
  });
  step(ctx, {
    kind: 'login',
    actor: 'client',
    status: 'ok',
    title: strict ? 'PRELOGIN and LOGIN7 inside TLS' : 'LOGIN7 inside TLS',
    detail: strict
      ? 'Under TDS 8 the PRELOGIN and the login travel inside TLS.'
      : client.encrypt === 'optional' && !server.forceEncryption
        ? 'The login packet is encrypted; the rest of the session goes in clear text (encryption not requested).'
        : 'The login packet and the whole session are encrypted.',
  });
  return done(
    'success',
    `The handshake succeeds with ${chosen} and ${suite.iana}${dhe ? ' (a DHE suite, but both sides compute DH secrets the same way)' : ''}.`,
    { negotiated },
  );
}

/** What each client TLS stack reports when it refuses the version the server chose (domain-facts §driver wording). */
const CLIENT_ABORT_WORDING: Record<ClientOffer['stack'], string> = {
  schannel:
    ' (Schannel: "The client and server cannot communicate, because they do not possess a common algorithm.", 0x80090331)',
  openssl: ' (OpenSSL: "unsupported protocol")',
  jsse: ' (Java: "The server selected protocol version ... is not accepted by client preferences")',
  go: ' (Go: "tls: server selected unsupported protocol version")',
  node: ' (Node.js: "unsupported protocol")',
};

interface ProtocolChoice {
  chosen: SimProtocol | null;
  by: 'server' | 'client';
  detail: string;
}

/**
 * Version negotiation. A client that offers TLS 1.3 sends supported_versions and a TLS 1.3-capable server
 * (Windows Server 2022+) picks the highest common version. Otherwise the legacy rule: the server picks its
 * highest version not above the client's maximum; the client aborts if that version is switched off on its side.
 */
function chooseProtocol(offer: ClientOffer, serverSet: SimProtocol[], serverBuild: number): ProtocolChoice {
  const clientSet = offer.protocols;
  const common = serverSet.filter((p) => clientSet.includes(p));
  if (clientSet.includes('TLS 1.3') && serverBuild >= 20348) {
    const chosen = common[common.length - 1] ?? null;
    return {
      chosen,
      by: 'server',
      detail: chosen
        ? ''
        : `The client offers ${list(clientSet)}; the server allows only ${list(serverSet)}. It sends a protocol_version alert or simply resets: the client sees 10054.`,
    };
  }
  const legacyMax = clientSet.filter((p) => p !== 'TLS 1.3');
  const clientMax = legacyMax[legacyMax.length - 1] ?? 'TLS 1.2';
  const below = serverSet.filter((p) => rank(p) <= rank(clientMax));
  const pick = below[below.length - 1];
  if (!pick)
    return {
      chosen: null,
      by: 'server',
      detail: `The client's highest version is ${clientMax}; the server allows only ${list(serverSet)}. The server has nothing to answer with and resets the connection (Schannel 36874/36888 on the server): the client sees 10054.`,
    };
  if (!clientSet.includes(pick))
    return {
      chosen: null,
      by: 'client',
      detail: `The server answers with ${pick}, its highest version not above the client's ${clientMax}, but the client has ${pick} switched off and aborts${CLIENT_ABORT_WORDING[offer.stack]}.`,
    };
  return { chosen: pick, by: 'server', detail: '' };
}
