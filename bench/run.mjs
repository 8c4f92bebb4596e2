// Search benchmark: Dateline's engine (wasm) vs MiniSearch, FlexSearch and
// Pagefind, in headless Chromium, on the same synthetic corpus.
// Run through scripts/bench-search.sh (which builds the engine first).
//
// Env: BENCH_SIZES=1000,10000,100000  BENCH_ENGINES=dateline,minisearch,...
//      BENCH_PASSES=2 (timed passes up to 10k records)  BENCH_PASSES_LARGE=1 (above 10k)
//      BENCH_WARMUP_LARGE=20 (warm-up keystrokes above 10k; a full pass below)
//      BENCH_DATELINE=path/to/dateline (CLI binary)  CHROMIUM=/usr/bin/chromium
//
// Writes bench/.cache/results.json (merged with earlier runs: one entry per
// corpus size, the latest) and bench/.cache/results.md (the table).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { keystrokes, records as recordsOf } from './corpora.mjs';
import { pss, renderers } from './processes.mjs';
import { launch as launchChromium } from '../tests/e2e/browser.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const cache = path.join(root, '.cache');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const passesSmall = Number(process.env.BENCH_PASSES ?? 2);
const passesLarge = Number(process.env.BENCH_PASSES_LARGE ?? 1);
const warmupLarge = Number(process.env.BENCH_WARMUP_LARGE ?? 20);
const engines = (process.env.BENCH_ENGINES ?? 'dateline,minisearch,flexsearch,pagefind').split(',');
const dateline = process.env.BENCH_DATELINE ?? path.join(root, '..', 'target', 'release', 'dateline');
const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------- corpora

