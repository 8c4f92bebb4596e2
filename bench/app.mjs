// Real-app benchmark: the built Dateline app (Trunk dist/) in headless
// Chromium, served from localhost under a sub-path with gzip, per corpus size:
// navigation to a usable search box, keystroke to next paint, results
// settled, memory, DOM rows, and the shipped sizes of app code and data.
// Run through scripts/bench-app.sh (which builds the CLI and the app first).
//
// Env: BENCH_APP_SIZES=1000,10000,100000 (a size `built` serves the dist as
//        built, with the data/ its build wrote, without packing records)
//      BENCH_APP_LOADS=5 (page loads per size; BENCH_APP_LOADS_LARGE=3 above 10k)
//      BENCH_APP_GAP_MS=60 (pause between keystrokes)
//      BENCH_APP_DIST=bench/.cache/app-dist (the built app; copied per size)
//      BENCH_APP_PUBLIC_URL=/dateline/ (the --public-url it was built with)
//      BENCH_APP_PACK (shell command writing a size's data files; see below)
//      BENCH_APP_LIST_DATA (regexp on data/ paths: the "list data"; ^data/l/)
//      BENCH_APP_TIMEOUT_S=300 (per page load)  BENCH_DATELINE=path/to/dateline
//      BENCH_APP_NO_DATA_SIZES=1 (no gzip/brotli sizes of data/: at 1M, brotli -q 11
//        of 19,500 files one by one takes the better part of an hour; shown as NaN)
//      BENCH_APP_THROTTLE=9,150 (Mbit/s down and up, round trip in ms: CDP network
//        emulation of every page; results go to app-results-throttled.json)
//      CHROMIUM=/usr/bin/chromium
//
// Writes bench/.cache/app-results.json (merged with earlier runs: one entry
// per size, the latest) and prints the tables (bench/write-app-section.mjs).

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { SESSIONS, records as recordsOf } from './corpora.mjs';
import { pss, renderers } from './processes.mjs';
import { launch as launchChromium } from '../tests/e2e/browser.mjs';
import { TYPES } from '../tests/e2e/server.mjs';
import { report } from './write-app-section.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(root, '..');
const cache = path.join(root, '.cache');
const env = process.env;
const sizes = (env.BENCH_APP_SIZES ?? '1000,10000,100000').split(',').map((s) => s.trim()).filter(Boolean);
const loadsSmall = Number(env.BENCH_APP_LOADS ?? 5);
const loadsLarge = Number(env.BENCH_APP_LOADS_LARGE ?? 3);
const gapMs = Number(env.BENCH_APP_GAP_MS ?? 60);
const baseDist = path.resolve(repo, env.BENCH_APP_DIST ?? 'bench/.cache/app-dist');
const publicUrl = (env.BENCH_APP_PUBLIC_URL ?? '/dateline/').replace(/\/?$/, '/');
const timeoutMs = Number(env.BENCH_APP_TIMEOUT_S ?? 300) * 1000;
const dateline = env.BENCH_DATELINE ?? path.join(repo, 'target', 'release', 'dateline');
// The "list data": what the result list needs (default: the pieces data/l/*).
const listDataRe = new RegExp(env.BENCH_APP_LIST_DATA ?? '^data/l/');
// How a size's data files are written: run by bash with $DATELINE (the CLI),
// $RECORDS (records-N.json), $OUT (the data/ folder of this size's copy of
// the dist, replaced wholesale) and $N. scripts/bench-app.sh sets the same.
const PACK = env.BENCH_APP_PACK ?? '"$DATELINE" pack --records "$RECORDS" --out "$OUT"';
// Network emulation (BENCH_APP_THROTTLE=Mbit/s,round trip ms), or none.
const throttle = env.BENCH_APP_THROTTLE
  ? (([mbit, rtt]) => ({ mbit: Number(mbit), rttMs: Number(rtt) }))(env.BENCH_APP_THROTTLE.split(','))
  : null;
