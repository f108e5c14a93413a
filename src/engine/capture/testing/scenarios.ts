/** Scripted captures of each handshake story (test-only). */
import {
  alert,
  ccs,
  certificateMsg,
  clientHello,
  clientKeyExchange,
  DHE_RSA_AES256_GCM,
  dheServerKeyExchange,
  ECDHE_RSA_AES128_GCM,
  ECDHE_RSA_AES256_GCM,
  encrypted,
  inTds,
  preloginResponse,
  PRELOGIN_SAMPLE,
  record,
  RSA_AES256_GCM,
  serverHello,
  serverHelloDone,
  Session,
  cat,
  type Bytes,
  type SessionOptions,
} from './writer';

/** A fake DER certificate: a SEQUENCE of the given size */
export function fakeDer(n = 300): Bytes {
  const body = new Uint8Array(n - 4).fill(0x42);
  return cat([0x30, 0x82, ((n - 4) >> 8) & 255, (n - 4) & 255], body);
}

/** Suites a hardened Windows Server 2019 client offers (ECDHE GCM, DHE GCM, RSA GCM) */
export const CLIENT_SUITES = [
  0xc02c,
  0xc02b,
  ECDHE_RSA_AES256_GCM,
  ECDHE_RSA_AES128_GCM,
  0x009f,
  0x009e,
  RSA_AES256_GCM,
  0x009c,
];

export function tds7Start(o: SessionOptions = {}, encryption = 0): Session {
  const s = new Session(o).connect();
  s.send(true, PRELOGIN_SAMPLE);
  s.send(false, preloginResponse([15, 0, 2000], encryption));
  return s;
}

/** Scenario 1: client offers TLS 1.2 only; the server resets 3 ms after the Client Hello. */
export function protocolMismatch(version = 0x0303, o: SessionOptions = {}): Session {
  const s = tds7Start(o);
  s.send(true, inTds(record(0x16, clientHello({ version, suites: CLIENT_SUITES }), 0x0301)));
  s.rst(false, 3);
  return s;
}

/** Scenario 2: no common cipher: the server answers the Client Hello with handshake_failure and closes. */
export function cipherMismatch(o: SessionOptions = {}): Session {
  const s = tds7Start(o);
  s.send(true, inTds(record(0x16, clientHello({ suites: [ECDHE_RSA_AES256_GCM, ECDHE_RSA_AES128_GCM] }))));
  s.send(false, inTds(alert(2, 40)), undefined, 2);
  s.fin(false, 0.5);
  return s;
}

/** Scenario 3/5: Server Hello picks DHE; the server closes right after the client's key exchange. */
export function dheClosed(o: SessionOptions = {}): Session {
  const s = tds7Start(o);
  s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES }))));
  const flight = cat(
    serverHello({ suite: DHE_RSA_AES256_GCM }),
    certificateMsg([fakeDer(400), fakeDer(300)]),
    dheServerKeyExchange(2048),
    serverHelloDone(),
  );
  s.send(false, inTds(record(0x16, flight)));
  s.send(true, inTds(cat(record(0x16, clientKeyExchange(258)), ccs(), encrypted(0x16, 40))));
  s.fin(false, 2);
  return s;
}

/** Scenario 6: SYN retransmitted 3 times, then the server answers with ACK+RST. */
export function synRetransmits(o: SessionOptions = {}): Session {
  const s = new Session(o);
  for (let i = 0; i < 4; i++) s.seg(true, 0x02, undefined, i === 0 ? 1 : 1000 * i, s.cseq);
  s.seg(false, 0x14, undefined, 1, 0);
  return s;
}

/** A good TDS 7.x + TLS 1.2 handshake, then encrypted LOGIN7 and the server's answer. */
export function goodHandshake(o: SessionOptions = {}): Session {
  const s = tds7Start(o);
  s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES, sni: 'sql01.contoso.com' }))));
  s.send(
    false,
    inTds(
      record(
        0x16,
        cat(serverHello({ suite: ECDHE_RSA_AES256_GCM }), certificateMsg([fakeDer(500)]), serverHelloDone()),
      ),
    ),
  );
  s.send(true, inTds(cat(record(0x16, clientKeyExchange(66)), ccs(), encrypted(0x16, 40))));
  s.send(false, inTds(cat(ccs(), encrypted(0x16, 40))));
  s.send(true, encrypted(0x17, 300));
  s.send(false, encrypted(0x17, 200));
  s.send(true, encrypted(0x17, 100));
  s.fin(true, 50);
  s.fin(false, 1);
  return s;
}

/** TDS 8.0 (strict): TLS first with ALPN tds/8.0, TLS 1.3. */
export function strictTds8(o: SessionOptions = {}): Session {
  const s = new Session(o).connect();
  s.send(
    true,
    record(
      0x16,
      clientHello({
        suites: [0x1302, 0x1301, ECDHE_RSA_AES256_GCM],
        supportedVersions: [0x0304, 0x0303],
        alpn: ['tds/8.0'],
        sni: 'sql01.contoso.com',
        sigAlgs: [0x0804, 0x0401],
        groups: [29, 23],
      }),
      0x0301,
    ),
  );
  s.send(
    false,
    cat(
      record(0x16, serverHello({ suite: 0x1302, supportedVersion: 0x0304, alpn: 'tds/8.0' })),
      ccs(),
      encrypted(0x17, 600),
      encrypted(0x17, 60),
    ),
  );
  s.send(true, cat(ccs(), encrypted(0x17, 60)));
  s.send(true, encrypted(0x17, 80));
  s.send(false, encrypted(0x17, 90));
  return s;
}

/** A Client Hello in three TCP segments, the middle one arriving last; the server then resets. */
export function outOfOrderClientHello(): Session {
  const s = tds7Start({ cport: 50400 });
  const hello = inTds(record(0x16, clientHello({ suites: CLIENT_SUITES, sni: 'sql02.contoso.com' })));
  const base = s.cseq;
  s.seg(true, 0x18, hello.subarray(0, 30), 1, base);
  s.seg(true, 0x18, hello.subarray(90), 1, base + 90);
  s.seg(true, 0x18, hello.subarray(30, 90), 1, base + 30);
  s.cseq = base + hello.length;
  s.rst(false, 2);
  return s;
}