/// The corpus folder the pages read: records.json (Dateline), docs.json (the
/// peers: title, body, facet keys) and pagefind/ (the Pagefind bundle).
async function corpus(n) {
  const dir = path.join(cache, `corpus-${n}`);
  const done = path.join(dir, 'DONE');
  // Dateline's files, as the app's build writes them (rewritten every run:
  // they follow the engine's format).
  execFileSync(dateline, ['pack', '--records', recordsOf(n, dateline), '--out', path.join(dir, 'pack')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8'));
  fs.mkdirSync(dir, { recursive: true });
  const src = recordsOf(n, dateline);
  const recs = JSON.parse(fs.readFileSync(src, 'utf8'));
  fs.copyFileSync(src, path.join(dir, 'records.json'));
  const docs = recs.map((r, id) => ({
    id,
    title: r.title,
    body: r.body.join('\n'),
    country: [...new Set(r.countries.map((c) => c.code.trim().toUpperCase()))],
    topic: r.topics,
  }));
  fs.writeFileSync(path.join(dir, 'docs.json'), JSON.stringify(docs));

  log(`building the Pagefind bundle for ${recs.length} records`);
  const pagefind = await import('pagefind');
  const t0 = performance.now();
  const { index } = await pagefind.createIndex({});
  for (const d of docs) {
    const { errors } = await index.addCustomRecord({
      url: `/r/${d.id}`,
      content: `${d.title}\n${d.body}`,
      language: 'en',
      meta: { title: d.title },
      filters: { country: d.country, topic: d.topic },
    });
    if (errors.length) throw new Error(errors.join('; '));
  }
  const out = path.join(dir, 'pagefind');
  fs.rmSync(out, { recursive: true, force: true });
  const { errors } = await index.writeFiles({ outputPath: out });
  if (errors.length) throw new Error(errors.join('; '));
  await pagefind.close();
  const info = {
    n: recs.length,
    recordsBytes: fs.statSync(path.join(dir, 'records.json')).size,
    docsBytes: fs.statSync(path.join(dir, 'docs.json')).size,
    pagefindBuildS: (performance.now() - t0) / 1000,
    pagefindBytes: Number(execFileSync('du', ['-sb', out]).toString().split('\t')[0]),
  };
  fs.writeFileSync(done, JSON.stringify(info));
  return info;
}

// ---------------------------------------------------------------- keystrokes

// ---------------------------------------------------------------- server

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
        // Cross-origin isolation: enables performance.measureUserAgentSpecificMemory.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------- browser

// Flags of tests/e2e/browser.mjs, plus precise memory, a GC to call and the marker.
function launch() {
  return launchChromium(['--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory', '--js-flags=--expose-gc', marker]);
}

// The browser carries a marker switch (ignored by Chromium) so that its
// renderer processes can be found among other Chromiums on the machine.
const marker = `--dateline-bench-run=${process.pid}`;

const withTimeout = (p, ms) => Promise.race([p, new Promise((r) => setTimeout(() => r(null), ms))]);

/// After a GC: JS heap of the page's main thread (CDP), the engine's wasm
/// memory, measureUserAgentSpecificMemory (JS heaps of the page and its
/// workers and DOM, but in this Chromium no wasm memory nor ArrayBuffers), and
/// the PSS of the page's renderer process (everything: heaps, worker, wasm,
/// plus the renderer's own baseline, measured on a blank page).
async function memory(page, cdp, pids) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  const wasm = await page.evaluate(() => window.__wasmBytes());
  const total = await withTimeout(
    page.evaluate(async () =>
      self.crossOriginIsolated && performance.measureUserAgentSpecificMemory
        ? performance.measureUserAgentSpecificMemory().then((m) => ({
            bytes: m.bytes,
            breakdown: m.breakdown
              .filter((b) => b.bytes > 0)
              .map((b) => ({ bytes: b.bytes, types: b.types, scope: b.attribution.map((a) => a.scope) })),
          }))
        : null,
    ),
    60_000,
  );
  return { jsHeap, wasm, total: total?.bytes ?? null, breakdown: total?.breakdown, rendererPss: pss(pids) };
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/// Pagefind spends a second or more per keystroke above 10k records (a
/// 100k pass ran past 20 minutes): there it runs only when BENCH_ENGINES names it.
function enginesFor(n) {
  return n > 10_000 && !process.env.BENCH_ENGINES ? engines.filter((e) => e !== 'pagefind') : engines;
}

async function benchSize(browser, base, n, keys) {
  const engines = enginesFor(n);
  const info = await corpus(n);
  log(`corpus ${n}: ${info.n} records, records.json ${(info.recordsBytes / 1e6).toFixed(1)} MB`);
  const pages = {};
  const result = { n: info.n, corpus: info, engines: {} };
  // Load one engine at a time (each in its own context, so its own renderer
  // process), so load times do not contend with each other.
  for (const engine of ['blank', ...engines]) {
    const before = renderers(marker);
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`${engine}: page error: ${e.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${base}/pages/bench.html?engine=${engine}&n=${n}`);
    await page.waitForFunction(() => window.__ready, null, { timeout: 600_000, polling: 50 });
    const ready = await page.evaluate(() => window.__ready);
    if (ready.error) throw new Error(`${engine}: ${ready.error}`);
    const pids = [...renderers(marker)].filter((p) => !before.has(p));
    const first = await page.evaluate((k) => window.__search(k), keys[0]);
    const mem = await memory(page, cdp, pids);
    if (engine === 'blank') {
      result.blankRendererPss = mem.rendererPss;
      log(`blank page: renderer PSS ${(mem.rendererPss / 1e6).toFixed(1)} MB (pids ${pids.join(',')})`);
      await context.close();
      continue;
    }
    log(
      `${engine} ${n}: ready ${ready.readyMs.toFixed(0)} ms, first search ${first.ms.toFixed(1)} ms,` +
        ` heap ${(mem.jsHeap / 1e6).toFixed(1)} MB, wasm ${(mem.wasm / 1e6).toFixed(1)} MB,` +
        ` UA-specific ${mem.total == null ? '-' : (mem.total / 1e6).toFixed(1)} MB,` +
        ` renderer PSS ${(mem.rendererPss / 1e6).toFixed(1)} MB (pids ${pids.join(',')})`,
    );
    pages[engine] = { page, cdp, context, pids };
    result.engines[engine] = { ready, firstSearchMs: first.ms, memory: mem, samples: [], facetSamples: [], counts: [] };
  }

  // Replay: a warm-up pass (the first `warmupLarge` keystrokes only on a large
  // corpus), then `passes` timed passes. Each keystroke goes to every engine in
  // turn, the order reversed on every other keystroke (ABCD DCBA ...), so that
  // drift in machine load hits all engines alike.
  const large = info.n > 10_000;
  const passes = large ? passesLarge : passesSmall;
  result.passes = passes;
  result.warmup = large ? warmupLarge : keys.length;
  for (let pass = 0; pass <= passes; pass++) {
    const t0 = Date.now();
    for (let i = 0; i < (pass === 0 ? result.warmup : keys.length); i++) {
      const order = (pass * keys.length + i) % 2 === 0 ? engines : [...engines].reverse();
      for (const engine of order) {
        const r = await pages[engine].page.evaluate((k) => window.__search(k), keys[i]);
        if (pass === 0) continue;
        const e = result.engines[engine];
        e.samples.push(r.ms);
        if (keys[i].country || keys[i].topic) e.facetSamples.push(r.ms);
        if (pass === 1) e.counts.push(r.count);
      }
    }
    log(`${n}: pass ${pass}${pass === 0 ? ' (warm-up)' : ''} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  for (const engine of engines) {
    const e = result.engines[engine];
    e.p50 = percentile(e.samples, 50);
    e.p95 = percentile(e.samples, 95);
    e.facetP50 = percentile(e.facetSamples, 50);
    e.facetP95 = percentile(e.facetSamples, 95);
    e.max = Math.max(...e.samples);
    e.meanMs = e.samples.reduce((a, b) => a + b, 0) / e.samples.length;
    e.memoryAfter = await memory(pages[engine].page, pages[engine].cdp, pages[engine].pids);
    e.hitsTotal = e.counts.reduce((a, b) => a + b, 0);
    delete e.samples;
    delete e.facetSamples;
    await pages[engine].context.close();
  }
  return result;
}

// ---------------------------------------------------------------- report

const ms = (v) => (v == null ? '–' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const mb = (v) => (v == null ? '–' : (v / 1e6).toFixed(1));
const ratio = (v, d) => (d ? `${(v / d).toFixed(1)}×` : '–');

const keysPerPass = 200;

function table(results) {
  const names = { dateline: 'Dateline (wasm)', minisearch: 'MiniSearch', flexsearch: 'FlexSearch', pagefind: 'Pagefind' };
  const rows = [
    '| records | engine | ready (ms) | all keys p50 / p95 (ms) | vs Dateline p50 / p95 | text+facet p50 / p95 (ms) | hits (sum) | JS heap (MB) | wasm (MB) | renderer PSS (MB) |',
    '|--------:|--------|-----------:|------------------------:|----------------------:|--------------------------:|-----------:|-------------:|----------:|------------------:|',
  ];
  for (const r of results) {
    const d = r.engines.dateline;
    for (const [engine, e] of Object.entries(r.engines)) {
      const vs = engine === 'dateline' || !d ? '1.0× / 1.0×' : `${ratio(e.p50, d.p50)} / ${ratio(e.p95, d.p95)}`;
      rows.push(
        `| ${r.n.toLocaleString('en')} | ${names[engine]} | ${ms(e.ready.readyMs)} | ${ms(e.p50)} / ${ms(e.p95)} | ${vs} | ` +
          `${ms(e.facetP50)} / ${ms(e.facetP95)} | ${e.hitsTotal.toLocaleString('en')} | ${mb(e.memory.jsHeap)} | ${mb(e.memory.wasm)} | ${mb(e.memory.rendererPss)} |`,
      );
    }
  }
  const blank = results.map((r) => `${r.n.toLocaleString('en')}: ${mb(r.blankRendererPss)} MB`).join(', ');
  const passes = results
    .map((r) => `${r.n.toLocaleString('en')}: ${r.passes} × ${keysPerPass} (warm-up ${r.warmup})`)
    .join(', ');
  return (
    `${rows.join('\n')}\n\nTimed keystrokes per engine: ${passes}. ` +
    `Renderer PSS of a blank page of the same harness (baseline): ${blank}.`
  );
}

function targets(results) {
  const big = results.find((r) => r.n >= 90_000);
  if (!big || !big.engines.dateline) return 'Targets (100k): not measured (no 100k corpus in this run).';
  const d = big.engines.dateline;
  const peers = Object.entries(big.engines).filter(([k]) => k !== 'dateline');
  const slowestPeerOk = peers.every(([, e]) => d.facetP95 <= e.facetP95);
  const mem = d.memory.jsHeap + d.memory.wasm;
  const yes = (b) => (b ? '**met**' : '**not met**');
  return [
    `Targets at ${big.n.toLocaleString('en')} records (issue 5):`,
    '',
    `- text+facet query p95 ≤ 8 ms: ${ms(d.facetP95)} ms, ${yes(d.facetP95 <= 8)}; no slower than any peer: ${yes(slowestPeerOk)}` +
      ` (${peers.map(([k, e]) => `${k} ${ms(e.facetP95)} ms`).join(', ')})`,
    `- memory ≤ 150 MB (JS heap + wasm memory after load): ${mb(mem)} MB, ${yes(mem <= 150e6)}` +
      ` (renderer PSS ${mb(d.memory.rendererPss)} MB, blank page ${mb(big.blankRendererPss)} MB)`,
    `- engine usable (download + decode of the packed files) ≤ 0.5 s: ${(d.ready.readyMs / 1000).toFixed(2)} s, ${yes(d.ready.readyMs <= 500)}` +
      ` (decode alone ${ms(d.ready.details.decodeMs)} ms; JSON.parse of the same records ${ms(d.ready.details.jsonParseMs)} ms:` +
      ` decode no slower than JSON.parse ${yes(d.ready.details.decodeMs <= d.ready.details.jsonParseMs)})`,
  ].join('\n');
}

// ---------------------------------------------------------------- main

const keys = keystrokes();
fs.mkdirSync(cache, { recursive: true });
for (const n of sizes) await corpus(n); // build data before the browser starts
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const chromiumVersion = browser.version();
const version = (p) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', p, 'package.json'), 'utf8')).version;
const meta = {
  chromium: chromiumVersion,
  minisearch: version('minisearch'),
  flexsearch: version('flexsearch'),
  pagefind: version('pagefind'),
  keystrokes: keys.length,
  facetKeystrokes: keys.filter((k) => k.country || k.topic).length,
};
const resultsFile = path.join(cache, 'results.json');
const earlier = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')).results ?? [] : [];
let results = earlier;
try {
  for (const n of sizes) {
    const r = await benchSize(browser, base, n, keys);
    r.size = n;
    r.date = new Date().toISOString();
    results = [...results.filter((x) => x.size !== n), r].sort((a, b) => a.size - b.size);
    fs.writeFileSync(resultsFile, JSON.stringify({ meta, results }, null, 2));
  }
} finally {
  await browser.close();
  server.close();
}
const md = `${table(results)}\n\n${targets(results)}\n`;
fs.writeFileSync(path.join(cache, 'results.md'), md);
fs.writeFileSync(path.join(cache, 'meta.json'), JSON.stringify(meta));
console.log(md);
