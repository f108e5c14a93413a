/**
 * SQL Server version from `SELECT @@VERSION` banners (Windows and Linux), SERVERPROPERTY output, ERRORLOG's
 * first line, or a bare build number. TLS 1.2 support is judged on the build's own servicing line
 * (KB3135244, domain-facts §1.1, knowledge-tables/sql-builds.ts).
 */
import type { Evidence, ParseResult, Problem } from '../model';
import {
  formatSqlBuild,
  parseSqlBuild,
  sqlProduct,
  tls12Support,
  type SqlBuild,
} from '../knowledge-tables/sql-builds';
import { osProductOf } from './os-version';
import { cleanText, evidenceFor, toOriginal, type CleanText } from './registry-text';
import type { ArtifactParser } from './types';
import { hasNul, lowerHead, mayHold, PhraseSet, withoutNuls } from './text/phrases';

export interface SqlVersionFacts {
  /** e.g. 'SQL Server 2014' */
  product: string | null;
  edition: string | null;
  /** e.g. '12.0.5214.6' */
  build: string | null;
  major: number | null;
  minor: number | null;
  /** servicing text as the banner writes it: 'SP2-GDR', 'RTM-CU22', 'SP2-CU10' */
  servicingLevel: string | null;
  /** e.g. 'KB4505217' */
  kb: string | null;
  /** the KB3135244 servicing line the build belongs to, e.g. 'SP1 GDR' */
  branch: string | null;
  /** the GDR/CU line was read from interleaving build ranges */
  branchInferred: boolean;
  architecture: string | null;
  platform: 'windows' | 'linux' | null;
  /** OS text from the banner: 'Windows NT 6.3', 'Windows Server 2016 Standard 10.0', 'Ubuntu 20.04.6 LTS' */
  osName: string | null;
  osBuild: number | null;
  /** Windows product the OS part names, when it can be told */
  osProduct: string | null;
  supportsTls12: boolean | null;
  /** first TLS 1.2 build of this build's own servicing line (null when every build has it, or none does) */
  minimumTls12Build: string | null;
  /** a build withdrawn by KB3146034 */
  pulledBuild: boolean;
  /** SQL Server 2019 (15.x) and later have a dedicated login dispatcher pool */
  hasLoginDispatcherPool: boolean | null;
  /** SQL Server 2022 (16.x) and later speak TDS 8.0 (Encrypt=Strict) */
  tds8Capable: boolean | null;
  reason: string;
}

const YEAR_TO_MAJOR: Record<string, [number, number]> = {
  '2000': [8, 0],
  '2005': [9, 0],
  '2008': [10, 0],
  '2008 R2': [10, 50],
  '2012': [11, 0],
  '2014': [12, 0],
  '2016': [13, 0],
  '2017': [14, 0],
  '2019': [15, 0],
  '2022': [16, 0],
  '2025': [17, 0],
};

interface At<T> {
  value: T;
  start: number;
  end: number;
}

/** text just before a number that is a Windows version or build, not SQL Server's */
const NOT_SQL_BEFORE = /Windows NT\s*$|Build\s*$|OS Version:?\s*$/i;
const BANNER_BEFORE = / - $/;
const PRODUCT_VERSION_BEFORE = /ProductVersion\W*$/i;
const VERSION_BEFORE = /version\W*$/i;

/** '0'-'9' (NaN, past the end, is not) */
const isDigit = (code: number) => code >= 48 && code <= 57;

/** how many digits (at most `max`) start at `i` */
function digitRun(text: string, i: number, max: number): number {
  const n = Math.min(text.length, i + max);
  let k = i;
  while (k < n && isDigit(text.charCodeAt(k))) k++;
  return k - i;
}

/** the value of `length` digits at `i` */
function digitsValue(text: string, i: number, length: number): number {
  let v = 0;
  for (let k = i; k < i + length; k++) v = v * 10 + (text.charCodeAt(k) - 48);
  return v;
}

/** The dotted number nextDotted found last (one object, reused: nothing is allocated per number). */
const dotted = { start: 0, end: 0, major: 0, minor: 0, build: 0, revision: 0, hasRevision: false };

