import { describe, expect, it } from 'vitest';
import { decodePacket, formatIp, newPacket } from './packet';
import { cat, ethernet, ipPacket, tcpPacket, u16, u32 } from './testing/writer';

const tcp = (payload: number[] = [1, 2, 3]) =>
  cat([...u16(50000), ...u16(1433), ...u32(7), ...u32(9), 0x50, 0x18, 0, 0, 0, 0, 0, 0], payload);

describe('decodePacket', () => {
  it('walks IPv6 extension headers (hop-by-hop, destination options) to TCP', () => {
    const ip6 = ipPacket(
      '2001:db8::1',
      '2001:db8::2',
      0,
      cat([60, 0, 1, 4, 0, 0, 0, 0], [6, 0, 1, 4, 0, 0, 0, 0], tcp()),
    );
    const pk = newPacket();
    const frame = ethernet(ip6);
    expect(decodePacket(frame, 0, frame.length, 1, pk)).toBe('ok');
    expect(pk.proto).toBe(6);
    expect([pk.srcPort, pk.dstPort, pk.seq, pk.ack, pk.payloadLen]).toEqual([50000, 1433, 7, 9, 3]);
    expect(formatIp(frame, pk.src, 6)).toBe('2001:db8::1');
  });

  it('reports IPv4 and IPv6 fragments instead of decoding them', () => {
    const v4 = ethernet(
      tcpPacket({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, seq: 0, ack: 0, flags: 0x10 }),
    );
    v4[14 + 6] = 0x20; // more fragments
    const pk = newPacket();
    expect(decodePacket(v4, 0, v4.length, 1, pk)).toBe('fragment');
    const v6 = ethernet(ipPacket('::1', '::2', 44, cat([6, 0, 0, 8, 0, 0, 0, 1], tcp())));
    expect(decodePacket(v6, 0, v6.length, 1, pk)).toBe('fragment');
  });

  it('ignores Ethernet padding and reads captures where large-send offload wrote IP length 0', () => {
    const ip = tcpPacket({
      src: '10.0.0.1',
      dst: '10.0.0.2',
      sport: 1,
      dport: 2,
      seq: 0,
      ack: 0,
      flags: 0x10,
    });
    const padded = cat(ethernet(ip), [0, 0, 0, 0, 0, 0]);
    const pk = newPacket();
    expect(decodePacket(padded, 0, padded.length, 1, pk)).toBe('ok');
    expect(pk.payloadLen).toBe(0);
    const lso = ethernet(
      tcpPacket({
        src: '10.0.0.1',
        dst: '10.0.0.2',
        sport: 1,
        dport: 2,
        seq: 0,
        ack: 0,
        flags: 0x18,
        payload: new Uint8Array(3000),
      }),
    );
    lso[16] = 0;
    lso[17] = 0;
    expect(decodePacket(lso, 0, lso.length, 1, pk)).toBe('ok');
    expect(pk.payloadLen).toBe(3000);
  });

  it('says what it cannot read', () => {
    const pk = newPacket();
    const arp = cat(new Array(12).fill(0), u16(0x0806), new Array(28).fill(0));
    expect(decodePacket(arp, 0, arp.length, 1, pk)).toBe('not-ip');
    expect(decodePacket(arp, 0, arp.length, 147, pk)).toBe('unknown-link');
    expect(decodePacket(arp, 0, 10, 1, pk)).toBe('malformed');
  });

  it('formats IPv6 addresses the short way (RFC 5952)', () => {
    const b = new Uint8Array([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(formatIp(b, 0, 6)).toBe('fe80::1');
    expect(formatIp(new Uint8Array(16), 0, 6)).toBe('::');
  });
});
