/**
 * `npm run fuzz -- --count 1000000 [--seed N] [--only target[,target]] [--cap-ms 2000]`
 *
 * Nightly-size property-based fuzzing (fast-check) of everything that reads untrusted input: every parser,
 * detect(), analyzeText() + diagnose() with random wizard answers, the share-link decoder, the packet-capture
 * reader (random bytes, truncated files, absurd length fields, random chunking), the file decoder, secret
 * redaction, and the PowerShell quoting and command filling. Properties: nothing throws, nothing hangs,
 * offsets stay inside the text, quoted PowerShell reads back as exactly the value.
 *
 * Time: each input's wall time is measured; an input over --cap-ms fails the run (a hang shows as that or,
 * if one input never returns, a watchdog thread prints the input and kills the process after --hang-ms).
 * Prints inputs/s while running and a summary; exits 1 on the first failure with the seed, the target, the
 * shrunk failing input and the command that replays it. `npm test` runs the small vitest fuzz tests; this
 * is the large run.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import lz from 'lz-string';
import type { ArtifactKind, ParseResult } from '../src/engine/model';
import { analyzeText, detect, PARSERS } from '../src/engine/parsers/index';
import { diagnose, inputsFromAnalysis } from '../src/engine/diagnosis/index';
import { flow, allCommandBlocks } from '../src/engine/knowledge/index';
import { CaptureAnalyzer } from '../src/engine/capture/analyze';
import {
  dheClosed,
  goodHandshake,
  strictTds8,
  protocolMismatch,
} from '../src/engine/capture/testing/scenarios';
import { writePcap, writePcapng } from '../src/engine/capture/testing/writer';
import { decodeBytes } from '../src/engine/input/decode';
import { redactSecrets } from '../src/engine/redact';
import { fillCommand, psSingleQuote } from '../src/engine/powershell/quote';
import type { ParameterKind } from '../src/engine/knowledge/types';
import { registerCjsInterop } from './bench/cjs-interop';

registerCjsInterop();
const { decodeShare, encodeShare, MAX_SHARE_CHARS } = await import('../src/store/shareLink');

// PowerShell is parsed (tree-sitter) in a worker thread: initialising web-tree-sitter in this process makes
// the next WebCrypto call (the certificate parser's SHA-1 thumbprint) wait for tens of seconds.
const psWorker = new Worker(
  `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(new URL('./bench/powershell-worker.ts', import.meta.url).href)});`,
  { eval: true },
);
psWorker.unref();
const psPending = new Map<
  number,
  (r: { hasError: boolean; firstError?: string; commandNames: string[] }) => void
>();
let psNext = 0;
psWorker.on(
  'message',
  (m: {
    id: number;
    result?: { hasError: boolean; firstError?: string; commandNames: string[] };
    error?: string;
  }) => {
    psPending.get(m.id)?.(
      m.result ?? { hasError: true, firstError: m.error ?? 'worker error', commandNames: [] },
    );
    psPending.delete(m.id);
  },
);
function parsePowerShell(code: string) {
  const id = psNext++;
  return new Promise<{ hasError: boolean; firstError?: string; commandNames: string[] }>((resolve) => {
    psPending.set(id, resolve);
    psWorker.postMessage({ id, code });
  });
}

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const COUNT = Math.max(1, Number(option('--count') ?? 10_000));
const SEED = Number(option('--seed') ?? Date.now() % 2 ** 31) | 0;
const ONLY = option('--only')?.split(',');
const REPLAY_PATH = option('--path');
const CAP_MS = Number(option('--cap-ms') ?? 2000);
const HANG_MS = Number(option('--hang-ms') ?? 30_000);

// ---------------------------------------------------------------- inputs
const FIXTURES = 'src/engine/parsers/__fixtures__';
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const CORPUS = filesUnder(FIXTURES)
  .filter((f) => /\.(txt|pem|reg|log|json|xml|csv|md)$/.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .filter((t) => t.length < 200_000);

const TOKENS = [
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '"',
  "'",
  ':',
  '=',
  '>',
  '-----BEGIN CERTIFICATE-----',
  '-----END CERTIFICATE-----',
  '-----BEGIN PRIVATE KEY-----',
  'MIIB',
  'HKEY_LOCAL_MACHINE\\',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client]',
  'Windows Registry Editor Version 5.00',
  '===== 10054 troubleshooter collector v1 =====',
  '----- schannel-protocols -----',
  '----- sql-certificate MSSQLSERVER configured -----',
  '===== end of collector output =====',
  'Machine: SQL01',
  'Role: server (SQL Server instances: MSSQLSERVER)',
  'PS C:\\> ',
  '2024-01-02 03:04:05.67 spid51      ',
  'Error: 17830, Severity: 20, State: 11.',
  'forcibly closed by the remote host',
  '(provider: SSL Provider, error: 0 - ',
  '(Microsoft SQL Server, Error: 10054)',
  'Thumbprint : ',
  'Cert Hash(sha1): ',
  'Signature Algorithm:',
  '1.2.840.113549.1.1.4',
  'sha1RSA',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'Enabled    REG_DWORD    0x1',
  '"Enabled"=dword:00000000',
  'Event ID: 36888',
  'The TLS protocol defined fatal error code is 40.',
  'Microsoft SQL Server 2012 (SP1) - 11.0.3000.0 (X64)',
  'Windows NT 6.3 <X64> (Build 9600: )',
  'Password=',
  '0x2746',
  '€',
  '\u0000',
  '\ud800',
  '\u202e',
  '\u200b',
  '𝔘',
];

const tokenString = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

type Mutation = { op: 0 | 1 | 2; at: number; len: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(0 as const, 1 as const, 2 as const),
  at: fc.nat(),
  len: fc.nat({ max: 400 }),
  insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20, unit: 'binary' })),
});
function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    const end = Math.min(t.length, at + m.len);
    if (m.op === 0) t = t.slice(0, at) + m.insert + t.slice(at);
    else if (m.op === 1) t = t.slice(0, at) + t.slice(end);
    else t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
  }
  return t;
}
const mutatedFixture = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { maxLength: 6 }))
  .map(([text, ms]) => mutate(text, ms));

/** Long lines and repeated tokens: shapes that make a super-linear regular expression show. */
const repeated = fc
  .tuple(fc.constantFrom(...TOKENS, 'a', ' ', '0', '-', '\\'), fc.integer({ min: 100, max: 10_000 }))
  .map(([t, n]) => t.repeat(Math.ceil(n / Math.max(1, t.length))));

