/**
 * The analyze command without the process around it: arguments -> inputs -> the engine -> a report
 * (human text or the JSON object of ../shared/docs/design.md §4). cli/analyze.ts wires it to argv, files,
 * stdin and the exit code; tests call it directly too.
 */
import { analyzeCapture } from '../src/engine/capture/index';
import { decodeBytes, type Decoded } from '../src/engine/input/decode';
import { analyzeText, type AnalyzedPart } from '../src/engine/parsers/index';
import { diagnose, inputFromAnalysis, withCaptureCertificates } from '../src/engine/diagnosis/index';
import type { Diagnosis, DiagnosisInput, EvidenceRef, Reason } from '../src/engine/diagnosis/index';
import type { ArtifactKind, ParseResult } from '../src/engine/model';
import { fillCommand } from '../src/engine/powershell/quote';
import { lineNumberAt } from '../src/engine/report/lineNumbers';
import { partCounts } from '../src/engine/report/partCounts';
import { getQuestion } from '../src/engine/knowledge/index';

export const USAGE = `Usage: npm run analyze -- [--json] FILE...

Reads each FILE (one paste or file: an error message, ERRORLOG, registry export, cipher list,
certificate, Schannel event, @@VERSION output ...) and prints a diagnosis of the SQL Server
"forcibly closed by the remote host" (10054) handshake failure.

  FILE     a file to read; - reads standard input
  --json   print one JSON object instead of the readable report
  --help   show this text

Exit status: 0 when a report was produced, 2 for unusable arguments.`;

export type ParsedArgs =
  { ok: true; json: boolean; files: string[]; help: boolean } | { ok: false; message: string };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let json = false;
  let help = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg === '--json') json = true;
    else if (!optionsEnded && (arg === '--help' || arg === '-h')) help = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-')
      return { ok: false, message: `Unknown option: ${arg}` };
    else files.push(arg);
  }
  if (help) return { ok: true, json, files, help };
  if (files.length === 0) return { ok: false, message: 'No file given.' };
  if (files.filter((f) => f === '-').length > 1)
    return { ok: false, message: 'Standard input (-) can be read only once.' };
  return { ok: true, json, files, help };
}

/** One file as read: its bytes, or why it could not be read. */
export type FileRead = { source: string; bytes: Uint8Array } | { source: string; error: string };

/** Reads a packet capture into a `packet-capture` result (src/engine/capture); replaceable in tests. */
export type CaptureReader = (
  bytes: Uint8Array,
  name: string,
) => Promise<ParseResult<'packet-capture', object> | null>;

export const readCapture: CaptureReader = (bytes) => analyzeCapture(bytes);

export interface InputReport {
  source: string;
  /** how the file was decoded (utf-8, utf-16le, DER ...) */
  encoding?: string;
  /** why nothing could be read from it, in plain words */
  message?: string;
  text?: string;
  parts: Array<
    Pick<AnalyzedPart, 'kind' | 'confidence' | 'start' | 'end' | 'side' | 'section'> & {
      result: ParseResult<ArtifactKind, object>;
    }
  >;
}

export interface Report {
  inputs: InputReport[];
  diagnosis: Diagnosis;
}

async function readOne(file: FileRead, captureReader: CaptureReader | null): Promise<InputReport> {
  if ('error' in file) return { source: file.source, message: file.error, parts: [] };
  let decoded: Decoded;
  try {
    decoded = decodeBytes(file.bytes, file.source);
  } catch (error) {
    return { source: file.source, message: `Could not decode this file (${String(error)}).`, parts: [] };
  }
  if (decoded.type === 'binary') {
    if ((decoded.binaryKind === 'pcap' || decoded.binaryKind === 'pcapng') && captureReader) {
      try {
        const result = await captureReader(file.bytes, file.source);
        if (result)
          return {
            source: file.source,
            encoding: decoded.binaryKind,
            parts: [{ kind: 'packet-capture', confidence: 'high', start: 0, end: 0, result }],
          };
      } catch (error) {
        return {
          source: file.source,
          message: `The capture could not be read (${String(error)}).`,
          parts: [],
        };
      }
    }
    const capture = decoded.binaryKind === 'pcap' || decoded.binaryKind === 'pcapng';
    return {
      source: file.source,
      encoding: decoded.binaryKind,
      message: capture
        ? `${decoded.message} It could not be analysed here; paste the error message, ERRORLOG lines, registry and cipher-suite listings instead.`
        : decoded.message,
      parts: [],
    };
  }
  const analysis = await analyzeText(decoded.text);
  return {
    source: file.source,
    encoding: decoded.encoding,
    ...(decoded.note ? { message: decoded.note } : {}),
    text: decoded.text,
    parts: analysis.parts.map((p) => ({
      kind: p.kind,
      confidence: p.confidence,
      start: p.start,
      end: p.end,
      result: p.result,
      ...(p.side ? { side: p.side } : {}),
      ...(p.section ? { section: p.section } : {}),
    })),
  };
}

