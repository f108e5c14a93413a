import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, SHARE_VERSION } from './shareLink';
import v1Links from './__fixtures__/share-links-v1.json';

/** Changes one character in the middle of the compressed data. */
const tamper = (token: string) => {
  const i = Math.floor(token.length / 2);
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
};

const payload = {
  inputs: [{ source: 'Paste 1', text: 'An existing connection was forcibly closed by the remote host.' }],
  answers: { 'q-error': 'reset' },
};

describe('share links', () => {
  it('round-trip the pastes and answers', () => {
    const { token, removed, tooLong } = encodeShare(payload);
    expect(token.startsWith('v1.')).toBe(true);
    expect(removed).toEqual([]);
    expect(tooLong).toBe(false);
    expect(decodeShare(token)).toEqual({ ok: true, payload });
  });

  it('never carry a password, and say what was removed', () => {
    const { token, removed } = encodeShare({
      inputs: [{ source: 'app.config', text: 'Server=sql01;User ID=app;Password=Hunter2!;' }],
      answers: {},
    });
    const decoded = decodeShare(token);
    expect(decoded.ok && decoded.payload.inputs[0]!.text).toBe(
      'Server=sql01;User ID=app;Password=[removed];',
    );
    expect(token).not.toContain('Hunter2');
    expect(removed).toEqual([{ what: 'connection-string password', count: 1 }]);
  });

  it.each([
    ['empty', ''],
    ['no version', 'abc'],
    ['truncated', encodeShare(payload).token.slice(0, 20)],
    ['tampered', tamper(encodeShare(payload).token)],
    ['newer version', 'v9.' + compressToEncodedURIComponent('{}')],
    [
      'wrong shape',
      'v1.' + compressToEncodedURIComponent(JSON.stringify({ v: 1, i: [{ source: 1 }], a: {} })),
    ],
    ['not JSON', 'v1.' + compressToEncodedURIComponent('{nope')],
    ['oversized', 'v1.' + 'A'.repeat(MAX_SHARE_CHARS + 1)],
  ])('reject a %s link with a reason', (_name, token) => {
    const decoded = decodeShare(token);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason.length).toBeGreaterThan(10);
  });

  it('never throw on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        decodeShare(s);
        decodeShare(`v1.${s}`);
      }),
      { numRuns: 500 },
    );
  });

  // Share links live on in tickets and KB pages: every link an earlier version made must still open.
  describe('made by earlier versions', () => {
    it.each(v1Links.links.map((l) => [l.note, l] as const))('format 1: %s', (_note, link) => {
      expect(link.token.startsWith('v1.')).toBe(true);
      expect(decodeShare(link.token)).toEqual({ ok: true, payload: link.payload });
    });

    it('the current format is still 1, or a fixture file exists for every format since', () => {
      // When SHARE_VERSION goes up, add share-links-v<N>.json for the new format next to the v1 file.
      expect(SHARE_VERSION).toBe(1);
    });
  });
});
