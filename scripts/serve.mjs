// A plain static file server for dist/, like an internal IIS/nginx folder or file share behind HTTP:
// no rewrite rules, no SPA fallback (an unknown path is a real 404). It serves dist/ at "/" and, for the
// sub-path test, also at every prefix given with --mount (e.g. --mount /kb/tools/10054/).
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

// Text is sent compressed (brotli, else gzip) when the browser accepts it, as IIS (static compression is on
// by default) and docs/hosting/nginx.conf do: a preview without it would measure a download 3x too large.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.wasm']);
const compressedCache = new Map();

/** The body to send and its Content-Encoding, compressed once per file version. */
function body(file, stats, acceptEncoding) {
  const encoding = !COMPRESSIBLE.has(extname(file))
    ? undefined
    : /\bbr\b/.test(acceptEncoding)
      ? 'br'
      : /\bgzip\b/.test(acceptEncoding)
        ? 'gzip'
        : undefined;
  const key = `${encoding}:${file}:${stats.mtimeMs}:${stats.size}`;
  let data = compressedCache.get(key);
  if (!data) {
    const raw = readFileSync(file);
    data =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
        : encoding === 'gzip'
          ? gzipSync(raw, { level: 9 })
          : raw;
    compressedCache.set(key, data);
  }
  return { data, encoding };
}

export function startStaticServer({ root = 'dist', host = '127.0.0.1', port = 4173, mounts = ['/'] } = {}) {
  const base = resolve(root);
  const prefixes = [...new Set(['/', ...mounts])].sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    if (!prefix || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(prefix ? 405 : 404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    let stats;
    try {
      stats = statSync(file);
    } catch {
      stats = undefined;
    }
    if (!stats?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const { data, encoding } = body(file, stats, String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': data.length,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const mounts = args.flatMap((a, i) => (args[i - 1] === '--mount' ? [a] : []));
  const port = Number(option('--port', '4173'));
  const host = option('--host', '127.0.0.1');
  startStaticServer({ root: option('--root', 'dist'), host, port, mounts }).then(
    () => {
      for (const m of ['/', ...mounts]) console.log(`Serving dist/ at http://${host}:${port}${m}`);
    },
    (error) => {
      console.error(`Could not start the server on ${host}:${port}: ${error.message}`);
      process.exit(1);
    },
  );
}
