// Damaged data files: each file the app downloads (the list's first piece data/l/0.bin,
// data/index.bin, the pieces of the dictionary data/d/N.bin, a piece of the
// postings data/t/N.bin, a piece of the word
// positions data/p/N.bin, a data/r/N.bin chunk) truncated, with a
// flipped byte, and swapped with another file. The app must say which file
// could not be used, on the page, without a page error: the start-up error
// view for the list and the index, a notice over a working timeline for the
// pieces, an alert under the title for a chunk. The server replaces the
// file in memory (server.mjs `files`); dist/ is never modified.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, distDir } from './server.mjs';
import { launch, waitForApp } from './browser.mjs';

const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';

const files = new Map();
let server;
let browser;
let seedPath;
/** Every piece of the dictionary: which one holds a word depends on the corpus. */
let dictionary = [];
/** The newest release: its record is in data/r/0.bin (documents are numbered newest first). */
let newest;
const original = {};

before(async () => {
  for (const f of ['data/l/0.bin', 'data/index.bin', 'data/t/0.bin', 'data/p/0.bin', 'data/r/0.bin', 'data/f/person.bin', 'data/f/country.bin']) {
    original[f] = await readFile(join(distDir(), f));
  }
  dictionary = (await readdir(join(distDir(), 'data', 'd'))).map((f) => `data/d/${f}`);
  for (const f of dictionary) original[f] = await readFile(join(distDir(), f));
  server = await serveDist(distDir(), PUBLIC_URL, { files });
  browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${server.url}?q=${encodeURIComponent('"smuggling of migrants matters"')}`);
  const seed = page.getByRole('list', { name: 'Matching releases' }).getByRole('link', { name: SEED_TITLE });
  seedPath = new URL(await seed.getAttribute('href'), server.url).pathname.slice(PUBLIC_URL.length);
  await page.goto(`${server.url}?sort=newest`);
  const first = page.getByRole('list', { name: 'Matching releases' }).locator('.release-title a').first();
  newest = {
    title: (await first.textContent()).trim(),
    path: new URL(await first.getAttribute('href'), server.url).pathname.slice(PUBLIC_URL.length),
  };
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The bytes with one flipped (every bit) at `at`. */
const flipped = (bytes, at) => {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0xff;
  return copy;
};

/** The file served in place of each file when they are swapped. */
const OTHER = {
  'data/l/0.bin': 'data/index.bin',
  'data/index.bin': 'data/l/0.bin',
  'data/t/0.bin': 'data/p/0.bin',
  'data/p/0.bin': 'data/index.bin',
  'data/r/0.bin': 'data/l/0.bin',
  'data/f/person.bin': 'data/f/country.bin',
};

/**
 * The damages of a file: name → the damaged bytes. Every packed file carries
 * a checksum, so a byte flipped anywhere (here: the middle, inside postings
 * or text) is caught.
 */
function damagesOf(file) {
  return damages(OTHER[file]).map(([name, damage]) => [name, () => damage(original[file])]);
}

/** The damages, as functions of the bytes; `other` is the file swapped in. */
function damages(other) {
  const cases = [
    ['truncated to half', (b) => b.subarray(0, b.length >> 1)],
    ['truncated by one byte', (b) => b.subarray(0, b.length - 1)],
    ['empty', () => Buffer.alloc(0)],
    ['with its first byte flipped', (b) => flipped(b, 0)],
    [`swapped with ${other}`, () => original[other]],
  ];
  cases.push(['with its format version flipped (byte 4)', (b) => flipped(b, 4)]);
  cases.push(['with a byte in the middle flipped', (b) => flipped(b, b.length >> 1)]);
  return cases;
}

/** A fresh page with `file` replaced; its page errors and console errors. */
async function openWith(file, bytes, path) {
  return openWithAll(new Map([[file, bytes]]), path);
}

/** A fresh page with each file of `replaced` (name → bytes) replaced. */
async function openWithAll(replaced, path) {
  files.clear();
  for (const [file, bytes] of replaced) files.set(file, bytes);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  // A deep link is answered with 404.html and status 404 (a plain static
  // host): the only console error allowed is that of the document itself.
  const url = server.url + path;
  const own404 = (m) => /status of 404/.test(m.text()) && m.location().url === url;
  page.on('console', (m) => m.type() === 'error' && !own404(m) && problems.push(`console error: ${m.text()}`));
  await page.goto(url);
  return { page, problems, close: () => context.close().finally(() => files.clear()) };
}

for (const file of ['data/l/0.bin', 'data/index.bin']) {
  for (const [name, damaged] of damagesOf(file)) {
    test(`${file} ${name}: the error view names it`, async () => {
      // A path without a pre-rendered page: the plain shell (404.html).
      const { page, problems, close } = await openWith(file, damaged(), 'no/page/here');
      try {
        await page.getByRole('heading', { level: 1, name: 'Dateline could not start' }).waitFor();
        const alert = await page.getByRole('alert').textContent();
        assert.ok(alert.includes(file.slice('data/'.length)), `the alert names ${file}: ${alert}`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}

test('a pre-rendered page stays readable when data/l/0.bin is damaged, and says what is missing', async () => {
  const bytes = Buffer.from(original['data/l/0.bin'].subarray(0, original['data/l/0.bin'].length >> 1));
  const { page, problems, close } = await openWith('data/l/0.bin', bytes, '');
  try {
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^Search and filters are unavailable: .*l\/0\.bin/);
    // The newest releases, as the build rendered them, are still there and link to their pages.
    const links = page.locator('.release-list .release-title a');
    assert.ok((await links.count()) >= 3);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

for (const [name, damaged] of damagesOf('data/p/0.bin')) {
  test(`data/p/0.bin ${name}: a notice names it and the timeline works`, async () => {
    const { page, problems, close } = await openWith('data/p/0.bin', damaged(), `?q=${encodeURIComponent('"migrants smuggling"')}&country=IR`);
    try {
      const notice = page.getByRole('alert').filter({ hasText: 'data/p/0.bin' });
      await notice.waitFor();
      assert.match(await notice.textContent(), /all its words/);
      // Without positions a quoted phrase matches the releases with all its
      // words: the seed ("smuggling of migrants") is found by the reversed
      // phrase. Iran's releases only: the fixtures hold more releases with
      // both words than the windowed list renders without scrolling.
      await page.getByRole('list', { name: 'Matching releases' }).getByRole('link', { name: SEED_TITLE }).waitFor();
      assert.equal(await page.getByRole('searchbox', { name: 'Search releases' }).isEditable(), true);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

/**
 * A search whose words need the `replaced` files: a notice naming one of
 * them (`named`) says results may be incomplete, the search answers without
 * them, and filters that need no words still work.
 */
async function searchGoesOnWithout(replaced, named) {
  const { page, problems, close } = await openWithAll(replaced, '?q=smuggling');
  try {
    const notice = page.getByRole('alert').filter({ hasText: named });
    await notice.waitFor();
    assert.match(await notice.textContent(), /may be incomplete/);
    // The search does not wait for ever: it answers without the piece.
    await page.waitForFunction(() => /releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    const box = page.getByRole('searchbox', { name: 'Search releases' });
    assert.equal(await box.isEditable(), true);
    // Filters that need no words still work.
    await box.fill('');
    await page.getByRole('list', { name: 'Matching releases' }).getByRole('link').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
}

for (const [name, damaged] of damagesOf('data/t/0.bin')) {
  test(`data/t/0.bin ${name}: a notice names it, the search stops waiting and the timeline works`, () =>
    searchGoesOnWithout(new Map([['data/t/0.bin', damaged()]]), 'data/t/0.bin'));
}

for (const [name, damage] of damages('data/t/0.bin')) {
  test(`data/d/N.bin (every piece of the dictionary) ${name}: a notice names one, the search stops waiting and the timeline works`, () =>
    searchGoesOnWithout(new Map(dictionary.map((f) => [f, damage(original[f])])), /data\/d\/\d+\.bin/));
}

for (const [name, damaged] of damagesOf('data/f/person.bin')) {
  test(`data/f/person.bin ${name}: a notice names it, the counts stop waiting and the timeline works`, async () => {
    const { page, problems, close } = await openWith('data/f/person.bin', damaged(), '?q=smuggling');
    try {
      const notice = page.getByRole('alert').filter({ hasText: 'data/f/person.bin' });
      await notice.waitFor();
      assert.match(await notice.textContent(), /Some filters are unavailable/);
      await page.waitForFunction(() => /releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
      // The other facets are counted; nothing says it is still counting.
      await page.waitForFunction(() => !document.querySelector('.facets-status'));
      assert.ok((await page.getByRole('group', { name: 'Country', exact: true }).getByRole('checkbox').count()) > 0);
      await page.getByRole('list', { name: 'Matching releases' }).getByRole('link').first().waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

for (const [name, damaged] of damagesOf('data/r/0.bin')) {
  test(`data/r/0.bin ${name}: the release says it cannot show the text`, async () => {
    const { page, problems, close } = await openWith('data/r/0.bin', damaged(), newest.path);
    try {
      await page.getByRole('heading', { level: 1, name: newest.title }).waitFor();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /data\/r\/0\.bin/);
      assert.equal(await page.locator('.release-body').count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

test('the dictionary, the postings and the word positions are fetched when a query needs them, once, and make it exact', async () => {
  const { page, problems, close } = await openWith('data/none', Buffer.alloc(0), '');
  const asked = [];
  page.on('request', (r) => /\/data\/[dtp]\//.test(r.url()) && asked.push(new URL(r.url()).pathname));
  const words = () => asked.filter((p) => p.includes('/data/d/'));
  const positions = () => asked.filter((p) => p.includes('/data/p/'));
  const postings = () => asked.filter((p) => p.includes('/data/t/'));
  try {
    const count = page.locator('.result-count');
    await page.getByRole('list', { name: 'Matching releases' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('dateline-pieces').length > 0);
    assert.deepEqual(asked, [], 'no pieces at start');
    const box = page.getByRole('searchbox', { name: 'Search releases' });
    // Both words are in the seed, never in this order: all the words match,
    // the exact phrase none.
    const matching = async () => Number((await count.textContent()).match(/^(\d+)/)?.[1] ?? -1);
    await box.fill('matters migrants');
    await page.waitForFunction(() => / of \d+ releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    assert.ok((await matching()) >= 1, `releases with both words: ${await count.textContent()}`);
    assert.ok(postings().length >= 1, `the words' postings: ${asked}`);
    assert.ok(words().length >= 1, `the words' pieces of the dictionary: ${asked}`);
    assert.match(asked[0], /\/data\/d\//, `a word's piece of the dictionary says which postings: ${asked}`);
    assert.deepEqual(positions(), [], 'no positions for words');
    const fetched = postings().length;
    await box.fill('"matters migrants"');
    await page.waitForFunction(() => /^0 of /.test(document.querySelector('.result-count')?.textContent.trim() ?? ''));
    assert.equal(positions().length, 1, `one piece asked for: ${asked}`);
    assert.match(positions()[0], /\/data\/p\/0\.bin$/);
    assert.equal(postings().length, fetched, 'the same words need no more postings');
    await box.fill('"smuggling of migrants"');
    await page.getByRole('list', { name: 'Matching releases' }).getByRole('link', { name: SEED_TITLE }).waitFor();
    assert.equal(positions().length, 1, 'a piece is fetched once');
    assert.equal(new Set(asked).size, asked.length, `every piece once: ${asked}`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the build keeps a chunk file\'s records gzip-compressed, and the app unpacks them on a client-side visit', async () => {
  const chunk = original['data/r/0.bin'];
  assert.equal(chunk.subarray(0, 4).toString('latin1'), 'DLRC');
  assert.deepEqual([chunk[4], chunk[5]], [2, 1], 'format version 2, body encoding 1 (gzip)');
  const { page, problems, close } = await openWith('data/none', Buffer.alloc(0), '?sort=newest');
  try {
    const first = page.getByRole('list', { name: 'Matching releases' }).locator('.release-title a').first();
    await first.click();
    await page.getByRole('heading', { level: 1, name: newest.title }).waitFor();
    await page.locator('.release-body').waitFor();
    const text = await page.locator('.release-body').textContent();
    assert.ok(text.trim().length > 80, `the full text is shown: ${text}`);
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a pre-rendered page over data from another build is rendered afresh, not taken over (no panic)', async () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const fixtures = join(root, 'core', 'tests', 'fixtures');
  const dir = await mkdtemp(join(tmpdir(), 'dateline-other-'));
  await mkdir(join(dir, 'in'));
  const few = (await readdir(fixtures)).filter((f) => f.endsWith('.txt')).slice(0, 3);
  for (const f of few) await copyFile(join(fixtures, f), join(dir, 'in', f));
  const cli = spawnSync(join(root, 'target', 'release', 'dateline'), ['pack', join(dir, 'in'), '--out', join(dir, 'data')], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const home = await (await fetch(server.url)).text();
  assert.match(home, /<div id="?app"? [^>]*data-build="?[0-9a-f]{16}/, 'the page names the data it was rendered from');
  files.clear();
  for (const f of ['l/0.bin', 'index.bin', 'd/0.bin', 't/0.bin', 'p/0.bin']) files.set(`data/${f}`, await readFile(join(dir, 'data', f)));
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  try {
    await page.goto(server.url);
    const list = page.getByRole('list', { name: 'Matching releases' });
    await waitForApp(page);
    await list.waitFor();
    assert.equal(await list.locator('.release-title a').count(), few.length, 'the other build\'s releases are shown');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    files.clear();
  }
});

test('the untouched files: no alert anywhere', async () => {
  const { page, problems, close } = await openWith('data/none', Buffer.alloc(0), seedPath);
  try {
    await page.locator('.release-body').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('dateline-pieces').length > 0);
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
