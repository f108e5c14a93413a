/**
 * Share-link codec for a simulator setup: versioned JSON, base64url (UTF-8). Cipher orders are written as
 * IANA code points where known (short links). Decoding validates every field (normalise.ts): unknown or bad
 * values are reported and replaced by defaults; it never throws.
 */
import { suiteById } from '../knowledge-tables/cipher-suites';
import { normaliseSuites } from './model';
import { normaliseClient, normaliseServer } from './normalise';
import type { DecodeResult, SimState, WindowsConfig } from './types';

export const SIM_STATE_VERSION = 1;
/** Links longer than this are not read (a share link is never this long). */
export const MAX_ENCODED_LENGTH = 20000;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Cipher orders as hex code points ("c030") where the name is a known suite, else the name itself. */
function packOrder(w: WindowsConfig | null): unknown {
  if (!w || !w.cipherOrder) return w;
  const order = w.cipherOrder.map((n) => {
    const s = normaliseSuites([n], null)[0];
    return s && s.iana.toUpperCase() === n.toUpperCase() ? s.id.toString(16) : n;
  });
  return { ...w, cipherOrder: order };
}

function unpackOrder(w: unknown): unknown {
  if (typeof w !== 'object' || w === null || !Array.isArray((w as { cipherOrder?: unknown }).cipherOrder))
    return w;
  const o = w as { cipherOrder: unknown[] };
  return {
    ...o,
    cipherOrder: o.cipherOrder.map((x) => {
      if (typeof x === 'string' && /^[0-9a-f]{1,4}$/.test(x)) return suiteById(parseInt(x, 16))?.iana ?? x;
      return x;
    }),
  };
}

/** A compact, URL-safe string for the state (put it after `#/simulator?s=`). */
export function encodeSimState(state: SimState): string {
  const packed = {
    v: SIM_STATE_VERSION,
    s: { ...state.server, windows: packOrder(state.server.windows) },
    c: { ...state.client, windows: packOrder(state.client.windows) },
    ...(state.matrix ? { m: state.matrix } : {}),
  };
  return toBase64Url(JSON.stringify(packed));
}

const PRESET_ID = /^[a-z0-9][a-z0-9.+-]{0,80}$/;

/** Reads a share-link string. Never throws; problems say what was wrong. */
export function decodeSimState(encoded: string): DecodeResult {
  const problems: string[] = [];
  if (typeof encoded !== 'string' || encoded.length === 0)
    return { state: null, problems: ['The link holds no simulator setup.'] };
  if (encoded.length > MAX_ENCODED_LENGTH)
    return {
      state: null,
      problems: [`The setup in the link is too long (${encoded.length} characters); it was ignored.`],
    };
  const json = fromBase64Url(encoded.trim());
  if (json === null)
    return {
      state: null,
      problems: ['The setup in the link is not valid (it may have been cut off when copied).'],
    };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {
      state: null,
      problems: ['The setup in the link is not valid (it may have been cut off when copied).'],
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { state: null, problems: ['The setup in the link is not valid.'] };
  const r = raw as Record<string, unknown>;
  if (r.v !== SIM_STATE_VERSION) {
    if (typeof r.v === 'number' && r.v > SIM_STATE_VERSION)
      problems.push(
        `The link was made by a newer version of this app (format ${r.v}); some settings may be lost.`,
      );
    else problems.push('The link has no known format version; read as version 1.');
  }
  const s =
    typeof r.s === 'object' && r.s !== null
      ? { ...(r.s as object), windows: unpackOrder((r.s as { windows?: unknown }).windows) }
      : r.s;
  const c =
    typeof r.c === 'object' && r.c !== null
      ? { ...(r.c as object), windows: unpackOrder((r.c as { windows?: unknown }).windows) }
      : r.c;
  const server = normaliseServer(s, problems);
  const client = normaliseClient(c, problems);
  const state: SimState = { server, client };
  if (r.m !== undefined) {
    const m = r.m as { servers?: unknown; clients?: unknown } | null;
    const ids = (v: unknown) =>
      Array.isArray(v)
        ? v.filter((x): x is string => typeof x === 'string' && PRESET_ID.test(x)).slice(0, 20)
        : [];
    if (m && typeof m === 'object') state.matrix = { servers: ids(m.servers), clients: ids(m.clients) };
    else problems.push('The matrix selection in the link is not valid; ignored.');
  }
  return { state, problems };
}
