/**
 * ERRORLOG parser: SQL Server's own log, as pasted from the file (Windows or Linux), from the SSMS Log
 * File Viewer (tab- or comma-separated columns, US or day-first dates), or as bare message lines.
 *
 * What it reads for this problem:
 * - the certificate in use (26013 "The certificate [Cert Hash(sha1) "..."] was successfully loaded for
 *   encryption.") or a self-generated one (26018), and certificate load failures (26010, 26014, 26015,
 *   26017, 17182, 17190);
 * - connection failures during login: 17830 (network error code decoded, the "establishing SSL N ms"
 *   timing: above zero means the reset came during the TLS handshake), 17832, 17836, 17828, 17835,
 *   17826, 26011, 18456 (with what its state means);
 * - listener pressure: 17887 (IO Completion Listener non-yielding), 17197 (login timeout), 26040
 *   (AcceptEx failure) -> tcp-listener-overload;
 * - AG / mirroring endpoint handshakes: "Connection handshake failed. An OS call failed: (80090331)...";
 * - the version banner (build), "Server is listening on", and Linux TLS settings (mssql-conf network.*).
 *
 * Header lines "Error: N, Severity: S, State: T." (localized labels too) pair with the message line that
 * follows. Lines are capped at 4000 characters and every pattern is prefiltered with a substring test.
 */
import { evidenceAt, type Evidence, type ParseResult, type Problem } from '../model';
import { addHint, type ScenarioHint } from './text/hints';
import { normalizeKeepScratch, toOriginalSpan, type MappedText } from './text/normalize';
import { lowerHead, PhraseSet } from './text/phrases';
import type { ArtifactParser } from './types';

export interface ErrorlogEvent {
  /** SQL Server error number (from the header, or known from the message text) */
  error: number | null;
  severity: number | null;
  state: number | null;
  /** the message text as written (capped) */
  message: string | null;
  /** what it means for this problem, in plain words */
  meaning: string;
  /** 1-based line number of the event's first line in the paste */
  line: number;
  timestamp: string | null;
  /** the ERRORLOG source column: spid15s, Logon, Server, ... */
  source: string | null;
  /** 17830: the network error code as printed, e.g. '0x2746', and as a number */
  networkErrorCode?: string;
  osError?: number;
  /** 17830: milliseconds spent establishing SSL (> 0: the connection died during TLS) */
  sslMs?: number;
  totalMs?: number;
  /** 17830 / 18456: the client address from "[CLIENT: ...]" */
  client?: string;
  /** 18456: what the state means */
  stateMeaning?: string;
  /** 26013 / 26014: the certificate thumbprint */
  thumbprint?: string;
  /** endpoint handshake, 26010, 17182: the error code or HRESULT, e.g. '0x80090331' */
  hresult?: string;
}

export interface ErrorlogFacts {
  /** thumbprint of the certificate SQL Server loaded for encryption (26013), 40 uppercase hex digits */
  certificateThumbprint: string | null;
  /** a self-generated certificate was loaded (26018): the weak-hash scenario does not apply */
  selfGenerated: boolean;
  /** a user-specified certificate could not be loaded (26014 / 26015 / 26010 / 17182 / 17190) */
  certificateLoadFailed: boolean;
  events: ErrorlogEvent[];
  /** 17830 events whose network error is a reset (10054 or Linux 104) */
  handshakeResets: number;
  /** of those, how many spent time establishing SSL (the reset came during TLS) */
  resetsDuringSsl: number;
  serverBuild: string | null;
  /** e.g. 'SQL Server 2019' */
  serverProduct: string | null;
  /** e.g. 'RTM-CU18', 'SP3' */
  serverLevel: string | null;
  serverOs: 'windows' | 'linux' | null;
  /** "Server is listening on [ ... ]" texts */
  listening: string[];
  /** Linux TLS settings (mssql-conf network.*), key -> value */
  tlsSettings: Record<string, string>;
  scenarioHints: ScenarioHint[];
  /** how the lines were written */
  format: 'errorlog' | 'log-viewer' | 'plain' | 'unknown';
}

export type ErrorlogResult = ParseResult<'errorlog', ErrorlogFacts>;

// ---------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------

/** What an OS error code in 17830 means. */
const NETWORK_CODES: Record<number, string> = {
  10054: 'the client reset the connection (10054, WSAECONNRESET)',
  10053: 'the connection was aborted on the server side (10053, WSAECONNABORTED)',
  10060: 'the network timed out (10060)',
  104: 'the client reset the connection (104, ECONNRESET on Linux)',
  109: 'the pipe was closed (109, named pipes)',
  232: 'the pipe is being closed (232, named pipes)',
  64: 'the network name is no longer available (64): the client went away',
  121: 'the semaphore timed out (121): the network dropped',
  258: 'a wait timed out (258)',
};