const anyText = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 500 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'grapheme' }) },
  { weight: 3, arbitrary: tokenString },
  { weight: 4, arbitrary: mutatedFixture },
  { weight: 1, arbitrary: repeated },
);
const multiPart = fc.array(anyText, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('\n\n'));

// ---------------------------------------------------------------- checks
class Failure extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

function checkResult(text: string, result: ParseResult<ArtifactKind, object>, base = 0, limit = text.length) {
  check(typeof result === 'object' && result !== null, 'result is not an object');
  check(Array.isArray(result.evidence) && Array.isArray(result.problems), 'evidence/problems not arrays');
  for (const e of result.evidence) {
    check(Number.isInteger(e.start) && Number.isInteger(e.end), 'evidence offsets not integers');
    check(
      e.start >= base && e.end >= e.start && e.end <= limit,
      `evidence ${e.start}-${e.end} outside ${base}-${limit}`,
    );
    check(
      text.slice(e.start, e.end) === e.text,
      `evidence text does not match its offsets ${e.start}-${e.end}`,
    );
  }
  for (const p of result.problems) {
    check(typeof p.code === 'string', 'problem without a code');
    if (p.start !== undefined) check(p.start >= base && p.start <= limit, 'problem start outside the text');
    if (p.end !== undefined)
      check(p.end <= limit && (p.start === undefined || p.end >= p.start), 'problem end');
  }
  JSON.stringify(result.facts);
}

