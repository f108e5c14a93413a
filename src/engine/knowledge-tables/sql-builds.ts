/**
 * SQL Server builds and TLS 1.2 support (KB3135244, domain-facts §1.1). A build supports TLS 1.2 when it is
 * at or above the first TLS 1.2 build of ITS OWN servicing branch (GDR and CU lines are separate).
 * Branch ranges below are build-number ranges: GDR builds of a service pack sit below its first CU build.
 */

export interface SqlBuild {
  major: number;
  minor: number;
  build: number;
  /** 4th part; null when the text gave only three parts */
  revision: number | null;
}

export interface SqlRelease {
  product: string;
  major: number;
  minor: number;
}

export const SQL_RELEASES: readonly SqlRelease[] = [
  { product: 'SQL Server 2000', major: 8, minor: 0 },
  { product: 'SQL Server 2005', major: 9, minor: 0 },
  { product: 'SQL Server 2008', major: 10, minor: 0 },
  { product: 'SQL Server 2008 R2', major: 10, minor: 50 },
  { product: 'SQL Server 2012', major: 11, minor: 0 },
  { product: 'SQL Server 2014', major: 12, minor: 0 },
  { product: 'SQL Server 2016', major: 13, minor: 0 },
  { product: 'SQL Server 2017', major: 14, minor: 0 },
  { product: 'SQL Server 2019', major: 15, minor: 0 },
  { product: 'SQL Server 2022', major: 16, minor: 0 },
  { product: 'SQL Server 2025', major: 17, minor: 0 },
];

export function sqlProduct(major: number, minor: number): string | null {
  if (major === 10 && minor >= 50) return 'SQL Server 2008 R2';
  for (let i = 0; i < SQL_RELEASES.length; i++) {
    const r = SQL_RELEASES[i]!;
    if (r.major === major && r.minor === minor) return r.product;
  }
  return null;
}

/** One servicing line: builds in [from, to) belong to it; TLS 1.2 from `tls12` (null = never on this line). */
export interface SqlBranch {
  major: number;
  minor: number;
  /** e.g. "SP1 GDR" */
  name: string;
  from: number;
  to: number;
  /** first TLS 1.2 build as "12.0.4219.0", or null (never), or "all" (every build of the line) */
  tls12: string | null;
  /** the GDR/CU split of this line is read from build ranges that interleave: say so */
  interleaved?: boolean;
  note?: string;
}

// Build-number ranges per line. Sources: KB3135244 table (domain-facts §1.1) and the service pack / first CU
// build numbers of each release.
export const SQL_BRANCHES: readonly SqlBranch[] = [
  // SQL Server 2008 (10.0)
  {
    major: 10,
    minor: 0,
    name: 'RTM to SP2',
    from: 0,
    to: 5500,
    tls12: null,
    note: 'Install SP3 or SP4 and the TLS 1.2 update.',
  },
  { major: 10, minor: 0, name: 'SP3 GDR (IA-64)', from: 5500, to: 5766, tls12: '10.0.5545.0' },
  { major: 10, minor: 0, name: 'SP3 CU (IA-64)', from: 5766, to: 6000, tls12: '10.0.5896.0' },
  { major: 10, minor: 0, name: 'SP4', from: 6000, to: 100000, tls12: '10.0.6547.0' },
  // SQL Server 2008 R2 (10.50)
  {
    major: 10,
    minor: 50,
    name: 'RTM to SP1',
    from: 0,
    to: 4000,
    tls12: null,
    note: 'Install SP3 and the TLS 1.2 update.',
  },
  { major: 10, minor: 50, name: 'SP2 GDR (IA-64)', from: 4000, to: 4260, tls12: '10.50.4047.0' },
  { major: 10, minor: 50, name: 'SP2 CU (IA-64)', from: 4260, to: 6000, tls12: '10.50.4344.0' },
  { major: 10, minor: 50, name: 'SP3', from: 6000, to: 100000, tls12: '10.50.6542.0' },
  // SQL Server 2012 (11.0)
  { major: 11, minor: 0, name: 'RTM to SP1', from: 0, to: 5058, tls12: null, note: 'Install SP2 or later.' },
  { major: 11, minor: 0, name: 'SP2 GDR', from: 5058, to: 5500, tls12: '11.0.5352.0' },
  { major: 11, minor: 0, name: 'SP2 CU', from: 5500, to: 6020, tls12: '11.0.5644.2' },
  { major: 11, minor: 0, name: 'SP3 GDR', from: 6020, to: 6500, tls12: '11.0.6216.27' },
  { major: 11, minor: 0, name: 'SP3 CU', from: 6500, to: 7001, tls12: '11.0.6518.0' },
  { major: 11, minor: 0, name: 'SP4', from: 7001, to: 100000, tls12: 'all' },
  // SQL Server 2014 (12.0)
  {
    major: 12,
    minor: 0,
    name: 'RTM GDR',
    from: 0,
    to: 2342,
    tls12: '12.0.2271.0',
    interleaved: true,
    note: 'KB3135244 now advises SP2 or SP3.',
  },
  { major: 12, minor: 0, name: 'RTM CU', from: 2342, to: 4100, tls12: '12.0.2564.0', interleaved: true },
  { major: 12, minor: 0, name: 'SP1 GDR', from: 4100, to: 4416, tls12: '12.0.4219.0' },
  { major: 12, minor: 0, name: 'SP1 CU', from: 4416, to: 5000, tls12: '12.0.4439.1' },
  { major: 12, minor: 0, name: 'SP2 and later', from: 5000, to: 100000, tls12: 'all' },
];