/** 18456 states (sql-docs MSSQLSERVER_18456). */
const LOGIN_STATES: Record<number, string> = {
  1: 'No detail given (state 1 hides the reason from the client).',
  2: 'The user name does not exist.',
  5: 'The user name does not exist.',
  6: 'A Windows login name was used with SQL Server authentication.',
  7: 'The login is disabled and the password is wrong.',
  8: 'The password is wrong.',
  9: 'The password is not valid.',
  11: 'The login is valid but server access failed (often a Windows group or UAC).',
  12: 'The login is valid but server access failed.',
  13: 'The SQL Server service is paused.',
  18: 'The password must be changed.',
  38: 'The database named in the connection cannot be opened.',
  40: 'The login’s default database cannot be opened.',
  46: 'The login’s default database cannot be opened.',
  58: 'SQL Server authentication was used but the server accepts only Windows authentication.',
  102: 'Azure AD / Entra authentication failed.',
  132: 'Azure AD / Entra authentication failed.',
  133: 'Azure AD / Entra authentication failed.',
};

const ERROR_MEANINGS: Record<number, string> = {
  17830:
    'A network error ended a connection while it was logging in: the client (or the network) closed it before login finished.',
  17832:
    'The login packet was not valid TDS: a non-SQL client, a scanner, or a connection storm (historically) closed it.',
  17836:
    'A network packet was shorter or longer than announced: a non-TDS client, a scanner, or a broken network device.',
  17828:
    'The pre-login packet was not valid TDS: a port scanner, a non-SQL client, or a TDS 8 (TLS-first, Encrypt=Strict) client against a server that does not speak it.',
  17829: 'A network error occurred while a connection was being established.',
  17835:
    'Encryption is required (Force Encryption) but the client library cannot encrypt: update the client driver.',
  17826:
    'The network library could not start: SQL Server does not listen; often a certificate or port problem (see the lines around it).',
  17827: 'SQL Server failed to encrypt a password and closed the connection.',
  26010: 'SQL Server could not load the certificate it needs for TLS.',
  26011: 'SQL Server could not initialise encryption: a security library (Schannel) problem.',
  26013:
    'This certificate is the one SQL Server uses for TLS. Check its signature hash (MD5, SHA-224, SHA-512 break TLS 1.2 on Windows).',
  26014:
    'SQL Server could not load the configured certificate (often the service account cannot read the private key); it will not accept connections.',
  26015:
    'SQL Server could not load the configured certificate and encryption is required: no connections are accepted.',
  26017: 'No valid certificate was found and a self-signed one could not be created.',
  26018: 'SQL Server generated its own certificate: the weak-hash certificate scenario does not apply.',
  26022: 'Where SQL Server listens.',
  26040: 'The TCP listener stopped after an AcceptEx failure: the listener is starved or failing.',
  17182:
    'The network interface (TDSSNIClient) failed to start, usually because the certificate could not be loaded.',
  17190:
    'The fallback (self-generated) certificate could not be created: service account profile or key store problem.',
  17887: 'An IO Completion Listener was stuck (non-yielding): connections wait or time out under load.',
  17197: 'A login timed out on the server: heavy load or a starved listener.',
  17809: 'The maximum number of user connections was reached.',
  18456: 'The login was rejected after the handshake: an authentication problem, not a TLS reset.',
};

interface MessagePattern {
  error: number | null;
  /** lowercase substring that must be present (prefilter) */
  key: string;
  /** bounded regular expression on the message (case-insensitive) */
  re?: RegExp;
  meaning: (m: RegExpExecArray | null, ev: ErrorlogEvent) => string;
}

const hexNum = (s: string): number => parseInt(s.replace(/^0x/i, ''), 16);