/** Reads a PowerShell single-quoted literal back the way PowerShell's tokenizer does (all quote variants). */
const PS_QUOTE = /['\u2018\u2019\u201A\u201B]/;
function psUnquote(literal: string): string {
  check(PS_QUOTE.test(literal[0] ?? ''), 'literal does not start with a single quote');
  let value = '';
  for (let i = 1; i < literal.length; i += 1) {
    const ch = literal[i]!;
    if (PS_QUOTE.test(ch)) {
      if (PS_QUOTE.test(literal[i + 1] ?? '')) {
        value += ch;
        i += 1;
        continue;
      }
      check(i === literal.length - 1, `the literal ends early at ${i}: the rest would run as code`);
      return value;
    }
    value += ch;
  }
  throw new Failure('unterminated literal');
}

const HOSTILE_PIECES = [
  "'",
  '"',
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  '\u201C',
  '\u201D',
  '`',
  '$(',
  ')',
  '$env:USERPROFILE',
  '${x}',
  ';',
  '|',
  '&',
  '\n',
  '\r\n',
  '#',
  '<#',
  '@(',
  'Remove-Item -Path C:\\ -Recurse',
  '{{thumbprint}}',
  '\u0000',
  ' ',
  '\u200b',
  '\u202e',
];
const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), { maxLength: 12 })
  .map((xs) => xs.join(''));
/** Values a validator may accept, so that filled commands are also exercised, not only refusals. */
const VALID: Record<ParameterKind, fc.Arbitrary<string>> = {
  thumbprint: fc.oneof(
    fc.stringMatching(/^[0-9A-Fa-f]{40}$/),
    fc.stringMatching(/^\u200e?([0-9a-f]{2} ){19}[0-9a-f]{2}$/),
  ),
  'host-name': fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}(\.[A-Za-z][A-Za-z0-9-]{0,10}){0,3}$/),
    fc.constantFrom('localhost', '::1', 'fe80::1', '10.0.0.1'),
  ),
  'instance-name': fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/),
  'service-name': fc.oneof(
    fc.constant('MSSQLSERVER'),
    fc.stringMatching(/^MSSQL\$[A-Za-z_][A-Za-z0-9_]{0,15}$/),
  ),
  'cipher-suite': fc.stringMatching(/^TLS_[A-Z0-9_]{1,40}$/),
  protocol: fc.constantFrom('TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3', 'SSL 2.0', 'SSL 3.0', ' TLS 1.2 '),
};
/** For one parameter: a valid value, a valid value with something hostile around it, or anything. */
const valueFor = (kind: ParameterKind) =>
  fc.oneof(
    { weight: 3, arbitrary: VALID[kind] },
    {
      weight: 2,
      arbitrary: fc
        .tuple(hostileString, VALID[kind], hostileString)
        .map(([before, value, after]) => before + value + after),
    },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
const parameterBlocks = allCommandBlocks().filter((b) => b.parameters?.length);
const fillOutcomes = { filled: 0, refused: 0 };

// Captures: valid files to damage.
const validCaptures = [
  writePcap(goodHandshake().frames),
  writePcapng(dheClosed().frames),
  writePcap(strictTds8().frames, { bigEndian: true }),
  writePcapng(protocolMismatch().frames),
];
const MAGICS: number[][] = [
  [],
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0x0a, 0x0d, 0x0d, 0x0a],
];
const ABSURD = [0xffffffff, 0x7fffffff, 0x80000000, 0x00010000, 0, 1, 3];
function analyseCapture(bytes: Uint8Array, chunk = bytes.length || 1) {
  const a = new CaptureAnalyzer();
  for (let i = 0; i < bytes.length; i += chunk) a.push(bytes.subarray(i, i + chunk));
  return a.end();
}
function checkCapture(bytes: Uint8Array, r: ReturnType<typeof analyseCapture>) {
  check(r.kind === 'packet-capture', 'capture result kind');
  check(Array.isArray(r.facts.connections), 'capture connections not an array');
  for (const e of r.evidence)
    check(e.start >= 0 && e.end <= bytes.length, 'capture evidence outside the file');
  JSON.stringify(r.facts);
}

// ---------------------------------------------------------------- targets
interface Target<T = unknown> {
  name: string;
  /** inputs per 1,000 of --count */
  weight: number;
  input: fc.Arbitrary<T>;
  /** throws (or fails a check) when a property does not hold */
  run: (input: T) => unknown;
}
const target = <T>(t: Target<T>): Target => t as unknown as Target;