/**
 * The next dotted number at or after `from`, exactly as /(\d{1,2})\.(\d{1,2})\.(\d{3,5})(?:\.(\d{1,5}))?/g
 * would find it (leftmost start, greedy parts), into `dotted`; false when there is none. Such a number's
 * first dot is its second or third character, so only the dots of the text are looked at (found natively),
 * instead of trying a match at every character.
 */
function nextDotted(text: string, from: number): boolean {
  const n = text.length;
  for (let d = text.indexOf('.', from + 1); d >= 0; d = text.indexOf('.', d + 1)) {
    // first part: one or two digits ending just before the dot, starting at or after `from`
    if (d - 1 < from || !isDigit(text.charCodeAt(d - 1))) continue;
    const start = d - 2 >= from && isDigit(text.charCodeAt(d - 2)) ? d - 2 : d - 1;
    // second part: one or two digits, then a dot (two digits not followed by a dot do not match at all)
    const second = d + 1;
    const k2 = digitRun(text, second, 2);
    if (k2 === 0 || second + k2 >= n || text.charCodeAt(second + k2) !== 46) continue;
    // third part: three to five digits
    const third = second + k2 + 1;
    const k3 = digitRun(text, third, 5);
    if (k3 < 3) continue;
    let end = third + k3;
    // optional fourth part: a dot and one to five digits
    dotted.hasRevision = false;
    if (end < n && text.charCodeAt(end) === 46) {
      const k4 = digitRun(text, end + 1, 5);
      if (k4 > 0) {
        dotted.hasRevision = true;
        dotted.revision = digitsValue(text, end + 1, k4);
        end += 1 + k4;
      }
    }
    dotted.start = start;
    dotted.end = end;
    dotted.major = digitsValue(text, start, d - start);
    dotted.minor = digitsValue(text, second, k2);
    dotted.build = digitsValue(text, third, k3);
    return true;
  }
  return false;
}

/**
 * Finds the SQL Server build: the one after " - " in a banner, after a ProductVersion label, or the first
 * plausible one. With `any`, the first plausible one (whether there is a build at all).
 */
function findBuild(text: string, any = false): At<SqlBuild> | null {
  let best: At<SqlBuild> | null = null;
  let bestScore = -1;
  let count = 0;
  let from = 0;
  while (count < 2000 && nextDotted(text, from)) {
    count++;
    const at = dotted.start;
    const after = dotted.end;
    from = after;
    const prev = at > 0 ? text.charCodeAt(at - 1) : 32;
    const next = after < text.length ? text.charCodeAt(after) : 32;
    if (
      isDigit(prev) ||
      prev === 46 ||
      isDigit(next) ||
      (next === 46 && after + 1 < text.length && isDigit(text.charCodeAt(after + 1)))
    )
      continue;
    const major = dotted.major;
    const minor = dotted.minor;
    const build = dotted.build;
    if (major < 7 || major > 17) continue;
    if (!(minor === 0 || (major === 10 && minor === 50))) continue;
    if (build >= 10000) continue;
    const before = text.slice(Math.max(0, at - 24), at);
    if (NOT_SQL_BEFORE.test(before)) continue;
    let score = 1;
    if (BANNER_BEFORE.test(before)) score = 5;
    else if (PRODUCT_VERSION_BEFORE.test(before)) score = 4;
    else if (VERSION_BEFORE.test(before)) score = 3;
    if (dotted.hasRevision) score += 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = {
        value: { major, minor, build, revision: dotted.hasRevision ? dotted.revision : null },
        start: at,
        end: after,
      };
      if (any) return best;
    }
  }
  return best;
}