const PATTERNS: MessagePattern[] = [
  {
    error: 17830,
    key: 'network error code',
    re: /network error code (0x[0-9a-f]{1,8})/i,
    meaning: (m, ev) => {
      const code = m?.[1];
      if (code) {
        ev.networkErrorCode = code;
        ev.osError = hexNum(code);
      }
      const what = ev.osError !== undefined ? NETWORK_CODES[ev.osError] : undefined;
      const ssl = ev.sslMs !== undefined && ev.sslMs > 0;
      return `A connection failed during login: ${what ?? `network error ${code ?? ''}`.trim()}.${
        ssl
          ? ` It spent ${ev.sslMs} ms establishing SSL, so it ended during the TLS handshake.`
          : ev.sslMs === 0
            ? ' No time was spent establishing SSL: it ended before the TLS handshake started.'
            : ''
      }`;
    },
  },
  {
    error: 17832,
    key: 'the login packet used to open the connection is structurally invalid',
    meaning: () => ERROR_MEANINGS[17832] ?? '',
  },
  {
    error: 17828,
    key: 'prelogin packet used to open the connection is structurally invalid',
    meaning: () => ERROR_MEANINGS[17828] ?? '',
  },
  {
    error: 17836,
    key: 'length specified in network packet payload',
    meaning: () => ERROR_MEANINGS[17836] ?? '',
  },
  {
    error: 17835,
    key: 'encryption is required to connect to this server',
    meaning: () => ERROR_MEANINGS[17835] ?? '',
  },
  {
    error: 17826,
    key: 'could not start the network library',
    meaning: () => ERROR_MEANINGS[17826] ?? '',
  },
  {
    error: 17829,
    key: 'a network error occurred while establishing a connection',
    meaning: () => ERROR_MEANINGS[17829] ?? '',
  },
  {
    error: 17827,
    key: 'failure while attempting to encrypt a password',
    meaning: () => ERROR_MEANINGS[17827] ?? '',
  },
  {
    error: 26010,
    key: 'could not load the certificate it needs to initiate an ssl connection',
    re: /following error: (0x[0-9a-f]{1,8})/i,
    meaning: (m, ev) => {
      if (m?.[1]) ev.hresult = m[1].toLowerCase();
      return ERROR_MEANINGS[26010] + (m?.[1] ? ` Error ${m[1]}.` : '');
    },
  },
  {
    error: 26011,
    key: 'unable to initialize encryption because of a problem with a security library',
    meaning: () => ERROR_MEANINGS[26011] ?? '',
  },
  {
    error: 26018,
    key: 'self-generated certificate was successfully loaded',
    meaning: () => ERROR_MEANINGS[26018] ?? '',
  },
  {
    error: 26013,
    key: 'was successfully loaded for encryption',
    re: /cert hash\(sha1\)\s?"([0-9a-f]{40})"/i,
    meaning: (m, ev) => {
      if (m?.[1]) ev.thumbprint = m[1].toUpperCase();
      return ERROR_MEANINGS[26013] ?? '';
    },
  },
  {
    error: 26014,
    key: 'unable to load user-specified certificate [',
    re: /cert hash\(sha1\)\s?"([0-9a-f]{40})"/i,
    meaning: (m, ev) => {
      if (m?.[1]) ev.thumbprint = m[1].toUpperCase();
      return ERROR_MEANINGS[26014] ?? '';
    },
  },
  {
    error: 26015,
    key: 'unable to load user-specified certificate. because connection encryption is required',
    meaning: () => ERROR_MEANINGS[26015] ?? '',
  },
  {
    error: 26017,
    key: 'unable to initialize ssl encryption because a valid certificate could not be found',
    meaning: () => ERROR_MEANINGS[26017] ?? '',
  },
  {
    error: 26022,
    key: 'server is listening on',
    meaning: () => ERROR_MEANINGS[26022] ?? '',
  },
  {
    error: 26040,
    key: 'due to an acceptex failure',
    meaning: () => ERROR_MEANINGS[26040] ?? '',
  },
  {
    error: 17182,
    key: 'tdssniclient initialization failed',
    re: /with error (0x[0-9a-f]{1,8})/i,
    meaning: (m, ev) => {
      if (m?.[1]) ev.hresult = m[1].toLowerCase();
      return ERROR_MEANINGS[17182] + (m?.[1] ? ` Error ${m[1]}.` : '');
    },
  },
  {
    error: 17190,
    key: 'initializing the fallback certificate failed',
    meaning: () => ERROR_MEANINGS[17190] ?? '',
  },
  {
    error: 17887,
    key: 'io completion listener',
    meaning: () => ERROR_MEANINGS[17887] ?? '',
  },
  {
    error: 17197,
    key: 'login failed due to timeout',
    meaning: () => ERROR_MEANINGS[17197] ?? '',
  },
  {
    error: 17809,
    key: 'maximum number of',
    re: /user connections has already been reached/i,
    meaning: () => ERROR_MEANINGS[17809] ?? '',
  },
  {
    error: 18456,
    key: 'login failed for user',
    meaning: () => ERROR_MEANINGS[18456] ?? '',
  },
  {
    error: null,
    key: 'connection handshake failed',
    re: /\(?(?:0x)?(8009[0-9a-f]{4})\)?/i,
    meaning: (m, ev) => {
      const code = m?.[1] ? `0x${m[1].toLowerCase()}` : null;
      if (code) ev.hresult = code;
      if (code === '0x80090331')
        return 'An AG / mirroring endpoint handshake failed: the two servers share no TLS version or cipher suite (0x80090331).';
      if (code === '0x80090326')
        return 'An AG / mirroring endpoint handshake failed: the peer sent an alert or an unreadable message (0x80090326).';
      return `An AG / mirroring endpoint handshake failed${code ? ` (${code})` : ''}.`;
    },
  },
];
/** the patterns' keys, looked up together in each line (one pass instead of one search per pattern) */
const PATTERN_KEYS = new PhraseSet(PATTERNS.map((p) => p.key));
/** the answer of PATTERN_KEYS for the current line (reused: a new typed array per line costs ~1 us) */
const keysFoundBuffer = new Int32Array(PATTERNS.length);

// ---------------------------------------------------------------------------------------------------
// Line prefixes
// ---------------------------------------------------------------------------------------------------

// Sticky patterns, tried with test() at an offset: what they match runs from that offset to lastIndex (the
// timestamps after their leading blanks), so no match array is made for every line of a long log.
/** an ISO timestamp (ERRORLOG) after at most 8 blanks */
const TS_ISO = /[ \t]{0,8}\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,7})?(?=[ \t,]|$)/y;
/** a US or European timestamp (SSMS Log File Viewer export) after at most 8 blanks */
const TS_US =
  /[ \t]{0,8}\d{1,2}[/.]\d{1,2}[/.]\d{2,4}[ \t]{1,4}\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,7})?(?:[ \t]?[AaPp][Mm])?(?=[ \t,]|$)/y;