const log = (...a) => console.error('[bench-app]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- corpora

/// The dist to serve for one size: a copy of the built app with its data/
/// written by PACK from the records. `built`: the built dist as it is.
function prepare(size) {
  if (!fs.existsSync(path.join(baseDist, 'index.html'))) {
    throw new Error(`no built app in ${baseDist} (run scripts/bench-app.sh, or set BENCH_APP_DIST)`);
  }
  if (size === 'built') return { dist: baseDist, n: null, packS: null };
  const n = Number(size);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bad size ${size}`);
  const recs = recordsOf(n, dateline);
  const dist = path.join(cache, `app-dist-${n}`);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(baseDist, dist, { recursive: true });
  const out = path.join(dist, 'data');
  log(`${n}: packing data (${PACK})`);
  const t0 = Date.now();
  const r = spawnSync('bash', ['-c', PACK], {
    env: { ...env, DATELINE: dateline, RECORDS: recs, OUT: out, N: String(n) },
    stdio: ['ignore', 'inherit', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const packS = (Date.now() - t0) / 1000;
  if (r.status !== 0) {
    const err = (r.stderr?.toString() ?? '').trim().split('\n').slice(-3).join(' / ');
    throw new Error(`data could not be built (exit ${r.status ?? r.signal}): ${err || r.error?.message || 'no message'}`);
  }
  if (!fs.existsSync(out)) throw new Error(`the pack command wrote no ${path.relative(repo, out)}/`);
  const recCount = JSON.parse(fs.readFileSync(recs, 'utf8')).length;
  return { dist, n: recCount, packS };
}

// ---------------------------------------------------------------- sizes

// gzip -9 and brotli -q 11 sizes by content hash, kept across runs: brotli
// -q 11 of the 100k data (390 MB) takes minutes, and packing is deterministic.
const sizeCacheFile = path.join(cache, 'app-sizes-cache.json');
let sizeCache = null;

function compressed(file) {
  sizeCache ??= fs.existsSync(sizeCacheFile) ? JSON.parse(fs.readFileSync(sizeCacheFile, 'utf8')) : {};
  const bytes = fs.readFileSync(file);
  const raw = bytes.length;
  if (env.BENCH_APP_NO_DATA_SIZES && file.split(path.sep).includes('data')) return { raw, gzip: NaN, brotli: NaN };
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (sizeCache[hash]) return { raw, ...sizeCache[hash] };
  const run = (cmd, args, fallback) => {
    try {
      // Under nice: sizes do not depend on timing, and brotli -q 11 is slow.
      return execFileSync('nice', ['-n', '10', cmd, ...args, file], { maxBuffer: 4 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).length;
    } catch {
      return fallback(bytes).length;
    }
  };
  const gzip = run('gzip', ['-9', '-c'], (b) => zlib.gzipSync(b, { level: 9 }));
  const brotli = run('brotli', ['-q', '11', '-c'], (b) =>
    zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  sizeCache[hash] = { gzip, brotli };
  return { raw, gzip, brotli };
}

function saveSizeCache() {
  if (sizeCache) fs.writeFileSync(sizeCacheFile, JSON.stringify(sizeCache));
}

const sum = (files, k) => files.reduce((a, f) => a + f[k], 0);

/// The app code (wasm and js at the top of the dist, but the import worker) and the css.
function appSizes(dist) {
  const files = fs
    .readdirSync(dist)
    .filter((f) => /\.(wasm|js|css)$/.test(f))
    .sort()
    .map((f) => ({ file: f, ...compressed(path.join(dist, f)) }));
  // The import worker (dateline-import*) is fetched only when a visitor imports files.
  const code = files.filter((f) => /\.(wasm|js)$/.test(f.file) && !f.file.startsWith('dateline-import'));
  return {
    files,
    code: { raw: sum(code, 'raw'), gzip: sum(code, 'gzip'), brotli: sum(code, 'brotli') },
  };
}

function walk(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p)];
  });
}

/// Every file in dist/data/, and the total.
function dataSizes(dist) {
  const dir = path.join(dist, 'data');
  const files = walk(dir)
    .sort()
    .map((f) => ({ file: `data/${f.split(path.sep).join('/')}`, ...compressed(path.join(dir, f)) }));
  return { files, total: { raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') } };
}

// ---------------------------------------------------------------- server

/// A static host for `dist` under `publicUrl`, as tests/e2e/server.mjs
/// (files as they are, 404.html for unknown paths, gzip for clients that
/// accept it), except that every file is gzipped once up front, as a real
/// host or CDN caches it, so that compressing large data files on each
/// request does not count in the page's load time.
async function serve(dist) {
  const files = new Map();
  for (const rel of walk(dist)) {
    const body = fs.readFileSync(path.join(dist, rel));
    const gz = body.length > 256 ? zlib.gzipSync(body) : null;
    files.set(rel.split(path.sep).join('/'), { body, gz, type: TYPES[path.extname(rel)] ?? 'application/octet-stream' });
  }
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let status = 200;
    let f;
    if (p.startsWith(publicUrl)) {
      p = p.slice(publicUrl.length);
      f = files.get(p) ?? files.get(`${p}${p && !p.endsWith('/') ? '/' : ''}index.html`);
    }
    if (!f) {
      f = files.get('404.html');
      status = 404;
      if (!f) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    const headers = { 'content-type': f.type, 'cache-control': 'no-cache' };
    if (f.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': f.gz.length });
      res.end(f.gz);
    } else {
      res.writeHead(status, { ...headers, 'content-length': f.body.length });
      res.end(f.body);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}${publicUrl}`, close: () => new Promise((r) => server.close(r)) };
}

