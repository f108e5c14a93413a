import { describe, expect, it } from 'vitest';
import { analyzeCapture, type PacketCaptureResult } from './analyze';
import {
  cat,
  certificateMsg,
  clientHello,
  ECDHE_RSA_AES256_GCM,
  ethernet,
  inTds,
  nullLink,
  preloginResponse,
  PRELOGIN_SAMPLE,
  record,
  serverHello,
  serverHelloDone,
  Session,
  sll,
  sll2,
  tdsPacket,
  udpPacket,
  writePcap,
  writePcapng,
  type WFrame,
} from './testing/writer';
import {
  cipherMismatch,
  CLIENT_SUITES,
  dheClosed,
  fakeDer,
  goodHandshake,
  outOfOrderClientHello,
  protocolMismatch,
  strictTds8,
  synRetransmits,
  tds7Start,
} from './testing/scenarios';

const run = (bytes: Uint8Array) => analyzeCapture(bytes);
const only = (r: PacketCaptureResult) => {
  expect(r.facts.connections).toHaveLength(1);
  return r.facts.connections[0]!;
};

describe('scenario signatures', () => {
  it('no common protocol: the client offers TLS 1.2 at most and the server resets 3 ms after the Client Hello', async () => {
    const r = await run(writePcap(protocolMismatch().frames));
    const c = only(r);
    expect(c.outcome).toBe('handshake-failed');
    expect(c.clientHello?.maxVersion).toBe('TLS 1.2');
    expect(c.clientHello?.versionsFrom).toBe('client_version');
    expect(c.serverHello).toBeNull();
    expect(c.reset).toEqual({
      by: 'server',
      frame: 7,
      afterMessage: 'Client Hello',
      afterMessageFrom: 'client',
      ms: 3,
    });
    expect(c.summary).toContain('client offered up to TLS 1.2');
    expect(c.summary).toContain(
      'the server reset the connection 3 ms after the Client Hello without a Server Hello',
    );
    expect(c.progress).toBe('>S <AS >PL <PR >CH <R');
    expect(c.signals).toEqual({
      lowTlsVersion: false,
      closedAfterClientHello: true,
      dheChosen: false,
      closedAfterKeyExchange: false,
      synRetransmitted: false,
      synRejected: false,
    });
    expect(r.problems).toEqual([]);
  });

  it('names a TLS 1.0-only client', async () => {
    const c = only(await run(writePcap(protocolMismatch(0x0301).frames)));
    expect(c.clientHello?.maxVersion).toBe('TLS 1.0');
    expect(c.summary).toContain('up to TLS 1.0');
    expect(c.signals.lowTlsVersion).toBe(true);
  });

  it('cipher mismatch: a fatal handshake_failure alert, then FIN, no Server Hello', async () => {
    const c = only(await run(writePcap(cipherMismatch().frames)));
    expect(c.outcome).toBe('handshake-failed');
    expect(c.clientHello?.suiteNames).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
    expect(c.clientHello?.hasDhe).toBe(false);
    expect(c.alert).toMatchObject({
      from: 'server',
      level: 'fatal',
      description: 40,
      name: 'handshake_failure',
    });
    expect(c.fin?.by).toBe('server');
    expect(c.summary).toContain('the server sent a fatal alert handshake_failure (40)');
  });

  it('DHE: the Server Hello picks a DHE suite and the server closes right after the key exchange', async () => {
    const r = await run(writePcap(dheClosed().frames));
    const c = only(r);
    expect(c.serverHello?.suite.name).toBe('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(c.serverHello?.dhe).toBe(true);
    expect(c.serverKeyExchange).toEqual({ frame: 7, kind: 'DHE', primeBits: 2048 });
    expect(c.certificate?.chainLength).toBe(2);
    expect(c.certificate?.leafLength).toBe(400);
    expect(c.certificate?.leafPem.startsWith('-----BEGIN CERTIFICATE-----\nMIIBjEJC')).toBe(true);
    expect(c.fin).toMatchObject({ by: 'server', afterMessageFrom: 'client', ms: 2 });
    expect(c.summary).toContain('Server Hello chose TLS_DHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(c.summary).toContain(
      "the server closed the connection (FIN) 2 ms after the client's key exchange",
    );
    expect(c.timeline.map((e) => e.what)).toEqual([
      'SYN',
      'SYN/ACK',
      'PRELOGIN',
      'PRELOGIN response',
      'Client Hello',
      'Server Hello',
      'Certificate',
      'Server Key Exchange',
      'Server Hello Done',
      'Client Key Exchange',
      'Change Cipher Spec',
      'Finished',
      'FIN',
    ]);
  });

  it('listener overload: SYN retransmitted 3 times, then RST', async () => {
    const r = await run(writePcap(synRetransmits().frames));
    const c = only(r);
    expect(c.synRetransmits).toBe(3);
    expect(c.synAnswer).toBe('rst');
    expect(c.outcome).toBe('syn-rejected');
    expect(c.summary).toBe('SYN retransmitted 3 times, then RST');
    expect(c.signals).toMatchObject({ synRetransmitted: true, synRejected: true });
    expect(c.reset).toMatchObject({ by: 'server', afterMessage: 'SYN' });
    expect(r.evidence.some((e) => e.fact === 'connections.0.synRetransmits')).toBe(true);
  });

  it('a good TDS 7.x handshake completes and reports the SQL Server version from PRELOGIN', async () => {
    const c = only(await run(writePcap(goodHandshake().frames)));
    expect(c.outcome).toBe('handshake-completed');
    expect(c.summary).toBe(
      'handshake completed (TLS 1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384); SQL Server 15.0.2000',
    );
    expect(c.tds).toBe('7.x');
    expect(c.tdsPrelogin?.sqlServerVersion).toBe('15.0.2000');
    expect(c.tdsPrelogin?.client).toMatchObject({
      version: '9.0.0',
      encryption: 'ENCRYPT_ON',
      instance: '',
      threadId: 3512,
      mars: true,
    });
    expect(c.tdsPrelogin?.server?.encryption).toBe('ENCRYPT_OFF');
    expect(c.clientHello?.sni).toBe('sql01.contoso.com');
    expect(c.tlsVersion).toBe('TLS 1.2');
    expect(Object.values(c.signals).every((v) => v === false)).toBe(true);
  });

  it('TDS 8.0 strict: TLS first with ALPN tds/8.0 on any port, TLS 1.3 negotiated', async () => {
    const r = await run(writePcap(strictTds8({ sport: 14330 }).frames));
    const c = only(r);
    expect(c.tds).toBe('8.0');
    expect(c.recognisedBy).toBe('alpn-tds8');
    expect(c.clientHello).toMatchObject({
      versions: ['TLS 1.3', 'TLS 1.2'],
      versionsFrom: 'supported_versions',
      alpn: ['tds/8.0'],
      sni: 'sql01.contoso.com',
      signatureAlgorithms: ['rsa_pss_rsae_sha256', 'rsa_pkcs1_sha256'],
      supportedGroups: ['x25519', 'secp256r1'],
      offersTls13: true,
    });
    expect(c.serverHello).toMatchObject({ version: 'TLS 1.3', alpn: 'tds/8.0' });
    expect(c.serverHello?.suite.name).toBe('TLS_AES_256_GCM_SHA384');
    expect(c.outcome).toBe('handshake-completed');
    expect(c.summary).toBe('TDS 8.0 (strict): handshake completed (TLS 1.3, TLS_AES_256_GCM_SHA384)');
  });
});

describe('finding SQL Server connections', () => {
  it('by PRELOGIN content on any port; other TLS and TCP traffic is left out', async () => {
    const sql = goodHandshake({ sport: 50000, cport: 60001 });
    const https = new Session({ sport: 443, cport: 60002 }).connect();
    https.send(true, record(0x16, clientHello({ suites: CLIENT_SUITES, sni: 'www.example.com' })));
    const http = new Session({ sport: 80, cport: 60003 }).connect();
    http.send(true, new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'));
    const frames = [...sql.frames, ...https.frames, ...http.frames].sort((a, b) => a.ts - b.ts);
    const r = await run(writePcap(frames));
    const c = only(r);
    expect(c.recognisedBy).toBe('prelogin');
    expect(c.server.port).toBe(50000);
    expect(r.facts.totals).toMatchObject({ tcpConnections: 3, sqlConnections: 1, completed: 1, failed: 0 });
    expect(r.facts.sqlServers).toEqual([{ ip: '10.0.0.9', port: 50000, version: '15.0.2000' }]);
  });

  it('keeps a SYN-only connection to a server port recognised by content elsewhere', async () => {
    const good = goodHandshake({ sport: 50000, cport: 60001 });
    const syn = new Session({ sport: 50000, cport: 60005, start: good.t + 10 });
    syn.seg(true, 0x02, undefined, 1, syn.cseq);
    syn.seg(true, 0x02, undefined, 3000, syn.cseq);
    const r = await run(writePcap([...good.frames, ...syn.frames]));
    expect(r.facts.connections).toHaveLength(2);
    expect(r.facts.connections[1]).toMatchObject({
      recognisedBy: 'known-server',
      outcome: 'syn-unanswered',
      synRetransmits: 1,
    });
    expect(r.facts.connections[1]!.summary).toBe('SYN retransmitted 1 times and never answered');
  });

  it('notes SSRP (UDP 1434) requests and answers', async () => {
    const req = udpPacket(
      '10.0.0.5',
      '10.0.0.9',
      55000,
      1434,
      new Uint8Array([4, ...new TextEncoder().encode('SQLEXPRESS'), 0]),
    );
    const text = 'ServerName;SRV1;InstanceName;SQLEXPRESS;IsClustered;No;Version;15.0.2000.5;tcp;49172;;';
    const body = new TextEncoder().encode(text);
    const resp = udpPacket(
      '10.0.0.9',
      '10.0.0.5',
      1434,
      55000,
      cat([5, body.length & 255, body.length >> 8], body),
    );
    const lost = udpPacket('10.0.0.5', '10.0.0.8', 55001, 1434, new Uint8Array([3]));
    const r = await run(
      writePcap([
        { ts: 1000, data: ethernet(req) },
        { ts: 1002, data: ethernet(resp) },
        { ts: 1003, data: ethernet(lost) },
      ]),
    );
    expect(r.facts.ssrp).toHaveLength(2);
    expect(r.facts.ssrp[0]).toMatchObject({
      request: 'CLNT_UCAST_INST',
      instance: 'SQLEXPRESS',
      answered: true,
      responseFrame: 2,
      ms: 2,
    });
    expect(r.facts.ssrp[0]!.instances?.[0]).toMatchObject({
      InstanceName: 'SQLEXPRESS',
      tcp: '49172',
      Version: '15.0.2000.5',
    });
    expect(r.facts.ssrp[1]).toMatchObject({ request: 'CLNT_UCAST_EX', answered: false });
  });
});

describe('file formats and link layers', () => {
  const base = () => protocolMismatch().frames;
  const key = (r: PacketCaptureResult) => {
    const c = only(r);
    return {
      summary: c.summary,
      timeline: c.timeline.map(({ offset: _o, ...rest }) => rest),
      client: c.client,
    };
  };

  it('reads both pcap byte orders and nanosecond timestamps alike', async () => {
    const le = await run(writePcap(base()));
    const be = await run(writePcap(base(), { bigEndian: true }));
    const nano = await run(writePcap(base(), { nano: true, bigEndian: true }));
    expect(be.facts).toEqual(le.facts);
    expect(nano.facts).toEqual(le.facts);
    expect(le.facts.connections[0]!.reset?.ms).toBe(3);
  });

  it('reads pcapng with two interfaces (Ethernet in µs, Linux cooked SLL2 in ns), both byte orders, SPB', async () => {
    const s = protocolMismatch();
    const frames: WFrame[] = s.frames.map((f, i) =>
      i % 2 === 0 ? f : { ...f, iface: 1, data: sll2(f.data.subarray(14)) },
    );
    const ref = key(await run(writePcap(base())));
    for (const bigEndian of [false, true]) {
      const r = await run(
        writePcapng(frames, {
          interfaces: [{ linkType: 1 }, { linkType: 276, tsresol: 9 }],
          bigEndian,
          extraBlocks: true,
        }),
      );
      expect(r.facts.format).toBe('pcapng');
      expect(r.facts.linkTypes).toEqual([1, 276]);
      expect(key(r)).toEqual(ref);
    }
    const simple = await run(writePcapng(s.frames, { simple: true }));
    expect(only(simple).clientHello?.maxVersion).toBe('TLS 1.2');
  });

  it.each([
    ['SLL', 113, sll],
    ['SLL2', 276, sll2],
    ['NULL/loopback', 0, nullLink],
    ['raw IP', 101, (ip: Uint8Array) => ip],
    ['raw IPv4', 228, (ip: Uint8Array) => ip],
  ])('reads %s frames', async (_name, linkType, link) => {
    const s = new Session({ link });
    s.connect();
    s.send(true, PRELOGIN_SAMPLE).send(false, preloginResponse());
    s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES })))).rst(false, 3);
    const c = only(await run(writePcap(s.frames, { linkType })));
    expect(c.summary).toContain('the server reset the connection 3 ms after the Client Hello');
  });

  it('reads 802.1Q and QinQ VLAN tags and IPv6', async () => {
    const vlan = new Session({ link: (ip) => ethernet(ip, [100]) });
    vlan.connect().send(true, PRELOGIN_SAMPLE);
    const qinq = new Session({ link: (ip) => ethernet(ip, [10, 20], true), cport: 50200 });
    qinq.connect().send(true, PRELOGIN_SAMPLE);
    const v6 = new Session({ client: '2001:db8::5', server: '2001:db8::9', cport: 50300 });
    v6.connect()
      .send(true, PRELOGIN_SAMPLE)
      .send(false, preloginResponse([16, 0, 1000]));
    const r = await run(writePcap([...vlan.frames, ...qinq.frames, ...v6.frames]));
    expect(r.facts.connections).toHaveLength(3);
    expect(r.facts.connections.every((c) => c.tdsPrelogin?.client?.version === '9.0.0')).toBe(true);
    expect(r.facts.connections[2]!.client).toEqual({ ip: '2001:db8::5', port: 50300 });
    expect(r.facts.connections[2]!.tdsPrelogin?.sqlServerVersion).toBe('16.0.1000');
  });

  it('names an unknown link type and a file that is not a capture', async () => {
    const s = protocolMismatch();
    const r = await run(writePcap(s.frames, { linkType: 105 }));
    expect(r.problems.map((p) => p.code)).toContain('unknown-link-type');
    const junk = await run(new TextEncoder().encode('hello, this is text'));
    expect(junk.problems[0]?.code).toBe('not-a-capture');
    expect(junk.facts.connections).toEqual([]);
  });

  it('reads a file fed in tiny chunks exactly like the whole file', async () => {
    const bytes = writePcapng(goodHandshake().frames);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    const whole = await run(bytes);
    const progress: number[] = [];
    const piecewise = await analyzeCapture(chunks(), { onProgress: (n) => progress.push(n) });
    expect(piecewise).toEqual(whole);
    expect(progress[progress.length - 1]).toBe(bytes.length);
  });
});