const SOURCE = /(?:spid\d{1,6}[a-z]{0,2}|Server|Logon|Backup|Setup|SQL Server|Unknown)(?=[ \t,]|$)/iy;
const SEVERITY_WORD = /(?:Unknown|Error|Warning|Information|Info)(?=[\t,])/iy;

/** Where sticky `re` matches at `at` in `text` ends, or -1. */
function stickyEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}
const HEADER =
  /^([^\s:,]{1,14})[ \t]?:[ \t]{0,4}(\d{1,6}),[ \t]{0,4}([^\s:,]{1,20})[ \t]?:[ \t]{0,4}(\d{1,3}),[ \t]{0,4}([^\s:,]{1,14})[ \t]?:[ \t]{0,4}(\d{1,5})/u;
/** where HEADER's colon can be at the latest: after 14 code points of label (28 code units) and a space */
const HEADER_COLON_MAX = 29;
const BANNER =
  /Microsoft SQL Server (\d{4}(?: R2)?)[ \t]{0,4}(?:\(([^)]{1,40})\))?[^-\n]{0,80}?-[ \t]{0,4}(\d{1,2}\.\d{1,2}\.\d{3,5}\.\d{1,4})/;
const TLS_SETTING =
  /^[ \t]{0,8}(?:network\.)?(tlsprotocols|tlsciphers|tlscert|tlskey|forceencryption|tlsprotocol)[ \t]{0,4}[=:][ \t]{0,4}(\S.{0,400})$/i;

interface Prefix {
  timestamp: string | null;
  source: string | null;
  /** offset of the message within the line */
  messageAt: number;
  kind: 'errorlog' | 'log-viewer' | 'plain';
}

/**
 * Skips spaces, tabs and commas from `from`: the new offset times two, plus one when a tab or comma was seen
 * (one number rather than a pair: it is called up to three times per line)
 */
function skipSep(line: string, from: number): number {
  let at = from;
  let sawTabOrComma = 0;
  while (at < line.length) {
    const c = line.charCodeAt(at);
    if (c === 9 || c === 44) sawTabOrComma = 1;
    else if (c !== 32) break;
    at++;
  }
  return at * 2 + sawTabOrComma;
}