// ---------------------------------------------------------------- keystrokes

/// The search benchmark's log (bench/run.mjs `keystrokes()`): 200 keystrokes,
/// 15 words and phrases typed one character at a time (every prefix a
/// query), some with a facet selected. Here grouped into queries: each
/// query is typed into an empty box after its facets are set.
function queries() {
  const out = [];
  let keys = 0;
  for (const [words, facets = {}] of SESSIONS) {
    let typed = '';
    for (let i = 1; i <= words.length && keys < 200; i++) {
      if (!words.slice(0, i).trim()) continue;
      typed = words.slice(0, i);
      keys++;
    }
    if (typed) out.push({ text: typed, facets });
  }
  if (keys !== 200) throw new Error(`keystroke log has ${keys} keystrokes, want 200`);
  return out;
}

// ---------------------------------------------------------------- browser

// The browser carries a marker switch (ignored by Chromium) so that its
// renderer processes can be found among other Chromiums on the machine.
const marker = `--dateline-bench-app=${process.pid}`;

// Flags of tests/e2e/browser.mjs, plus precise memory, a GC to call and the marker.
function launch() {
  return launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc', marker]);
}

/// Installed before any script of the page: records keydowns with the time of
/// the next paint after them (rAF, then a MessageChannel task: after the
/// frame's rendering), Event Timing entries, mutations of the results region
/// (for "settled" and the row count), the wasm exports (Trunk's
/// TrunkApplicationStarted) and, as a fallback for the dateline-usable mark,
/// the first moment the search box is enabled with a count shown.
function probe() {
  const B = {
    keys: [],
    et: [],
    lastMut: 0,
    lastKey: 0,
    mutations: 0,
    maxCards: 0,
    maxItems: 0,
    measure: false,
    usablePoll: null,
    started: null,
    wasm: null,
    etError: null,
  };
  window.__bench = B;
  addEventListener('TrunkApplicationStarted', (e) => {
    B.started = performance.now();
    B.wasm = (e.detail && e.detail.wasm) || null;
  });
  B.rows = () => {
    const cards = document.querySelectorAll('article.release-card').length;
    const items = document.querySelectorAll('[role=listitem], li.release-item').length;
    if (cards > B.maxCards) B.maxCards = cards;
    if (items > B.maxItems) B.maxItems = items;
    return { cards, items };
  };
  B.count = () => {
    const el = document.querySelector('p.result-count[role=status]');
    return el ? el.textContent.trim() : null;
  };
  const usableNow = () => {
    const input = document.getElementById('search-input');
    const text = B.count();
    if (!input || input.disabled || !text) return false;
    return (text.replace(/[,\u202f\u00a0]/g, '').match(/\d+/g) ?? []).some((d) => Number(d) > 0);
  };
  const inResults = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !!(el && el.closest('p.result-count, section.results, .release-list'));
  };
  new MutationObserver((records) => {
    const now = performance.now();
    if (B.usablePoll == null && usableNow()) B.usablePoll = now;
    for (const r of records) {
      if (inResults(r.target)) {
        B.lastMut = now;
        B.mutations++;
        B.rows();
        break;
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  addEventListener(
    'keydown',
    (e) => {
      const rec = { key: e.key, t: e.timeStamp, measured: B.measure, phase: B.phase ?? null, paint: null };
      B.keys.push(rec);
      B.lastKey = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          rec.paint = performance.now();
          B.rows();
        };
        ch.port2.postMessage(null);
      });
    },
    { capture: true },
  );
  try {
    const push = (list) => {
      for (const e of list) {
        B.et.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId || 0 });
      }
    };
    const po = new PerformanceObserver((l) => push(l.getEntries()));
    po.observe({ type: 'event', buffered: true, durationThreshold: 16 });
    B.flushEt = () => push(po.takeRecords());
  } catch (err) {
    B.etError = String(err);
    B.flushEt = () => {};
  }
}

