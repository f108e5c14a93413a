/**
 * Old ids that must keep working in links and stored progress: {old id -> current id}. Ids in ids.ts
 * never change; when a question or outcome is renamed, its old id is added here instead.
 */

/** Outcome aliases: the article's numbering (live order 1-6) and names used in earlier designs. */
export const OUTCOME_ALIASES: Readonly<Record<string, string>> = {
  'scenario-1': 'tls-protocol-mismatch',
  'scenario-2': 'cipher-suite-mismatch',
  'scenario-3': 'tls-dhe-ciphers',
  'scenario-4': 'weak-certificate-hash',
  'scenario-5': 'dhe-leading-zero',
  'scenario-6': 'tcp-listener-overload',
  'strict-encryption-mismatch': 'strict-encryption',
  'client-openssl-policy': 'tls-protocol-mismatch',
};

/** Question aliases (none renamed yet; the table is checked by aliases.test.ts). */
export const QUESTION_ALIASES: Readonly<Record<string, string>> = {
  start: 'error-text',
};

const follow = (table: Readonly<Record<string, string>>, id: string): string => {
  // One hop is enough by construction (the test forbids chains), but stop after a few to be safe.
  let current = id;
  for (let hop = 0; hop < 4 && Object.hasOwn(table, current); hop += 1) current = table[current] ?? current;
  return current;
};

/** The current id for an outcome id that may be an old alias. Unknown ids come back unchanged. */
export const resolveOutcomeId = (id: string): string => follow(OUTCOME_ALIASES, id);

/** The current id for a question id that may be an old alias. Unknown ids come back unchanged. */
export const resolveQuestionId = (id: string): string => follow(QUESTION_ALIASES, id);

/**
 * Answer aliases, per (current) question id: {question -> {old or short answer id -> current answer id}}.
 * Links that pre-fill wizard answers (`#/wizard?answers=client-platform:linux`) are often typed by hand on
 * KB pages; these keep the short or earlier forms working. aliases.test.ts checks every target exists.
 */
export const ANSWER_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'client-platform': { linux: 'linux-macos', macos: 'linux-macos', jdbc: 'java' },
  'error-text': { '10054': 'handshake-reset', reset: 'handshake-reset' },
  frequency: { sometimes: 'intermittent' },
};

/** The current answer id for an answer of a (current) question id. Unknown ids come back unchanged. */
export const resolveAnswerId = (questionId: string, answerId: string): string => {
  const table = Object.hasOwn(ANSWER_ALIASES, questionId) ? ANSWER_ALIASES[questionId] : undefined;
  return table ? follow(table, answerId) : answerId;
};