/** A JSON wrapper in front of a log line: `{"log":"`, `"message": "`. */
const JSON_PREFIX = /^[ \t]{0,8}\{?[ \t]{0,4}"[A-Za-z_@.]{1,30}"[ \t]{0,4}:[ \t]{0,4}"/;

function stripPrefix(line: string): Prefix {
  let at = 0;
  let timestamp: string | null = null;
  let kind: Prefix['kind'] = 'plain';
  let head = line;
  const json = line.charCodeAt(0) === 123 || line.charCodeAt(0) === 34 ? JSON_PREFIX.exec(line) : null;
  if (json) {
    at = json[0].length;
    head = line.slice(at);
  }
  // a timestamp starts with a digit after at most a few spaces
  let first = 0;
  while (first < 8 && (head.charCodeAt(first) === 32 || head.charCodeAt(first) === 9)) first++;
  const c0 = head.charCodeAt(first);
  if (c0 >= 48 && c0 <= 57) {
    // the timestamp is what the pattern matched after the blanks (`first` counted them, at most 8)
    const iso = stickyEnd(TS_ISO, head, 0);
    const end = iso >= 0 ? iso : stickyEnd(TS_US, head, 0);
    if (end > first) {
      timestamp = head.slice(first, end);
      at += end;
      kind = iso >= 0 ? 'errorlog' : 'log-viewer';
    }
  }
  let source: string | null = null;
  if (timestamp) {
    let sep = skipSep(line, at);
    at = sep >> 1;
    if (sep & 1) kind = 'log-viewer';
    // a source word is at most 12 characters: the pattern reads the same as it did on a 40-character slice
    const srcEnd = stickyEnd(SOURCE, line, at);
    if (srcEnd > at) {
      source = line.slice(at, srcEnd);
      sep = skipSep(line, srcEnd);
      at = sep >> 1;
      if (sep & 1) kind = 'log-viewer';
      // at most 11 characters, likewise
      const sevEnd = stickyEnd(SEVERITY_WORD, line, at);
      if (sevEnd >= 0) at = skipSep(line, sevEnd) >> 1;
    }
  }
  return { timestamp, source, messageAt: at, kind };
}

// ---------------------------------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------------------------------

const MAX_INPUT = 2_000_000;
const MAX_EVENTS = 2000;

function emptyFacts(): ErrorlogFacts {
  return {
    certificateThumbprint: null,
    selfGenerated: false,
    certificateLoadFailed: false,
    events: [],
    handshakeResets: 0,
    resetsDuringSsl: 0,
    serverBuild: null,
    serverProduct: null,
    serverLevel: null,
    serverOs: null,
    listening: [],
    tlsSettings: {},
    scenarioHints: [],
    format: 'unknown',
  };
}

/** A header line ("Error: N, Severity: S, State: T.") waiting for its message line. */
interface PendingHeader {
  event: ErrorlogEvent;
  lineIdx: number;
}

/**
 * What one parse has read so far. The parse is split into small functions over this state (one per kind of
 * line content) rather than one long function: V8 optimises small functions sooner, and compiled the single
 * 400-line parse only after several runs of a long paste had gone by unoptimised.
 */
class ErrorlogReader {
  readonly facts = emptyFacts();
  readonly evidence: Evidence[] = [];
  readonly formats = { errorlog: 0, 'log-viewer': 0, plain: 0 };
  pending: PendingHeader | null = null;
  truncatedEvents = false;
  lastMsgLi = -10;
  // line numbers are computed lazily and incrementally (linear overall)
  private lastOrig = 0;
  private lastLine = 1;

  constructor(
    readonly text: string,
    readonly view: MappedText,
  ) {}

  /** evidence for a span of the view, quoted from the original text */
  ev(s: number, e: number, meaning: string, fact: string): Evidence {
    const o = toOriginalSpan(this.view, s, e);
    return evidenceAt(this.text, o.start, o.end, meaning, fact);
  }

  /** evidence for the start of a message, at most `cap` characters (trailing spaces left out) */
  evMessage(msg: string, msgStart: number, cap: number, meaning: string, fact: string): void {
    this.evidence.push(this.ev(msgStart, msgStart + Math.min(msg.trimEnd().length, cap), meaning, fact));
  }

  /** the 1-based line of the original text that holds a view offset */
  lineNo(viewOffset: number): number {
    const text = this.text;
    const o = toOriginalSpan(this.view, viewOffset, viewOffset).start;
    if (o < this.lastOrig) {
      // line breaks are counted with indexOf (native), not character by character
      let n = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < o; i = text.indexOf('\n', i + 1)) n++;
      return n;
    }
    for (let i = text.indexOf('\n', this.lastOrig); i >= 0 && i < o; i = text.indexOf('\n', i + 1))
      this.lastLine++;
    this.lastOrig = o;
    return this.lastLine;
  }

  pushEvent(e: ErrorlogEvent): void {
    if (this.facts.events.length >= MAX_EVENTS) {
      this.truncatedEvents = true;
      return;
    }
    this.facts.events.push(e);
  }

  /** a new event for a message line (its severity and state come from a header, if any) */
  newEvent(error: number | null, msgStart: number, pre: Prefix): ErrorlogEvent {
    return {
      error,
      severity: null,
      state: null,
      message: null,
      meaning: '',
      line: this.lineNo(msgStart),
      timestamp: pre.timestamp,
      source: pre.source,
    };
  }
}

export function parseErrorlog(input: string): ErrorlogResult {
  const text = typeof input === 'string' ? input : '';
  let r: ErrorlogReader | null = null;
  const problems: Problem[] = [];
  try {
    // the view lives only while this synchronous parse runs (evidence is quoted from the original text as it
    // is found), so its maps can be the reused ones: no 8 bytes per character allocated for every part
    const view = normalizeKeepScratch(text, { maxInput: MAX_INPUT });
    if (view.truncated) {
      problems.push({
        code: 'input-truncated',
        severity: 'warning',
        message: `Only the first ${MAX_INPUT.toLocaleString('en-US')} characters were read.`,
      });
    }
    r = new ErrorlogReader(text, view);
    // the lines of the view (capped at 4000 characters), walked by offset
    const vt = view.text;
    for (let li = 0, next = 0; next <= vt.length; li++) {
      let lineEnd = vt.indexOf('\n', next);
      if (lineEnd < 0) lineEnd = vt.length;
      const ls = next;
      const raw = vt.slice(next, Math.min(lineEnd, next + 4000));
      next = lineEnd + 1;
      if (raw.length < 8 || raw.trim().length === 0) continue;
      readLine(r, li, ls, raw);
    }
    if (r.pending) r.pushEvent(r.pending.event);
    finish(r, problems);
  } catch (error) {
    problems.push({
      code: 'parser-error',
      severity: 'error',
      message: `The text could not be read completely (${error instanceof Error ? error.message : 'unknown error'}).`,
    });
  }
  return { kind: 'errorlog', facts: r ? r.facts : emptyFacts(), evidence: r ? r.evidence : [], problems };
}

