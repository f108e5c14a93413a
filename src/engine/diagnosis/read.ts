/**
 * Defensive readers for parser facts: a value that is missing or of another shape reads as undefined,
 * never as an exception. Only the adapters use these.
 */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths already split (adapters read the same few dozen paths for every event and value). */
const splitPaths = new Map<string, readonly string[]>();

/** Reads a dotted path ("a.b.c") from an object; undefined when any step is missing. */
export function at(obj: unknown, path: string): unknown {
  if (!isObj(obj)) return undefined;
  // most paths are one key: read it without the lookup of the split path (the adapters read a dozen
  // fields of each of a long paste's thousands of events, so this is most of their time)
  if (!path.includes('.')) return obj[path];
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitPaths.size < 1000) splitPaths.set(path, keys);
  }
  let cur: unknown = obj;
  for (let i = 0; i < keys.length; i++) {
    if (!isObj(cur)) return undefined;
    cur = cur[keys[i]!];
  }
  return cur;
}

/** The first of several paths that holds a value. */
export function first(obj: unknown, paths: readonly string[]): unknown {
  if (!isObj(obj)) return undefined;
  for (let i = 0; i < paths.length; i++) {
    const v = at(obj, paths[i]!);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A number, or a decimal/hex string of one ("0x2746", "10054"). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^0x[0-9a-f]{1,8}$/i.test(t)) return parseInt(t.slice(2), 16);
    if (/^-?\d{1,12}$/.test(t)) return Number(t);
  }
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  return undefined;
}

export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export function strings(v: unknown): string[] | undefined {
  const a = arr(v);
  if (!a) return undefined;
  const out: string[] = [];
  for (const item of a) {
    if (typeof item === 'string') out.push(item);
    else if (isObj(item)) {
      const name = str(item.name) ?? str(item.iana) ?? str(item.suite);
      if (name) out.push(name);
    }
  }
  return out;
}