/** SERVERPROPERTY as a result grid: header `ProductLevel ProductUpdateLevel`, values on a later line. */
function columnValue(text: string): At<string> | null {
  const h = /^([^\n]{0,200}?)ProductLevel/m.exec(text.length > 100_000 ? text.slice(0, 100_000) : text);
  if (!h || h[1]!.length > 200) return null;
  const col = h[1]!.length;
  const headerEnd = text.indexOf('\n', h.index);
  if (headerEnd < 0) return null;
  const header = text.slice(h.index, headerEnd);
  const ucol = header.indexOf('ProductUpdateLevel');
  let pos = headerEnd + 1;
  for (let n = 0; n < 3 && pos < text.length; n++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, Math.min(end, pos + 2000));
    if (line.trim() && !/^[\s-]+$/.test(line)) {
      const v = /^(RTM|SP\d)\b/i.exec(line.slice(col));
      if (!v) return null;
      const u = ucol > 0 ? /^(CU\d{1,3})\b/i.exec(line.slice(ucol)) : null;
      return {
        value: v[1]!.toUpperCase() + (u ? '-' + u[1]!.toUpperCase() : ''),
        start: pos + col,
        end: pos + col + v[1]!.length,
      };
    }
    pos = end + 1;
  }
  return null;
}

/** every pattern of sniffSqlVersion's scores needs one of these (lower-cased), except a bare build number */
const SNIFF_GATE = new PhraseSet([
  'sql server',
  'sqlserver',
  'productversion',
  'serverproperty',
  '@@version',
]);
/** a character JavaScript's \s matches */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** what a multi-line ^ follows */
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** the shape of /^[ \t]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{2}\s/ at line start `i` (an ERRORLOG line) */
const ERRORLOG_STAMP = 'dddd-dd-dd dd:dd:dd.dd';
function errorlogLineAt(text: string, i: number): boolean {
  const n = text.length;
  let c = text.charCodeAt(i);
  while (i < n && (c === 32 || c === 9)) c = text.charCodeAt(++i);
  if (i + ERRORLOG_STAMP.length >= n) return false;
  for (let k = 0; k < ERRORLOG_STAMP.length; k++) {
    const want = ERRORLOG_STAMP.charCodeAt(k);
    const got = text.charCodeAt(i + k);
    if (want === 100 ? !isDigit(got) : got !== want) return false;
  }
  return isSpace(text.charCodeAt(i + ERRORLOG_STAMP.length));
}

/**
 * More than three ERRORLOG lines (counted only up to four): what
 * (head.match(/^[ \t]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{2}\s/gm) ?? []).length > 3 says, without a
 * pattern. Detection asks it of every block that names SQL Server and a build, so it does not walk every
 * character: a stamp has its first colon 13 characters in, and colons are few; from each colon it checks for
 * a stamp that starts a line (after spaces or tabs). Each line start holds at most one stamp, found from
 * exactly one colon.
 */
export function manyErrorlogLines(head: string): boolean {
  let found = 0;
  for (let colon = head.indexOf(':', 13); colon >= 0; colon = head.indexOf(':', colon + 1)) {
    const stamp = colon - 13;
    if (!isDigit(head.charCodeAt(stamp))) continue;
    let lineStart = stamp;
    while (lineStart > 0 && (head.charCodeAt(lineStart - 1) === 32 || head.charCodeAt(lineStart - 1) === 9))
      lineStart--;
    if (lineStart > 0 && !isLineBreak(head.charCodeAt(lineStart - 1))) continue;
    if (errorlogLineAt(head, lineStart) && ++found > 3) return true;
  }
  return false;
}

const SNIFF_PRODUCT_YEAR =
  /Microsoft SQL Server (2000|2005|2008|2012|2014|2016|2017|2019|2022|2025|vNext)\b/i;
const SNIFF_LABELLED = /ProductVersion|SERVERPROPERTY|@@VERSION/i;
const SNIFF_SQL_SERVER = /SQL ?Server/i;
const SNIFF_BARE_BUILD = /^\s*\d{1,2}\.\d{1,2}\.\d{3,5}(\.\d{1,5})?\s*$/;
const SNIFF_RELEASE = /Microsoft SQL Server (2000|2005|2008|2012|2014|2016|2017|2019|2022|2025)\b/i;

/** SNIFF_SQL_SERVER, SNIFF_LABELLED and the start of the release patterns, as lower-case words */
const SQL_SERVER_WORDS = new PhraseSet(['sql server', 'sqlserver']);
const LABEL_WORDS = new PhraseSet(['productversion', 'serverproperty', '@@version']);
const RELEASE_WORDS = new PhraseSet(['microsoft sql server ']);