/** One line: a Linux TLS setting, or the version banner and/or a header and/or a known message. */
function readLine(r: ErrorlogReader, li: number, ls: number, raw: string): void {
  const pre = stripPrefix(raw);
  r.formats[pre.kind]++;
  const msg = raw.slice(pre.messageAt);
  const msgStart = ls + pre.messageAt;
  const lower = msg.toLowerCase();
  if (readTlsSetting(r, raw, ls)) return;
  if (lower.includes('microsoft sql server')) readBanner(r, msg, msgStart);
  if (r.facts.serverOs === null && lower.includes('on linux (') && /\bon linux \(/i.test(msg))
    r.facts.serverOs = 'linux';

  // HEADER's label has no colon, so the line's first colon is its own: no colon early, no header
  const firstColon = msg.indexOf(':');
  const h = firstColon >= 1 && firstColon <= HEADER_COLON_MAX ? HEADER.exec(msg) : null;
  if (h && h[2] && h[4] && h[6] && !readHeader(r, h, li, msg, msgStart, pre)) return;

  const matched = readMessage(r, li, msg, lower, msgStart, pre);
  const pending = r.pending;
  if (!matched && pending && li - pending.lineIdx === 1 && pending.event.message === null && !h) {
    // the header's message was not one we know: keep its text
    pending.event.message = msg.trim().slice(0, 1000);
    r.pushEvent(pending.event);
    r.pending = null;
  } else if (!matched && pending && h === null && li - pending.lineIdx > 2) {
    r.pushEvent(pending.event);
    r.pending = null;
  }
}

/** Linux TLS settings (mssql-conf); true when the line was one. */
function readTlsSetting(r: ErrorlogReader, raw: string, ls: number): boolean {
  const tls = TLS_SETTING.exec(raw);
  if (!tls || !tls[1] || !tls[2]) return false;
  const key = tls[1].toLowerCase();
  const value = tls[2].trim();
  r.facts.tlsSettings[key] = value;
  const at = ls + raw.indexOf(tls[2]);
  r.evidence.push(
    r.ev(ls, at + tls[2].length, `SQL Server on Linux setting ${key} = ${value}.`, `tlsSettings.${key}`),
  );
  if (key === 'tlsprotocols' && !/1\.[23]/.test(value)) {
    addHint(
      r.facts.scenarioHints,
      'tls-protocol-mismatch',
      `network.tlsprotocols = ${value}: the server offers no TLS 1.2.`,
      'strong',
    );
  }
  return true;
}

/** The version banner: build, product, level and the OS it runs on. */
function readBanner(r: ErrorlogReader, msg: string, msgStart: number): void {
  const facts = r.facts;
  const b = BANNER.exec(msg);
  if (b && b[3]) {
    facts.serverBuild = b[3];
    facts.serverProduct = `SQL Server ${b[1]}`;
    facts.serverLevel = b[2] ?? null;
    const at = msgStart + b.index;
    r.evidence.push(
      r.ev(at, at + b[0].length, `The server runs ${facts.serverProduct} build ${b[3]}.`, 'serverBuild'),
    );
  }
  if (/ on linux\b/i.test(msg) || /<x64> on linux/i.test(msg)) facts.serverOs = 'linux';
  else if (/ on windows\b/i.test(msg)) facts.serverOs = 'windows';
}

/**
 * A header line. Returns true when the rest of the line is to be read as its message (some exports write
 * both on one line), false when the line is done.
 */
function readHeader(
  r: ErrorlogReader,
  h: RegExpExecArray,
  li: number,
  msg: string,
  msgStart: number,
  pre: Prefix,
): boolean {
  const facts = r.facts;
  const error = Number(h[2]);
  const last = facts.events[facts.events.length - 1];
  if (!r.pending && last && last.error === error && last.severity === null && li - r.lastMsgLi <= 2) {
    // SSMS's Log File Viewer lists newest first: the header comes after its message
    last.severity = Number(h[4]);
    last.state = Number(h[6]);
    if (error === 18456) {
      last.stateMeaning = LOGIN_STATES[last.state] ?? 'This state is not documented here.';
      last.meaning += ` State ${last.state}: ${last.stateMeaning}`;
    }
    r.evidence.push(
      r.ev(
        msgStart,
        msgStart + h[0].length,
        `Error ${error}, severity ${h[4]}, state ${h[6]}.`,
        `events.${facts.events.length - 1}.state`,
      ),
    );
    return false;
  }
  if (r.pending) r.pushEvent(r.pending.event);
  const event: ErrorlogEvent = {
    error,
    severity: Number(h[4]),
    state: Number(h[6]),
    message: null,
    meaning: ERROR_MEANINGS[error] ?? `SQL Server error ${error}.`,
    line: r.lineNo(msgStart),
    timestamp: pre.timestamp,
    source: pre.source,
  };
  if (error === 18456)
    event.stateMeaning = LOGIN_STATES[event.state ?? -1] ?? 'This state is not documented here.';
  r.evidence.push(
    r.ev(
      msgStart,
      msgStart + h[0].length,
      `Error ${error}, severity ${h[4]}, state ${h[6]}.`,
      `events.${facts.events.length}.state`,
    ),
  );
  r.pending = { event, lineIdx: li };
  // a header with its message on the same line (some exports)
  return msg.slice(h[0].length).replace(/^[.\s]+/, '').length > 20;
}

/** The first known message pattern of the line, as an event; true when one matched. */
function readMessage(
  r: ErrorlogReader,
  li: number,
  msg: string,
  lower: string,
  msgStart: number,
  pre: Prefix,
): boolean {
  const keysFound = PATTERN_KEYS.firstIndexes(lower, keysFoundBuffer);
  for (let pi = 0; pi < PATTERNS.length; pi++) {
    if (keysFound[pi]! < 0) continue;
    const p = PATTERNS[pi]!;
    const m = p.re ? p.re.exec(msg) : null;
    if (p.re && !m && p.error === 17809) continue;
    const event = eventForMessage(r, p, li, msgStart, pre);
    event.message = msg.trim().slice(0, 1000);
    if (event.error === 17830 || p.error === 17830) {
      const ssl = /establishing ssl (\d{1,9}) ms/i.exec(msg);
      if (ssl && ssl[1]) event.sslMs = Number(ssl[1]);
      const total = /total (\d{1,9}) ms/i.exec(msg);
      if (total && total[1]) event.totalMs = Number(total[1]);
    }
    const client = lower.includes('[client:') ? /\[client: ?([^\]\s]{1,80})\]/i.exec(msg) : null;
    if (client && client[1]) event.client = client[1];
    event.meaning = p.meaning(m, event);
    if (event.error === 18456 && event.stateMeaning)
      event.meaning += ` State ${event.state}: ${event.stateMeaning}`;
    r.pushEvent(event);
    r.lastMsgLi = li;
    messageFacts(r, p, m, event, msg, msgStart);
    return true;
  }
  return false;
}

