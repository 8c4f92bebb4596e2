// Explore your own folder (issue 14), against the release build under a
// sub-path: releases picked in the page are read by the import worker, shown
// with the same explorer, kept on the device across reloads, merged with the
// site's, zipped as `dateline pack` would write them, and forgotten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { serveDist, distDir } from './server.mjs';
import { launch, waitForApp } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'core', 'tests', 'fixtures');
const CLI = join(ROOT, 'target', 'release', 'dateline');
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const WAIT = { timeout: 120_000 };

let server;
let browser;

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the CLI prints or writes (it exits 1 when some file has errors, and still writes). */
function cli(...args) {
  const run = spawnSync(CLI, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.ok(run.status === 0 || run.status === 1, `${CLI} ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const GZIP = Buffer.from([0x1f, 0x8b, 0x08]);
/** A data file's gzip body unpacked (its 10-byte gzip header skipped; what follows the deflate stream is ignored). */
const gunzipped = (bytes) => inflateRawSync(bytes.subarray(bytes.indexOf(GZIP) + 10));

const setSwitch = (page) => page.getByRole('combobox', { name: 'Releases shown' });

async function openPanel(page) {
  await page.goto(server.url);
  // The set switch and the button are in the pre-rendered page: a click
  // before the app has taken it over would be lost (seen once on a busy machine).
  await waitForApp(page);
  await setSwitch(page).waitFor();
  await page.getByRole('button', { name: 'Import releases' }).click();
  return page.getByRole('region', { name: 'Import releases' });
}

/** Imports a folder through the folder picker; resolves to the number of releases shown. */
async function importFolder(page, dir) {
  const panel = await openPanel(page);
  await panel.getByLabel('Choose a folder').setInputFiles(dir);
  const done = panel.getByText(/^Showing my releases: \d+ releases?\.$/);
  await done.waitFor(WAIT);
  return Number((await done.textContent()).match(/\d+/)[0]);
}

/** The records of the set shown, through the timeline's JSON export. */
async function exportedRecords(page) {
  await page.goto(server.url);
  // The page shows this site's releases until the kept set is read.
  await page.waitForFunction(() => document.querySelector('.set-switch select')?.value === 'mine', null, WAIT);
  const button = page.getByRole('button', { name: /^Download JSON of the \d+ matching releases?$/ });
  await button.waitFor(WAIT);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

const byId = (records) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

test('a picked folder is read off the page and shown; its records are the CLI\'s, field for field', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await setSwitch(page).waitFor();
  assert.deepEqual(requests.filter((u) => u.includes('dateline-import')), [],
    'the worker is not fetched at start');
  assert.equal(await setSwitch(page).inputValue(), 'site');

  const shown = await importFolder(page, FIXTURES);
  assert.equal(await setSwitch(page).inputValue(), 'mine');
  // The timeline counts the set shown, not the site's it showed before.
  assert.equal(await page.locator('p.result-count').textContent(), `${shown} releases`);
  assert.ok(requests.some((u) => u.endsWith('/dateline-import_bg.wasm')), 'the worker loads on import');

  const expected = JSON.parse(cli('ingest', '--json', FIXTURES));
  assert.equal(shown, expected.length);
  const records = await exportedRecords(page);
  assert.equal(records.length, expected.length);
  assert.deepEqual(byId(records), byId(expected));

  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:')), [],
    'nothing is sent anywhere');
  await context.close();
});

test('the imported set survives a reload, and the explorer searches it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const shown = await importFolder(page, FIXTURES);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('.set-switch select')?.value === 'mine', null, WAIT);
  assert.ok(shown > 0);
  const search = page.getByRole('searchbox');
  await search.fill('UNODC');
  await page.waitForURL(/q=UNODC/);
  const results = page.getByRole('list', { name: 'Matching releases' }).getByRole('link');
  assert.ok((await results.count()) > 0);
  await context.close();
});

test('one bad file does not stop the others; problems are listed as the CLI prints them', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const panel = await openPanel(page);
  const good = await readFile(join(FIXTURES, '03_geneva_colon.txt'));
  await panel.getByLabel('Choose files').setInputFiles([
    { name: 'good.txt', mimeType: 'text/plain', buffer: good },
    { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"title": ') },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) },
  ]);
  await panel.getByText('Showing my releases: 1 release.').waitFor(WAIT);
  const problems = (await panel.locator('.import-problems li').allTextContents()).join('\n');
  assert.match(problems, /^bad\.json(:\d+)?: error: /m);
  assert.match(problems, /^photo\.jpg: warning: /m);
  await context.close();
});

test('Cancel stops an import between batches and adds nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const panel = await openPanel(page);
  const files = Array.from({ length: 3000 }, (_, n) => ({
    name: `r${n}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Release number ${n} on wetlands\n\nGENEVA, 2 February 2021 – Delegates met on wetland number ${n}.\n`),
  }));
  await panel.getByLabel('Choose files').setInputFiles(files);
  const cancel = panel.getByRole('button', { name: 'Cancel import' });
  await cancel.click(WAIT);
  await panel.getByText('Import cancelled: nothing was added.').waitFor(WAIT);
  assert.equal(await setSwitch(page).inputValue(), 'site');
  await setSwitch(page).selectOption('mine');
  await panel.getByText('No releases are kept on this device yet: import some first.').waitFor(WAIT);
  await context.close();
});

test('both sets merged; Download as a site equals dateline pack; Forget removes them', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const mine = await importFolder(page, FIXTURES);
  const panel = page.getByRole('region', { name: 'Import releases' });

  await setSwitch(page).selectOption('both');
  const merged = panel.getByText(/^Showing both, merged: \d+ releases\.$/);
  await merged.waitFor(WAIT);
  const both = Number((await merged.textContent()).match(/\d+/)[0]);
  assert.ok(both > mine, `${both} > ${mine}`);

  await setSwitch(page).selectOption('mine');
  await panel.getByText(`Showing my releases: ${mine} releases.`).waitFor(WAIT);
  const [download] = await Promise.all([
    page.waitForEvent('download', WAIT),
    panel.getByRole('button', { name: 'Download as a site' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'dateline-zip-'));
  const zip = join(dir, 'site.zip');
  await download.saveAs(zip);
  const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', zip, join(dir, 'zip')], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, unzip.stderr);
  cli('pack', FIXTURES, '--out', join(dir, 'cli', 'data'));
  const listed = async (root) => (await readdir(root, { recursive: true })).sort();
  const cliFiles = await listed(join(dir, 'cli', 'data'));
  const zipFiles = await listed(join(dir, 'zip', 'data'));
  assert.deepEqual(zipFiles, cliFiles);
  for (const file of cliFiles.filter((f) => f.includes('.'))) {
    const [a, b] = await Promise.all([
      readFile(join(dir, 'zip', 'data', file)),
      readFile(join(dir, 'cli', 'data', file)),
    ]);
    // The CLI deflates with zlib-rs, the worker with miniz_oxide (smaller):
    // a gzip body may differ in its bytes, never in what it unpacks to.
    const same = a.equals(b) || (a.includes(GZIP) && b.includes(GZIP) && gunzipped(a).equals(gunzipped(b)));
    assert.ok(same, `data/${file} differs from dateline pack's`);
  }
  assert.match(await readFile(join(dir, 'zip', 'feed.xml'), 'utf8'), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);

  await panel.getByRole('button', { name: 'Forget my releases' }).click();
  await panel.getByText('Your releases were removed from this device.').waitFor(WAIT);
  assert.equal(await setSwitch(page).inputValue(), 'site');
  await page.reload();
  await setSwitch(page).waitFor();
  assert.equal(await setSwitch(page).inputValue(), 'site');
  await context.close();
});

test('the import controls work by keyboard alone', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  // The pre-rendered toggle does nothing until the app runs.
  await waitForApp(page);
  const toggle = page.getByRole('button', { name: 'Import releases' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const panel = page.getByRole('region', { name: 'Import releases' });
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '');
  assert.match(focused, /Choose files/);
  assert.ok(await panel.isVisible());
  await context.close();
});