describe('TCP reassembly', () => {
  it('drops retransmitted segments and puts out-of-order ones back in order', async () => {
    const s = tds7Start();
    const ch = inTds(record(0x16, clientHello({ suites: CLIENT_SUITES, sni: 'db.example.org' })));
    s.send(true, ch, [20, 30]);
    const n = s.frames.length;
    const [a, b, c] = s.frames.slice(n - 3) as [WFrame, WFrame, WFrame];
    s.frames.splice(n - 3, 3, a, { ...a, ts: a.ts + 0.1 }, c, b); // retransmit of a; c before b
    s.rst(false, 3);
    const conn = only(await run(writePcap(s.frames)));
    expect(conn.clientHello?.sni).toBe('db.example.org');
    expect(conn.retransmits).toBe(1);
    expect(conn.gaps).toBe(0);
    expect(conn.timeline.some((e) => e.what === 'retransmit')).toBe(true);
  });

  it('dates a message reassembled from out-of-order segments by the frame that completed it (as Wireshark does)', async () => {
    const c = only(await run(writePcap(outOfOrderClientHello().frames)));
    // frames 6 and 7 carry the start and the end; frame 8 fills the middle, so the Client Hello is readable at 8
    expect(c.clientHello?.frame).toBe(8);
    expect(c.clientHello?.suites.map((s) => s.id)).toEqual(CLIENT_SUITES);
    expect(c.reset).toMatchObject({ by: 'server', frame: 9, afterMessage: 'Client Hello', ms: 2 });
  });

  it('reads a TLS record split across TDS packets and odd TCP segments', async () => {
    const s = tds7Start();
    s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES }))));
    const rec = record(
      0x16,
      cat(serverHello({ suite: ECDHE_RSA_AES256_GCM }), certificateMsg([fakeDer(900)]), serverHelloDone()),
    );
    const half = 333;
    const tds = cat(
      tdsPacket(0x12, rec.subarray(0, half), false, 1),
      tdsPacket(0x12, rec.subarray(half), true, 2),
    );
    s.send(false, tds, [7, 5, 400, 1]);
    s.fin(false, 1);
    const c = only(await run(writePcap(s.frames)));
    expect(c.serverHello?.suite.name).toBe('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(c.certificate?.leafLength).toBe(900);
    expect(c.timeline.map((e) => e.what)).toContain('Server Hello Done');
  });

  it('reports missing segments as a gap, not a failure', async () => {
    const s = tds7Start();
    s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES }))));
    s.send(
      false,
      inTds(record(0x16, cat(serverHello({ suite: ECDHE_RSA_AES256_GCM }), certificateMsg([fakeDer(2000)])))),
      [600, 600],
    );
    s.frames.splice(s.frames.length - 2, 1); // lose the middle segment
    s.send(false, inTds(record(0x16, serverHelloDone())));
    const r = await run(writePcap(s.frames));
    const c = only(r);
    expect(c.gaps).toBe(1);
    expect(r.problems.some((p) => p.code === 'tcp-gap' && p.message.includes('600 bytes'))).toBe(true);
    expect(c.serverHello?.suite.name).toBe('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  });

  it('a snapped frame becomes a gap', async () => {
    const s = tds7Start();
    const ch = inTds(record(0x16, clientHello({ suites: CLIENT_SUITES })));
    const bytes = writePcap(s.frames);
    const f = s.seg(true, 0x18, ch);
    const cut = f.data.length - 40;
    const r = await run(
      cat(
        bytes,
        writePcap([{ ts: f.ts, data: f.data.subarray(0, cut), origLen: f.data.length }]).subarray(24),
      ),
    );
    const c = only(r);
    expect(c.gaps).toBe(1);
    expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['tcp-gap', 'snapped-frames']));
  });
});

