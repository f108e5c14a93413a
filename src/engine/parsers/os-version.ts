/**
 * Windows version from `winver`, `systeminfo`, `ver`, `[Environment]::OSVersion`, `Get-ComputerInfo`,
 * `Get-CimInstance Win32_OperatingSystem`, the registry `...\Windows NT\CurrentVersion` values, or the
 * `on Windows NT 6.3 <X64> (Build 9600: )` part of a SQL Server banner. Derives which default cipher order,
 * protocol defaults, TLS 1.3 support and DHE leading-zero fix apply (domain-facts §1.3, §5.1, §5.3).
 */
import type { Evidence, ParseResult, Problem } from '../model';
import {
  defaultProtocols,
  hasLeadingZeroFix,
  TLS13_FIRST_BUILD,
  WINDOWS_11_FIRST_BUILD,
  windowsRelease,
  type CipherFamily,
  type ProtocolDefaults,
  type WindowsRelease,
} from '../knowledge-tables/windows';
import {
  cleanText,
  evidenceFor,
  LineCursor,
  readRegistryText,
  type CleanText,
  type RegValue,
} from './registry-text';
import type { ArtifactParser } from './types';
import { mayHold, PhraseSet, withoutNuls } from './text/phrases';

export interface OsVersionFacts {
  /** e.g. 'Windows Server 2016'; when server/client is not known, both names joined with " or " */
  product: string | null;
  /** every product this build can be */
  productCandidates: string[];
  /** the product name as the paste wrote it (edition included), e.g. 'Windows Server 2016 Standard' */
  productName: string | null;
  isServer: boolean | null;
  /** NT version, e.g. '10.0', '6.3' */
  ntVersion: string | null;
  build: number | null;
  /** update build revision (the part after the build: 14393.3542 -> 3542) */
  ubr: number | null;
  /** Windows 10/11 version label, e.g. '1607', '21H2' */
  displayVersion: string | null;
  /** the build was inferred from a product name, not read */
  buildFromName: boolean;
  defaultCipherFamily: CipherFamily;
  /** the nearest documented family, not documented for this exact build */
  cipherFamilyApproximate: boolean;
  leadingZeroFix: boolean | null;
  tls13Supported: boolean | null;
  defaultProtocols: ProtocolDefaults | null;
  reason: string;
}

interface Found<T> {
  value: T;
  start: number;
  end: number;
  meaning: string;
}

/** Build numbers of products named without a build. */
const NAME_BUILDS: [RegExp, number, boolean][] = [
  [/Server 2025/i, 26100, true],
  [/Server 2022/i, 20348, true],
  [/Server 2019/i, 17763, true],
  [/Server 2016/i, 14393, true],
  [/(Server )?2012 R2/i, 9600, true],
  [/Server 2012/i, 9200, true],
  [/(Server )?2008 R2/i, 7601, true],
  [/Server 2008/i, 6002, true],
  [/Windows 8\.1/i, 9600, false],
  [/Windows 8(?!\.)/i, 9200, false],
  [/Windows 7/i, 7601, false],
  [/Windows Vista/i, 6002, false],
];

const NT_VERSIONS = new Set(['5.0', '5.1', '5.2', '6.0', '6.1', '6.2', '6.3', '10.0']);

/**
 * Whether a name of this length may lower-case to one of KEY_LABELS. Lower-casing keeps the length of every
 * character but U+0130 (which becomes i + U+0307, never part of a label), so any other length cannot match:
 * most names of a long listing are rejected without lower-casing them.
 */
function mayBeLabel(length: number): boolean {
  return length >= LABEL_MIN && length <= LABEL_MAX;
}

const KEY_LABELS = new Set([
  'os name',
  'os version',
  'caption',
  'version',
  'buildnumber',
  'osbuildnumber',
  'osversion',
  'osname',
  'windowsproductname',
  'windowsversion',
  'windowsbuildlabex',
  'buildlabex',
  'productname',
  'currentbuild',
  'currentbuildnumber',
  'ubr',
  'displayversion',
  'releaseid',
  'currentmajorversionnumber',
  'currentminorversionnumber',
  'currentversion',
  'installationtype',
  'windowsinstallationtype',
  'osproducttype',
  'producttype',
  'editionid',
  'windowseditionid',
  'versionstring',
  'os configuration',
]);
const LABEL_MIN = Math.min(...[...KEY_LABELS].map((l) => l.length));
const LABEL_MAX = Math.max(...[...KEY_LABELS].map((l) => l.length));