/// Waits until neither the results region nor the keyboard has moved for
/// `quietMs` (at most `maxMs`); true when it got quiet.
async function quiet(page, quietMs, maxMs) {
  const t0 = Date.now();
  for (;;) {
    const idle = await page.evaluate(() => performance.now() - Math.max(window.__bench.lastMut, window.__bench.lastKey));
    if (idle >= quietMs) return true;
    if (Date.now() - t0 > maxMs) return false;
    await sleep(Math.max(20, Math.min(100, quietMs - idle)));
  }
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  const inPage = await page.evaluate(() => ({
    wasm: window.__bench.wasm?.memory?.buffer?.byteLength ?? null,
    perfMemory: performance.memory?.usedJSHeapSize ?? null,
    // Built with the app's feature `alloc-probe`: [live, peak] heap bytes.
    heap: window.wasmBindings?.alloc_probe?.(false) ?? null,
  }));
  const heap = inPage.heap ? { heapLive: inPage.heap[0], heapPeak: inPage.heap[1] } : {};
  return { jsHeap: jsHeap ?? inPage.perfMemory, wasm: inPage.wasm, ...heap };
}

/// One page load in a fresh context (a first visit: empty cache). Returns the
/// timings, and the open page when `keep`.
async function load(browser, url, keep) {
  const before = renderers(marker);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  // Network-level too: a worker's fetches are not in the page's resource timing.
  const finished = [];
  context.on('requestfinished', (req) => finished.push(new URL(req.url()).pathname));
  let atUsable = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (throttle) {
    // Bytes per second both ways; `latency` is added to each request's
    // round trip (Chrome DevTools' own throttling presets work the same way).
    const bytesPerS = (throttle.mbit * 1e6) / 8;
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttle.rttMs,
      downloadThroughput: bytesPerS,
      uploadThroughput: bytesPerS,
    });
  }
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    // Usable, or the app's error view ("Dateline could not start"): fail fast.
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('dateline-usable', 'mark').length > 0 ||
        window.__bench.usablePoll != null ||
        !!document.querySelector('.error-view'),
      null,
      { timeout: timeoutMs, polling: 20 },
    );
    const failed = await page.evaluate(() => {
      const view = document.querySelector('.error-view');
      return view ? [...view.children].map((c) => c.textContent.trim()).join(': ') : null;
    });
    if (failed) throw new Error(`the app shows its error view: ${failed.replace(/\s+/g, ' ')}`);
    atUsable = [...finished];
    // The mark, when the app sets it, may come a little after the box is enabled.
    await page
      .waitForFunction(() => performance.getEntriesByName('dateline-usable', 'mark').length > 0, null, {
        timeout: 1000,
        polling: 20,
      })
      .catch(() => {});
  } catch (e) {
    const detail = errors.length ? ` (page errors: ${errors.slice(0, 3).join(' / ')})` : '';
    await context.close();
    throw new Error(`page never became usable: ${e.message.split('\n')[0]}${detail}`, { cause: e });
  }
  const r = await page.evaluate(() => {
    const mark = performance.getEntriesByName('dateline-usable', 'mark')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) {
      if (m.name.startsWith('dateline-') && !(m.name in marks)) marks[m.name] = m.startTime;
    }
    const usableMs = mark ? mark.startTime : window.__bench.usablePoll;
    const resources = performance.getEntriesByType('resource').map((e) => ({
      name: new URL(e.name).pathname,
      start: e.startTime,
      end: e.responseEnd,
      transfer: e.transferSize,
      encoded: e.encodedBodySize,
      decoded: e.decodedBodySize,
    }));
    return {
      usableMs,
      via: mark ? 'mark' : 'poll',
      pollMs: window.__bench.usablePoll,
      marks,
      startedMs: window.__bench.started,
      responseEnd: nav?.responseEnd ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      resources,
    };
  });
  // The count shown once usable gives the corpus the app loaded.
  await page
    .waitForFunction(() => /\d/.test(window.__bench.count() ?? ''), null, { timeout: 10_000, polling: 50 })
    .catch(() => {});
  r.countText = await page.evaluate(() => window.__bench.count());
  const nums = (r.countText ?? '').replace(/[,\u202f\u00a0]/g, '').match(/\d+/g) ?? [];
  r.releases = nums.length ? Number(nums[nums.length - 1]) : null;
  r.errors = errors.slice(0, 5);
  const data = `${publicUrl}data/`;
  r.dataAtUsable = [
    ...new Set([
      ...atUsable.filter((p) => p.startsWith(data)),
      ...r.resources.filter((e) => e.name.startsWith(data) && e.end <= r.usableMs + 1).map((e) => e.name),
    ]),
  ].map((p) => p.slice(publicUrl.length));
  r.dataRequested = [...new Set(finished.filter((p) => p.startsWith(data)))].map((p) => p.slice(publicUrl.length));
  r.pids = [...renderers(marker)].filter((p) => !before.has(p));
  if (!keep) {
    await context.close();
    return { r };
  }
  return { r, page, context, cdp };
}

