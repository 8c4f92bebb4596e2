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

/** Starts the app once the page has loaded (at once if it has). */
const ONCE_LOADED = [
  "if (document.readyState === 'complete') start();",
  "else addEventListener('load', start, { once: true });",
];

/** When each late variant of the loader starts the app. */
const LATE_STARTS = {
  // The home page: its controls are the app's, so as soon as its first
  // paint is on screen (a frame, then a task). Shown for another address
  // (filters in the query, which the build did not render), the page is
  // not what was asked for, and the app's own render replaces it: at once.
  // A page opened in the background paints no frame: once it has loaded.
  '-after-paint.js': [
    "const rendered = location.search === '' && location.pathname === new URL(document.baseURI).pathname;",
    'if (!rendered) start();',
    "else if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start, 0));",
    `else ${ONCE_LOADED[0]}`,
    ONCE_LOADED[1],
  ],
  // Release and entity pages, complete without the app: once loaded.
  '-after-load.js': ONCE_LOADED,
};

const LINK = /<link\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=\/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/** The attributes of the preload links in `html`'s head, in order. */
export function preloadLinks(html) {
  const end = html.search(/<\/head>|<body\b/i);
  const head = end < 0 ? html : html.slice(0, end);
  const links = [];
  for (const [, attrs] of head.matchAll(LINK)) {
    const parsed = {};
    for (const [, key, raw] of attrs.matchAll(ATTRIBUTE)) {
      const value = raw === undefined ? '' : raw.replace(/^["']|["']$/g, '');
      parsed[key.toLowerCase()] = value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    }
    if (/^(module)?preload$/i.test(parsed.rel ?? '')) links.push(parsed);
  }
  return links;
}

/** The loader `name` started by the statements `when` (which call `start`). */
function lateLoader(links, name, when) {
  return [
    `const links = ${JSON.stringify(links)};`,
    'const start = () => {',
    '  for (const attributes of links) {',
    "    const link = document.createElement('link');",
    '    for (const [key, value] of Object.entries(attributes)) link.setAttribute(key, value);',
    '    document.head.append(link);',
    '  }',
    `  import('./${name}');`,
    '};',
    ...when,
    '',
  ].join('\n');
}

const TAG_WITH_INTEGRITY = /<(?:link|script)\b[^>]*\bintegrity\s*=[^>]*>/gi;

/**
 * `html` with each same-origin `integrity` (on a preload or a script) set to
 * the sha384 of the file as it is now, read by `read(path under the public
 * URL)`: the build rewrites the app's JS glue after Trunk hashed it. Pure,
 * for the tests.
 */
export function withIntegrity(html, publicUrl, read) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return html.replace(TAG_WITH_INTEGRITY, (tag) => {
    const url = /\b(?:href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(tag)?.[1].replace(/^["']|["']$/g, '');
    if (!url || !url.startsWith(base)) return tag;
    const digest = createHash('sha384').update(read(url.slice(base.length))).digest('base64');
    return tag.replace(/\bintegrity\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, `integrity="sha384-${digest}"`);
  });
}

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
      // The same loader, started later: pre-rendered pages use these
      // variants (src/prerender.rs, `AppStart`), without the preloads in
      // their <head>, so that the app's code and data do not compete with
      // the page's own first paint. Each adds the same preloads when it
      // starts, so the code and data still load beside each other.
      const links = preloadLinks(html);
      for (const [suffix, when] of Object.entries(LATE_STARTS)) {
        files.set(name.replace(/\.js$/, suffix), lateLoader(links, name, when));
      }
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
  const checked = withIntegrity(readFileSync(index, 'utf8'), publicUrl, (file) => readFileSync(join(staging, file)));
  const { html, files } = rewrite(checked, publicUrl);
  for (const [name, body] of files) writeFileSync(join(staging, name), body);
  writeFileSync(index, html);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
