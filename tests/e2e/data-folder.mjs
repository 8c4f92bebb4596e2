// Data folders made by the CLI for the tests that serve their own (the
// release build's `dateline`), and read back file by file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `dateline ARGS` (target/release), which must succeed; its stderr. */
export function dateline(args) {
  const done = spawnSync(join(ROOT, 'target', 'release', 'dateline'), args, { encoding: 'utf8' });
  assert.equal(done.status, 0, done.stderr);
  return done.stderr;
}

/** Every file under `dir`, by its path relative to it. */
export async function walk(dir, root = dir, out = []) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, root, out);
    else out.push(relative(root, path));
  }
  return out;
}

/** Every file under `dir` with its bytes, by its path relative to it. */
export async function readTree(dir) {
  const out = new Map();
  for (const f of await walk(dir)) out.set(f, await readFile(join(dir, f)));
  return out;
}