/// Selects (want) or deselects one facet value like a reader: its checkbox in
/// the sidebar, after "Show all" when it is folded away; failing that, the URL
/// (pushState and a popstate, which the router follows without a reload).
async function setFacet(page, param, key, want) {
  const id = `facet-${param}-${key}`;
  const box = page.locator(`[id="${id}"]`);
  if (!(await box.count())) {
    const more = page.locator(`fieldset.facet:has(input[id^="facet-${param}-"]) button[aria-expanded="false"]`);
    if (await more.count()) await more.first().click({ timeout: 5000 }).catch(() => {});
  }
  if (await box.count()) {
    try {
      if ((await box.isChecked()) !== want) await box.click({ timeout: 5000 });
      return 'click';
    } catch {
      try {
        await page.locator(`label[for="${id}"]`).click({ timeout: 5000 });
        return 'click';
      } catch {
        // fall through to the URL
      }
    }
  }
  await page.evaluate(
    ([param, key, want]) => {
      const url = new URL(location.href);
      if (want) url.searchParams.set(param, key);
      else url.searchParams.delete(param);
      history.pushState(history.state, '', url);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    },
    [param, key, want],
  );
  return 'url';
}

function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const median = (v) => percentile(v, 50);

/// Replays the keystroke log with real key events into #search-input.
async function replay(page, qs) {
  const facets = {};
  const facetVia = {};
  const settled = [];
  const perQuery = [];
  let mismatches = 0;
  const input = page.locator('#search-input');
  for (const q of qs) {
    await page.evaluate(() => (window.__bench.measure = false));
    await input.focus();
    if (await input.inputValue()) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
    }
    await quiet(page, 200, 30_000);
    for (const param of ['country', 'topic']) {
      const want = q.facets[param];
      if (facets[param] && facets[param] !== want) {
        const via = await setFacet(page, param, facets[param], false);
        facetVia[via] = (facetVia[via] ?? 0) + 1;
        delete facets[param];
        await quiet(page, 200, 30_000);
      }
      if (want && facets[param] !== want) {
        const via = await setFacet(page, param, want, true);
        facetVia[via] = (facetVia[via] ?? 0) + 1;
        facets[param] = want;
        await quiet(page, 200, 30_000);
      }
    }
    await quiet(page, 300, 30_000);
    await input.focus();
    await page.evaluate(() => (window.__bench.measure = true));
    const chars = [...q.text];
    for (let i = 0; i < chars.length; i++) {
      await page.keyboard.type(chars[i]);
      if (i < chars.length - 1) await sleep(gapMs);
    }
    await page.evaluate(() => (window.__bench.measure = false));
    const calm = await quiet(page, 1000, 60_000);
    const s = await page.evaluate(() => {
      const keys = window.__bench.keys.filter((k) => k.measured);
      const last = keys[keys.length - 1];
      return { lastKey: last?.t ?? null, paint: last?.paint ?? null, lastMut: window.__bench.lastMut, count: window.__bench.count() };
    });
    // A build with the app's feature `alloc-probe`: the wasm heap's live
    // bytes after the query, and its peak while the query was typed.
    const heap = await page.evaluate(() => {
      const probe = window.wasmBindings?.alloc_probe?.(true);
      const memory = window.__bench.wasm?.memory?.buffer?.byteLength ?? null;
      return probe ? { live: probe[0], peak: probe[1], memory } : null;
    });
    const value = await input.inputValue();
    if (value !== q.text) mismatches++;
    // The last mutation of the results after the last key; when that key
    // changed nothing there (same hits), the results were settled when it painted.
    const mutMs = s.lastKey != null && s.lastMut > s.lastKey ? s.lastMut - s.lastKey : null;
    const paintMs = s.lastKey != null && s.paint != null ? s.paint - s.lastKey : null;
    const ms = mutMs != null && paintMs != null ? Math.max(mutMs, paintMs) : (mutMs ?? paintMs);
    if (ms != null) settled.push(ms);
    perQuery.push({
      text: q.text,
      facets: q.facets,
      settledMs: ms,
      ...(heap ? { heap } : {}),
      lastMutationMs: mutMs,
      calm,
      count: s.count,
      typed: value === q.text ? undefined : value,
    });
  }
  const mutated = perQuery.filter((q) => q.lastMutationMs != null).length;
  return { settled, perQuery, mismatches, facetVia, mutated };
}