/** The event a message line fills: the pending header's, or a new one. */
function eventForMessage(
  r: ErrorlogReader,
  p: MessagePattern,
  li: number,
  msgStart: number,
  pre: Prefix,
): ErrorlogEvent {
  const pending = r.pending;
  const usePending =
    pending !== null &&
    li - pending.lineIdx <= 2 &&
    (p.error === null || pending.event.error === p.error || pending.event.message === null);
  if (usePending && pending) {
    r.pending = null;
    const event = pending.event;
    if (p.error !== null && event.error !== p.error && event.error !== null) {
      // the header belongs to something else; keep it apart
      r.pushEvent(event);
      return r.newEvent(p.error, msgStart, pre);
    }
    return event;
  }
  if (pending) {
    r.pushEvent(pending.event);
    r.pending = null;
  }
  return r.newEvent(p.error, msgStart, pre);
}

/** Messages that point at a starved or overloaded TCP listener: why, and how strongly. */
const LISTENER_HINTS: Record<number, [string, 'strong' | 'weak']> = {
  17887: ['An IO Completion Listener was non-yielding (17887): the listener is starved.', 'strong'],
  17197: ['Logins time out on the server (17197): heavy load or a starved listener.', 'weak'],
  26040: ['The TCP listener failed in AcceptEx (26040).', 'weak'],
};

/** Facts and evidence of a message the event was just made from. */
function messageFacts(
  r: ErrorlogReader,
  p: MessagePattern,
  m: RegExpExecArray | null,
  event: ErrorlogEvent,
  msg: string,
  msgStart: number,
): void {
  const facts = r.facts;
  const idx = facts.events.length - 1;
  const span = (needle: string | undefined, fact: string, meaning: string): void => {
    if (!needle) return;
    const at = msg.indexOf(needle);
    if (at >= 0) r.evidence.push(r.ev(msgStart + at, msgStart + at + needle.length, meaning, fact));
  };
  switch (p.error) {
    case 26013:
      if (event.thumbprint) {
        facts.certificateThumbprint = event.thumbprint;
        span(
          m?.[1],
          'certificateThumbprint',
          `SQL Server loaded the certificate with thumbprint ${event.thumbprint} for encryption.`,
        );
      }
      break;
    case 26018:
      facts.selfGenerated = true;
      r.evMessage(msg, msgStart, Infinity, ERROR_MEANINGS[26018] ?? '', 'selfGenerated');
      break;
    case 26014:
    case 26015:
    case 26010:
    case 17182:
    case 17190:
      facts.certificateLoadFailed = true;
      r.evMessage(msg, msgStart, 300, event.meaning, 'certificateLoadFailed');
      break;
    case 17830: {
      const reset = event.osError === 10054 || event.osError === 104;
      if (reset) facts.handshakeResets++;
      if (reset && (event.sslMs ?? 0) > 0) facts.resetsDuringSsl++;
      span(m?.[1], `events.${idx}.osError`, event.meaning);
      const ssl = /establishing ssl \d{1,9} ms/i.exec(msg);
      if (ssl) span(ssl[0], `events.${idx}.sslMs`, `${event.sslMs} ms were spent establishing SSL.`);
      break;
    }
    case 26022: {
      const l = /server is listening on \[([^\]]{1,120})\]/i.exec(msg);
      if (l && l[1]) {
        facts.listening.push(l[1].trim());
        span(l[0], 'listening', `SQL Server listens on ${l[1].trim()}.`);
      }
      break;
    }
    case 17887:
    case 17197:
    case 26040: {
      const [why, strength] = LISTENER_HINTS[p.error]!;
      addHint(facts.scenarioHints, 'tcp-listener-overload', why, strength);
      r.evMessage(msg, msgStart, 300, event.meaning, 'scenarioHints');
      break;
    }
    case null:
      if (event.hresult === '0x80090331') {
        addHint(
          facts.scenarioHints,
          'tls-protocol-mismatch',
          'An endpoint handshake failed with 0x80090331: no common TLS version...',
          'strong',
        );
        addHint(
          facts.scenarioHints,
          'cipher-suite-mismatch',
          '...or no common cipher suite (0x80090331).',
          'strong',
        );
      }
      r.evMessage(msg, msgStart, 300, event.meaning, `events.${idx}.hresult`);
      break;
    default:
      r.evMessage(msg, msgStart, 300, event.meaning, `events.${idx}.error`);
  }
}