/** Collector output of one machine says which side it is; other files leave the side to the diagnosis. */
function sideOf(parts: readonly { side?: string }[]): 'server' | 'client' | undefined {
  const sides = new Set(parts.map((p) => p.side).filter((s) => s === 'server' || s === 'client'));
  return sides.size === 1 ? ([...sides][0] as 'server' | 'client') : undefined;
}

export async function buildReport(
  files: readonly FileRead[],
  captureReader: CaptureReader | null = readCapture,
): Promise<Report> {
  const inputs: InputReport[] = [];
  for (const f of files) inputs.push(await readOne(f, captureReader));
  const diagnosisInputs: DiagnosisInput[] = inputs.map((i) =>
    inputFromAnalysis(i.source, { parts: i.parts.map((p) => ({ ...p, score: 1 })) }, sideOf(i.parts)),
  );
  // Server certificates carried in captures are parsed too, so a weak signature hash on the wire counts.
  return { inputs, diagnosis: diagnose(await withCaptureCertificates(diagnosisInputs)) };
}

// ---------------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------------

const refJson = (r: EvidenceRef) => ({
  from: r.from,
  source: r.source,
  ...(r.evidence ? { start: r.evidence.start, end: r.evidence.end, text: r.evidence.text } : {}),
  note: r.note,
  ...(r.questionId ? { question: r.questionId, answer: r.answerId } : {}),
});

const reasonsJson = (list: readonly Reason[]) => list.map((r) => r.text);
const reasonDetails = (list: readonly Reason[]) =>
  list.map((r) => ({ text: r.text, weight: r.weight, evidence: r.evidence.map(refJson) }));

