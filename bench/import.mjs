// Import benchmark (issue 14): generated releases picked as a folder in the
// release build, read, extracted and packed by the import worker, in headless
// Chromium; next to the peer, the native CLI (`dateline pack`, every core) on
// the same folder. Run by scripts/bench-import.sh, which builds what it needs.
//
// Per size: picked → searchable (the page's own clock: the folder input's
// `change` to the status "Showing my releases: N releases."), median of
// BENCH_IMPORT_RUNS (3); keystroke → next paint while the import runs;
// reload → usable (the app's `dateline-usable` mark, kept set shown);
// memory (PSS of the page's renderer, worker included) at the end of the
// import and 5 s later (the worker ends when idle), the largest of the runs.

import { spawnSync } from 'node:child_process';
import { pss, renderers } from './processes.mjs';
import { launch as launchChromium } from '../tests/e2e/browser.mjs';
import { serveDist } from '../tests/e2e/server.mjs';

const [dist, publicUrl, cli, ...corpora] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const marker = `--dateline-bench-import=${process.pid}`;

function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const median = (v) => percentile(v, 50);

/// Keydowns with the time of the next paint after them (rAF, then a task).
function probe() {
  window.__keys = [];
  addEventListener('keydown', (e) => {
    const rec = { t: e.timeStamp, paint: null };
    window.__keys.push(rec);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (rec.paint = performance.now());
      ch.port2.postMessage(null);
    });
  }, { capture: true });
  addEventListener('change', (e) => {
    if (e.target?.type === 'file') window.__picked = performance.now();
  }, { capture: true });
}

async function importOnce(browser, server, dir, typeWhile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Releases shown' }).waitFor();
  await page.getByRole('button', { name: 'Import releases' }).click();
  const panel = page.getByRole('region', { name: 'Import releases' });
  await panel.getByLabel('Choose a folder').setInputFiles(dir);
  const typing = typeWhile ? (async () => {
    await page.getByRole('searchbox').focus();
    for (const ch of 'wetlands trafficking smuggling'.repeat(2)) {
      if (await panel.getByText(/^Showing my releases/).count()) break;
      await page.keyboard.type(ch);
      await new Promise((r) => setTimeout(r, 60));
    }
  })() : null;
  await page.waitForFunction(() => /^Showing my releases: \d+/.test(document.querySelector('.import-status')?.textContent ?? ''),
    null, { timeout: 600_000, polling: 'raf' });
  const searchable = await page.evaluate(() => performance.now() - window.__picked);
  await typing;
  const paints = await page.evaluate(() => window.__keys.filter((k) => k.paint).map((k) => k.paint - k.t));
  // At the end of the import (the worker still holds its peak), and settled:
  // the worker ends 3 s after its last answer.
  const peak = pss(renderers(marker));
  await new Promise((r) => setTimeout(r, 5000));
  const memory = pss(renderers(marker));
  const shown = Number((await panel.locator('.import-status').textContent()).match(/\d+/)[0]);
  // Reload: the kept set is read from IndexedDB by the worker and shown.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('dateline-usable').length > 0, null, { timeout: 120_000 });
  const reload = await page.evaluate(() => performance.getEntriesByName('dateline-usable')[0].startTime);
  const kept = await page.getByRole('combobox', { name: 'Releases shown' }).inputValue();
  await context.close();
  return { searchable, paints, memory, peak, shown, reload, kept };
}

const browser = await launchChromium([marker]);
const server = await serveDist(dist, publicUrl, { gzip: true });
const rows = [];
for (const dir of corpora) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await importOnce(browser, server, dir, i === 0));
  const peer = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    spawnSync(cli, ['pack', dir, '--out', `${dir}.packed`], { stdio: 'ignore' });
    peer.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const row = {
    corpus: dir,
    releases: runs[0].shown,
    searchableMs: median(runs.map((r) => r.searchable)),
    peerPackMs: median(peer),
    keystrokePaintP95Ms: percentile(runs[0].paints, 95),
    keystrokes: runs[0].paints.length,
    reloadUsableMs: median(runs.map((r) => r.reload)),
    keptAfterReload: runs.every((r) => r.kept === 'mine'),
    memoryMB: Math.max(...runs.map((r) => r.memory)) / 1e6,
    peakMB: Math.max(...runs.map((r) => r.peak)) / 1e6,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
await browser.close();
await server.close();
console.log('\n| corpus | releases | picked → searchable (median) | peer: `dateline pack` | keystroke → paint p95 during import | reload → usable | renderer PSS at the end of the import | and 5 s later |');
console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
for (const r of rows) {
  console.log(`| ${r.corpus.split('/').pop()} | ${r.releases} | ${(r.searchableMs / 1000).toFixed(2)} s | ${(r.peerPackMs / 1000).toFixed(2)} s | ${r.keystrokePaintP95Ms?.toFixed(0)} ms (${r.keystrokes} keys) | ${r.reloadUsableMs.toFixed(0)} ms | ${r.peakMB.toFixed(0)} MB | ${r.memoryMB.toFixed(0)} MB |`);
}
