/**
 * Link layer -> IPv4/IPv6 -> TCP/UDP. Decodes in place into one reused Packet record (no allocation per
 * frame) so that the capture reader keeps up with 100+ MB/s.
 */

export const LINK_ETHERNET = 1;
export const LINK_NULL = 0;
export const LINK_LOOP = 108;
export const LINK_RAW = 101;
export const LINK_RAW_OLD = 12;
export const LINK_RAW_OPENBSD = 14;
export const LINK_IPV4 = 228;
export const LINK_IPV6 = 229;
export const LINK_SLL = 113;
export const LINK_SLL2 = 276;

export const SUPPORTED_LINK_TYPES = new Set([
  LINK_ETHERNET,
  LINK_NULL,
  LINK_LOOP,
  LINK_RAW,
  LINK_RAW_OLD,
  LINK_RAW_OPENBSD,
  LINK_IPV4,
  LINK_IPV6,
  LINK_SLL,
  LINK_SLL2,
]);

export type DecodeStatus = 'ok' | 'not-ip' | 'fragment' | 'malformed' | 'other-protocol' | 'unknown-link';

export interface Packet {
  ipVersion: 4 | 6;
  /** buffer offsets of the source / destination address bytes */
  src: number;
  dst: number;
  proto: number;
  srcPort: number;
  dstPort: number;
  /** TCP */
  seq: number;
  ack: number;
  flags: number;
  /** offset of the transport header */
  l4: number;
  /** payload offset and captured payload length */
  payload: number;
  payloadLen: number;
  /** payload length the IP header declares (larger than payloadLen when the frame was snapped) */
  declaredLen: number;
}

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;

export function newPacket(): Packet {
  return {
    ipVersion: 4,
    src: 0,
    dst: 0,
    proto: 0,
    srcPort: 0,
    dstPort: 0,
    seq: 0,
    ack: 0,
    flags: 0,
    l4: 0,
    payload: 0,
    payloadLen: 0,
    declaredLen: 0,
  };
}

