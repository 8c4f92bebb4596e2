// Rewrites the "In the app: ..." section of BENCHMARKS.md from
// bench/.cache/app-results.json (called by scripts/bench-app.sh; bench/app.mjs
// imports `report` to print the same tables). Only the generated part, from
// the heading down to the end marker, is replaced: notes written below the
// marker stay. Other sections are left as they are; the section is appended
// when missing.
//
//   node bench/write-app-section.mjs BENCHMARKS.md

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const HEADING = '## In the app: start-up, keystroke to paint, memory, sizes';
const END = '<!-- bench-app:end -->';

// Targets, checked on the 100k corpus.
const T = {
  usableMs: 500,
  settledP95: 100,
  paintP95: 40,
  paintGrowth: 1.5,
  memory: 150e6,
  appBrotli: 100e3,
  interactionsP95: 50,
  listBytesPerRelease: 40,
  rows: 150,
};

const ms = (v) => (v == null ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const etMs = (v) => (v == null ? '–' : v === 0 ? '<16' : v.toFixed(0));
const mb = (v) => (v == null ? '–' : (v / 1e6).toFixed(1));
const kb = (v) => (v == null ? '–' : (v / 1e3).toFixed(1));
const bytes = (v) => (v == null ? '–' : v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} kB` : `${v} B`);
const num = (v) => (v == null ? '–' : v.toLocaleString('en'));
const yes = (b) => (b == null ? 'not measured' : b ? '**met**' : '**not met**');

/// JS heap + wasm memory, the larger of "once usable" and "after the replay".
export const appMemory = (r) =>
  Math.max(...['usable', 'after'].map((k) => (r.memory[k].jsHeap ?? 0) + (r.memory[k].wasm ?? 0)));
export const maxRows = (r) => Math.max(r.rows.replay.cards, r.rows.replay.items, r.rows.bottom.cards, r.rows.bottom.items);
const perRelease = (v, n) => (v == null || !n ? null : v / n);

/// Files in sub-folders of data/ (e.g. data/r/N.json, the full records in
/// chunks) summed into one line per folder and extension.
function grouped(files, list, startup) {
  const groups = new Map();
  for (const f of files) {
    const dir = f.file.slice(0, f.file.lastIndexOf('/'));
    const ext = /\.[^./]+$/.exec(f.file)?.[0] ?? '';
    const key = dir === 'data' ? f.file : `${dir}/*${ext}`;
    const g = groups.get(key) ?? { file: key, raw: 0, gzip: 0, brotli: 0, count: 0, list: true, startup: true };
    g.raw += f.raw;
    g.gzip += f.gzip;
    g.brotli += f.brotli;
    g.count++;
    g.list &&= !!list?.files.includes(f.file);
    g.startup &&= !!startup?.files.includes(f.file);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g, file: g.count > 1 ? `${g.file} (${num(g.count)} files)` : g.file }));
}

function label(r) {
  return r.size === 'built' ? `as built (${num(r.n)})` : num(r.n ?? Number(r.size));
}

/// The markdown: one column per corpus size, the targets at 100k beside them.
export function report({ meta, results }) {
  const ok = results.filter((r) => r.ok);
  const big = ok.find((r) => r.n >= 90_000);
  const ten = ok.find((r) => r.n >= 9_000 && r.n <= 11_000);
  const markNames = [...new Set(ok.flatMap((r) => Object.keys(r.usable.marks)))].sort(
    (a, b) => (ok[0]?.usable.marks[a] ?? 0) - (ok[0]?.usable.marks[b] ?? 0),
  );
  const rows = [];
  // [metric, value for a result, target text, met at 100k (true/false/null)]
  const row = (metric, value, target = '', met = undefined) => {
    const m = met === undefined ? '' : big ? yes(met(big)) : 'not measured';
    rows.push(`| ${metric} | ${ok.map((r) => value(r)).join(' | ')} | ${target} | ${m} |`);
  };
  row('releases the app shows', (r) => num(r.releasesShown));
  row('data build (pack), s', (r) => (r.packS == null ? '–' : r.packS.toFixed(1)));
  row(
    'navigation → usable, ms: median (min–max, loads)',
    (r) => `**${ms(r.usable.median)}** (${ms(r.usable.min)}–${ms(r.usable.max)}, ${r.usable.loads}; ${r.usable.via})`,
    `≤ ${T.usableMs}`,
    (r) => r.usable.median <= T.usableMs,
  );
  for (const name of markNames) row(`  mark \`${name}\`, ms (median)`, (r) => ms(r.usable.marks[name]));
  row('  Trunk app started (wasm instantiated), ms', (r) => ms(r.usable.trunkStarted));
  row(
    'keystroke → next paint, ms: p50 / p95 (max)',
    (r) => `${ms(r.keys.paint.p50)} / **${ms(r.keys.paint.p95)}** (${ms(r.keys.paint.max)})`,
    `p95 ≤ ${T.paintP95}, and ≤ ${T.paintGrowth}× p95 at 10k`,
    (r) => r.keys.paint.p95 <= T.paintP95 && (ten ? r.keys.paint.p95 <= T.paintGrowth * ten.keys.paint.p95 : false),
  );
  row(
    'Event Timing per keystroke, ms: p50 / p95 (max); reported',
    (r) =>
      `${etMs(r.keys.eventTiming.p50)} / ${etMs(r.keys.eventTiming.p95)} (${etMs(r.keys.eventTiming.max)}); ` +
      `${r.keys.eventTiming.reported}/${r.keys.keystrokes}`,
  );
  row(
    'results settled after the last key, ms: p50 / p95 (max); queries whose last key changed the results',
    (r) => `${ms(r.settled.p50)} / **${ms(r.settled.p95)}** (${ms(r.settled.max)}); ${r.settled.mutated ?? '–'}/${r.settled.queries}`,
    `p95 ≤ ${T.settledP95}`,
    (r) => r.settled.p95 <= T.settledP95,
  );
  row(
    'timeline interactions (zoom, pan; compare counts ↔ share) → next paint, ms: p50 / p95 (max); n',
    (r) =>
      r.interactions?.all
        ? `${ms(r.interactions.all.p50)} / **${ms(r.interactions.all.p95)}** (${ms(r.interactions.all.max)}); ${r.interactions.all.n}` +
          ` (compare: p95 ${ms(r.interactions.compare.p95)})`
        : '–',
    `p95 ≤ ${T.interactionsP95}`,
    (r) => r.interactions?.all?.p95 <= T.interactionsP95,
  );
  row('JS heap, MB: usable / after replay', (r) => `${mb(r.memory.usable.jsHeap)} / ${mb(r.memory.after.jsHeap)}`);
  row('wasm memory, MB: usable / after replay', (r) => `${mb(r.memory.usable.wasm)} / ${mb(r.memory.after.wasm)}`);
  row('JS heap + wasm, MB (larger of the two)', (r) => `**${mb(appMemory(r))}**`, `≤ ${T.memory / 1e6}`, (r) => appMemory(r) <= T.memory);
  row('renderer PSS, MB: usable / after replay', (r) => `${mb(r.memory.usable.rendererPss)} / ${mb(r.memory.after.rendererPss)}`);
  row(
    'rows in the DOM: max in replay / at list bottom',
    (r) => `${Math.max(r.rows.replay.cards, r.rows.replay.items)} / ${Math.max(r.rows.bottom.cards, r.rows.bottom.items)}`,
    `≤ ~${T.rows}`,
    (r) => maxRows(r) <= T.rows,
  );
  row(
    'app code (wasm + js), kB: raw / gzip / brotli',
    (r) => `${kb(r.app.code.raw)} / ${kb(r.app.code.gzip)} / **${kb(r.app.code.brotli)}**`,
    `brotli ≤ ${T.appBrotli / 1e3}`,
    (r) => r.app.code.brotli <= T.appBrotli,
  );
  row(
    'data/ total: raw / gzip / brotli',
    (r) => (r.data.files.length ? `${bytes(r.data.total.raw)} / ${bytes(r.data.total.gzip)} / ${bytes(r.data.total.brotli)}` : 'no data/'),
  );
  row('data/ total, B per release: gzip / brotli', (r) =>
    r.data.files.length
      ? `${ms(perRelease(r.data.total.gzip, r.n))} / ${ms(perRelease(r.data.total.brotli, r.n))}`
      : '–',
  );
  row('start-up data (data/ fetched before usable), B per release: gzip / brotli', (r) =>
    r.data.startup ? `${ms(perRelease(r.data.startup.gzip, r.n))} / ${ms(perRelease(r.data.startup.brotli, r.n))}` : '–',
  );
  row(
    'list data (data/list.*), B per release: gzip / brotli',
    (r) => (r.data.list ? `${ms(perRelease(r.data.list.gzip, r.n))} / **${ms(perRelease(r.data.list.brotli, r.n))}**` : '–'),
    `brotli ≤ ${T.listBytesPerRelease}`,
    (r) => (r.data.list ? r.data.list.brotli / r.n <= T.listBytesPerRelease : false),
  );
  const head = `| metric | ${ok.map(label).join(' | ')} | target at 100k | at 100k |`;
  const rule = `|---|${ok.map(() => '---:').join('|')}|---|---|`;
  let md = ok.length ? [head, rule, ...rows].join('\n') : 'No size was measured.';

  const files = ok.filter((r) => r.data.files.length);
  if (files.length) {
    md += '\n\nData files (dist/data/), bytes:\n\n| releases | file | raw | gzip -9 | brotli -q 11 | brotli B/release |\n|---:|---|---:|---:|---:|---:|\n';
    md += files
      .flatMap((r) =>
        [...grouped(r.data.files, r.data.list, r.data.startup), { file: '**total**', ...r.data.total }].map(
          (f) =>
            `| ${num(r.n)} | ${f.file}${f.list ? ' (list)' : ''}${f.startup ? ' (start-up)' : ''} | ${num(f.raw)} | ${num(f.gzip)} | ${num(f.brotli)} | ${ms(perRelease(f.brotli, r.n))} |`,
        ),
      )
      .join('\n');
  }
  const app = ok[ok.length - 1]?.app;
  if (app) {
    md += `\n\nApp files (${ok[ok.length - 1].appBuild ?? ''}): ${app.files
      .map((f) => `${f.file} ${num(f.raw)} / ${num(f.gzip)} / ${num(f.brotli)}`)
      .join('; ')} (raw / gzip -9 / brotli -q 11 bytes; css not counted in app code).`;
  }
  const notes = [];
  for (const r of results.filter((r) => !r.ok)) notes.push(`- ${r.size}: skipped: ${r.error}`);
  for (const r of ok) {
    if (r.size !== 'built' && r.releasesShown !== r.n) {
      notes.push(`- ${num(r.n)}: the app showed ${num(r.releasesShown)} releases, not the ${num(r.n)} packed.`);
    }
    if (r.typedMismatches) notes.push(`- ${num(r.n)}: ${r.typedMismatches} queries ended with another text in the box than typed.`);
    if (r.facetVia?.url) notes.push(`- ${num(r.n)}: ${r.facetVia.url} facet changes went through the URL (no checkbox found).`);
    if (r.errors?.length) notes.push(`- ${num(r.n)}: page errors: ${r.errors.join(' / ')}`);
  }
  if (new Set(ok.map((r) => r.run)).size > 1) notes.push(`- Columns from separate runs (UTC start): ${ok.map((r) => `${label(r)}: ${(r.run ?? r.date).slice(0, 16).replace('T', ' ')}`).join(', ')}.`);
  if (notes.length) md += `\n\n${notes.join('\n')}`;
  return `${md}\n`;
}

function section(data) {
  const { meta } = data;
  const m = meta.machine ?? meta.machineStart ?? {};
  const date = [...new Set(data.results.map((r) => r.date?.slice(0, 10)).filter(Boolean))].sort().at(-1) ?? new Date().toISOString().slice(0, 10);
  const machine = `${m.cores} cores (${m.cpu}), ${m.ramGB} GB RAM, load average ${m.load} at the end of the run`;
  return `${HEADING}

<!-- Generated by scripts/bench-app.sh down to the end marker; notes below the marker are kept. -->

Reproduce: \`${process.env.BENCH_CMD ?? 'scripts/bench-app.sh'}\` (builds the CLI and the app with
\`trunk build --release --public-url ${meta.publicUrl}\`, writes each size's data/ into a copy of the
build from \`bench/.cache/records-N.json\`, runs bench/app.mjs). Run on ${date}; machine: ${machine}.
Shared with other builds, so treat small differences as noise.

Method (bench/app.mjs): Chromium ${meta.chromium} (headless, viewport ${meta.viewport}) drives the
built app served from localhost under \`${meta.publicUrl}\`, gzip on (files compressed once up
front, as a host caches them), ${meta.throttle ? `the network throttled by CDP emulation to ${meta.throttle.mbit} Mbit/s each way and ${meta.throttle.rttMs} ms of round trip` : 'no throttling'}.

- **usable**: navigation start to the \`dateline-usable\` mark (or, without it, to the first
  moment \`#search-input\` is enabled and \`p.result-count\` shows a count: "via poll"), each load
  in a fresh browser context (empty cache). Other \`dateline-*\` marks: their median start time.
- **keystroke → next paint**: the search benchmark's log of ${meta.keystrokes} keystrokes (${meta.queries} words
  and phrases, some with a country or topic facet ticked in the sidebar first) typed with real
  key events, ${meta.gapMs} ms apart, into an emptied box (select all, Backspace). In the page: keydown
  \`timeStamp\` to a MessageChannel task queued from the next \`requestAnimationFrame\` (just
  after that frame). Event Timing: the longest keydown/keypress/input/keyup entry of each
  keystroke's interaction; Chromium reports only entries ≥ 16 ms (in 8 ms steps), so a
  keystroke without one counts as "<16".
- **settled**: from the last keydown of each query to the last mutation of the results
  (\`p.result-count\`, the results section) before 1 s of quiet, or to that key's next paint
  when later (a last key that leaves the hits as they were changes nothing to wait for).
- **memory** after a forced GC, once usable and after the replay: JS heap (CDP
  \`Performance.getMetrics\` JSHeapUsedSize) and the app's wasm linear memory (from
  \`TrunkApplicationStarted\`; it never shrinks, so it is the peak); the renderer's PSS for context.
- **rows**: the most \`li.release-item\`/\`[role=listitem]\` or \`article.release-card\` elements
  in the DOM during the replay, and with all releases listed, scrolled to the bottom.
- **sizes**: \`gzip -9\` and \`brotli -q 11\` of each file; the data/ files the
  page fetched before it was usable ("start-up"), "list data" is \`data/list.*\`; B per release
  divides by the corpus size.

${report(data).trim()}

${END}`;
}

function main(file) {
  if (!file) {
    console.error('usage: node bench/write-app-section.mjs BENCHMARKS.md');
    process.exit(2);
  }
  const data = JSON.parse(fs.readFileSync(path.join(root, '.cache', 'app-results.json'), 'utf8'));
  const body = section(data);
  let text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(HEADING);
  if (start < 0) {
    text = `${text.trimEnd()}\n\n${body}\n`;
  } else {
    const endMarker = text.indexOf(END, start);
    const nextHeading = text.indexOf('\n## ', start + HEADING.length);
    let end;
    if (endMarker >= 0 && (nextHeading < 0 || endMarker < nextHeading)) end = endMarker + END.length;
    else end = nextHeading >= 0 ? nextHeading + 1 : text.length;
    text = text.slice(0, start) + body + (end < text.length && !text.slice(end).startsWith('\n') ? '\n\n' : '') + text.slice(end);
  }
  fs.writeFileSync(file, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv[2]);
}