export function toJson(report: Report): object {
  const d = report.diagnosis;
  return {
    inputs: report.inputs.map((i) => ({
      source: i.source,
      ...(i.encoding ? { encoding: i.encoding } : {}),
      ...(i.message ? { message: i.message } : {}),
      artifacts: i.parts.map((p) => ({
        kind: p.kind,
        confidence: p.confidence,
        start: p.start,
        end: p.end,
        facts: p.result.facts,
        evidence: p.result.evidence,
        problems: p.result.problems,
      })),
    })),
    diagnosis: {
      family: d.family,
      ...(d.otherError ? { otherError: d.otherError } : {}),
      familyEvidence: d.familyEvidence.map(refJson),
      ranked: d.ranked.map((r) => ({
        scenario: r.scenario,
        confidence: r.confidence,
        score: r.score,
        for: reasonsJson(r.for),
        against: reasonsJson(r.against),
        explanation: r.explanation,
        evidence: { for: reasonDetails(r.for), against: reasonDetails(r.against) },
      })),
      lookAlikes: d.lookAlikes.map((l) => ({
        outcome: l.outcome,
        confidence: l.confidence,
        score: l.score,
        for: reasonsJson(l.for),
        against: reasonsJson(l.against),
      })),
      contradictions: d.contradictions.map((c) => ({
        fact: c.fact,
        text: c.text,
        a: refJson(c.a),
        b: refJson(c.b),
        ...(c.elsewhere ? { elsewhere: c.elsewhere.map(refJson) } : {}),
      })),
      next: d.next
        ? {
            ...(d.next.question ? { question: d.next.question } : {}),
            ...(d.next.paste
              ? {
                  paste: {
                    kind: d.next.paste.kind,
                    where: d.next.paste.where,
                    what: d.next.paste.what,
                    commands: d.next.paste.commands.map((c) => {
                      const filled = fillCommand(c, d.next!.paste!.values ?? {});
                      return {
                        id: c.id,
                        title: c.title,
                        language: c.language,
                        code: filled.ok ? filled.code : c.code,
                      };
                    }),
                    ...(d.next.paste.values ? { values: d.next.paste.values } : {}),
                  },
                }
              : {}),
            why: d.next.why,
          }
        : null,
      knownFacts: Object.fromEntries(
        Object.entries(d.knownFacts).map(([k, v]) => [k, { value: v.value, source: v.source }]),
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Human report
// ---------------------------------------------------------------------------------------------------

const KIND_NAMES: Record<ArtifactKind, string> = {
  'client-error': 'client error message',
  'schannel-protocols': 'SCHANNEL protocol settings',
  'cipher-suites': 'cipher-suite list',
  certificate: 'certificate',
  errorlog: 'ERRORLOG lines',
  'schannel-event': 'Schannel event',
  'sql-version': 'SQL Server version',
  'os-version': 'Windows version',
  'packet-capture': 'packet capture',
  unknown: 'not recognised',
};

const FAMILY_TEXT: Record<Diagnosis['family'], string> = {
  'handshake-reset':
    'The connection was reset during the pre-login / TLS handshake: the "forcibly closed by the remote host" (10054) handshake failure.',
  'other-error': 'This is a different, recognised error, not the handshake reset.',
  unrecognized: 'No client error message was recognised.',
};

/** How many parts of one input the readable report lists. */
const PARTS_LISTED = 20;

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** a binary search over the line breaks (counting from the start for each of ~600 parts of a long log was slow) */
function lineOf(text: string | undefined, offset: number): number | null {
  return text === undefined ? null : lineNumberAt(text, offset);
}

function quote(ref: EvidenceRef, inputs: readonly InputReport[]): string | null {
  if (!ref.evidence || !ref.evidence.text.trim()) return ref.from === 'answer' ? `      (${ref.note})` : null;
  const line = lineOf(inputs[ref.input]?.text, ref.evidence.start);
  return `      ${ref.source}${line !== null ? `:${line}` : ''}: "${oneLine(ref.evidence.text)}"`;
}

/** "lines 156, 239, 322 of a.log and 60 more": where else a disagreement is (source:line when sources differ) */
function places(refs: readonly EvidenceRef[], inputs: readonly InputReport[], listed = 5): string {
  const found = refs.flatMap((ref) => {
    const line = ref.evidence ? lineOf(inputs[ref.input]?.text, ref.evidence.start) : null;
    return line === null ? [] : [{ source: ref.source, line }];
  });
  if (found.length === 0) return '';
  const first = found.slice(0, listed);
  // counted over every place, with a line or not, so it agrees with "in N more places" above it
  const others = refs.length - first.length;
  const rest = others > 0 ? ` and ${others.toLocaleString('en-US')} more` : '';
  const oneSource = found.every((p) => p.source === found[0]!.source);
  return oneSource
    ? `line${first.length === 1 ? '' : 's'} ${first.map((p) => p.line).join(', ')} of ${found[0]!.source}${rest}`
    : first.map((p) => `${p.source}:${p.line}`).join(', ') + rest;
}

function reasonLines(
  reasons: readonly Reason[],
  inputs: readonly InputReport[],
  sign: string,
  withQuotes: boolean,
): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    out.push(`    ${sign} ${r.text}`);
    if (!withQuotes) continue;
    const seen = new Set<string>();
    for (const ref of r.evidence) {
      const q = quote(ref, inputs);
      if (q && !seen.has(q) && seen.size < 3) {
        seen.add(q);
        out.push(q);
      }
    }
  }
  return out;
}

export function toText(report: Report): string {
  const d = report.diagnosis;
  const out: string[] = [];
  out.push('INPUTS');
  for (const i of report.inputs) {
    out.push(`  ${i.source}${i.encoding ? ` (${i.encoding})` : ''}`);
    if (i.message) out.push(`    ${i.message}`);
    if (i.parts.length === 0 && !i.message) out.push('    (empty)');
    // a long log is hundreds of parts: the report lists a screenful, as the paste page does (--json has all)
    const listed = i.parts.length > PARTS_LISTED ? i.parts.slice(0, PARTS_LISTED) : i.parts;
    if (listed.length < i.parts.length)
      out.push(
        `    ${i.parts.length.toLocaleString('en-US')} parts (${partCounts(i.parts)}); the first ${PARTS_LISTED}:`,
      );
    for (const p of listed) {
      const line = lineOf(i.text, p.start);
      out.push(
        `    - ${p.section ? `collector section "${p.section}": ` : ''}${p.kind === 'unknown' && p.section ? 'read by the collector itself' : (KIND_NAMES[p.kind] ?? p.kind)} (${p.confidence} confidence${line !== null ? `, from line ${line}` : ''})`,
      );
      for (const problem of p.result.problems.slice(0, 3))
        out.push(`      note: ${oneLine(problem.message, 200)}`);
    }
    if (listed.length < i.parts.length) {
      const hidden = i.parts.length - listed.length;
      out.push(
        `    ... and ${hidden.toLocaleString('en-US')} more part${hidden === 1 ? '' : 's'} (--json lists every part with its facts and notes)`,
      );
    }
  }
  out.push('');
  out.push('VERDICT');
  out.push(`  Family: ${d.family}${d.otherError ? ` (${d.otherError})` : ''}`);
  out.push(`  ${FAMILY_TEXT[d.family]}`);
  for (const ref of d.familyEvidence.slice(0, 2)) {
    const q = quote(ref, report.inputs);
    if (q) out.push(q);
  }
  if (d.lookAlikes.length) {
    out.push('');
    out.push('LOOK-ALIKES');
    for (const l of d.lookAlikes) {
      out.push(`  ${l.outcome} (${l.confidence})`);
      out.push(...reasonLines(l.for, report.inputs, '+', true));
    }
  }
  const [top, ...rest] = d.ranked;
  if (top) {
    out.push('');
    out.push(
      d.family === 'other-error'
        ? 'SCENARIOS (unlikely: the error is a different one)'
        : 'MOST LIKELY SCENARIO',
    );
    out.push(`  ${top.scenario} (${top.confidence} confidence, score ${top.score.toFixed(2)})`);
    if (top.for.length === 0 && top.against.length === 0)
      out.push('    Nothing pasted speaks for or against it yet; it is the most common cause.');
    out.push(...reasonLines(top.for, report.inputs, '+', true));
    out.push(...reasonLines(top.against, report.inputs, '-', true));
    out.push('');
    out.push('OTHER SCENARIOS');
    for (const r of rest) {
      const why =
        r.against[0]?.text ?? (r.for.length ? `weaker evidence: ${r.for[0]!.text}` : 'nothing points to it');
      out.push(`  ${r.scenario} (${r.confidence}, ${r.score.toFixed(2)}): ${why}`);
    }
  }
  if (d.contradictions.length) {
    out.push('');
    out.push('CONTRADICTIONS');
    for (const c of d.contradictions) {
      out.push(`  ${c.text}`);
      for (const ref of [c.a, c.b]) {
        const q = quote(ref, report.inputs);
        if (q) out.push(q);
      }
      const also = places(c.elsewhere ?? [], report.inputs);
      if (also) out.push(`      also at ${also}`);
    }
  }
  out.push('');
  out.push('NEXT STEP');
  if (!d.next) {
    out.push(
      d.family === 'other-error'
        ? `  Follow the guidance for "${d.otherError ?? 'this error'}": it is not one of the handshake scenarios.`
        : '  Nothing more to ask: follow the steps of the most likely scenario.',
    );
  } else {
    if (d.next.question) {
      const q = getQuestion(d.next.question);
      out.push(`  Answer this question (wizard step "${d.next.question}"): ${q?.title ?? d.next.question}`);
      if (q) for (const a of q.answers) out.push(`    - ${a.label}`);
    }
    if (d.next.paste) {
      out.push(
        `  Paste ${d.next.paste.what} (run on the ${d.next.paste.where === 'both' ? 'client and the server' : d.next.paste.where === 'server' ? 'SQL Server machine' : 'client machine'}).`,
      );
      const cmd = d.next.paste.commands[0];
      if (cmd) {
        out.push(`  ${cmd.title}:`);
        const filled = fillCommand(cmd, d.next.paste.values ?? {});
        if (filled.ok) for (const line of filled.code.split('\n')) out.push(`    ${line}`);
        else out.push(`    (not shown: ${filled.reason})`);
      }
    }
    out.push(`  Why: ${d.next.why}`);
  }
  return out.join('\n') + '\n';
}