export function sniffSqlVersion(text: string): number {
  const head = withoutNuls(text.length > 100_000 ? text.slice(0, 100_000) : text);
  const trimmed = head.trim().length;
  if (trimmed > 40 && !mayHold(text, 100_000, SNIFF_GATE)) return 0;
  // Every score needs "SQL Server" (SNIFF_PRODUCT_YEAR and SNIFF_RELEASE hold it), a label, or a bare
  // build: without them the build is not looked for. Without NULs, the head lower-cased (the gate's, kept
  // by lowerHead) is searched for the words instead of running the case-insensitive patterns: those match
  // ASCII letters only, and lower-casing keeps every ASCII letter in place.
  const nul = hasNul(text);
  const lower = nul ? '' : lowerHead(text, 100_000);
  const sqlServer = nul ? SNIFF_SQL_SERVER.test(head) : SQL_SERVER_WORDS.someOccur(lower);
  const labelled = nul ? SNIFF_LABELLED.test(head) : LABEL_WORDS.someOccur(lower);
  const bare = trimmed <= 40 && SNIFF_BARE_BUILD.test(head);
  if (!sqlServer && !labelled && !bare) return 0;
  const hasBuild = findBuild(head.length > 20_000 ? head.slice(0, 20_000) : head, true) !== null;
  // both release patterns start with "Microsoft SQL Server "
  const release = sqlServer && (nul || RELEASE_WORDS.someOccur(lower));
  if (hasBuild) {
    if (release && SNIFF_PRODUCT_YEAR.test(head)) return manyErrorlogLines(head) ? 0.5 : 0.95;
    if (labelled) return 0.9;
    if (sqlServer) return manyErrorlogLines(head) ? 0.4 : 0.8;
    if (bare) return 0.7;
  }
  if (release && SNIFF_RELEASE.test(head)) return 0.5;
  return 0;
}

const PRODUCT_NAME = /SQL Server (2000|2005|2008 R2|2008|2012|2014|2016|2017|2019|2022|2025|vNext)\b/i;

function findProduct(text: string): At<string> | null {
  const pm = PRODUCT_NAME.exec(text);
  return pm ? { value: `SQL Server ${pm[1]}`, start: pm.index, end: pm.index + pm[0].length } : null;
}

const LEVEL_IN_BANNER = /\((RTM|SP\d|CTP[\d.]{0,6}|RC\d?)((?:-(?:CU\d{1,3}|GDR|QFE|OD)){0,3})\)/i;
const PRODUCT_LEVEL = /ProductLevel\W{1,20}(RTM|SP\d)\b/i;
const PRODUCT_UPDATE_LEVEL = /ProductUpdateLevel\W{1,20}(CU\d{1,3})\b/i;

/** servicing level "(SP2-CU10)" "(RTM-CU22-GDR)" "(SP2-GDR)", or SERVERPROPERTY's ProductLevel / ProductUpdateLevel */
function findLevel(text: string): At<string> | null {
  const lm = LEVEL_IN_BANNER.exec(text);
  if (lm)
    return { value: (lm[1]! + lm[2]!).toUpperCase(), start: lm.index + 1, end: lm.index + lm[0].length - 1 };
  const pl = PRODUCT_LEVEL.exec(text);
  const ul = PRODUCT_UPDATE_LEVEL.exec(text);
  if (pl) {
    const at = pl.index + pl[0].length - pl[1]!.length;
    return {
      value: pl[1]!.toUpperCase() + (ul ? '-' + ul[1]!.toUpperCase() : ''),
      start: at,
      end: at + pl[1]!.length,
    };
  }
  return columnValue(text);
}

const KB_NUMBER = /\b(KB\d{6,7})\b/i;

function findKb(text: string): At<string> | null {
  const km = KB_NUMBER.exec(text);
  return km ? { value: km[1]!.toUpperCase(), start: km.index, end: km.index + km[1]!.length } : null;
}

