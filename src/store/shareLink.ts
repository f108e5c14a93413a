import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { redactSecrets, type Redaction } from '@/engine/redact';

/**
 * Share links carry an analysis (pastes and wizard answers) in the URL fragment, which browsers never send
 * to a server. Format: `v1.<lz-string>`, a versioned JSON payload. Secrets are removed before encoding and
 * the caller shows what was removed. Decoding validates everything and explains what is wrong; it never
 * throws.
 */

export const SHARE_VERSION = 1;
export const MAX_SHARE_CHARS = 100_000;

export interface SharePayload {
  inputs: { source: string; text: string }[];
  answers: Record<string, string>;
}

/** FNV-1a, 32 bit: a checksum that catches a link damaged in transit (not a security measure). */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export interface EncodedShare {
  /** the value of the `share` parameter */
  token: string;
  removed: Redaction['removed'];
  tooLong: boolean;
}

export function encodeShare(payload: SharePayload): EncodedShare {
  const removed = new Map<string, number>();
  const inputs = payload.inputs.map((input) => {
    const r = redactSecrets(input.text);
    for (const { what, count } of r.removed) removed.set(what, (removed.get(what) ?? 0) + count);
    return { source: redactSecrets(input.source).text, text: r.text };
  });
  const body = { v: SHARE_VERSION, i: inputs, a: payload.answers };
  const json = JSON.stringify({ ...body, c: checksum(JSON.stringify([body.i, body.a])) });
  const token = `v${SHARE_VERSION}.${compressToEncodedURIComponent(json)}`;
  return {
    token,
    removed: [...removed].map(([what, count]) => ({ what, count })),
    tooLong: token.length > MAX_SHARE_CHARS,
  };
}

export type DecodedShare = { ok: true; payload: SharePayload } | { ok: false; reason: string };

const isRecordOfStrings = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string');

export function decodeShare(token: string): DecodedShare {
  if (token.length > MAX_SHARE_CHARS) {
    return { ok: false, reason: 'This share link is too long (over 100,000 characters) and was not opened.' };
  }
  const match = /^v(\d{1,4})\.(.*)$/s.exec(token);
  if (!match) return { ok: false, reason: 'This share link is not in a format this tool knows.' };
  const version = Number(match[1]);
  if (version > SHARE_VERSION) {
    return {
      ok: false,
      reason: `This share link was made by a newer version of this tool (format ${version}).`,
    };
  }
  if (version < 1) return { ok: false, reason: 'This share link is in an unknown old format.' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(match[2] ?? '');
  } catch {
    json = null;
  }
  if (!json)
    return { ok: false, reason: 'This share link is damaged or cut short (it could not be unpacked).' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'This share link is damaged (its content is not valid).' };
  }
  const d = data as { v?: unknown; i?: unknown; a?: unknown; c?: unknown };
  if (
    typeof d !== 'object' ||
    d === null ||
    d.v !== version ||
    !Array.isArray(d.i) ||
    !d.i.every((x) => typeof x?.source === 'string' && typeof x?.text === 'string') ||
    !isRecordOfStrings(d.a ?? {})
  ) {
    return { ok: false, reason: 'This share link is damaged (its content has an unexpected shape).' };
  }
  if (d.c !== checksum(JSON.stringify([d.i, d.a ?? {}]))) {
    return {
      ok: false,
      reason: 'This share link was changed or damaged after it was made (its checksum does not match).',
    };
  }
  return {
    ok: true,
    payload: {
      inputs: (d.i as { source: string; text: string }[]).map((x) => ({ source: x.source, text: x.text })),
      answers: (d.a as Record<string, string>) ?? {},
    },
  };
}
