// What both benchmarks share (bench/run.mjs: the engines; bench/app.mjs: the
// app): the synthetic corpora and the keystroke log, so their figures are
// about the same records and the same typing.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const cache = path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache');
export const SEED = 1;
const log = (...a) => console.error('[bench]', ...a);

/// The typing sessions: words and phrases typed one character at a time
/// (every prefix is a keystroke), some with a facet selected. Fixed: the same
/// for every engine and every run; `keystrokes()` caps them at 200.
export const SESSIONS = [
  ['trafficking'],
  ['money laundering'],
  ['cybercrime', { country: 'IR' }],
  ['drug trafficking', { topic: 'drugs' }],
  ['"organized crime"'],
  ['climate change workshop'],
  ['maritime piracy', { country: 'KE' }],
  ['unodc vienna'],
  ['witness protection', { topic: 'criminal-justice' }],
  ['fedotov'],
  ['"human trafficking"', { country: 'IR' }],
  ['smuggling of migrants', { topic: 'smuggling-of-migrants' }],
  ['corruption', { country: 'AT' }],
  ['judges', { topic: 'drugs' }],
  ['"civil society" support'],
];

/// The 200 keystrokes, each `{ text, country?, topic? }`.
export function keystrokes() {
  const out = [];
  for (const [words, facets = {}] of SESSIONS) {
    for (let i = 1; i <= words.length && out.length < 200; i++) {
      const text = words.slice(0, i);
      if (text.trim()) out.push({ text, ...facets });
    }
  }
  if (out.length !== 200) throw new Error(`keystroke log has ${out.length} entries, want 200`);
  return out;
}

/// Ingested records for `n` releases of `generate --seed 1` (the first n of a
/// larger corpus are the same releases, so 1k is sliced from 10k when cached).
export function records(n, dateline) {
  const file = path.join(cache, `records-${n}.json`);
  if (fs.existsSync(file)) return file;
  const bigger = fs
    .readdirSync(cache)
    .map((f) => /^records-(\d+)\.json$/.exec(f))
    .filter((m) => m && Number(m[1]) > n)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b)[0];
  if (bigger) {
    log(`records-${n}: first ${n} of records-${bigger}`);
    const all = JSON.parse(fs.readFileSync(path.join(cache, `records-${bigger}.json`), 'utf8'));
    const some = all.filter((r) => Number(r.source.slice(0, 6)) < n);
    if (some.length >= n * 0.95) {
      fs.writeFileSync(file, JSON.stringify(some));
      return file;
    }
  }
  const texts = path.join(cache, `texts-${n}`);
  if (!fs.existsSync(texts)) {
    log(`generating ${n} releases`);
    execFileSync(dateline, ['generate', '--count', String(n), '--seed', String(SEED), '--out', texts], { stdio: 'inherit' });
  }
  log(`ingesting ${n} releases (slow: about 5 ms CPU per release)`);
  const t0 = Date.now();
  const out = execFileSync(dateline, ['ingest', texts, '--json'], {
    maxBuffer: 4 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  log(`ingested in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  fs.writeFileSync(file, out);
  return file;
}