const EDITION =
  /\b((?:Enterprise Evaluation|Enterprise|Standard|Developer|Express|Web|Workgroup|Business Intelligence|Evaluation|Data ?Center|Azure SQL Edge|Core-based)[\w ]{0,30}?Edition(?: with Advanced Services)?(?: \((?:64|32)-bit\))?(?:: Core-based Licensing(?: \(64-bit\))?)?)/i;
const EDITION_LABEL =
  /\bEdition[ \t]*[:=]?[ \t]*((?:Enterprise|Standard|Developer|Express|Web)[\w ]{0,30}?(?:\((?:64|32)-bit\))?)[ \t]*$/im;

function findEdition(text: string): At<string> | null {
  const em = EDITION.exec(text);
  if (em) return { value: em[1]!, start: em.index, end: em.index + em[1]!.length };
  const e2 = EDITION_LABEL.exec(text);
  if (!e2) return null;
  const v = e2[1]!.trim();
  const at = e2.index + e2[0].indexOf(v);
  return { value: v, start: at, end: at + v.length };
}

const ARCHITECTURE = /\((X64|X86|IA64|ARM64)\)|<(X64|X86|IA64|ARM64)>/i;

function findArch(text: string): At<string> | null {
  const am = ARCHITECTURE.exec(text);
  if (!am) return null;
  const v = (am[1] ?? am[2])!.toUpperCase();
  return { value: v, start: am.index + 1, end: am.index + 1 + v.length };
}

/** the OS part of a banner */
interface SqlOs {
  platform: SqlVersionFacts['platform'];
  osName: At<string> | null;
  osBuild: At<number> | null;
  osProduct: string | null;
}