const sharePayload = fc.record({
  inputs: fc.array(fc.record({ source: fc.string({ maxLength: 20 }), text: anyText }), { maxLength: 3 }),
  answers: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 4 }),
});
const shareToken = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ maxLength: 400 }).map((s) => `v1.${s}`),
  fc.string({ maxLength: 400, unit: 'binary' }).map((s) => `v1.${lz.compressToEncodedURIComponent(s)}`),
  fc.jsonValue().map((j) => `v1.${lz.compressToEncodedURIComponent(JSON.stringify(j))}`),
  fc
    .tuple(sharePayload, fc.nat(), fc.nat(), fc.constantFrom('cut', 'flip', 'insert', 'version', 'huge'))
    .map(([p, at, v, how]) => {
      const t = encodeShare(p).token;
      const i = at % (t.length + 1);
      if (how === 'cut') return t.slice(0, i);
      if (how === 'flip') return t.slice(0, i) + String.fromCharCode(33 + (v % 90)) + t.slice(i + 1);
      if (how === 'insert') return t.slice(0, i) + String.fromCharCode(v % 0x10000) + t.slice(i);
      if (how === 'version') return `v${v % 10_000}${t.slice(2)}`;
      return t + 'A'.repeat(MAX_SHARE_CHARS);
    }),
);
const password = fc.stringMatching(/^[A-Za-z0-9!]{6,16}$/).map((s) => `Zq${s}9`);
const answersArb = fc.dictionary(
  fc.oneof(fc.constantFrom(...flow.questions.map((q) => q.id)), fc.string({ maxLength: 8 })),
  fc.oneof(
    fc.constantFrom(...flow.questions.flatMap((q) => q.answers.map((a) => a.id))),
    fc.string({ maxLength: 8 }),
  ),
  { maxKeys: 5 },
);

