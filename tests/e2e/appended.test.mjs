// Releases appended to a packed archive with `dateline add`, served as any
// data folder: they are numbered after the others (the first build's
// postings, positions and most list pieces and chunks are not written
// again), yet the timeline shows them in date order, a search finds them
// through their own postings (data/ta/, data/pa/), and each opens by its
// address. A generated corpus past the lede limit is packed by the CLI,
// then added to, and served in place of dist/data (server.mjs `files`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, distDir } from './server.mjs';
import { dateline, readTree } from './data-folder.mjs';
import { launch, waitForApp } from './browser.mjs';

const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const RELEASES = 5600;
const GENERATED_ADDED = 24;
const TITLE = 'Quillwort survey in Vienna opens a new route for cooperation with Iran';

const files = new Map();
let server;
let browser;

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-appended-'));
  const run = dateline;
  run(['generate', '--count', String(RELEASES), '--seed', '11', '--out', join(dir, 'in')]);
  run(['pack', join(dir, 'in'), '--out', join(dir, 'data')]);
  const packed = await readTree(join(dir, 'data'));
  run(['generate', '--count', String(GENERATED_ADDED), '--seed', '12', '--out', join(dir, 'more', 'generated')]);
  await writeFile(
    join(dir, 'more', 'quillwort.txt'),
    `${TITLE}\n\nVienna, Austria - 15 January 2027 - UNODC and the Islamic Republic of Iran opened a quillwort survey at the Vienna International Centre.\n\n"This survey is a first step," said Jane Example, Director of Operations at UNODC.\n`,
  );
  const said = run(['add', join(dir, 'more'), '--out', join(dir, 'data')]);
  assert.match(said, new RegExp(`appended ${GENERATED_ADDED + 1} releases`), said);
  const added = await readTree(join(dir, 'data'));
  for (const [f, bytes] of packed) {
    if (/^[tp]\//.test(f)) assert.ok(bytes.equals(added.get(f)), `${f} is the first build's`);
  }
  assert.ok([...added.keys()].some((f) => f.startsWith('ta/')), 'the appended postings');
  for (const [f, bytes] of added) files.set(`data/${f}`, bytes);
  server = await serveDist(distDir(), PUBLIC_URL, { files });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  await page.goto(server.url + path);
  await waitForApp(page);
  return { page, problems, close: () => context.close() };
}

const list = (page) => page.getByRole('list', { name: 'Matching releases' });
const total = RELEASES + GENERATED_ADDED + 1;

test('the newest release, appended last, heads the timeline, and every release is counted', async () => {
  const { page, problems, close } = await open('');
  try {
    const first = list(page).locator('.release-title a').first();
    await first.waitFor();
    assert.equal((await page.locator('.result-count').textContent()).trim(), `${total} releases`);
    assert.equal((await first.textContent()).trim(), TITLE);
    const years = page.getByRole('group', { name: 'Year', exact: true });
    assert.ok(await years.getByRole('checkbox', { name: /^2027/ }).count(), 'its year counted');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a word only an appended release has finds it, narrowed by its country too', async () => {
  const { page, problems, close } = await open('?q=quillwort');
  try {
    await page.waitForFunction(() => /1 of \d+ releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    assert.equal((await list(page).locator('.release-title a').first().textContent()).trim(), TITLE);
    await page.waitForFunction(() => !document.querySelector('.facets-status'));
    const iran = page.getByRole('group', { name: 'Country', exact: true }).getByRole('checkbox', { name: /^Iran/ });
    await iran.check();
    await page.waitForFunction(() => /[?&]country=/.test(location.search));
    await page.waitForFunction(() => /1 of \d+ releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    // A quoted phrase reads the appended positions.
    await page.getByRole('searchbox', { name: 'Search releases' }).fill('"quillwort survey"');
    await page.waitForFunction(() => /1 of \d+ releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('an appended release opens by its address, with its quote and speaker', async () => {
  const found = await open('?q=quillwort');
  let path;
  try {
    const link = list(found.page).locator('.release-title a').first();
    await link.waitFor();
    path = new URL(await link.getAttribute('href'), server.url).pathname.slice(PUBLIC_URL.length);
    assert.deepEqual(found.problems, []);
  } finally {
    await found.close();
  }
  const { page, problems, close } = await open(path);
  try {
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.locator('.release-body').waitFor();
    assert.match(await page.locator('.release-body').textContent(), /quillwort survey/);
    const main = await page.getByRole('main').textContent();
    assert.match(main, /This survey is a first step/);
    assert.match(main, /Jane Example/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
