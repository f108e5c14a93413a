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
} from '../knowledge-tables/windows';
import { cleanText, evidenceFor, LineCursor, readRegistryText, type RegValue } from './registry-text';
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

export function parseOsVersion(original: string): ParseResult<'os-version', OsVersionFacts> {
  const c = cleanText(original);
  const text = c.text;
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];

  let build: Found<number> | null = null;
  let ubr: Found<number> | null = null;
  let nt: Found<string> | null = null;
  let name: Found<string> | null = null;
  let display: Found<string> | null = null;
  let server: Found<boolean> | null = null;

  const setBuild = (v: number, s: number, e: number, m: string) => {
    if (!build && v >= 2000 && v < 100000) build = { value: v, start: s, end: e, meaning: m };
  };
  const setUbr = (v: number, s: number, e: number) => {
    if (!ubr && v > 0 && v < 100000)
      ubr = { value: v, start: s, end: e, meaning: `Update build revision ${v}.` };
  };
  const setNt = (v: string, s: number, e: number) => {
    if (!nt && NT_VERSIONS.has(v)) nt = { value: v, start: s, end: e, meaning: `Windows NT version ${v}.` };
  };
  const setName = (v: string, s: number, e: number) => {
    const clean = v.replace(/^Microsoft\s+/i, '').trim();
    if (!name && /Windows/i.test(clean) && clean.length < 120)
      name = { value: clean, start: s, end: e, meaning: `The product is ${clean}.` };
  };
  const setServer = (v: boolean, s: number, e: number, why: string) => {
    if (!server) server = { value: v, start: s, end: e, meaning: why };
  };
  const setDisplay = (v: string, s: number, e: number) => {
    if (!display && /^(\d{4}|\d{2}H\d)$/i.test(v))
      display = { value: v.toUpperCase(), start: s, end: e, meaning: `Windows version ${v}.` };
  };

  // registry values (reg query / .reg / Get-ItemProperty) and "Label : value" / "Label:   value" lines
  const fields = new Map<string, { value: string; start: number; end: number }>();
  if (/CurrentBuild|UBR|ProductName|DisplayVersion|ReleaseId/i.test(text.slice(0, 200_000))) {
    const read = readRegistryText(text);
    const take = (k: RegValue) => {
      if (!mayBeLabel(k.name.length)) return;
      const label = k.name.toLowerCase();
      if (!KEY_LABELS.has(label) || fields.has(label)) return;
      const value =
        k.number !== null && (label === 'ubr' || label.endsWith('versionnumber'))
          ? String(k.number)
          : k.text.replace(/^"|"$/g, '');
      fields.set(label, { value, start: k.dataStart, end: k.dataEnd });
    };
    // every key's values in order, then the orphans
    for (const key of read.keys) for (const v of key.values) take(v);
    for (const v of read.orphans) take(v);
  }
  // one line at a time (no array of every line of a long paste)
  const line = new LineCursor(text, 4096);
  while (line.advance()) {
    const t = line.text;
    const colon = t.indexOf(':');
    // (a label needs at least LABEL_MIN characters before the colon)
    if (colon >= LABEL_MIN && colon < 60) {
      const raw = t.slice(0, colon).trim();
      const label = mayBeLabel(raw.length) ? raw.toLowerCase() : '';
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
  const f = (k: string) => fields.get(k);

  // strong patterns anywhere
  const scan = text.length > 300_000 ? text.slice(0, 300_000) : text;
  let m = /OS Build (\d{4,5})\.(\d{1,5})/i.exec(scan);
  if (m) {
    const s = m.index + m[0].indexOf(m[1]!);
    setBuild(Number(m[1]), s, s + m[1]!.length, `Windows build ${m[1]} (winver).`);
    setUbr(Number(m[2]), s + m[1]!.length + 1, s + m[1]!.length + 1 + m[2]!.length);
  }
  m = /\[Version (\d{1,2}\.\d{1,2})\.(\d{4,5})(?:\.(\d{1,5}))?\]/i.exec(scan);
  if (m) {
    const s = m.index + 9;
    setNt(m[1]!, s, s + m[1]!.length);
    const bs = s + m[1]!.length + 1;
    setBuild(Number(m[2]), bs, bs + m[2]!.length, `Windows build ${m[2]}.`);
    if (m[3]) setUbr(Number(m[3]), bs + m[2]!.length + 1, bs + m[2]!.length + 1 + m[3].length);
  }
  m = /Windows NT (\d{1,2}\.\d{1,2})\.(\d{4,5})(?:\.(\d{1,5}))?/i.exec(scan);
  if (m) {
    const s = m.index + 11;
    setNt(m[1]!, s, s + m[1]!.length);
    const bs = s + m[1]!.length + 1;
    setBuild(Number(m[2]), bs, bs + m[2]!.length, `Windows build ${m[2]}.`);
    if (m[3] && Number(m[3]) > 0)
      setUbr(Number(m[3]), bs + m[2]!.length + 1, bs + m[2]!.length + 1 + m[3].length);
  }
  // SQL Server banner: "on Windows NT 6.3 <X64> (Build 9600: )" / "on Windows Server 2016 Standard 10.0 <X64> (Build 14393: )"
  m = /\bon (Windows[^<\n]{0,80}?) ?(\d{1,2}\.\d{1,2}) <[^>\n]{1,12}> \(Build (\d{4,5})/i.exec(scan);
  if (m) {
    const s = m.index + 3;
    const nameText = m[1]!.trim();
    if (!/^Windows NT$/i.test(nameText)) setName(nameText, s, s + nameText.length);
    const ntAt = m.index + m[0].indexOf(m[2]!, 3 + m[1]!.length);
    setNt(m[2]!, ntAt, ntAt + m[2]!.length);
    const bAt = m.index + m[0].lastIndexOf(m[3]!);
    setBuild(Number(m[3]), bAt, bAt + m[3]!.length, `Windows build ${m[3]} (from the SQL Server banner).`);
  }

  // labelled fields
  const osv = f('os version');
  if (osv) {
    const mm = /^(\d{1,2}\.\d{1,2})\.(\d{4,5})/.exec(osv.value);
    if (mm) {
      setNt(mm[1]!, osv.start, osv.start + mm[1]!.length);
      setBuild(
        Number(mm[2]),
        osv.start + mm[1]!.length + 1,
        osv.start + mm[0].length,
        `Windows build ${mm[2]} (systeminfo).`,
      );
    }
  }
  for (const key of ['windowsbuildlabex', 'buildlabex']) {
    const v = f(key);
    const mm = v && /^(\d{4,5})\.(\d{1,5})\./.exec(v.value);
    if (v && mm) {
      setBuild(Number(mm[1]), v.start, v.start + mm[1]!.length, `Windows build ${mm[1]}.`);
      setUbr(Number(mm[2]), v.start + mm[1]!.length + 1, v.start + mm[1]!.length + 1 + mm[2]!.length);
    }
  }
  for (const key of ['currentbuild', 'currentbuildnumber', 'osbuildnumber', 'buildnumber']) {
    const v = f(key);
    const mm = v && /^(\d{4,5})$/.exec(v.value);
    if (v && mm) setBuild(Number(mm[1]), v.start, v.end, `Windows build ${mm[1]}.`);
  }
  for (const key of ['osversion', 'version', 'versionstring']) {
    const v = f(key);
    const mm = v && /(\d{1,2}\.\d{1,2})\.(\d{4,5})(?:\.(\d{1,5}))?/.exec(v.value);
    // only Windows NT versions: "Version : 13.0.5102.14" in a SQL Server paste is not Windows
    if (v && mm && NT_VERSIONS.has(mm[1]!)) {
      const s = v.start + mm.index;
      setNt(mm[1]!, s, s + mm[1]!.length);
      setBuild(
        Number(mm[2]),
        s + mm[1]!.length + 1,
        s + mm[1]!.length + 1 + mm[2]!.length,
        `Windows build ${mm[2]}.`,
      );
    }
  }
  const ubrF = f('ubr');
  if (ubrF) {
    const n = /^0x[0-9a-f]+$/i.test(ubrF.value) ? Number.parseInt(ubrF.value, 16) : Number(ubrF.value);
    if (Number.isFinite(n)) setUbr(n, ubrF.start, ubrF.end);
  }
  const maj = f('currentmajorversionnumber');
  const min = f('currentminorversionnumber');
  if (maj && min) {
    const a = /^0x/i.test(maj.value) ? Number.parseInt(maj.value, 16) : Number(maj.value);
    const b = /^0x/i.test(min.value) ? Number.parseInt(min.value, 16) : Number(min.value);
    if (Number.isFinite(a) && Number.isFinite(b)) setNt(`${a}.${b}`, maj.start, maj.end);
  }
  const cv = f('currentversion');
  if (cv && /^\d\.\d$/.test(cv.value)) setNt(cv.value, cv.start, cv.end);
  for (const key of ['os name', 'caption', 'windowsproductname', 'osname', 'productname']) {
    const v = f(key);
    if (v) setName(v.value, v.start, v.end);
  }
  for (const key of ['displayversion', 'windowsversion', 'releaseid']) {
    const v = f(key);
    if (v) setDisplay(v.value, v.start, v.end);
  }
  m = /\bVersion (\d{4}|\d{2}H\d) \(OS Build/i.exec(scan);
  if (m) setDisplay(m[1]!, m.index + 8, m.index + 8 + m[1]!.length);

  // server or client
  for (const key of [
    'installationtype',
    'windowsinstallationtype',
    'osproducttype',
    'producttype',
    'editionid',
    'windowseditionid',
  ]) {
    const v = f(key);
    if (!v) continue;
    const val = v.value.toLowerCase();
    if (key === 'producttype') {
      if (val === '1') setServer(false, v.start, v.end, 'ProductType 1 is a workstation.');
      else if (val === '2' || val === '3') setServer(true, v.start, v.end, `ProductType ${val} is a server.`);
    } else if (/server|domaincontroller/.test(val))
      setServer(true, v.start, v.end, `${v.value} means a server.`);
    else if (/client|workstation|professional|enterprise|core|education/.test(val))
      setServer(false, v.start, v.end, `${v.value} means a client (workstation).`);
  }
  const nameNow = name as Found<string> | null;
  if (nameNow) {
    if (/server/i.test(nameNow.value))
      setServer(true, nameNow.start, nameNow.end, 'The product name says Server.');
    else if (/Windows (10|11|8\.1|8|7|Vista|XP)\b/i.test(nameNow.value))
      setServer(false, nameNow.start, nameNow.end, 'The product name is a client edition.');
  }
  // free-text product names ("on Windows 2012 R2", "Windows Server 2019")
  if (!name) {
    const mm = /\bWindows(?: Server)? (?:20(?:08|12|16|19|22|25)(?: R2)?|11|10|8\.1|8|7|Vista)\b/i.exec(scan);
    if (mm) setName(mm[0], mm.index, mm.index + mm[0].length);
    const n2 = name as Found<string> | null;
    if (n2 && /Server|20\d\d/i.test(n2.value))
      setServer(true, n2.start, n2.end, 'The product name is a server release.');
  }

  let buildFromName = false;
  let b = (build as Found<number> | null)?.value ?? null;
  const nm = name as Found<string> | null;
  if (b === null && nm) {
    for (const [re, nb] of NAME_BUILDS) {
      if (re.test(nm.value)) {
        b = nb;
        buildFromName = true;
        break;
      }
    }
  }
  const rel = b !== null ? windowsRelease(b) : null;
  const ntV = (nt as Found<string> | null)?.value ?? (rel ? rel.nt : null);
  const isServer =
    (server as Found<boolean> | null)?.value ??
    (rel ? (rel.client === null ? true : rel.server === null ? false : null) : null);

  const candidates: string[] = [];
  if (rel) {
    const cl = rel.client
      ? b !== null && b >= WINDOWS_11_FIRST_BUILD && rel.client === 'Windows 10'
        ? 'Windows 11'
        : rel.client
      : null;
    const clientName = cl
      ? rel.release && /Windows 1[01]$/.test(cl)
        ? `${cl} version ${rel.release}`
        : cl
      : null;
    if (rel.server && isServer !== false) candidates.push(rel.server);
    if (clientName && isServer !== true) candidates.push(clientName);
  }
  let product: string | null = candidates.length ? candidates.join(' or ') : null;
  if (!product && nm) product = nm.value;
  if (candidates.length > 1)
    problems.push({
      code: 'client-or-server',
      severity: 'info',
      message: `Build ${b} is both ${candidates.join(' and ')}; the paste does not say which. Their TLS defaults are the same.`,
    });
  if (nm && b !== null && b >= WINDOWS_11_FIRST_BUILD && /Windows 10/i.test(nm.value))
    problems.push({
      code: 'windows-11-named-10',
      severity: 'info',
      message: `Build ${b} is Windows 11 although the product name says Windows 10 (the registry ProductName was never updated).`,
    });
  const exact = rel !== null && b !== null && rel.build === b;
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

  const family: CipherFamily = rel ? rel.cipherFamily : 'unknown';
  const approximate = rel ? rel.approximate === true || !exact : false;
  const major = ntV ? Number(ntV.split('.')[0]) : null;
  const u = (ubr as Found<number> | null)?.value ?? null;
  const leadingZeroFix = b === null && major === null ? null : hasLeadingZeroFix(major, b, u);
  const tls13Supported = b === null ? (major !== null && major < 10 ? false : null) : b >= TLS13_FIRST_BUILD;
  const protocols = b !== null || ntV ? defaultProtocols(ntV, b) : null;
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

  const add = (x: Found<unknown> | null, fact: string) => {
    if (x) evidence.push(evidenceFor(original, c, x.start, x.end, x.meaning, fact));
  };
  add(build, 'build');
  add(ubr, 'ubr');
  add(nt, 'ntVersion');
  add(name, 'productName');
  add(display, 'displayVersion');
  add(server, 'isServer');

  return {
    kind: 'os-version',
    facts: {
      product,
      productCandidates: candidates,
      productName: nm ? nm.value : null,
      isServer,
      ntVersion: ntV,
      build: b,
      ubr: u,
      displayVersion: (display as Found<string> | null)?.value ?? rel?.release ?? null,
      buildFromName,
      defaultCipherFamily: family,
      cipherFamilyApproximate: approximate,
      leadingZeroFix,
      tls13Supported,
      defaultProtocols: protocols,
      reason: reasonParts.join(' '),
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
  sniff: (text) => {
    try {
      return sniffOsVersion(text);
    } catch {
      return 0;
    }
  },
  parse: safeParse,
};