describe('evidence and problems', () => {
  it('points evidence at byte offsets in the file and frame numbers in the meaning', async () => {
    const bytes = writePcap(dheClosed().frames);
    const r = await run(bytes);
    const ch = r.evidence.find((e) => e.fact === 'connections.0.clientHello')!;
    expect(ch.meaning).toMatch(/^Frame 6: the Client Hello offered up to TLS 1\.2/);
    expect([...bytes.subarray(ch.start, ch.start + 3)]).toEqual([0x16, 0x03, 0x03]);
    const sh = r.evidence.find((e) => e.fact === 'connections.0.serverHello')!;
    expect(bytes[sh.start]).toBe(0x16);
    expect(sh.end).toBeGreaterThan(sh.start);
    const fin = r.evidence.find((e) => e.fact === 'connections.0.fin')!;
    expect(fin.meaning).toContain('Frame 9: the server closed the connection (TCP FIN)');
    expect(bytes[fin.start + 13]! & 0x01).toBe(1); // the TCP flags byte has FIN
    for (const e of r.evidence) expect(e.end).toBeLessThanOrEqual(bytes.length);
  });

  it('reads everything before the end of a truncated file and says it was cut', async () => {
    const bytes = writePcap(protocolMismatch().frames);
    const r = await run(bytes.subarray(0, bytes.length - 30));
    const c = only(r);
    expect(c.clientHello?.maxVersion).toBe('TLS 1.2');
    expect(c.reset).toBeNull();
    expect(c.outcome).toBe('incomplete');
    expect(c.summary).toContain('capture ends after the Client Hello');
    const p = r.problems.find((x) => x.code === 'truncated-capture')!;
    expect(p.message).toContain('frame 7');
    expect(p.start).toBeGreaterThan(0);
  });

  it('rejects with AbortError when cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      analyzeCapture(writePcap(goodHandshake().frames), { signal: ctl.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('other connection stories', () => {
  it('no TLS at all: the server does not support encryption and LOGIN7 goes in clear', async () => {
    const s = tds7Start({}, 2);
    s.send(true, tdsPacket(0x10, new Uint8Array(90)));
    s.send(false, tdsPacket(0x04, new Uint8Array(40)));
    const c = only(await run(writePcap(s.frames)));
    expect(c.outcome).toBe('no-encryption');
    expect(c.summary).toContain('no TLS: PRELOGIN encryption ENCRYPT_NOT_SUP; LOGIN7 sent in clear');
  });

  it('the client resets after the Server Hello (the client rejects what the server chose)', async () => {
    const s = tds7Start();
    s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES }))));
    s.send(
      false,
      inTds(
        record(0x16, cat(serverHello({ suite: 0x009d }), certificateMsg([fakeDer()]), serverHelloDone())),
      ),
    );
    s.rst(true, 1);
    const c = only(await run(writePcap(s.frames)));
    expect(c.reset).toMatchObject({
      by: 'client',
      afterMessage: 'Server Hello Done',
      afterMessageFrom: 'server',
      ms: 1,
    });
    expect(c.summary).toContain(
      'Server Hello chose TLS_RSA_WITH_AES_256_GCM_SHA384 (TLS 1.2); the client reset the connection 1 ms after the Server Hello Done',
    );
  });

  it('an encrypted alert after the handshake is named as encrypted', async () => {
    const s = goodHandshake();
    s.frames.splice(s.frames.length - 5);
    s.send(false, record(0x15, new Uint8Array(26)));
    const c = only(await run(writePcap(s.frames)));
    expect(c.timeline.some((e) => e.what === 'alert' && e.detail === 'encrypted')).toBe(true);
  });

  it('a connection already open when the capture started is listed as unknown, not as a failure', async () => {
    const s = new Session();
    s.cseq = 90000;
    for (let i = 0; i < 6; i++) s.send(i % 2 === 0, record(0x17, new Uint8Array(50)));
    const r = await run(writePcap(s.frames));
    const c = only(r);
    expect(c.outcome).toBe('unknown');
    expect(r.facts.totals.failed).toBe(0);
  });

  it('a new SYN on the same ports after a reset starts a new connection', async () => {
    const first = protocolMismatch();
    const again = new Session({ start: first.t + 100 });
    again.cseq = 777777;
    again.connect();
    const r = await run(writePcap([...first.frames, ...again.frames]));
    expect(r.facts.connections).toHaveLength(2);
    expect(r.facts.connections[0]!.outcome).toBe('handshake-failed');
    expect(r.facts.connections[1]!.firstFrame).toBe(8);
  });

  it('reports IP fragments as not reassembled', async () => {
    const s = protocolMismatch();
    const frag = s.frames[5]!.data.slice();
    frag[14 + 6] = 0x20;
    const r = await run(writePcap([...s.frames, { ts: s.t + 1, data: frag }]));
    expect(r.problems.find((p) => p.code === 'ip-fragments')?.message).toContain('frame 8');
  });
});

describe('TLS 1.3 timeline', () => {
  it('labels the encrypted handshake records instead of calling them application data', async () => {
    const c = only(await run(writePcap(strictTds8().frames)));
    expect(c.timeline.map((e) => `${e.from} ${e.what}`)).toEqual([
      'client SYN',
      'server SYN/ACK',
      'client Client Hello',
      'server Server Hello',
      'server Change Cipher Spec',
      'server handshake',
      'server handshake',
      'client Change Cipher Spec',
      'client Finished',
      'client application data',
      'server application data',
    ]);
  });
});
