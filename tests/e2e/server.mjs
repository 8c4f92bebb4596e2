// A plain static host for dist/, mounted under a sub-path, that behaves like
// GitHub Pages or Netlify: files are served as they are; an unknown path gets
// dist/404.html with status 404. No rewrite rules: deep links must survive a
// reload through what the build ships (404.html), not through this server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types by extension (also used by bench/app.mjs's server). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server on a free localhost port; resolves to { url, close }.
 * `fallbackStatus` 200 makes unknown paths behave like a host with a rewrite
 * rule (Netlify's `/* /index.html 200`); Lighthouse refuses a 404 page.
 * `gzip` compresses responses for clients that accept it, as real hosts do.
 * `files` (a Map from a path under the public URL, `data/l/0.bin`, to a
 * Buffer) is read on every request before the disk: a test replaces a file
 * with a damaged copy without touching dist/.
 * Request lines up to 4 MB are accepted (the hostile-URL test sends 100 kB
 * words); a path that is not a file (broken percent-encoding, a NUL, `..`
 * past the root) is an unknown path: 404.html.
 */
export async function serveDist(dist, publicUrl, { fallbackStatus = 404, gzip = false, files = new Map() } = {}) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const gzipCache = new Map();
  const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, async (req, res) => {
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      res.writeHead = (status, headers = {}) => {
        res.pendingHead = [status, headers];
        return res;
      };
      res.end = (body) => {
        const [status, headers] = res.pendingHead ?? [200, {}];
        if (body && body.length > 256) {
          writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
          // Compressed once per file, as a host or CDN caches it (the
          // benchmark's 64 MB index would otherwise be gzipped per request).
          const key = `${req.url}\0${body.length}`;
          let zipped = gzipCache.get(key);
          if (!zipped) {
            zipped = gzipSync(body);
            gzipCache.set(key, zipped);
          }
          return end(zipped);
        }
        writeHead(status, headers);
        return end(body);
      };
    }
    const raw = new URL(req.url, 'http://localhost').pathname;
    let path;
    try {
      path = decodeURIComponent(raw);
    } catch {
      path = raw; // not a file name: falls through to 404.html
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under the public URL');
      return;
    }
    const replaced = files.get(path.slice(base.length));
    if (replaced) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(replaced);
      return;
    }
    let file = normalize(join(dist, path.slice(base.length)));
    try {
      const inside = file === dist || file.startsWith(`${dist}${sep}`);
      if (!inside || file.includes('\0')) throw new Error('not a file of dist/');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      try {
        const body = await readFile(join(dist, '404.html'));
        res.writeHead(fallbackStatus, { 'content-type': TYPES['.html'] }).end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export function distDir() {
  const dist = process.env.DATELINE_DIST;
  if (!dist) throw new Error('DATELINE_DIST must name the built dist/ folder (see scripts/test.sh)');
  return normalize(dist).replace(new RegExp(`\\${sep}$`), '');
}
