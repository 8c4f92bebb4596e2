// The browser's processes, for the memory figures of both benchmarks: the
// renderers of one Chromium (found by a marker switch on its command line,
// ignored by Chromium) and their proportional set size.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

function processes() {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='])
    .toString()
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
}

/// Pids of the renderer processes of the browser launched with `marker`.
export function renderers(marker) {
  const ps = processes();
  const ours = new Set(ps.filter((p) => p.args.includes(marker) && !p.args.includes('--type=')).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of ps) {
      if (ours.has(p.ppid) && !ours.has(p.pid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  return new Set(ps.filter((p) => ours.has(p.pid) && p.args.includes('--type=renderer')).map((p) => p.pid));
}

/// Proportional set size (from /proc/PID/smaps_rollup) of the largest of
/// these processes, bytes: the page's renderer (the others are spares).
export function pss(pids) {
  let max = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      max = Math.max(max, m ? Number(m[1]) * 1024 : 0);
    } catch {
      // gone
    }
  }
  return max;
}