const targets: Target[] = [
  ...PARSERS.map((parser) =>
    target({
      name: `parser:${parser.kind}`,
      weight: 45,
      input: anyText,
      run: async (text) => {
        const score = parser.sniff(text);
        check(typeof score === 'number' && score >= 0 && score <= 1, `sniff returned ${score}`);
        // detection skips a parser once a block's best score reaches its sniffMax
        check(score <= (parser.sniffMax ?? 1), `sniff returned ${score}, above sniffMax ${parser.sniffMax}`);
        const result = await parser.parse(text);
        check(result.kind === parser.kind, `parse returned kind ${result.kind}`);
        checkResult(text, result);
      },
    }),
  ),
  target({
    name: 'detect',
    weight: 40,
    input: multiPart,
    run: (text) => {
      let last = 0;
      for (const p of detect(text)) {
        check(p.start >= last && p.end > p.start && p.end <= text.length, 'parts overlap or leave the text');
        check(p.score >= 0 && p.score <= 1, 'part score outside [0, 1]');
        last = p.end;
      }
    },
  }),
  target({
    name: 'analyze+diagnose',
    weight: 40,
    input: fc.record({ text: multiPart, answers: answersArb }),
    run: async ({ text, answers }) => {
      const analysis = await analyzeText(text);
      for (const part of analysis.parts) checkResult(text, part.result, part.start, part.end);
      const d = diagnose(inputsFromAnalysis('fuzz', analysis), answers);
      check(typeof d.family === 'string' && Array.isArray(d.ranked), 'diagnosis shape');
      JSON.stringify(d);
    },
  }),
  target({
    name: 'share-link:decode',
    weight: 60,
    input: shareToken,
    run: (token) => {
      const d = decodeShare(token);
      check(d.ok || (typeof d.reason === 'string' && d.reason.length > 10), 'rejected without a reason');
    },
  }),
  target({
    name: 'share-link:round-trip',
    weight: 20,
    input: fc.record({ payload: sharePayload, secret: password }),
    run: ({ payload, secret }) => {
      // A password in a paste never survives into the link; everything else round-trips.
      const withSecret = {
        inputs: [
          ...payload.inputs,
          { source: 'app.config', text: `\nServer=sql01;User ID=app;Password=${secret};\n` },
        ],
        answers: payload.answers,
      };
      const enc = encodeShare(withSecret);
      check(!enc.token.includes(secret), 'the token holds the password as is');
      if (enc.tooLong) return;
      const d = decodeShare(enc.token);
      check(d.ok, `a freshly made link is refused: ${d.ok ? '' : d.reason}`);
      check(d.payload.inputs.length === withSecret.inputs.length, 'round trip lost inputs');
      check(!d.payload.inputs.some((i) => i.text.includes(secret)), 'the decoded link holds the password');
      check(
        JSON.stringify(d.payload.answers) === JSON.stringify(withSecret.answers),
        'round trip changed the answers',
      );
    },
  }),
  target({
    name: 'redact',
    weight: 60,
    input: fc.record({ text: anyText, at: fc.nat(), secret: password }),
    run: ({ text, at, secret }) => {
      const r = redactSecrets(text);
      check(typeof r.text === 'string' && Array.isArray(r.removed), 'redaction shape');
      check(r.removed.length === 0 || r.text !== text, 'reported a removal but changed nothing');
      // A connection-string password on its own line, anywhere in any text, never survives.
      const lines = text.split('\n');
      lines.splice(at % (lines.length + 1), 0, `Server=sql01;User ID=app;Password=${secret};`);
      check(!redactSecrets(lines.join('\n')).text.includes(secret), 'a password survived redaction');
    },
  }),
  target({
    name: 'capture:random-bytes',
    weight: 150,
    input: fc
      .tuple(fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 4096 }))
      .map(([m, rest]) => new Uint8Array([...m, ...rest])),
    run: (bytes) => checkCapture(bytes, analyseCapture(bytes)),
  }),
  target({
    name: 'capture:damaged',
    weight: 80,
    input: fc.record({
      which: fc.nat({ max: validCaptures.length - 1 }),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 30 }),
      lengths: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ABSURD), fc.boolean()), { maxLength: 4 }),
      cut: fc.nat(),
      chunk: fc.integer({ min: 1, max: 5000 }),
    }),
    run: ({ which, flips, lengths, cut, chunk }) => {
      const b = validCaptures[which]!.slice();
      for (const [at, v] of flips) b[8 + (at % (b.length - 8))] = v;
      // absurd length fields: overwrite an aligned 32-bit word (record and block lengths live there)
      const view = new DataView(b.buffer);
      for (const [at, v, little] of lengths) view.setUint32((at % ((b.length - 4) >> 2)) << 2, v, little);
      const bytes = b.subarray(0, 1 + (cut % b.length));
      checkCapture(bytes, analyseCapture(bytes, chunk));
    },
  }),
  target({
    name: 'capture:chunking',
    weight: 10,
    input: fc.record({
      which: fc.nat({ max: validCaptures.length - 1 }),
      size: fc.integer({ min: 1, max: 700 }),
    }),
    run: ({ which, size }) => {
      const b = validCaptures[which]!;
      const whole = JSON.stringify(analyseCapture(b));
      check(JSON.stringify(analyseCapture(b, size)) === whole, `chunks of ${size} bytes change the result`);
    },
  }),
  target({
    name: 'decode-file',
    weight: 80,
    input: fc.record({
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc
          .tuple(
            fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0x30, 0x82]),
            fc.uint8Array({ maxLength: 2048 }),
          )
          .map(([bom, rest]) => new Uint8Array([...bom, ...rest])),
      ),
      name: fc.constantFrom('', 'a.txt', 'b.reg', 'c.cer', 'd.pcap', 'e.etl', 'f.pcapng'),
    }),
    run: ({ bytes, name }) => {
      const d = decodeBytes(bytes, name);
      check(typeof d === 'object' && d !== null, 'decode result');
    },
  }),
  target({
    name: 'powershell:quote',
    weight: 60,
    input: fc.oneof(hostileString, fc.string({ maxLength: 60, unit: 'binary' })),
    run: async (value) => {
      const literal = psSingleQuote(value);
      check(psUnquote(literal) === value, 'the literal does not read back as the value');
      // tree-sitter stops at U+0000 (its end-of-input mark), so that character is checked by psUnquote only
      if (value.includes('\u0000')) return;
      const parsed = await parsePowerShell(`$value = ${literal}`);
      check(!parsed.hasError, `"$value = <literal>" does not parse: ${parsed.firstError}`);
      check(parsed.commandNames.length === 0, `the literal ran a command: ${parsed.commandNames.join(', ')}`);
    },
  }),
  target({
    name: 'powershell:fill',
    weight: 40,
    input: fc.nat({ max: parameterBlocks.length - 1 }).chain((block) =>
      fc.record({
        block: fc.constant(block),
        values: fc.tuple(...parameterBlocks[block]!.parameters!.map((p) => valueFor(p.kind))),
      }),
    ),
    run: async ({ block: which, values }) => {
      const block = parameterBlocks[which]!;
      const given = Object.fromEntries(block.parameters!.map((p, i) => [p.token.slice(2, -2), values[i]!]));
      const r = fillCommand(block, given);
      fillOutcomes[r.ok ? 'filled' : 'refused']++;
      if (!r.ok) {
        check(r.reason.length > 5 && !('code' in r), 'a refusal without a reason, or with code');
        return;
      }
      // Every token became a single-quoted literal of a validated value without special characters.
      let rest = block.code;
      for (const p of block.parameters!) rest = rest.split(p.token).join('\u0001');
      const pieces = rest.split('\u0001');
      let at = 0;
      for (let i = 0; i < pieces.length; i++) {
        check(r.code.startsWith(pieces[i]!, at), `${block.id}: the command text around the values changed`);
        at += pieces[i]!.length;
        if (i === pieces.length - 1) break;
        const m = /^'[A-Za-z0-9 ._$:-]*'/.exec(r.code.slice(at));
        check(m, `${block.id}: an inserted value is not a plain literal: ${r.code.slice(at, at + 40)}`);
        at += m[0].length;
      }
      if (block.language === 'powershell') {
        const parsed = await parsePowerShell(r.code);
        check(!parsed.hasError, `${block.id}: the filled command does not parse: ${parsed.firstError}`);
      }
    },
  }),
];

