// The build benchmark's named peer: Pagefind (its Node API, the version
// pinned in package.json) indexing the same release files that `dateline
// pack` reads, each file's text as one page, its first line as the title.
// Pagefind extracts nothing (no dateline, countries, people or quotes): this
// is the search index alone, the part of the build the two share.
//
//   node bench/pagefind-build.mjs CORPUS_DIR OUT_DIR
//
// Prints, on stdout, the pages indexed, the files and bytes written, and the
// CPU seconds and peak memory of Pagefind's own process: the Node API runs
// its binary as a child that Node does not wait for, so GNU time around
// this script counts only Node's share.
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) {
  console.error('usage: node bench/pagefind-build.mjs CORPUS_DIR OUT_DIR');
  process.exit(2);
}

/** Every file under `dir`, in a stable order (as `dateline pack` walks it). */
function* files(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && !e.name.startsWith('.')) yield p;
  }
}

const { index, errors: created } = await pagefind.createIndex({});
if (created.length) throw new Error(created.join('; '));
let pages = 0;
for (const file of files(corpus)) {
  const text = fs.readFileSync(file, 'utf8');
  const { errors } = await index.addCustomRecord({
    url: `/${path.relative(corpus, file)}`,
    content: text,
    language: 'en',
    meta: { title: text.split('\n', 1)[0].trim() },
  });
  if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
  pages += 1;
}
fs.rmSync(out, { recursive: true, force: true });
const { errors } = await index.writeFiles({ outputPath: out });
if (errors.length) throw new Error(errors.join('; '));
const service = childrenUsage();
await pagefind.close();

let written = 0;
let bytes = 0;
for (const file of files(out)) {
  written += 1;
  bytes += fs.statSync(file).size;
}
console.log(JSON.stringify({ pages, files: written, bytes, ...service }));

/** CPU seconds (user + sys) and peak resident MB of this process's children, from /proc (Linux). */
function childrenUsage() {
  const ticks = 100; // USER_HZ, as /proc/PID/stat counts
  let cpuS = 0;
  let peakMB = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // After the command's parentheses: state, ppid, ... utime (14th field), stime (15th).
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      cpuS += (Number(fields[11]) + Number(fields[12])) / ticks;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      peakMB = Math.max(peakMB, hwm ? Number(hwm[1]) / 1024 : 0);
    } catch {
      // A process that ended meanwhile.
    }
  }
  return { childCpuS: cpuS, childPeakMB: peakMB };
}
