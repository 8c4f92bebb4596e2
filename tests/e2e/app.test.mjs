// The main flow against the release build served under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, distDir } from './server.mjs';
import { launch } from './browser.mjs';

const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';

let server;
let browser;
let page;
const errors = [];
/** The seed's title link in the result list (the events lane links it too). */
const seedLink = (p) => p.getByRole('list', { name: 'Matching releases' }).getByRole('link', { name: SEED_TITLE });

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/404/.test(m.text()) && errors.push(m.text()));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The timeline filtered to the seed's year: in a corpus of many newer
 * releases the seed is far down the unfiltered list, outside its window. */
const seedYear = () => `${server.url}?year=2019`;

test('list → detail → reload the deep link → back', async () => {
  await page.goto(seedYear());
  const link = seedLink(page);
  await link.waitFor();
  const item = page
    .getByRole('list', { name: 'Matching releases' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: SEED_TITLE }) });
  await assert.doesNotReject(item.getByText('17 April 2019').waitFor({ timeout: 2000 }));
  await assert.doesNotReject(item.getByText('Vienna').waitFor({ timeout: 2000 }));

  await link.click();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  const detailUrl = page.url();
  assert.ok(detailUrl.startsWith(`${server.url}release/2019-04-17-`), `detail URL under the sub-path: ${detailUrl}`);
  // The heading can come from the list (l/0.bin) before the text's chunk file has
  // arrived: wait for the body, which renders whole.
  await page.locator('.release-body p').first().waitFor();
  const paragraphs = await page.locator('.release-body p').allTextContents();
  assert.ok(paragraphs.length >= 8, `paragraphs: ${paragraphs.length}`);
  assert.match(paragraphs[0], /^UNODC hosted a high-level delegation/);
  assert.match(paragraphs.at(-1), /funded by the European Union/);

  // A plain static host answers the permalink with the release's pre-rendered
  // page, which the app takes over.
  const response = await page.reload();
  assert.equal(response.status(), 200, 'the release has a page of its own');
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  assert.equal(page.url(), detailUrl);
  // The heading comes from the list (l/0.bin); the text follows with its chunk file.
  await page.locator('.release-body p').first().waitFor();
  assert.equal(await page.locator('.release-body p').count(), paragraphs.length);

  await page.goBack();
  await seedLink(page).waitFor();
  assert.equal(page.url(), seedYear());
  assert.deepEqual(errors, []);
});

test('unknown paths and ids show not-found inside the app', async () => {
  await page.goto(`${server.url}release/no-such-release`);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Back to all releases' }).click();
  await page.getByRole('list', { name: 'Matching releases' }).getByRole('listitem').first().waitFor();
  assert.equal(page.url(), server.url);

  await page.goto(`${server.url}no/such/page`);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
});

test('assets load from the sub-path only, nothing external', async () => {
  const requests = [];
  const p = await browser.newPage();
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(seedYear());
  await seedLink(p).waitFor();
  const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched under the sub-path');
  await p.close();
});
