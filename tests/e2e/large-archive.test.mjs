// An archive past the lede limit (5,000 releases), whose list records come
// in pieces of 512 (data/l/N.bin): start-up reads the first piece only; rows
// scrolled into view, a query's matches from anywhere in the archive and a
// release opened by its address fetch the pieces they show, and nothing
// else. The facets' relations (data/f/<facet>.bin) come when counts of a
// narrowed set or a selection need them, never at start. A generated corpus is packed by the CLI and served in place of
// dist/data (server.mjs `files`); dist/ is never modified.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, distDir } from './server.mjs';
import { dateline, readTree } from './data-folder.mjs';
import { launch, waitForApp } from './browser.mjs';

const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const RELEASES = 6000;

const files = new Map();
let server;
let browser;
let pieces;

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-large-'));
  const run = dateline;
  run(['generate', '--count', String(RELEASES), '--seed', '11', '--out', join(dir, 'in')]);
  run(['pack', join(dir, 'in'), '--out', join(dir, 'data')]);
  for (const [f, bytes] of await readTree(join(dir, 'data'))) files.set(`data/${f}`, bytes);
  pieces = [...files.keys()].filter((f) => f.startsWith('data/l/')).length;
  assert.equal(pieces, Math.ceil(RELEASES / 512), 'the list in pieces of 512');
  server = await serveDist(distDir(), PUBLIC_URL, { files });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page at `path`; its page errors, and the list pieces it asked for. */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const asked = [];
  const facets = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const m = /\/data\/(l\/\d+\.bin)$/.exec(path);
    if (m) asked.push(m[1]);
    const f = /\/data\/(f\/[a-z]+\.bin)$/.exec(path);
    if (f) facets.push(f[1]);
  });
  await page.goto(server.url + path);
  await waitForApp(page);
  return { page, problems, asked, facets, close: () => context.close() };
}

const list = (page) => page.getByRole('list', { name: 'Matching releases' });

test('start-up reads the first piece of the list only, and rows scrolled into view bring theirs', async () => {
  const { page, problems, asked, facets, close } = await open('');
  try {
    await list(page).locator('.release-title a').first().waitFor();
    // The sidebar's counts are the whole archive's: in index.bin.
    const years = page.getByRole('group', { name: 'Year', exact: true });
    assert.ok((await years.getByRole('checkbox').count()) > 0, 'years counted at start');
    assert.deepEqual(facets, [], 'no facet file at start');
    assert.equal((await page.locator('.result-count').textContent()).trim(), `${RELEASES} releases`);
    assert.deepEqual([...new Set(asked)], ['l/0.bin'], 'only the newest releases at start');
    // Far down the archive: the rows there are in another piece.
    await page.evaluate(() => {
      const ol = document.querySelector('.release-list');
      window.scrollTo(0, ol.getBoundingClientRect().top + window.scrollY + ol.offsetHeight * 0.6);
    });
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.release-list > .release-item')];
      const inView = rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom > 0 && b.top < innerHeight;
      });
      return inView.length > 0 && inView.every((r) => !r.classList.contains('pending'));
    });
    // (l/0.bin may be asked for twice: preloaded by the page, then fetched.)
    const later = asked.filter((f) => f !== 'l/0.bin');
    assert.ok(later.length >= 1 && later.length <= 3, `a piece or two for the rows in view: ${asked}`);
    assert.equal(new Set(later).size, later.length, `each piece asked for once: ${asked}`);
    // The row's position in the whole set is there for assistive technology.
    const row = list(page).locator('.release-item:not(.pending)').last();
    assert.ok(Number(await row.getAttribute('aria-posinset')) > 3000);
    assert.equal(await row.getAttribute('aria-setsize'), String(RELEASES));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a large facet lists its 256 most frequent values from index.bin, and at most 256 expanded', async () => {
  const { page, problems, facets, close } = await open('');
  try {
    const people = page.getByRole('group', { name: 'Person', exact: true });
    const more = people.getByRole('button', { name: /^Show the top 256 of [\d,]+ people$/ });
    const total = Number((await more.textContent()).match(/of ([\d,]+)/)[1].replaceAll(',', ''));
    assert.ok(total > 256, `${total} people`);
    await more.click();
    assert.equal(await people.getByRole('checkbox').count(), 256);
    assert.deepEqual(facets, [], 'the head is in index.bin: no facet file');
    // A search's counts come from the facets' files: still at most 256 listed.
    await page.getByRole('searchbox', { name: 'Search releases' }).fill('minister');
    await page.locator('.result-count', { hasText: 'match' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.facets-status'));
    assert.ok(facets.includes('f/person.bin'), `${facets}`);
    const shown = await people.getByRole('checkbox').count();
    assert.ok(shown > 0 && shown <= 256, `${shown} people listed`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a release far down the archive opens by its address, with only the pieces of its date', async () => {
  // Find a deep release's address first, from the oldest-first order.
  const found = await open('?sort=oldest');
  let path;
  let title;
  try {
    const link = list(found.page).locator('.release-title a').first();
    await link.waitFor();
    path = new URL(await link.getAttribute('href'), server.url).pathname.slice(PUBLIC_URL.length);
    title = (await link.textContent()).trim();
    assert.deepEqual(found.problems, []);
  } finally {
    await found.close();
  }
  const { page, problems, asked, close } = await open(path);
  try {
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.release-body').waitFor();
    // The first piece, its own (placed by its date), its neighbours' and
    // its five related releases': never the whole list.
    const distinct = new Set(asked);
    assert.ok(distinct.size <= 8 && distinct.size < pieces, `${asked}`);
    assert.ok(asked.includes(`l/${pieces - 1}.bin`), `the oldest releases' piece: ${asked}`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a query's matches from anywhere in the archive are shown once their pieces arrive, and counted once the facets do", async () => {
  const { page, problems, asked, facets, close } = await open('?q=trafficking&sort=relevance');
  try {
    await page.waitForFunction(() => /\d+ of \d+ releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    assert.match(await page.locator('.result-count').textContent(), /^\d+ of 6000 releases match/);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.release-list > .release-item')].slice(0, 3);
      return rows.length === 3 && rows.every((r) => r.querySelector('.release-title a'));
    });
    assert.ok(new Set(asked).size < pieces, `not every piece for one screen of matches: ${asked}`);
    // A narrowed set's counts need the facets' relations: asked for once each.
    await page.waitForFunction(() => !document.querySelector('.facets-status'));
    assert.deepEqual([...facets].sort(), ['f/country.bin', 'f/org.bin', 'f/person.bin', 'f/programme.bin', 'f/topic.bin', 'f/year.bin']);
    const countries = page.getByRole('group', { name: 'Country', exact: true }).getByRole('checkbox');
    assert.ok((await countries.count()) > 0, 'countries counted');
    // Choosing one narrows the matches; nothing more is fetched for it.
    const before = facets.length;
    await countries.first().check();
    await page.waitForFunction(() => /[?&]country=/.test(location.search));
    await page.waitForFunction(() => /\d+ of 6000 releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    assert.equal(facets.length, before);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