const ON_LINUX = /\bon Linux \(([^)\n]{1,80})\)/i;
const ON_WINDOWS = /\bon (Windows[^<\n]{1,80}?) ?<[^>\n]{1,12}> \(Build (\d{3,5})/i;
const WINDOWS_WORD = /\bWindows\b/i;
const ON_WINDOWS_NAMED =
  /\bon (Windows(?: Server)? (?:20(?:08|12|16|19|22|25)(?: R2)?|NT \d{1,2}\.\d|1[01]))\b/i;

function findOs(text: string): SqlOs {
  const os: SqlOs = { platform: null, osName: null, osBuild: null, osProduct: null };
  const lin = ON_LINUX.exec(text);
  if (lin) {
    os.platform = 'linux';
    os.osName = { value: lin[1]!.trim(), start: lin.index + 10, end: lin.index + 10 + lin[1]!.length };
    return os;
  }
  const win = ON_WINDOWS.exec(text);
  if (win) {
    os.platform = 'windows';
    const nameText = win[1]!.trim();
    os.osName = { value: nameText, start: win.index + 3, end: win.index + 3 + nameText.length };
    const bAt = win.index + win[0].lastIndexOf(win[2]!);
    os.osBuild = { value: Number(win[2]), start: bAt, end: bAt + win[2]!.length };
  } else if (WINDOWS_WORD.test(text)) {
    const ow = ON_WINDOWS_NAMED.exec(text);
    if (ow) {
      os.platform = 'windows';
      os.osName = { value: ow[1]!, start: ow.index + 3, end: ow.index + 3 + ow[1]!.length };
    }
  }
  if (os.platform === 'windows') os.osProduct = osProductOf(text);
  return os;
}

/** What the build (or, without one, the product) says about TLS 1.2. */
interface SqlVerdict {
  /** the build, null when none was found or it is not a known release */
  sqlb: SqlBuild | null;
  major: number | null;
  minor: number | null;
  productName: string | null;
  supportsTls12: boolean | null;
  minimumTls12Build: string | null;
  branch: string | null;
  branchInferred: boolean;
  pulled: boolean;
  reason: string;
}

const VNEXT = /vNext/i;

function judgeBuild(
  c: CleanText,
  b: At<SqlBuild> | null,
  product: At<string> | null,
  problems: Problem[],
): SqlVerdict {
  const sqlb: SqlBuild | null = b ? b.value : null;
  let major = sqlb ? sqlb.major : null;
  let minor = sqlb ? sqlb.minor : null;
  if (!sqlb && product) {
    const y = product.value.replace('SQL Server ', '');
    const mm = YEAR_TO_MAJOR[y];
    if (mm) [major, minor] = mm;
    if (VNEXT.test(y))
      problems.push({
        code: 'vnext',
        severity: 'info',
        message: 'A pre-release (vNext) SQL Server; its build is not in the KB3135244 table.',
      });
  }
  const productFromBuild = sqlb ? sqlProduct(sqlb.major, sqlb.minor) : null;
  const productName =
    productFromBuild ??
    product?.value ??
    (major !== null && minor !== null ? sqlProduct(major, minor) : null);
  if (product && productFromBuild && product.value !== productFromBuild && !VNEXT.test(product.value))
    problems.push({
      code: 'product-build-mismatch',
      severity: 'warning',
      message: `The text says ${product.value} but build ${formatSqlBuild(sqlb!)} belongs to ${productFromBuild}; the build is trusted.`,
      start: toOriginal(c, product.start),
      end: toOriginal(c, product.end),
    });
  if (b) return judgeKnownBuild(c, b, major, minor, productName, problems);
  return judgeRelease(major, minor, productName, problems);
}

/** a build was found: its servicing line decides */
function judgeKnownBuild(
  c: CleanText,
  b: At<SqlBuild>,
  major: number | null,
  minor: number | null,
  productName: string | null,
  problems: Problem[],
): SqlVerdict {
  let sqlb: SqlBuild | null = b.value;
  const v = tls12Support(sqlb);
  if (v.product === null) {
    problems.push({
      code: 'unknown-build',
      severity: 'warning',
      message: `${formatSqlBuild(sqlb)} is not a SQL Server version this tool knows.`,
      start: toOriginal(c, b.start),
      end: toOriginal(c, b.end),
    });
    sqlb = null;
  }
  if (v.pulled)
    problems.push({
      code: 'pulled-build',
      severity: 'warning',
      message: `${formatSqlBuild(b.value)} is a first-wave TLS 1.2 build withdrawn by KB3146034 (intermittent service termination); install ${v.minimumTls12Build} or later.`,
      start: toOriginal(c, b.start),
      end: toOriginal(c, b.end),
    });
  if (v.branchInferred)
    problems.push({
      code: 'branch-inferred',
      severity: 'info',
      message: `For ${v.product} ${v.branch?.startsWith('RTM') ? 'RTM' : ''} the GDR and CU builds interleave; the servicing line was read from the build number. If unsure, treat the server as needing ${v.minimumTls12Build ?? 'SP2 or later'} and check the KB of the installed update.`,
    });
  if (
    sqlb &&
    sqlb.revision === null &&
    v.minimumTls12Build &&
    parseSqlBuild(v.minimumTls12Build)?.build === sqlb.build
  )
    problems.push({
      code: 'revision-missing',
      severity: 'info',
      message: `The build was given without its last part; ${formatSqlBuild(sqlb)} was compared with ${v.minimumTls12Build} on three parts.`,
    });
  return {
    sqlb,
    major,
    minor,
    productName,
    supportsTls12: v.supportsTls12,
    minimumTls12Build: v.minimumTls12Build,
    branch: v.branch,
    branchInferred: v.branchInferred,
    pulled: v.pulled,
    reason: v.reason,
  };
}

/** no build: the release alone may decide */
function judgeRelease(
  major: number | null,
  minor: number | null,
  productName: string | null,
  problems: Problem[],
): SqlVerdict {
  let supportsTls12: boolean | null = null;
  let reason: string;
  if (major !== null) {
    if (major >= 13) {
      supportsTls12 = true;
      reason = `${productName} supports TLS 1.2 in every build (KB3135244).`;
    } else if (major < 10) {
      supportsTls12 = false;
      reason = `${productName} never received TLS 1.2 support.`;
    } else {
      reason = `${productName}: TLS 1.2 depends on the build and its servicing line; the build number is needed (SELECT @@VERSION).`;
      problems.push({
        code: 'build-needed',
        severity: 'warning',
        message: `${productName} supports TLS 1.2 only from certain builds (KB3135244); paste the output of SELECT @@VERSION.`,
      });
    }
  } else {
    reason = 'No SQL Server version was found.';
    problems.push({
      code: 'no-sql-version',
      severity: 'error',
      message:
        'No SQL Server version was found. Expected SELECT @@VERSION output or a build number such as 12.0.5214.6.',
    });
  }
  return {
    sqlb: null,
    major,
    minor,
    productName,
    supportsTls12,
    minimumTls12Build: null,
    branch: null,
    branchInferred: false,
    pulled: false,
    reason,
  };
}

export function parseSqlVersion(original: string): ParseResult<'sql-version', SqlVersionFacts> {
  const c = cleanText(original);
  const text = c.text.length > 1_000_000 ? c.text.slice(0, 1_000_000) : c.text;
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];
  const ev = (a: At<unknown>, meaning: string, fact: string) =>
    evidence.push(evidenceFor(original, c, a.start, a.end, meaning, fact));

  const b = findBuild(text);
  const product = findProduct(text);
  const level = findLevel(text);
  const kb = findKb(text);
  const edition = findEdition(text);
  const arch = findArch(text);
  const os = findOs(text);
  const v = judgeBuild(c, b, product, problems);
  const sqlb = v.sqlb;
  const productName = v.productName;
  const reason = v.reason;

  const maj = sqlb ? sqlb.major : v.major;
  const hasLoginDispatcherPool = maj === null ? null : maj >= 15;
  const tds8Capable = maj === null ? null : maj >= 16;

  if (b && sqlb) ev(b, `SQL Server build ${formatSqlBuild(sqlb)} (${productName}). ${reason}`, 'build');
  if (b && sqlb) ev(b, reason, 'supportsTls12');
  if (product) ev(product, `The product is ${product.value}.`, 'product');
  if (level) ev(level, `Servicing level ${level.value}.`, 'servicingLevel');
  if (kb) ev(kb, `Latest update installed: ${kb.value}.`, 'kb');
  if (edition) ev(edition, `${edition.value}.`, 'edition');
  if (os.osName) ev(os.osName, `Runs on ${os.osName.value}.`, 'osName');
  if (os.osBuild) ev(os.osBuild, `Windows build ${os.osBuild.value}.`, 'osBuild');
  if (hasLoginDispatcherPool !== null && b && sqlb)
    ev(
      b,
      hasLoginDispatcherPool
        ? 'SQL Server 2019 and later accept logins on a dedicated dispatcher pool.'
        : 'SQL Server 2017 and earlier have no dedicated login dispatcher pool (busy servers can drop TCP handshakes).',
      'hasLoginDispatcherPool',
    );

  return {
    kind: 'sql-version',
    facts: {
      product: productName,
      edition: edition?.value ?? null,
      build: sqlb ? formatSqlBuild(sqlb) : null,
      major: maj,
      minor: sqlb ? sqlb.minor : v.minor,
      servicingLevel: level?.value ?? null,
      kb: kb?.value ?? null,
      branch: v.branch,
      branchInferred: v.branchInferred,
      architecture: arch?.value ?? null,
      platform: os.platform,
      osName: os.osName?.value ?? null,
      osBuild: os.osBuild?.value ?? null,
      osProduct: os.osProduct,
      supportsTls12: v.supportsTls12,
      minimumTls12Build: v.minimumTls12Build,
      pulledBuild: v.pulled,
      hasLoginDispatcherPool,
      tds8Capable,
      reason,
    },
    evidence,
    problems,
  };
}

function safeParse(text: string): ParseResult<'sql-version', SqlVersionFacts> {
  try {
    return parseSqlVersion(typeof text === 'string' ? text : String(text));
  } catch (e) {
    const r = parseSqlVersion('');
    r.problems = [
      {
        code: 'internal-error',
        severity: 'error',
        message: `The text could not be read (${String(e).slice(0, 200)}).`,
      },
    ];
    return r;
  }
}

export const sqlVersionParser: ArtifactParser<'sql-version', SqlVersionFacts> = {
  kind: 'sql-version',
  // the highest return of the sniff (a banner naming its release, with a build)
  sniffMax: 0.95,
  sniff: (text) => {
    try {
      return sniffSqlVersion(text);
    } catch {
      return 0;
    }
  },
  parse: safeParse,
};
