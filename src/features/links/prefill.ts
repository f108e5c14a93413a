import { flow, getQuestion } from '@/engine/knowledge';
import { resolveAnswerId } from '@/engine/knowledge/aliases';
import { pruneAnswers, walk } from '@/engine/wizard/walk';
import { useWizardStore } from '@/store/wizardStore';
import { quoteValue, type LinkNotice } from './urlScheme';

/** More pairs than any path through the flow has; the rest of a longer value is ignored. */
const MAX_PAIRS = 40;

export interface PrefillResult {
  /** the answers to store: valid, current ids, and only those on the path they take together */
  answers: Record<string, string>;
  notices: LinkNotice[];
}

/**
 * Reads `answers=<questionId>:<answerId>,...` from a link. Old question ids and short answer ids are
 * resolved through the alias tables; unknown questions or answers, malformed pairs, and answers that are
 * not on the path the others take are named in a notice and left out. Never throws.
 */
export function readAnswers(value: string): PrefillResult {
  const ignored: string[] = [];
  const renamed: string[] = [];
  const chosen: Record<string, string> = {};
  const pieces = value.split(',').map((p) => p.trim());
  if (pieces.length > MAX_PAIRS) ignored.push(`Everything after the first ${MAX_PAIRS} answers.`);
  for (const piece of pieces.slice(0, MAX_PAIRS)) {
    if (piece === '') continue;
    const colon = piece.indexOf(':');
    if (colon <= 0 || colon === piece.length - 1) {
      ignored.push(`${quoteValue(piece)}: not in the form question:answer.`);
      continue;
    }
    let questionId: string;
    let answerId: string;
    try {
      questionId = decodeURIComponent(piece.slice(0, colon)).trim();
      answerId = decodeURIComponent(piece.slice(colon + 1)).trim();
    } catch {
      ignored.push(`${quoteValue(piece)}: not readable.`);
      continue;
    }
    const question = getQuestion(questionId);
    if (!question) {
      ignored.push(`${quoteValue(piece)}: there is no question ${quoteValue(questionId, 40)}.`);
      continue;
    }
    if (question.id !== questionId)
      renamed.push(`The question ${quoteValue(questionId)} is now ${quoteValue(question.id)}.`);
    const answer = question.answers.find((a) => a.id === resolveAnswerId(question.id, answerId));
    if (!answer) {
      ignored.push(
        `${quoteValue(piece)}: ${quoteValue(answerId, 40)} is not one of the answers to “${question.title}”.`,
      );
      continue;
    }
    if (chosen[question.id] !== undefined && chosen[question.id] !== answer.id) {
      ignored.push(`${quoteValue(piece)}: “${question.title}” was already answered earlier in the link.`);
      continue;
    }
    chosen[question.id] = answer.id;
  }
  const answers = pruneAnswers(flow, chosen);
  for (const [questionId, answerId] of Object.entries(chosen)) {
    if (answers[questionId] === undefined) {
      ignored.push(
        `${quoteValue(`${questionId}:${answerId}`)}: the other answers do not lead to this question${
          Object.keys(answers).length === 0 ? ' (start with the first question, error-text)' : ''
        }.`,
      );
    }
  }

  const notices: LinkNotice[] = [];
  const applied = walk(flow, answers).steps.map((s) => `${s.question.title} — ${s.answer.label}`);
  if (applied.length > 0) {
    notices.push({
      id: `prefill:${value}`,
      severity: 'info',
      title: `The link filled in ${applied.length === 1 ? 'one answer' : `${applied.length} answers`}`,
      items: [...applied, 'You can change any of them with Back or Change.'],
    });
  }
  if (renamed.length > 0) {
    notices.push({
      id: `prefill-renamed:${value}`,
      severity: 'info',
      title: 'This link uses an old name',
      items: renamed,
    });
  }
  if (ignored.length > 0) {
    notices.push({
      id: `prefill-ignored:${value}`,
      severity: 'warning',
      title: 'Some answers in this link were not understood and were ignored',
      items: ignored,
    });
  }
  return { answers, notices };
}

/**
 * Applies a link's answers: they replace the saved ones (the link describes one situation), unless none of
 * them could be used. Returns the notices to show.
 */
export function applyAnswers(value: string): LinkNotice[] {
  const result = readAnswers(value);
  if (Object.keys(result.answers).length > 0) useWizardStore.setState({ answers: result.answers });
  return result.notices;
}