/** Decodes a frame into `pk`. */
export function decodePacket(
  b: Uint8Array,
  start: number,
  length: number,
  linkType: number,
  pk: Packet,
): DecodeStatus {
  const end = start + length;
  let o = start;
  let ethertype: number;
  switch (linkType) {
    case LINK_ETHERNET:
      if (length < 14) return 'malformed';
      ethertype = (b[o + 12]! << 8) | b[o + 13]!;
      o += 14;
      break;
    case LINK_SLL:
      if (length < 16) return 'malformed';
      ethertype = (b[o + 14]! << 8) | b[o + 15]!;
      o += 16;
      break;
    case LINK_SLL2:
      if (length < 20) return 'malformed';
      ethertype = (b[o]! << 8) | b[o + 1]!;
      o += 20;
      break;
    case LINK_NULL:
    case LINK_LOOP: {
      if (length < 4) return 'malformed';
      // family in the capturing host's byte order (NULL) or network order (LOOP)
      const le = b[o]! | (b[o + 1]! << 8);
      const be = (b[o + 2]! << 8) | b[o + 3]!;
      const fam = b[o]! === 0 && b[o + 1]! === 0 ? be : le;
      o += 4;
      if (fam === 2) ethertype = 0x0800;
      else if (fam === 10 || fam === 24 || fam === 28 || fam === 30) ethertype = 0x86dd;
      else return 'not-ip';
      break;
    }
    case LINK_RAW:
    case LINK_RAW_OLD:
    case LINK_RAW_OPENBSD:
    case LINK_IPV4:
    case LINK_IPV6: {
      if (length < 1) return 'malformed';
      const v = b[o]! >> 4;
      ethertype = v === 4 ? 0x0800 : v === 6 ? 0x86dd : -1;
      break;
    }
    default:
      return 'unknown-link';
  }
  // VLAN tags (802.1Q, QinQ 802.1ad, old 0x9100)
  let tags = 0;
  while ((ethertype === 0x8100 || ethertype === 0x88a8 || ethertype === 0x9100) && tags < 4) {
    if (o + 4 > end) return 'malformed';
    ethertype = (b[o + 2]! << 8) | b[o + 3]!;
    o += 4;
    tags++;
  }
  let ipEnd: number;
  if (ethertype === 0x0800) {
    if (o + 20 > end || b[o]! >> 4 !== 4) return 'malformed';
    const ihl = (b[o]! & 0x0f) * 4;
    if (ihl < 20 || o + ihl > end) return 'malformed';
    let total = (b[o + 2]! << 8) | b[o + 3]!;
    if (total === 0) total = end - o; // large-send offload captures write 0
    if (total < ihl) return 'malformed';
    const frag = ((b[o + 6]! << 8) | b[o + 7]!) & 0x3fff;
    pk.ipVersion = 4;
    pk.proto = b[o + 9]!;
    pk.src = o + 12;
    pk.dst = o + 16;
    if (frag !== 0) return 'fragment';
    ipEnd = o + total;
    o += ihl;
  } else if (ethertype === 0x86dd) {
    if (o + 40 > end || b[o]! >> 4 !== 6) return 'malformed';
    const plen = (b[o + 4]! << 8) | b[o + 5]!;
    let next = b[o + 6]!;
    pk.ipVersion = 6;
    pk.src = o + 8;
    pk.dst = o + 24;
    ipEnd = plen === 0 ? end : o + 40 + plen;
    o += 40;
    for (let i = 0; i < 8; i++) {
      if (next === 0 || next === 43 || next === 60) {
        if (o + 8 > end) return 'malformed';
        next = b[o]!;
        o += (b[o + 1]! + 1) * 8;
      } else if (next === 44) {
        if (o + 8 > end) return 'malformed';
        const fo = ((b[o + 2]! << 8) | b[o + 3]!) & 0xfff9;
        if (fo !== 0) {
          pk.proto = b[o]!;
          return 'fragment';
        }
        next = b[o]!;
        o += 8;
      } else if (next === 51) {
        if (o + 8 > end) return 'malformed';
        next = b[o]!;
        o += (b[o + 1]! + 2) * 4;
      } else break;
    }
    pk.proto = next;
  } else {
    return 'not-ip';
  }
  if (o > end) return 'malformed';
  const capEnd = Math.min(ipEnd, end);
  pk.l4 = o;
  if (pk.proto === 6) {
    if (o + 20 > capEnd) return 'malformed';
    const doff = (b[o + 12]! >> 4) * 4;
    if (doff < 20 || o + doff > capEnd) return 'malformed';
    pk.srcPort = (b[o]! << 8) | b[o + 1]!;
    pk.dstPort = (b[o + 2]! << 8) | b[o + 3]!;
    pk.seq = ((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0;
    pk.ack = ((b[o + 8]! << 24) | (b[o + 9]! << 16) | (b[o + 10]! << 8) | b[o + 11]!) >>> 0;
    pk.flags = b[o + 13]!;
    pk.payload = o + doff;
    pk.payloadLen = capEnd - pk.payload;
    pk.declaredLen = Math.max(pk.payloadLen, ipEnd - pk.payload);
    return 'ok';
  }
  if (pk.proto === 17) {
    if (o + 8 > capEnd) return 'malformed';
    pk.srcPort = (b[o]! << 8) | b[o + 1]!;
    pk.dstPort = (b[o + 2]! << 8) | b[o + 3]!;
    pk.flags = 0;
    pk.payload = o + 8;
    pk.payloadLen = capEnd - pk.payload;
    pk.declaredLen = pk.payloadLen;
    return 'ok';
  }
  return 'other-protocol';
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function formatIp(b: Uint8Array, o: number, v: 4 | 6): string {
  if (v === 4) return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[o + i]! << 8) | b[o + i + 1]!);
  // RFC 5952: compress the longest run of zero groups (length >= 2)
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] === 0) {
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    } else i++;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** A compact map key for an address (not for display). */
export function ipKey(b: Uint8Array, o: number, v: 4 | 6): string {
  if (v === 4) return String(((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0);
  let s = '';
  for (let i = 0; i < 16; i++) s += HEX[b[o + i]!];
  return s;
}

export function hexBytes(b: Uint8Array, start: number, end: number, max = 24): string {
  const e = Math.min(end, start + max, b.length);
  const parts: string[] = [];
  for (let i = Math.max(0, start); i < e; i++) parts.push(HEX[b[i]!]!);
  return parts.join(' ') + (end - start > max ? ' …' : '');
}