// ---------------------------------------------------------------- watchdog
// A worker thread sees the current input in shared memory; if one input runs longer than --hang-ms (a real
// hang: the main thread never returns to fast-check), it prints the input and kills the process.
const shared = new SharedArrayBuffer(16 + 65_536);
const state = new Float64Array(shared, 0, 2); // [started at (ms since epoch), input number]
const inputBytes = new Uint8Array(shared, 16);
const encoder = new TextEncoder();
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
   const { writeSync } = require('node:fs');
   const state = new Float64Array(workerData.shared, 0, 2);
   const bytes = new Uint8Array(workerData.shared, 16);
   let lastInput = -1;
   setInterval(() => {
     const started = state[0], input = state[1];
     if (started > 0 && Date.now() - started > workerData.hangMs) {
       const end = bytes.indexOf(0);
       const text = new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end));
       writeSync(2, '\\nFUZZ FAILURE: one input ran for more than ' + workerData.hangMs + ' ms (a hang).\\n' + text + '\\n');
       process.kill(process.pid, 'SIGKILL');
     }
     lastInput = input;
   }, 500).unref();`,
  { eval: true, workerData: { shared, hangMs: HANG_MS } },
);
watchdog.unref();

function describeInput(target: string, input: unknown, limit = 4000): string {
  const json = JSON.stringify(input, (_k, v: unknown) =>
    v instanceof Uint8Array ? `<${v.length} bytes: ${Buffer.from(v.subarray(0, 64)).toString('hex')}...>` : v,
  );
  return `target ${target}, seed ${SEED}, input ${(json ?? String(input)).slice(0, limit)}`;
}

// ---------------------------------------------------------------- run
const chosen = targets.filter((t) => !ONLY || ONLY.some((o) => t.name === o || t.name.startsWith(`${o}:`)));
if (chosen.length === 0) {
  console.error(
    `No target matches --only ${ONLY?.join(',')}. Targets: ${targets.map((t) => t.name).join(', ')}`,
  );
  process.exit(2);
}
const totalWeight = chosen.reduce((s, t) => s + t.weight, 0);
console.log(
  `Fuzzing ${chosen.length} targets with ${COUNT.toLocaleString('en-US')} inputs, seed ${SEED}, ` +
    `cap ${CAP_MS} ms per input, hang ${HANG_MS} ms.`,
);
// Load lazily imported code (the X.509 decoder, tree-sitter) before anything is timed.
const warm0 = performance.now();
for (const text of CORPUS) for (const p of PARSERS) if (p.sniff(text) > 0.2) await p.parse(text);
console.log(`warm-up ${(performance.now() - warm0).toFixed(0)} ms`);
await parsePowerShell("$x = 'warm'");

interface Summary {
  target: string;
  inputs: number;
  seconds: number;
  perSecond: number;
  maxMs: number;
  failed: boolean;
}
const summaries: Summary[] = [];
const runStart = performance.now();
let done = 0;
let lastReport = performance.now();

for (const [index, t] of chosen.entries()) {
  const runs = Math.max(1, Math.round((COUNT * t.weight) / totalWeight));
  let count = 0;
  let maxMs = 0;
  let firstSlow: { ms: number; input: unknown } | undefined;
  const property = fc.asyncProperty(t.input, async (input: unknown) => {
    count++;
    state[1] = count;
    const text = describeInput(t.name, input, 60_000);
    const n = encoder.encodeInto(text, inputBytes.subarray(0, inputBytes.length - 1)).written;
    inputBytes[n] = 0;
    state[0] = Date.now();
    const started = performance.now();
    try {
      await t.run(input);
    } finally {
      state[0] = 0;
    }
    const ms = performance.now() - started;
    if (ms > maxMs) maxMs = ms;
    if (ms > CAP_MS && !firstSlow) {
      // kept as found, before shrinking (a shrunk input may only be slow because of what ran before it)
      firstSlow = { ms, input };
    }
    check(ms <= CAP_MS, `one input took ${ms.toFixed(0)} ms (cap ${CAP_MS} ms)`);
    done++;
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      const s = (lastReport - runStart) / 1000;
      console.log(
        `  ${done.toLocaleString('en-US')} inputs in ${s.toFixed(0)} s (${(done / s).toFixed(0)}/s), now ${t.name}`,
      );
    }
  });
  const t0 = performance.now();
  // each target its own seed, derived from --seed and its position among the chosen targets
  const seed = (SEED + index * 7919) | 0;
  const out = await fc.check(property, {
    numRuns: runs,
    seed,
    ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  summaries.push({
    target: t.name,
    inputs: count,
    seconds,
    perSecond: count / seconds,
    maxMs,
    failed: out.failed,
  });
  if (out.failed) {
    const error = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    const input = describeInput(t.name, out.counterexample?.[0]);
    mkdirSync('.tmp', { recursive: true });
    const file = `.tmp/fuzz-failure-${t.name.replace(/\W+/g, '-')}.json`;
    writeFileSync(
      file,
      JSON.stringify(
        {
          target: t.name,
          seed,
          path: out.counterexamplePath,
          error,
          input: out.counterexample?.[0],
          ...(firstSlow ? { firstSlowInput: firstSlow.input, firstSlowMs: firstSlow.ms } : {}),
        },
        (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v),
        2,
      ),
    );
    console.error(`\nFUZZ FAILURE in ${t.name} (seed ${SEED}): ${error}`);
    console.error(`  failing input (shrunk): ${input}`);
    if (firstSlow) {
      console.error(
        `  first slow input as found (${firstSlow.ms.toFixed(0)} ms): ${describeInput(t.name, firstSlow.input, 600)}`,
      );
    }
    console.error(`  full input written to ${file}`);
    console.error(
      `  replay: npm run fuzz -- --only ${t.name} --seed ${seed} --path ${out.counterexamplePath}`,
    );
    break;
  }
}

const seconds = (performance.now() - runStart) / 1000;
console.log('\ntarget                          inputs     inputs/s   slowest input');
for (const s of summaries) {
  console.log(
    `  ${s.target.padEnd(28)} ${s.inputs.toLocaleString('en-US').padStart(9)} ${s.perSecond.toFixed(0).padStart(10)}   ${s.maxMs.toFixed(1).padStart(7)} ms${s.failed ? '  FAILED' : ''}`,
  );
}
if (fillOutcomes.filled + fillOutcomes.refused > 0) {
  console.log(
    `\npowershell:fill: ${fillOutcomes.filled.toLocaleString('en-US')} commands filled (each parsed), ${fillOutcomes.refused.toLocaleString('en-US')} values refused`,
  );
}
const inputs = summaries.reduce((a, s) => a + s.inputs, 0);
const failed = summaries.filter((s) => s.failed).length;
console.log(
  `\n${inputs.toLocaleString('en-US')} inputs in ${seconds.toFixed(0)} s (${(inputs / seconds).toFixed(0)} inputs/s), seed ${SEED}: ` +
    (failed ? `${failed} target failed.` : 'no failure (no throw, no hang, every property held).'),
);
process.exit(failed ? 1 : 0);