/// Keystroke figures from the page's records: in-page keydown → next paint,
/// and Event Timing (max duration of the entries of each keystroke's
/// interaction; a keystroke with no entry took under 16 ms).
async function keystrokeStats(page, qs) {
  await sleep(500);
  const { keys, et, etError } = await page.evaluate(() => {
    window.__bench.flushEt();
    return { keys: window.__bench.keys, et: window.__bench.et, etError: window.__bench.etError };
  });
  const measured = keys.filter((k) => k.measured);
  const paint = measured.filter((k) => k.paint != null).map((k) => k.paint - k.t);
  const names = new Set(['keydown', 'keypress', 'input', 'keyup', 'beforeinput']);
  const events = et.filter((e) => names.has(e.name));
  const etLatency = [];
  let reported = 0;
  for (const k of measured) {
    const next = keys.find((x) => x.t > k.t)?.t ?? Infinity;
    const down = events.find((e) => e.name === 'keydown' && Math.abs(e.start - k.t) < 1);
    const id = down?.id || null;
    const mine = events.filter(
      (e) => (id && e.id === id) || (!e.id && e.start >= k.t - 1 && e.start < next) || e === down,
    );
    if (mine.length) {
      reported++;
      etLatency.push(Math.max(...mine.map((e) => e.duration)));
    } else {
      etLatency.push(0); // not reported: under 16 ms
    }
  }
  // Per keystroke: the text in the box after it, next paint and Event Timing (0: <16 ms).
  const typed = qs.flatMap((q) => [...q.text].map((_, i) => [...q.text].slice(0, i + 1).join('')));
  const perKey =
    typed.length === measured.length
      ? measured.map((k, i) => [typed[i], k.paint == null ? null : +(k.paint - k.t).toFixed(1), +etLatency[i].toFixed(0)])
      : null;
  const et95 = percentile(etLatency, 95);
  const et50 = percentile(etLatency, 50);
  return {
    keystrokes: measured.length,
    paint: {
      p50: percentile(paint, 50),
      p95: percentile(paint, 95),
      max: paint.length ? Math.max(...paint) : null,
      n: paint.length,
    },
    eventTiming: {
      // 0 stands for "under 16 ms" (Event Timing reports only >= 16 ms, in 8 ms steps).
      p50: et50,
      p95: et95,
      max: etLatency.length ? Math.max(...etLatency) : null,
      reported,
      error: etError,
    },
    perKey,
  };
}