/** First-wave TLS 1.2 builds withdrawn by KB3146034 (intermittent service termination). */
export const PULLED_TLS12_BUILDS: readonly string[] = [
  '10.50.6537.0',
  '10.50.4046.0',
  '10.50.4343.0',
  '10.0.6543.0',
  '10.0.5544.0',
  '10.0.5894.0',
];

export function parseSqlBuild(s: string): SqlBuild | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,5})(?:\.(\d{1,5}))?$/.exec(s.trim());
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    build: Number(m[3]),
    revision: m[4] === undefined ? null : Number(m[4]),
  };
}

export const formatSqlBuild = (b: SqlBuild): string =>
  `${b.major}.${b.minor}.${b.build}${b.revision === null ? '' : '.' + b.revision}`;

/** Compares on three parts when either side lacks a revision. */
export function compareSqlBuild(a: SqlBuild, b: SqlBuild): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.build !== b.build) return a.build - b.build;
  if (a.revision === null || b.revision === null) return 0;
  return a.revision - b.revision;
}

export interface Tls12Verdict {
  product: string | null;
  /** true / false, or null when the build is not in the table (unknown release) */
  supportsTls12: boolean | null;
  /** first TLS 1.2 build of the build's own servicing line, null when none exists or not applicable */
  minimumTls12Build: string | null;
  branch: string | null;
  /** the GDR/CU line was read from interleaving build ranges */
  branchInferred: boolean;
  /** KB3146034 withdrew this build */
  pulled: boolean;
  reason: string;
}

let pulledParsed: SqlBuild[] | null = null;
/** PULLED_TLS12_BUILDS parsed once (a paste can ask for the verdict of hundreds of builds). */
function pulledBuilds(): SqlBuild[] {
  pulledParsed ??= PULLED_TLS12_BUILDS.map(parseSqlBuild).filter((pb): pb is SqlBuild => pb !== null);
  return pulledParsed;
}

function isPulled(b: SqlBuild): boolean {
  const pulled = pulledBuilds();
  for (let i = 0; i < pulled.length; i++) if (compareSqlBuild(pulled[i]!, b) === 0) return true;
  return false;
}

/** The servicing line of a 10.x-12.x build (minor 50 and above are 2008 R2), or undefined. */
function branchOf(b: SqlBuild): SqlBranch | undefined {
  const minor = b.major === 10 && b.minor >= 50 ? 50 : b.minor;
  for (let i = 0; i < SQL_BRANCHES.length; i++) {
    const x = SQL_BRANCHES[i]!;
    if (x.major === b.major && x.minor === minor && b.build >= x.from && b.build < x.to) return x;
  }
  return undefined;
}

/** each line's first TLS 1.2 build, parsed once */
const minimumParsed = new Map<string, SqlBuild | null>();
function minimumOf(tls12: string): SqlBuild | null {
  let min = minimumParsed.get(tls12);
  if (min === undefined) {
    min = parseSqlBuild(tls12);
    minimumParsed.set(tls12, min);
  }
  return min;
}

/** Every verdict is built here, so all have one shape (field order as before: product, branchInferred, pulled, ...). */
function verdict(
  product: string | null,
  branchInferred: boolean,
  pulled: boolean,
  supportsTls12: boolean | null,
  minimumTls12Build: string | null,
  branch: string | null,
  reason: string,
): Tls12Verdict {
  return { product, branchInferred, pulled, supportsTls12, minimumTls12Build, branch, reason };
}

export function tls12Support(b: SqlBuild): Tls12Verdict {
  const product = sqlProduct(b.major, b.minor);
  const pulled = isPulled(b);
  if (b.major >= 13)
    return verdict(
      product,
      false,
      pulled,
      true,
      null,
      null,
      `${product ?? 'This release'} supports TLS 1.2 in every build (KB3135244).`,
    );
  if (b.major < 10)
    return verdict(
      product,
      false,
      pulled,
      product ? false : null,
      null,
      null,
      product
        ? `${product} never received TLS 1.2 support; KB3135244 covers SQL Server 2008 and later.`
        : 'This version number is not a known SQL Server release.',
    );
  const line = branchOf(b);
  if (!line || !product)
    return verdict(
      product,
      false,
      pulled,
      null,
      null,
      null,
      'This version number is not a known SQL Server release.',
    );
  const inferred = line.interleaved === true;
  if (line.tls12 === null)
    return verdict(
      product,
      inferred,
      pulled,
      false,
      null,
      line.name,
      `${product} ${line.name} has no TLS 1.2 update. ${line.note ?? ''}`.trim(),
    );
  if (line.tls12 === 'all')
    return verdict(
      product,
      inferred,
      pulled,
      true,
      null,
      line.name,
      `${product} ${line.name} supports TLS 1.2 in every build (KB3135244).`,
    );
  const min = minimumOf(line.tls12);
  const ok = min !== null && compareSqlBuild(b, min) >= 0;
  const supports = ok || pulled;
  return verdict(
    product,
    inferred,
    pulled,
    supports,
    line.tls12,
    line.name,
    pulled
      ? `${formatSqlBuild(b)} was a first TLS 1.2 build that KB3146034 withdrew; update to ${line.tls12} or later.`
      : supports
        ? `${formatSqlBuild(b)} is at or above ${line.tls12}, the first TLS 1.2 build of ${product} ${line.name} (KB3135244).`
        : `${formatSqlBuild(b)} is below ${line.tls12}, the first TLS 1.2 build of ${product} ${line.name} (KB3135244).`,
  );
}
