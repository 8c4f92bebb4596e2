// Pre-rendered pages of an archive past the lede limit (5,000 releases),
// whose list records come in pieces: the app takes a release's page over
// only once the records it shows are here (its neighbours', and its related
// releases', which the facets' relations name), so the first render matches
// the page as the build made it. A generated corpus is packed by the CLI and
// pre-rendered by the build's renderer into a copy of dist/ (the plain
// shell as the template); dist/ is never modified.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, distDir } from './server.mjs';
import { launch, waitForApp, watchErrors } from './browser.mjs';

const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const RELEASES = 6000;
const PAGES = 12;

let dir;
let server;
let browser;
let releases;

before(async () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const run = (cmd, args) => {
    const done = spawnSync(cmd, args, { encoding: 'utf8' });
    assert.equal(done.status, 0, `${cmd} ${args.join(' ')}: ${done.stderr}`);
  };
  dir = await mkdtemp(join(tmpdir(), 'dateline-large-prerender-'));
  const site = join(dir, 'site');
  await cp(distDir(), site, { recursive: true });
  // The build's template is the plain shell, as in scripts/post-build.sh.
  await cp(join(site, '404.html'), join(site, 'index.html'));
  for (const folder of ['data', 'release', 'country', 'organisation', 'person']) {
    await rm(join(site, folder), { recursive: true, force: true });
  }
  run(join(root, 'target', 'release', 'dateline'), ['generate', '--count', String(RELEASES), '--seed', '12', '--out', join(dir, 'in')]);
  run(join(root, 'target', 'release', 'dateline'), ['pack', join(dir, 'in'), '--out', join(site, 'data')]);
  run(join(root, 'target', 'prerender', 'dateline-prerender'), ['--dist', site, '--base', PUBLIC_URL, '--pages', String(PAGES)]);
  releases = await readdir(join(site, 'release'));
  assert.equal(releases.length, PAGES);
  server = await serveDist(site, PUBLIC_URL);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a pre-rendered release page of a large archive is taken over whole, its related releases and neighbours included', async () => {
  for (const id of releases.slice(0, 4)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        window.__h1 = document.querySelector('h1');
        window.__related = document.querySelectorAll('.related li').length;
        window.__neighbours = document.querySelectorAll('.neighbours li').length;
      });
    });
    await page.goto(`${server.url}release/${id}/`);
    // Usable, or stopped by a page that does not match the DOM (Yew panics).
    await Promise.race([
      waitForApp(page),
      new Promise((resolve) => page.once('pageerror', resolve)),
    ]);
    assert.deepEqual(errors, [], `${id}: taken over without errors`);
    const seen = await page.evaluate(() => ({
      built: { related: window.__related, neighbours: window.__neighbours },
      kept: window.__h1 === document.querySelector('h1') && window.__h1.isConnected,
      related: document.querySelectorAll('.related li').length,
      neighbours: document.querySelectorAll('.neighbours li').length,
    }));
    assert.ok(seen.built.related > 0, `${id}: the build listed related releases`);
    assert.deepEqual(
      { kept: seen.kept, related: seen.related, neighbours: seen.neighbours, errors },
      { kept: true, related: seen.built.related, neighbours: seen.built.neighbours, errors: [] },
      id,
    );
    // Taken over: a related release's link navigates inside the page.
    await page.locator('.related a').first().click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${id}/`));
    assert.equal(await page.evaluate(() => window.__h1 !== undefined), true, 'the same document');
    await context.close();
  }
});