/// Timeline interactions by keyboard, as a visitor zooms and pans the
/// histogram and switches the compare chart between counts and share:
/// keydown → next paint of each, on the home page with two compare series.
/// Focus is put back on the histogram's current bar (no key) before each
/// zoom or pan key, since a zoom redraws the bars.
async function timelineInteractions(page, url, rounds) {
  await page.goto(`${url}?series=trafficking&series=smuggling`, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForSelector('.bars .bar[tabindex="0"]', { timeout: timeoutMs });
  await page.waitForSelector('input[name=compare-scale]', { timeout: timeoutMs });
  await quiet(page, 500, 30_000);
  const moves = ['=', '=', 'Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowRight', '-', '-'];
  const press = async (phase, key) => {
    await page.evaluate((ph) => {
      window.__bench.phase = ph;
      window.__bench.measure = false;
    }, phase);
    await page.keyboard.press(key);
    await quiet(page, 150, 10_000);
  };
  let unmoved = 0; // zoom and pan keys that left the URL (the view) as it was
  for (let r = 0; r < rounds; r++) {
    for (const key of moves) {
      const bar = page.locator('.bars .bar[tabindex="0"]');
      if (await bar.count()) await bar.first().focus();
      const before = page.url();
      await press('zoom-pan', key);
      if (page.url() === before) { unmoved++; if (env.BENCH_APP_DEBUG) log(`no move: ${key} at ${before}`); }
    }
    const checked = page.locator('input[name=compare-scale]:checked');
    await checked.focus();
    await press('compare', r % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await press('compare', r % 2 === 0 ? 'ArrowLeft' : 'ArrowRight');
  }
  await sleep(300);
  const keys = await page.evaluate(() => window.__bench.keys.filter((k) => k.phase));
  const stats = (phase) => {
    const v = keys
      .filter((k) => (phase ? k.phase === phase : true) && k.key !== 'Shift' && k.paint != null)
      .map((k) => k.paint - k.t);
    return { p50: percentile(v, 50), p95: percentile(v, 95), max: v.length ? Math.max(...v) : null, n: v.length };
  };
  await page.evaluate(() => (window.__bench.phase = null));
  if (unmoved) log(`WARNING ${unmoved} zoom or pan keys left the view as it was`);
  return { all: stats(null), zoomPan: stats('zoom-pan'), compare: stats('compare'), rounds, unmoved };
}

async function benchSize(browser, size, qs) {
  const t0 = Date.now();
  const prep = prepare(size);
  const app = appSizes(prep.dist);
  const data = dataSizes(prep.dist);
  saveSizeCache();
  const server = await serve(prep.dist);
  const large = prep.n != null && prep.n > 10_000;
  const nLoads = Math.max(1, large ? loadsLarge : loadsSmall);
  const loads = [];
  let kept;
  try {
    for (let i = 0; i < nLoads; i++) {
      const { r, page, context, cdp } = await load(browser, server.url, i === nLoads - 1);
      log(`${size}: load ${i + 1}/${nLoads}: usable ${r.usableMs?.toFixed(0)} ms (${r.via}), "${r.countText}"`);
      loads.push(r);
      if (page) kept = { page, context, cdp, pids: r.pids };
    }
    const { page, context, cdp, pids } = kept;
    const n = prep.n ?? loads.at(-1).releases;
    const shown = loads.at(-1).releases;
    if (prep.n != null && shown !== prep.n) log(`${size}: WARNING the app shows ${shown} releases, the data has ${prep.n}`);
    await quiet(page, 500, 30_000);
    const memUsable = await memory(page, cdp);
    const pssUsable = pss(pids);

    log(`${size}: replaying ${qs.length} queries`);
    const rep = await replay(page, qs);
    const keys = await keystrokeStats(page, qs);
    const rowsReplay = await page.evaluate(() => ({ cards: window.__bench.maxCards, items: window.__bench.maxItems }));
    // Marks set later than the loads waited (e.g. after lazy data): from this page.
    const lateMarks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('dateline-'))
          .map((m) => [m.name, m.startTime]),
      ),
    );

    // All releases, scrolled to the bottom of the list.
    const input = page.locator('#search-input');
    await input.focus();
    if (await input.inputValue()) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
    }
    await quiet(page, 300, 30_000);
    for (const [param, key] of Object.entries(await page.evaluate(() => Object.fromEntries(new URL(location.href).searchParams)))) {
      if (param === 'country' || param === 'topic') await setFacet(page, param, key, false);
      await quiet(page, 300, 30_000);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await quiet(page, 500, 30_000);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await quiet(page, 500, 30_000);
    const rowsBottom = await page.evaluate(() => ({
      ...window.__bench.rows(),
      count: window.__bench.count(),
      scrollY: Math.round(scrollY),
      height: document.documentElement.scrollHeight,
    }));
    const memAfter = await memory(page, cdp);
    const pssAfter = pss(pids);
    log(`${size}: timeline interactions`);
    const interactions = await timelineInteractions(page, server.url, 4).catch((e) => ({ error: String(e) }));
    const errors = [...new Set(loads.flatMap((l) => l.errors))].slice(0, 5);
    await context.close();

    // The data files fetched before usable in at least half the loads.
    const first = loads[0];
    const seen = {};
    for (const f of loads.flatMap((l) => l.dataAtUsable)) seen[f] = (seen[f] ?? 0) + 1;
    const startupNames = new Set(Object.keys(seen).filter((f) => seen[f] * 2 >= loads.length));
    const pick = (files) =>
      files.length
        ? { files: files.map((f) => f.file), raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') }
        : null;
    const list = pick(data.files.filter((f) => listDataRe.test(f.file)));
    const startup = pick(data.files.filter((f) => startupNames.has(f.file)));
    const markNames = [...new Set([...loads.flatMap((l) => Object.keys(l.marks)), ...Object.keys(lateMarks)])];
    const result = {
      size,
      n,
      releasesShown: shown,
      ok: true,
      date: new Date().toISOString(),
      run: runStarted,
      dist: path.relative(repo, prep.dist),
      appBuild: app.files.find((f) => f.file.endsWith('.wasm'))?.file ?? null,
      packS: prep.packS,
      usable: {
        median: median(loads.map((l) => l.usableMs)),
        min: Math.min(...loads.map((l) => l.usableMs)),
        max: Math.max(...loads.map((l) => l.usableMs)),
        loads: loads.length,
        via: [...new Set(loads.map((l) => l.via))].join('/'),
        samples: loads.map((l) => l.usableMs),
        marks: Object.fromEntries(
          markNames.map((k) => [k, median(loads.map((l) => l.marks[k]).filter((v) => v != null)) ?? lateMarks[k]]),
        ),
        trunkStarted: median(loads.map((l) => l.startedMs).filter((v) => v != null)),
        domContentLoaded: median(loads.map((l) => l.domContentLoaded).filter((v) => v != null)),
      },
      dataAtUsable: [...startupNames],
      dataRequested: [...new Set(loads.flatMap((l) => l.dataRequested))],
      resources: first.resources.filter((e) => /\.(wasm|js)$/.test(e.name) || e.name.startsWith(`${publicUrl}data/`)),
      keys,
      settled: {
        p50: percentile(rep.settled, 50),
        p95: percentile(rep.settled, 95),
        max: rep.settled.length ? Math.max(...rep.settled) : null,
        queries: rep.settled.length,
        mutated: rep.mutated,
      },
      queries: rep.perQuery,
      typedMismatches: rep.mismatches,
      facetVia: rep.facetVia,
      memory: {
        usable: { ...memUsable, rendererPss: pssUsable },
        after: { ...memAfter, rendererPss: pssAfter },
      },
      rows: { replay: rowsReplay, bottom: rowsBottom },
      interactions,
      app,
      data: { ...data, list, startup },
      gapMs,
      errors,
      seconds: Math.round((Date.now() - t0) / 1000),
    };
    log(
      `${size}: usable ${result.usable.median?.toFixed(0)} ms, paint p95 ${keys.paint.p95?.toFixed(1)} ms, ` +
        `settled p95 ${result.settled.p95?.toFixed(0)} ms, rows ${Math.max(rowsReplay.cards, rowsBottom.cards)}, ` +
        `timeline interactions p95 ${interactions.all?.p95?.toFixed(1)} ms (n ${interactions.all?.n ?? interactions.error})`,
    );
    return result;
  } finally {
    if (kept) await kept.context.close().catch(() => {});
    await server.close();
  }
}

