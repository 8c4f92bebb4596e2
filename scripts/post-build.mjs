// Content-Security-Policy for the built page, without any inline script.
//
// Trunk writes its wasm loader (and, under `trunk serve`, its autoreload
// script) inline in index.html. This moves every inline <script> into a file
// next to it, named by a hash of its content (`start-<hash>.js` for the module
// loader), and replaces it with <script src>. The page then needs no
// 'unsafe-inline' and no hash in script-src, and a new build changes the file
// name, so long caching is safe. The loader's imports are absolute paths under
// the public URL, so they resolve the same from the external file.
//
// Then a CSP <meta> goes in <head>, right after <meta charset> and before any
// script, stylesheet or <base>:
//   script-src 'self' 'wasm-unsafe-eval'  the app's JS, and compiling its wasm;
//   style-src 'self'                      the stylesheet, no <style> elements;
//   style-src-attr 'unsafe-inline'        style="" attributes Yew sets (the
//                                         histogram's bar heights);
//   img-src 'self' data:; connect-src 'self' (the wasm fetch; same-origin
//   websockets for trunk serve's autoreload);
//   worker-src 'self'                     the import worker, started from its
//                                         same-origin loader file
//                                         (dateline-import_loader.js); the
//                                         worker is not under this page's
//                                         meta policy, so it can load and
//                                         compile its own wasm; nothing else.
// frame-ancestors cannot be set from a <meta>: send it as a header if needed.
//
// Usage: node scripts/post-build.mjs STAGING_DIR PUBLIC_URL
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * Rewrites `html`: inline scripts out into files (returned as `files`, name →
 * content), the CSP meta in. Pure, for the tests.
 */
export function rewrite(html, publicUrl) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const files = new Map();
  let out = html.replace(SCRIPT, (whole, attrs, body) => {
    if (/\ssrc\s*=/i.test(attrs)) return whole;
    const module = /\stype\s*=\s*["']?module\b/i.test(attrs);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const name = `${module ? 'start' : 'inline'}-${hash}.js`;
    files.set(name, body);
    if (module) {
      // The same loader, started once the page has loaded: pre-rendered
      // pages use it (src/prerender.rs), so that the app's code and data do
      // not compete with the page's own first paint. The data files it
      // preloads then, beside the code, as index.html does from the start.
      files.set(name.replace(/\.js$/, '-after-load.js'), [
        'const start = () => {',
        "  for (const file of ['data/index.bin', 'data/l/0.bin']) {",
        "    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: file });",
        "    link.crossOrigin = 'anonymous';",
        '    document.head.append(link);',
        '  }',
        `  import('./${name}');`,
        '};',
        "if (document.readyState === 'complete') start();",
        "else addEventListener('load', start, { once: true });",
        '',
      ].join('\n'));
    }
    // A nonce is pointless once nothing is inline.
    const kept = attrs.replace(/\snonce\s*=\s*("[^"]*"|'[^']*'|\S+)/i, '');
    return `<script${kept} src="${base}${name}"></script>`;
  });
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(out)) {
    throw new Error('index.html already has a Content-Security-Policy meta');
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i;
  if (charset.test(out)) {
    out = out.replace(charset, (m) => `${m}${meta}`);
  } else if (/<head\b[^>]*>/i.test(out)) {
    out = out.replace(/<head\b[^>]*>/i, (m) => `${m}${meta}`);
  } else {
    throw new Error('index.html has no <head>');
  }
  return { html: out, files };
}

function main([staging, publicUrl]) {
  if (!staging || publicUrl === undefined) {
    console.error('usage: node scripts/post-build.mjs STAGING_DIR PUBLIC_URL');
    process.exit(2);
  }
  const index = join(staging, 'index.html');
  const { html, files } = rewrite(readFileSync(index, 'utf8'), publicUrl);
  for (const [name, body] of files) writeFileSync(join(staging, name), body);
  writeFileSync(index, html);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