/** The format the lines were written in, and the problems worth telling. */
function finish(r: ErrorlogReader, problems: Problem[]): void {
  const facts = r.facts;
  const formats = r.formats;
  const best = (Object.entries(formats) as [keyof typeof formats, number][]).sort((a, b) => b[1] - a[1])[0];
  facts.format =
    facts.events.length === 0 && !facts.serverBuild
      ? 'unknown'
      : formats.errorlog > 0
        ? 'errorlog'
        : formats['log-viewer'] > 0
          ? 'log-viewer'
          : best && best[1] > 0
            ? 'plain'
            : 'unknown';

  if (facts.resetsDuringSsl > 0) {
    // the handshake died in TLS: the article's case seen from the server
    problems.push({
      code: 'resets-during-tls',
      severity: 'info',
      message: `${facts.resetsDuringSsl} login(s) ended with a reset while SSL was being established: the TLS handshake failed. Compare the client's and the server's TLS versions, cipher suites and certificate.`,
    });
  }
  if (r.truncatedEvents) {
    problems.push({
      code: 'too-many-events',
      severity: 'info',
      message: `Only the first ${MAX_EVENTS} events were kept.`,
    });
  }
  if (facts.events.length === 0 && !facts.serverBuild && Object.keys(facts.tlsSettings).length === 0) {
    problems.push({
      code: 'no-known-lines',
      severity: 'info',
      message:
        'No ERRORLOG line this tool knows was found. It reads lines such as "Error: 17830, Severity: 20, State: 11.", "Network error code 0x2746 occurred while establishing a connection" and "The certificate [Cert Hash(sha1) "..."] was successfully loaded for encryption."',
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// sniff
// ---------------------------------------------------------------------------------------------------

const SNIFF_LINE =
  /^[ \t>]{0,8}(?:\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,7})?[ \t]{1,8}(?:spid\d{1,6}[a-z]{0,2}|server|logon|backup)\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}[ \t]{1,4}\d{1,2}:\d{2}:\d{2}[^\t,\n]{0,12}[\t,](?:spid\d{1,6}[a-z]{0,2}|server|logon|backup)\b)/im;
const SNIFF_KEYS = [
  'network error code 0x',
  'occurred while establishing a connection; the connection has been closed',
  'was successfully loaded for encryption',
  'self-generated certificate',
  'unable to load user-specified certificate',
  'structurally invalid',
  'length specified in network packet payload',
  'tdssniclient initialization failed',
  'io completion listener',
  'server is listening on',
  'connection handshake failed',
  'login failed for user',
  'initializing the fallback certificate',
];
const SNIFF_HEADER = /(?:^|\n)[^\n]{0,60}error: \d{3,6}, severity: \d{1,2}, state: \d{1,4}/;

const SNIFF_PHRASES = new PhraseSet(SNIFF_KEYS);
/** SNIFF_LINE needs one of these words, SNIFF_HEADER this phrase */
const LINE_WORDS = new PhraseSet(['spid', 'server', 'logon', 'backup']);
const HEADER_WORD = ', severity: ';

export function sniffErrorlog(input: string): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const t = lowerHead(input, 64 * 1024);
  const keys = SNIFF_PHRASES.countPresent(t);
  const tsLine = LINE_WORDS.someOccur(t) && SNIFF_LINE.test(t.slice(0, 16 * 1024));
  const header = t.includes(HEADER_WORD) && SNIFF_HEADER.test(t);
  let score = 0;
  if (tsLine) score += 0.55;
  if (header) score += 0.35;
  score += Math.min(0.4, keys * 0.2);
  if (!tsLine && !header && keys > 0) {
    // bare messages: an ERRORLOG text only if the server-side wording is there
    const serverSide =
      t.includes('network error code 0x') ||
      t.includes('was successfully loaded for encryption') ||
      t.includes('structurally invalid') ||
      t.includes('self-generated certificate') ||
      t.includes('unable to load user-specified certificate') ||
      t.includes('length specified in network packet payload') ||
      t.includes('tdssniclient');
    score = serverSide ? 0.7 : 0.1;
  }
  if (t.includes('sqlexception') || t.includes('(provider:')) score -= 0.3;
  return Math.max(0, Math.min(1, score));
}

export const errorlogParser: ArtifactParser<'errorlog', ErrorlogFacts> = {
  kind: 'errorlog',
  sniff: sniffErrorlog,
  parse: parseErrorlog,
};
