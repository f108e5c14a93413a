/**
 * The shape of the troubleshooting knowledge: scenarios, other outcomes, resolution steps with their
 * exact commands, and the question flow. Plain serialisable data (no functions), so it can be
 * validated, walked to generate tests, rendered by the UI and printed by the CLI.
 */
import type { OtherErrorId, ScenarioId } from '../ids';

/** Where a command or step applies. */
export type Side = 'server' | 'client' | 'both';

export type CodeLanguage = 'powershell' | 'shell' | 'ini' | 'sql' | 'cmd' | 'text';

/**
 * One copyable command. `code` is exactly what the user runs: no prompt, no line-continuation
 * backticks, full cmdlet and parameter names. Placeholders are never left in `code`; values that must be
 * filled in are declared in `parameters` and substituted by engine/powershell with validation.
 */
export interface CommandBlock {
  /** stable, unique across the knowledge base (used for test names and anchors) */
  id: string;
  /** what it does, in a few words: "List the TLS protocol settings" */
  title: string;
  language: CodeLanguage;
  code: string;
  /** false: only reads. true: changes configuration (the UI labels it and shows undo). */
  changesSystem: boolean;
  /** needs an elevated prompt */
  runAsAdministrator: boolean;
  where: Side;
  /** OS / module / version needs, e.g. "Windows Server 2016 or Windows 10 and later (TLS module)" */
  requires?: string;
  /** sample output, shown in its own block labelled "Expected output" */
  expectedOutput?: string;
  /** one line on how to read the result */
  readResult?: string;
  /** values the code needs, substituted by engine/powershell (e.g. a thumbprint) */
  parameters?: CommandParameter[];
}

export type ParameterKind =
  'thumbprint' | 'instance-name' | 'host-name' | 'protocol' | 'cipher-suite' | 'service-name';

export interface CommandParameter {
  /** the token in `code` to replace, e.g. "{{thumbprint}}" */
  token: string;
  kind: ParameterKind;
  label: string;
  /** value used when nothing better is known, always valid for its kind */
  defaultValue: string;
}

export type StepKind = 'check' | 'fix' | 'restart' | 'verify' | 'undo' | 'info';

export interface ResolutionStep {
  id: string;
  kind: StepKind;
  title: string;
  /** our own plain words; may hold several short paragraphs separated by blank lines */
  body: string;
  commands?: CommandBlock[];
  /** shown before the step, for changes and restarts: what it affects */
  warning?: string;
}

export interface Reference {
  label: string;
  url?: string;
  /** KB number as Microsoft writes it, e.g. "KB3135244" */
  kb?: string;
}

/** The article's six scenarios. */
export interface Scenario {
  type: 'scenario';
  id: ScenarioId;
  /** number in the live article (1-6) */
  articleNumber: number;
  title: string;
  /** one plain sentence a help-desk person can read to a user */
  summary: string;
  /** who and what it affects (OS versions, SQL Server versions, drivers) */
  affects: string;
  /** what the user sees */
  symptoms: string[];
  /** evidence that points to this scenario */
  pointsTo: string[];
  /** evidence that points away from it */
  pointsAway: string[];
  confirm: ResolutionStep[];
  fix: ResolutionStep[];
  verify: ResolutionStep[];
  undo: ResolutionStep[];
  /** what has to restart for the fix to take effect */
  restarts: string;
  references: Reference[];
  /** words people search for: error text fragments, KB numbers, event ids */
  keywords: string[];
}

/** Outcomes that are not one of the six: a different error, or a related situation the article links to. */
export interface OtherOutcome {
  type: 'other-error' | 'related' | 'escalate';
  /** OtherErrorId for other-error outcomes, a kebab-case id otherwise; unique among all outcomes */
  id: OtherErrorId | string;
  title: string;
  summary: string;
  /** what the user sees that leads here */
  symptoms: string[];
  /** what to do now, in order; may be short when the answer is "go to this other article" */
  steps: ResolutionStep[];
  /** where to go next */
  whereToGo: Reference[];
  keywords: string[];
}

export type Outcome = Scenario | OtherOutcome;

/** Where an answer leads. */
export type NodeRef = { question: string } | { outcome: string };

export interface Answer {
  /** stable within its question; stored in progress and URLs */
  id: string;
  label: string;
  /** a short clarification under the label */
  hint?: string;
  next: NodeRef;
}

/**
 * One question. `fact` names what the answer establishes (e.g. "error.phase"); when diagnosis already
 * knows that fact from a paste, the wizard pre-selects the answer whose `id` equals the known value
 * and says where it came from. The user can always override.
 */
export interface Question {
  id: string;
  /** the question itself, shown as the page heading */
  title: string;
  /** short "why we ask" */
  why: string;
  /** "How to find out", with copyable commands where one helps */
  howToFind?: { body: string; commands?: CommandBlock[] };
  fact?: string;
  answers: Answer[];
}

export interface Flow {
  start: string;
  questions: Question[];
}