// ---------------------------------------------------------------- main

const runStarted = new Date().toISOString();
const machine = () => ({
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
  ramGB: Math.round(os.totalmem() / 2 ** 30),
  load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
});

fs.mkdirSync(cache, { recursive: true });
const qs = queries();
const resultsFile = path.join(cache, throttle ? 'app-results-throttled.json' : 'app-results.json');
const earlier = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
let results = earlier.results ?? [];
const browser = await launch();
const meta = {
  chromium: browser.version(),
  publicUrl,
  viewport: '1280×800',
  keystrokes: qs.reduce((a, q) => a + [...q.text].length, 0),
  queries: qs.length,
  gapMs,
  throttle,
  runStarted,
  machineStart: machine(),
};
const order = (s) => (s === 'built' ? 0 : Number(s));
try {
  for (const size of sizes) {
    let r;
    try {
      r = await benchSize(browser, size, qs);
    } catch (e) {
      log(`${size}: skipped: ${e.message}`);
      r = { size, ok: false, error: e.message, date: new Date().toISOString(), run: runStarted };
    }
    results = [...results.filter((x) => String(x.size) !== String(size)), r].sort((a, b) => order(a.size) - order(b.size));
    fs.writeFileSync(resultsFile, JSON.stringify({ meta: { ...meta, machine: machine() }, results }, null, 2));
  }
} finally {
  await browser.close();
}
// Earlier entries of other sizes stay only when measured on the same app build
// (the wasm's file name carries a hash of its content).
const build = fs.existsSync(baseDist) ? fs.readdirSync(baseDist).find((f) => f.endsWith('.wasm')) : undefined;
results = results.filter((r) => sizes.includes(String(r.size)) || (build && r.appBuild === build));
meta.machine = machine();
fs.writeFileSync(resultsFile, JSON.stringify({ meta, results }, null, 2));
console.log(report({ meta, results }));
