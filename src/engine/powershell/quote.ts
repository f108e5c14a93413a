/**
 * Safe interpolation of user-supplied values into the knowledge base's commands.
 *
 * Every value is first checked against its kind (a thumbprint is 40 hex digits, a protocol is one of the
 * Schannel names, ...) and then inserted as a PowerShell single-quoted literal, where nothing expands:
 * no `$variables`, no `$(subexpressions)`, no backtick escapes. An invalid value produces no command at
 * all, only a reason the UI can show.
 */
import { PROTOCOL_NAMES } from '../ids';
import type { CommandBlock, CommandParameter, ParameterKind } from '../knowledge/types';

/**
 * Characters PowerShell's tokenizer treats as a single quote inside a single-quoted string:
 * ' (U+0027), ‘ (U+2018), ’ (U+2019), ‚ (U+201A), ‛ (U+201B). Doubling any of them yields one literal quote.
 */
const SINGLE_QUOTE_CHARS = /['\u2018\u2019\u201A\u201B]/g;

/** A PowerShell single-quoted string literal holding exactly `value`. */
export function psSingleQuote(value: string): string {
  return `'${value.replace(SINGLE_QUOTE_CHARS, (quote) => quote + quote)}'`;
}

export type Validation = { ok: true; value: string } | { ok: false; reason: string };

/** Whitespace and the invisible marks that come along when a thumbprint is copied from the certificate dialog. */
const INVISIBLE = /[\s\u00A0\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const INSTANCE = /^[A-Za-z_][A-Za-z0-9_]{0,15}$/;
const CIPHER_SUITE = /^TLS_[A-Z0-9_]+$/;
const IPV6 = /^[0-9A-Fa-f:]{2,39}$/;

const fail = (reason: string): Validation => ({ ok: false, reason });

function validateThumbprint(raw: string): Validation {
  const value = raw.replace(INVISIBLE, '');
  if (value.length === 0) return fail('The thumbprint is empty.');
  if (!/^[0-9A-Fa-f]+$/.test(value)) {
    return fail('A thumbprint holds only the digits 0-9 and the letters A-F.');
  }
  if (value.length !== 40) {
    return fail(`A thumbprint has exactly 40 hexadecimal characters; this one has ${value.length}.`);
  }
  return { ok: true, value: value.toUpperCase() };
}

function validateInstanceName(raw: string): Validation {
  const value = raw.trim();
  if (!INSTANCE.test(value)) {
    return fail(
      'An instance name has 1 to 16 characters: letters, digits and underscores, starting with a letter or underscore. Use MSSQLSERVER for the default instance.',
    );
  }
  return { ok: true, value };
}

function validateHostName(raw: string): Validation {
  const value = raw.trim();
  if (value.length === 0 || value.length > 253) return fail('A host name has 1 to 253 characters.');
  if (value.includes(':')) {
    return IPV6.test(value) && value.split(':').length >= 3
      ? { ok: true, value }
      : fail('This is not a valid IPv6 address.');
  }
  const labels = value.split('.');
  if (labels.every((label) => HOST_LABEL.test(label))) return { ok: true, value };
  return fail(
    'A host name is made of letters, digits and hyphens, in parts separated by dots (for example sql01 or sql01.contoso.com). Give the instance name separately.',
  );
}

function validateProtocol(raw: string): Validation {
  const value = raw.trim();
  const match = PROTOCOL_NAMES.find((name) => name === value);
  return match
    ? { ok: true, value: match }
    : fail(`The protocol must be one of: ${PROTOCOL_NAMES.join(', ')} (spelled exactly like that).`);
}

function validateCipherSuite(raw: string): Validation {
  const value = raw.trim();
  if (value.length > 100 || !CIPHER_SUITE.test(value)) {
    return fail(
      'A cipher suite name looks like TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (capitals, digits, underscores).',
    );
  }
  return { ok: true, value };
}

function validateServiceName(raw: string): Validation {
  const value = raw.trim();
  if (value.toUpperCase() === 'MSSQLSERVER') return { ok: true, value: 'MSSQLSERVER' };
  const dollar = value.indexOf('$');
  if (dollar === 5 && value.slice(0, 5).toUpperCase() === 'MSSQL') {
    const instance = validateInstanceName(value.slice(6));
    if (instance.ok) return { ok: true, value: `MSSQL$${instance.value}` };
  }
  return fail(
    'The SQL Server service is MSSQLSERVER (default instance) or MSSQL$<instance name> (named instance).',
  );
}

export const VALIDATORS: Record<ParameterKind, (value: string) => Validation> = {
  thumbprint: validateThumbprint,
  'instance-name': validateInstanceName,
  'host-name': validateHostName,
  protocol: validateProtocol,
  'cipher-suite': validateCipherSuite,
  'service-name': validateServiceName,
};

/** Checks (and normalises, e.g. upper-cases a thumbprint) one value of the given kind. */
export function validateParameter(kind: ParameterKind, value: string): Validation {
  return VALIDATORS[kind](value);
}

export type FillResult = { ok: true; code: string } | { ok: false; reason: string };

const TOKEN = /\{\{[A-Za-z][A-Za-z0-9]*\}\}/g;

/** The bare name of a token: "{{thumbprint}}" -> "thumbprint". */
export const tokenName = (token: string): string => token.replace(/^\{\{|\}\}$/g, '');

/**
 * Substitutes every parameter of `command`. `values` is keyed by the bare token name ("thumbprint") or the
 * token itself ("{{thumbprint}}"); a parameter without a value gets its default. Every value is validated;
 * the first invalid one, a placeholder without a declared parameter, or a declared parameter whose token
 * is missing from the code makes the result `{ ok: false }`, so no half-filled command is ever shown.
 * PowerShell receives single-quoted literals; other languages receive the validated value as is
 * when it holds only letters, digits, dots, hyphens, underscores and spaces, and refuse it otherwise.
 */
export function fillCommand(
  command: Pick<CommandBlock, 'code' | 'language' | 'parameters'>,
  values: Readonly<Record<string, string | undefined>> = {},
): FillResult {
  const parameters = command.parameters ?? [];
  const filled = new Map<string, string>();
  for (const parameter of parameters) {
    if (!command.code.includes(parameter.token)) {
      return { ok: false, reason: `The command does not use its parameter ${parameter.token}.` };
    }
    const raw = pickValue(parameter, values);
    const checked = validateParameter(parameter.kind, raw);
    if (!checked.ok) return { ok: false, reason: `${parameter.label}: ${checked.reason}` };
    if (command.language !== 'powershell' && !/^[A-Za-z0-9 ._-]+$/.test(checked.value)) {
      return {
        ok: false,
        reason: `${parameter.label}: this value cannot be used in a ${command.language} command.`,
      };
    }
    filled.set(
      parameter.token,
      command.language === 'powershell' ? psSingleQuote(checked.value) : checked.value,
    );
  }
  let undeclared: string | undefined;
  const code = command.code.replace(TOKEN, (token) => {
    const value = filled.get(token);
    if (value === undefined) {
      undeclared ??= token;
      return token;
    }
    return value;
  });
  if (undeclared)
    return { ok: false, reason: `The command has a placeholder ${undeclared} without a parameter.` };
  return { ok: true, code };
}

function pickValue(
  parameter: CommandParameter,
  values: Readonly<Record<string, string | undefined>>,
): string {
  const value = values[parameter.token] ?? values[tokenName(parameter.token)];
  return value ?? parameter.defaultValue;
}

/** Fills a command with its default values only (what a page shows before the user typed anything). */
export function fillWithDefaults(
  command: Pick<CommandBlock, 'code' | 'language' | 'parameters'>,
): FillResult {
  return fillCommand(command, {});
}
