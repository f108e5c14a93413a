/**
 * "Copy summary for ticket": a Markdown text a help-desk person pastes into a ticket. Plain text only,
 * built from the knowledge and the user's answers; nothing from the page's HTML.
 */
import type { CommandBlock, Outcome, ResolutionStep } from '../knowledge/types';

export interface AnsweredQuestion {
  question: string;
  answer: string;
}

/** Escapes characters that Markdown would interpret inside a line of prose. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** A fenced block whose fence is longer than any backtick run inside the code. */
export function mdFence(code: string, language = ''): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}

function commandLines(command: CommandBlock, code: string): string[] {
  const label = command.changesSystem ? 'changes configuration' : 'read-only';
  return [
    `  - ${mdEscape(command.title)} (${label}, ${command.where}):`,
    '',
    indent(mdFence(code, command.language), 4),
    '',
  ];
}

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(spaces) + l : l))
    .join('\n');

function stepLines(steps: ResolutionStep[], fill: (c: CommandBlock) => string | undefined): string[] {
  return steps.flatMap((step, i) => [
    `${i + 1}. **${mdEscape(step.title)}**${step.warning ? ` (warning: ${mdEscape(step.warning)})` : ''}`,
    ...(step.commands ?? []).flatMap((c) => {
      const code = fill(c);
      return code === undefined
        ? [`  - ${mdEscape(c.title)}: not shown (a value it needs is not valid)`]
        : commandLines(c, code);
    }),
  ]);
}

export function outcomeTicketSummary(
  outcome: Outcome,
  answers: AnsweredQuestion[],
  fill: (command: CommandBlock) => string | undefined,
  link?: string,
): string {
  const lines: string[] = [];
  lines.push(`## 10054 troubleshooting: ${mdEscape(outcome.title)}`, '');
  lines.push(mdEscape(outcome.summary), '');
  if (link) lines.push(`Link: ${link}`, '');
  if (answers.length > 0) {
    lines.push('### Answers given', '');
    for (const a of answers) lines.push(`- ${mdEscape(a.question)}: **${mdEscape(a.answer)}**`);
    lines.push('');
  }
  if (outcome.type === 'scenario') {
    lines.push(`### Confirm`, '', ...stepLines(outcome.confirm, fill), '');
    lines.push(`### Fix`, '', ...stepLines(outcome.fix, fill), '');
    lines.push(`### Verify`, '', ...stepLines(outcome.verify, fill), '');
    if (outcome.undo.length) lines.push(`### Undo`, '', ...stepLines(outcome.undo, fill), '');
    lines.push(`Restarts: ${mdEscape(outcome.restarts)}`, '');
    const refs = outcome.references;
    if (refs.length) {
      lines.push('### References', '');
      for (const r of refs)
        lines.push(`- ${mdEscape(r.label)}${r.kb ? ` (${r.kb})` : ''}${r.url ? `: ${r.url}` : ''}`);
    }
  } else {
    if (outcome.steps.length) lines.push('### Steps', '', ...stepLines(outcome.steps, fill), '');
    if (outcome.whereToGo.length) {
      lines.push('### Where to go next', '');
      for (const r of outcome.whereToGo)
        lines.push(`- ${mdEscape(r.label)}${r.kb ? ` (${r.kb})` : ''}${r.url ? `: ${r.url}` : ''}`);
    }
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

export interface AnalysisSummaryInput {
  /** per paste: its name and the kinds found in it */
  inputs: { source: string; kinds: string[] }[];
  familyLine: string;
  /** the top scenario, when there is one */
  top?: { outcome: Outcome; confidence: string; explanation: string; evidence: string[]; against: string[] };
  others: { title: string; confidence: string; explanation: string }[];
  /** what the pastes disagree about (two SQL Server builds: two servers pasted together, say) */
  disagreements?: string[];
  next?: string;
  link?: string;
}

/** "Copy summary for ticket" on the verdict page: inputs, verdict, evidence lines, steps. */
export function analysisTicketSummary(
  summary: AnalysisSummaryInput,
  fill: (command: CommandBlock) => string | undefined,
): string {
  const lines: string[] = ['## 10054 troubleshooting: analysis', ''];
  if (summary.link) lines.push(`Link: ${summary.link}`, '');
  lines.push('### What was pasted', '');
  for (const i of summary.inputs)
    lines.push(`- ${mdEscape(i.source)}: ${mdEscape(i.kinds.join(', ') || 'nothing recognised')}`);
  lines.push('', '### Verdict', '', mdEscape(summary.familyLine), '');
  if (summary.top) {
    const { outcome, confidence, explanation, evidence, against } = summary.top;
    lines.push(
      `**Most likely: ${mdEscape(outcome.title)}** (${confidence} confidence)`,
      '',
      mdEscape(explanation),
      '',
    );
    if (evidence.length) {
      lines.push('Evidence:', '');
      for (const e of evidence) lines.push(`- ${mdEscape(e)}`);
      lines.push('');
    }
    if (against.length) {
      lines.push('Against:', '');
      for (const e of against) lines.push(`- ${mdEscape(e)}`);
      lines.push('');
    }
    if (outcome.type === 'scenario') {
      lines.push('### Confirm', '', ...stepLines(outcome.confirm, fill), '');
      lines.push('### Fix', '', ...stepLines(outcome.fix, fill), '');
      lines.push('### Verify', '', ...stepLines(outcome.verify, fill), '');
      lines.push(`Restarts: ${mdEscape(outcome.restarts)}`, '');
    }
  }
  if (summary.others.length) {
    lines.push('### Other scenarios considered', '');
    for (const o of summary.others)
      lines.push(`- ${mdEscape(o.title)} (${o.confidence}): ${mdEscape(o.explanation)}`);
    lines.push('');
  }
  if (summary.disagreements?.length) {
    lines.push('### Things that disagree', '');
    for (const d of summary.disagreements) lines.push(`- ${mdEscape(d)}`);
    lines.push('');
  }
  if (summary.next) lines.push('### Next step', '', mdEscape(summary.next), '');
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
