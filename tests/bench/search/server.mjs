// A static file server for the search benchmark (tests/bench/search.sh): it serves a built site as
// a host would, compressing text with gzip, and records every request with the bytes it sent, so
// that a measurement can count what a search transferred.
//
//   node tests/bench/search/server.mjs DIR[,DIR…] [PORT]    serve DIR at http://127.0.0.1:PORT/ (default: any free port)
//
// With several folders, a path is served from the first that has it: search.sh serves Pagefind's
// bundle and the harness page from a folder of their own over the built site, the same as a copy
// of the site with them inside (Pagefind's --output-path), without copying 317,000 files.
//
// Text (.html .css .js .mjs .json .xml .txt .svg .webmanifest) is gzipped (level 6, as nginx and most
// hosts do, compressed once and kept) when the request accepts gzip. Pagefind's own index files
// (.pf_meta, .pf_index, .pf_fragment, .pf_filter and the .pagefind WebAssembly) are gzip data
// already, which Pagefind's script unpacks itself: they are sent as they are, as on any host.
// A folder serves its index.html; a missing file gets 404.html with status 404. No
// Content-Security-Policy header is sent: BlackJanuary's pages carry theirs in a <meta> element,
// and the Pagefind harness page must run without one ('wasm-unsafe-eval').
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest']);
const pagefindData = new Set(['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind']);

/**
 * Serves `dir`; resolves to { server, port, log }. `log` is an array the caller may empty: one entry per
 * request, { path, status, wire, size, headers, encoding } — wire: the body bytes sent (compressed when
 * gzipped), size: the bytes of the file uncompressed (for Pagefind's gzip files, their unpacked size),
 * headers: the bytes of the status line and response headers.
 */
export async function serve(dirs, port = 0) {
  const roots = [dirs].flat().map((d) => resolve(d));
  const gzipped = new Map();
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    let file = null;
    let status = 200;
    for (const root of roots) {
      let candidate = normalize(join(root, path));
      if (candidate !== root && !candidate.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(candidate)).isDirectory()) {
          candidate = join(candidate, 'index.html');
        }
        await stat(candidate);
        file = candidate;
        break;
      } catch {
        // not in this folder
      }
    }
    if (file === null) {
      status = 404;
      file = join(roots.at(-1), '404.html');
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      body = Buffer.from('not found\n');
      file = 'x.txt';
    }
    const ext = extname(file).toLowerCase();
    let size = body.length;
    const headers = { 'Content-Type': types[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    let encoding = '';
    if (compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let packed = gzipped.get(file);
      if (!packed) {
        packed = gzipSync(body, { level: 6 });
        gzipped.set(file, packed);
      }
      body = packed;
      encoding = 'gzip';
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    } else if (pagefindData.has(ext)) {
      try {
        size = gunzipSync(body).length;
      } catch {
        // not gzip: its size is its size
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    const headerBytes = Buffer.byteLength(`HTTP/1.1 ${status} OK\r\n` + Object.entries(res.getHeaders()).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n');
    log.push({ path: url.pathname, query: url.search, status, wire: body.length, size, headers: headerBytes, encoding, time: Date.now() });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, port: server.address().port, log };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node server.mjs DIR[,DIR…] [PORT]');
    process.exit(2);
  }
  const { port: actual } = await serve(dir.split(','), Number(port ?? 0));
  console.log(`serving ${dir} at http://127.0.0.1:${actual}/`);
}