/** every pattern of sniffOsVersion needs one of these (lower-cased) */
const SNIFF_GATE = new PhraseSet([
  'os build',
  'os name:',
  'os version:',
  'osbuildnumber',
  'currentbuild',
  'windows',
  'win32_operatingsystem',
]);

export function sniffOsVersion(text: string): number {
  if (!mayHold(text, 100_000, SNIFF_GATE)) return 0;
  const head = withoutNuls(text.length > 100_000 ? text.slice(0, 100_000) : text);
  const sql = /Microsoft SQL Server/i.test(head);
  if (/OS Build \d{4,5}/i.test(head) || /^[ \t]*OS (Name|Version):/im.test(head)) return 0.9;
  if (/\b(WindowsProductName|OsBuildNumber|WindowsBuildLabEx|CurrentBuildNumber)\b/.test(head)) return 0.9;
  if (/\bUBR\b/.test(head) && /CurrentBuild/.test(head)) return 0.9;
  if (/Microsoft Windows \[Version \d+\.\d+\.\d+/i.test(head)) return 0.9;
  if (/Microsoft Windows NT \d+\.\d+\.\d+/i.test(head)) return sql ? 0.3 : 0.85;
  if (/Win32_OperatingSystem|^[ \t]*Caption[ \t]*:[ \t]*Microsoft Windows/im.test(head)) return 0.8;
  if (/Windows NT \d+\.\d+ <[^>]{1,10}> \(Build \d+/i.test(head)) return sql ? 0.3 : 0.6;
  if (/\bWindows (Server )?(20(08|12|16|19|22|25)|10|11|8\.1|7)\b/i.test(head)) return sql ? 0.2 : 0.35;
  return 0;
}

interface Field {
  value: string;
  start: number;
  end: number;
}

/**
 * What the text says, each the first one found (the finds below run in a fixed order: earlier ones win).
 * One object of one shape per parse, so the stage functions below stay monomorphic.
 */
class OsFinds {
  build: Found<number> | null = null;
  ubr: Found<number> | null = null;
  nt: Found<string> | null = null;
  name: Found<string> | null = null;
  display: Found<string> | null = null;
  server: Found<boolean> | null = null;

  setBuild(v: number, s: number, e: number, m: string): void {
    if (!this.build && v >= 2000 && v < 100000) this.build = { value: v, start: s, end: e, meaning: m };
  }
  setUbr(v: number, s: number, e: number): void {
    if (!this.ubr && v > 0 && v < 100000)
      this.ubr = { value: v, start: s, end: e, meaning: `Update build revision ${v}.` };
  }
  setNt(v: string, s: number, e: number): void {
    if (!this.nt && NT_VERSIONS.has(v))
      this.nt = { value: v, start: s, end: e, meaning: `Windows NT version ${v}.` };
  }
  setName(v: string, s: number, e: number): void {
    if (this.name) return;
    const clean = v.replace(MICROSOFT_PREFIX, '').trim();
    if (WINDOWS_WORD.test(clean) && clean.length < 120)
      this.name = { value: clean, start: s, end: e, meaning: `The product is ${clean}.` };
  }
  setServer(v: boolean, s: number, e: number, why: string): void {
    if (!this.server) this.server = { value: v, start: s, end: e, meaning: why };
  }
  setDisplay(v: string, s: number, e: number): void {
    if (!this.display && DISPLAY_VERSION.test(v))
      this.display = { value: v.toUpperCase(), start: s, end: e, meaning: `Windows version ${v}.` };
  }
}

const MICROSOFT_PREFIX = /^Microsoft\s+/i;
const WINDOWS_WORD = /Windows/i;
const DISPLAY_VERSION = /^(\d{4}|\d{2}H\d)$/i;
const REGISTRY_HINT = /CurrentBuild|UBR|ProductName|DisplayVersion|ReleaseId/i;
const QUOTES = /^"|"$/g;

/** Registry values (reg query / .reg / Get-ItemProperty) and "Label : value" / "Label:   value" lines, by lower-cased label; the first of each wins. */
function readFields(text: string): Map<string, Field> {
  const fields = new Map<string, Field>();
  if (REGISTRY_HINT.test(text.slice(0, 200_000))) readRegistryFields(text, fields);
  readLabelLines(text, fields);
  return fields;
}

function readRegistryFields(text: string, fields: Map<string, Field>): void {
  const read = readRegistryText(text);
  const take = (k: RegValue) => {
    if (!mayBeLabel(k.name.length)) return;
    const label = k.name.toLowerCase();
    if (!KEY_LABELS.has(label) || fields.has(label)) return;
    const value =
      k.number !== null && (label === 'ubr' || label.endsWith('versionnumber'))
        ? String(k.number)
        : k.text.replace(QUOTES, '');
    fields.set(label, { value, start: k.dataStart, end: k.dataEnd });
  };
  // every key's values in order, then the orphans
  for (const key of read.keys) for (const v of key.values) take(v);
  for (const v of read.orphans) take(v);
}

/** one line at a time (no array of every line of a long paste) */
function readLabelLines(text: string, fields: Map<string, Field>): void {
  const line = new LineCursor(text, 4096);
  while (line.advance()) {
    const t = line.text;
    const colon = t.indexOf(':');
    // (a label needs at least LABEL_MIN characters before the colon)
    if (colon >= LABEL_MIN && colon < 60) {
      const raw = t.slice(0, colon).trim();
      if (!mayBeLabel(raw.length)) continue;
      const label = raw.toLowerCase();
      if (KEY_LABELS.has(label) && !fields.has(label)) {
        const rest = t.slice(colon + 1);
        const lead = rest.length - rest.trimStart().length;
        const value = rest.trim();
        if (value)
          fields.set(label, {
            value,
            start: line.start + colon + 1 + lead,
            end: line.start + colon + 1 + lead + value.length,
          });
      }
    }
  }
}

const WINVER_BUILD = /OS Build (\d{4,5})\.(\d{1,5})/i;
const VER_BUILD = /\[Version (\d{1,2}\.\d{1,2})\.(\d{4,5})(?:\.(\d{1,5}))?\]/i;
const NT_BUILD = /Windows NT (\d{1,2}\.\d{1,2})\.(\d{4,5})(?:\.(\d{1,5}))?/i;
const BANNER_OS = /\bon (Windows[^<\n]{0,80}?) ?(\d{1,2}\.\d{1,2}) <[^>\n]{1,12}> \(Build (\d{4,5})/i;
const BARE_NT = /^Windows NT$/i;

/** strong patterns anywhere: winver, ver, Windows NT x.y.build, and a SQL Server banner's OS part */
function readPatterns(scan: string, st: OsFinds): void {
  let m = WINVER_BUILD.exec(scan);
  if (m) {
    const s = m.index + m[0].indexOf(m[1]!);
    st.setBuild(Number(m[1]), s, s + m[1]!.length, `Windows build ${m[1]} (winver).`);
    st.setUbr(Number(m[2]), s + m[1]!.length + 1, s + m[1]!.length + 1 + m[2]!.length);
  }
  m = VER_BUILD.exec(scan);
  if (m) {
    const s = m.index + 9;
    st.setNt(m[1]!, s, s + m[1]!.length);
    const bs = s + m[1]!.length + 1;
    st.setBuild(Number(m[2]), bs, bs + m[2]!.length, `Windows build ${m[2]}.`);
    if (m[3]) st.setUbr(Number(m[3]), bs + m[2]!.length + 1, bs + m[2]!.length + 1 + m[3].length);
  }
  m = NT_BUILD.exec(scan);
  if (m) {
    const s = m.index + 11;
    st.setNt(m[1]!, s, s + m[1]!.length);
    const bs = s + m[1]!.length + 1;
    st.setBuild(Number(m[2]), bs, bs + m[2]!.length, `Windows build ${m[2]}.`);
    if (m[3] && Number(m[3]) > 0)
      st.setUbr(Number(m[3]), bs + m[2]!.length + 1, bs + m[2]!.length + 1 + m[3].length);
  }
  // SQL Server banner: "on Windows NT 6.3 <X64> (Build 9600: )" / "on Windows Server 2016 Standard 10.0 <X64> (Build 14393: )"
  m = BANNER_OS.exec(scan);
  if (m) {
    const s = m.index + 3;
    const nameText = m[1]!.trim();
    if (!BARE_NT.test(nameText)) st.setName(nameText, s, s + nameText.length);
    const ntAt = m.index + m[0].indexOf(m[2]!, 3 + m[1]!.length);
    st.setNt(m[2]!, ntAt, ntAt + m[2]!.length);
    const bAt = m.index + m[0].lastIndexOf(m[3]!);
    st.setBuild(Number(m[3]), bAt, bAt + m[3]!.length, `Windows build ${m[3]} (from the SQL Server banner).`);
  }
}

const BUILDLAB_KEYS = ['windowsbuildlabex', 'buildlabex'];
const BUILD_KEYS = ['currentbuild', 'currentbuildnumber', 'osbuildnumber', 'buildnumber'];
const VERSION_KEYS = ['osversion', 'version', 'versionstring'];
const NAME_KEYS = ['os name', 'caption', 'windowsproductname', 'osname', 'productname'];
const DISPLAY_KEYS = ['displayversion', 'windowsversion', 'releaseid'];
const SERVER_KEYS = [
  'installationtype',
  'windowsinstallationtype',
  'osproducttype',
  'producttype',
  'editionid',
  'windowseditionid',
];
const SYSTEMINFO_VERSION = /^(\d{1,2}\.\d{1,2})\.(\d{4,5})/;
const BUILDLAB = /^(\d{4,5})\.(\d{1,5})\./;
const BUILD_ONLY = /^(\d{4,5})$/;
const NT_AND_BUILD = /(\d{1,2}\.\d{1,2})\.(\d{4,5})(?:\.(\d{1,5}))?/;
const HEX_NUMBER = /^0x[0-9a-f]+$/i;
const HEX_PREFIX = /^0x/i;
const MAJOR_MINOR = /^\d\.\d$/;
const WINVER_DISPLAY = /\bVersion (\d{4}|\d{2}H\d) \(OS Build/i;

/** labelled fields (systeminfo, Get-ComputerInfo, registry values) and winver's "Version 1607" */
function readLabelled(fields: Map<string, Field>, scan: string, st: OsFinds): void {
  const osv = fields.get('os version');
  if (osv) {
    const mm = SYSTEMINFO_VERSION.exec(osv.value);
    if (mm) {
      st.setNt(mm[1]!, osv.start, osv.start + mm[1]!.length);
      st.setBuild(
        Number(mm[2]),
        osv.start + mm[1]!.length + 1,
        osv.start + mm[0].length,
        `Windows build ${mm[2]} (systeminfo).`,
      );
    }
  }
  for (let i = 0; i < BUILDLAB_KEYS.length; i++) {
    const v = fields.get(BUILDLAB_KEYS[i]!);
    const mm = v && BUILDLAB.exec(v.value);
    if (v && mm) {
      st.setBuild(Number(mm[1]), v.start, v.start + mm[1]!.length, `Windows build ${mm[1]}.`);
      st.setUbr(Number(mm[2]), v.start + mm[1]!.length + 1, v.start + mm[1]!.length + 1 + mm[2]!.length);
    }
  }
  for (let i = 0; i < BUILD_KEYS.length; i++) {
    const v = fields.get(BUILD_KEYS[i]!);
    const mm = v && BUILD_ONLY.exec(v.value);
    if (v && mm) st.setBuild(Number(mm[1]), v.start, v.end, `Windows build ${mm[1]}.`);
  }
  for (let i = 0; i < VERSION_KEYS.length; i++) {
    const v = fields.get(VERSION_KEYS[i]!);
    const mm = v && NT_AND_BUILD.exec(v.value);
    // only Windows NT versions: "Version : 13.0.5102.14" in a SQL Server paste is not Windows
    if (v && mm && NT_VERSIONS.has(mm[1]!)) {
      const s = v.start + mm.index;
      st.setNt(mm[1]!, s, s + mm[1]!.length);
      st.setBuild(
        Number(mm[2]),
        s + mm[1]!.length + 1,
        s + mm[1]!.length + 1 + mm[2]!.length,
        `Windows build ${mm[2]}.`,
      );
    }
  }
  const ubrF = fields.get('ubr');
  if (ubrF) {
    const n = HEX_NUMBER.test(ubrF.value) ? Number.parseInt(ubrF.value, 16) : Number(ubrF.value);
    if (Number.isFinite(n)) st.setUbr(n, ubrF.start, ubrF.end);
  }
  const maj = fields.get('currentmajorversionnumber');
  const min = fields.get('currentminorversionnumber');
  if (maj && min) {
    const a = HEX_PREFIX.test(maj.value) ? Number.parseInt(maj.value, 16) : Number(maj.value);
    const b = HEX_PREFIX.test(min.value) ? Number.parseInt(min.value, 16) : Number(min.value);
    if (Number.isFinite(a) && Number.isFinite(b)) st.setNt(`${a}.${b}`, maj.start, maj.end);
  }
  const cv = fields.get('currentversion');
  if (cv && MAJOR_MINOR.test(cv.value)) st.setNt(cv.value, cv.start, cv.end);
  for (let i = 0; i < NAME_KEYS.length; i++) {
    const v = fields.get(NAME_KEYS[i]!);
    if (v) st.setName(v.value, v.start, v.end);
  }
  for (let i = 0; i < DISPLAY_KEYS.length; i++) {
    const v = fields.get(DISPLAY_KEYS[i]!);
    if (v) st.setDisplay(v.value, v.start, v.end);
  }
  const m = WINVER_DISPLAY.exec(scan);
  if (m) st.setDisplay(m[1]!, m.index + 8, m.index + 8 + m[1]!.length);
}

const SERVER_VALUE = /server|domaincontroller/;
const CLIENT_VALUE = /client|workstation|professional|enterprise|core|education/;
const SERVER_WORD = /server/i;
const CLIENT_NAME = /Windows (10|11|8\.1|8|7|Vista|XP)\b/i;
const FREE_TEXT_NAME = /\bWindows(?: Server)? (?:20(?:08|12|16|19|22|25)(?: R2)?|11|10|8\.1|8|7|Vista)\b/i;
const SERVER_RELEASE = /Server|20\d\d/i;

/** server or client: from the fields, then the product name; and free-text product names ("on Windows 2012 R2", "Windows Server 2019") */
function readServer(fields: Map<string, Field>, scan: string, st: OsFinds): void {
  for (let i = 0; i < SERVER_KEYS.length; i++) {
    const key = SERVER_KEYS[i]!;
    const v = fields.get(key);
    if (!v) continue;
    const val = v.value.toLowerCase();
    if (key === 'producttype') {
      if (val === '1') st.setServer(false, v.start, v.end, 'ProductType 1 is a workstation.');
      else if (val === '2' || val === '3')
        st.setServer(true, v.start, v.end, `ProductType ${val} is a server.`);
    } else if (SERVER_VALUE.test(val)) st.setServer(true, v.start, v.end, `${v.value} means a server.`);
    else if (CLIENT_VALUE.test(val))
      st.setServer(false, v.start, v.end, `${v.value} means a client (workstation).`);
  }
  const nameNow = st.name;
  if (nameNow) {
    if (SERVER_WORD.test(nameNow.value))
      st.setServer(true, nameNow.start, nameNow.end, 'The product name says Server.');
    else if (CLIENT_NAME.test(nameNow.value))
      st.setServer(false, nameNow.start, nameNow.end, 'The product name is a client edition.');
  }
  if (!st.name) {
    const mm = FREE_TEXT_NAME.exec(scan);
    if (mm) st.setName(mm[0], mm.index, mm.index + mm[0].length);
    const n2 = st.name as Found<string> | null;
    if (n2 && SERVER_RELEASE.test(n2.value))
      st.setServer(true, n2.start, n2.end, 'The product name is a server release.');
  }
}

/** Every find of a (clean) text, in the order that decides which one wins. */
function findOs(text: string): OsFinds {
  const st = new OsFinds();
  const fields = readFields(text);
  const scan = text.length > 300_000 ? text.slice(0, 300_000) : text;
  readPatterns(scan, st);
  readLabelled(fields, scan, st);
  readServer(fields, scan, st);
  return st;
}

/** The build (read, or taken from the product name), its release, and the product it is. */
interface OsIdentity {
  b: number | null;
  buildFromName: boolean;
  rel: WindowsRelease | null;
  ntV: string | null;
  isServer: boolean | null;
  candidates: string[];
  product: string | null;
}

const WINDOWS_10_OR_11 = /Windows 1[01]$/;

function identify(st: OsFinds): OsIdentity {
  let buildFromName = false;
  let b = st.build ? st.build.value : null;
  const nm = st.name;
  if (b === null && nm) {
    for (let i = 0; i < NAME_BUILDS.length; i++) {
      const nb = NAME_BUILDS[i]!;
      if (nb[0].test(nm.value)) {
        b = nb[1];
        buildFromName = true;
        break;
      }
    }
  }
  const rel = b !== null ? windowsRelease(b) : null;
  const ntV = st.nt ? st.nt.value : rel ? rel.nt : null;
  const isServer = st.server
    ? st.server.value
    : rel
      ? rel.client === null
        ? true
        : rel.server === null
          ? false
          : null
      : null;

  const candidates: string[] = [];
  if (rel) {
    const cl = rel.client
      ? b !== null && b >= WINDOWS_11_FIRST_BUILD && rel.client === 'Windows 10'
        ? 'Windows 11'
        : rel.client
      : null;
    const clientName = cl
      ? rel.release && WINDOWS_10_OR_11.test(cl)
        ? `${cl} version ${rel.release}`
        : cl
      : null;
    if (rel.server && isServer !== false) candidates.push(rel.server);
    if (clientName && isServer !== true) candidates.push(clientName);
  }
  let product: string | null = candidates.length ? candidates.join(' or ') : null;
  if (!product && nm) product = nm.value;
  return { b, buildFromName, rel, ntV, isServer, candidates, product };
}

/**
 * The Windows product a text names (parseOsVersion's facts.product) without the rest of the parse: a
 * SQL Server banner asks only this.
 */
export function osProductOf(text: string): string | null {
  return identify(findOs(cleanText(text).text)).product;
}

const NAMED_WINDOWS_10 = /Windows 10/i;

function osProblems(id: OsIdentity, nm: Found<string> | null, exact: boolean, u: number | null): Problem[] {
  const { b, rel, candidates, buildFromName } = id;
  const problems: Problem[] = [];
  if (candidates.length > 1)
    problems.push({
      code: 'client-or-server',
      severity: 'info',
      message: `Build ${b} is both ${candidates.join(' and ')}; the paste does not say which. Their TLS defaults are the same.`,
    });
  if (nm && b !== null && b >= WINDOWS_11_FIRST_BUILD && NAMED_WINDOWS_10.test(nm.value))
    problems.push({
      code: 'windows-11-named-10',
      severity: 'info',
      message: `Build ${b} is Windows 11 although the product name says Windows 10 (the registry ProductName was never updated).`,
    });
  if (b !== null && rel && !exact && !buildFromName)
    problems.push({
      code: 'unlisted-build',
      severity: 'info',
      message: `Build ${b} is not in this tool's table; it is treated like ${rel.server ?? rel.client} (build ${rel.build}).`,
    });
  if (buildFromName)
    problems.push({
      code: 'build-from-name',
      severity: 'info',
      message: `No build number was given; ${nm?.value} is taken to be build ${b}. Paste winver or systeminfo output for the exact build and update level.`,
    });
  if (b === 14393 && u === null)
    problems.push({
      code: 'ubr-needed',
      severity: 'warning',
      message:
        'Build 14393 has the DHE leading-zero fix only from update 14393.3542 (KB4537806); the update level is not in the paste. winver shows it as "OS Build 14393.xxxx".',
    });
  if (b !== null && b >= 26100)
    problems.push({
      code: 'defaults-not-researched',
      severity: 'info',
      message:
        'Protocol and cipher defaults of Windows Server 2025 / Windows 11 24H2 are taken from Windows Server 2022.',
    });
  if (b === null && !nm)
    problems.push({
      code: 'no-windows-version',
      severity: 'error',
      message:
        'No Windows version was found. Paste winver text, systeminfo output, or (Get-ComputerInfo) WindowsProductName / OsBuildNumber lines.',
    });
  return problems;
}

function osReason(
  product: string | null,
  b: number | null,
  u: number | null,
  family: CipherFamily,
  approximate: boolean,
  leadingZeroFix: boolean | null,
): string {
  const reasonParts: string[] = [];
  if (product)
    reasonParts.push(`${product}${b !== null ? ` (build ${b}${u !== null ? '.' + u : ''})` : ''}.`);
  if (family !== 'unknown')
    reasonParts.push(
      `Default cipher order: the Windows ${family} list${approximate ? ' (nearest documented)' : ''}.`,
    );
  if (leadingZeroFix !== null)
    reasonParts.push(
      leadingZeroFix ? 'Has the DHE leading-zero fix.' : 'Lacks the DHE leading-zero fix (KB4557473).',
    );
  return reasonParts.join(' ');
}

function osEvidence(original: string, c: CleanText, st: OsFinds): Evidence[] {
  const evidence: Evidence[] = [];
  const add = (x: Found<unknown> | null, fact: string) => {
    if (x) evidence.push(evidenceFor(original, c, x.start, x.end, x.meaning, fact));
  };
  add(st.build, 'build');
  add(st.ubr, 'ubr');
  add(st.nt, 'ntVersion');
  add(st.name, 'productName');
  add(st.display, 'displayVersion');
  add(st.server, 'isServer');
  return evidence;
}

export function parseOsVersion(original: string): ParseResult<'os-version', OsVersionFacts> {
  const c = cleanText(original);
  const st = findOs(c.text);
  const id = identify(st);
  const { b, rel, ntV } = id;
  const nm = st.name;

  const exact = rel !== null && b !== null && rel.build === b;
  const family: CipherFamily = rel ? rel.cipherFamily : 'unknown';
  const approximate = rel ? rel.approximate === true || !exact : false;
  const major = ntV ? Number(ntV.split('.')[0]) : null;
  const u = st.ubr ? st.ubr.value : null;
  const leadingZeroFix = b === null && major === null ? null : hasLeadingZeroFix(major, b, u);
  const tls13Supported = b === null ? (major !== null && major < 10 ? false : null) : b >= TLS13_FIRST_BUILD;
  const protocols = b !== null || ntV ? defaultProtocols(ntV, b) : null;
  const problems = osProblems(id, nm, exact, u);
  const reason = osReason(id.product, b, u, family, approximate, leadingZeroFix);
  const evidence = osEvidence(original, c, st);

  return {
    kind: 'os-version',
    facts: {
      product: id.product,
      productCandidates: id.candidates,
      productName: nm ? nm.value : null,
      isServer: id.isServer,
      ntVersion: ntV,
      build: b,
      ubr: u,
      displayVersion: st.display ? st.display.value : (rel?.release ?? null),
      buildFromName: id.buildFromName,
      defaultCipherFamily: family,
      cipherFamilyApproximate: approximate,
      leadingZeroFix,
      tls13Supported,
      defaultProtocols: protocols,
      reason,
    },
    evidence,
    problems,
  };
}

function safeParse(text: string): ParseResult<'os-version', OsVersionFacts> {
  try {
    return parseOsVersion(typeof text === 'string' ? text : String(text));
  } catch (e) {
    const r = parseOsVersion('');
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

export const osVersionParser: ArtifactParser<'os-version', OsVersionFacts> = {
  kind: 'os-version',
  // the highest return of the sniff (winver, systeminfo, Get-ComputerInfo or registry names)
  sniffMax: 0.9,
  sniff: (text) => {
    try {
      return sniffOsVersion(text);
    } catch {
      return 0;
    }
  },
  parse: safeParse,
};
