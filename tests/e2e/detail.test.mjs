// The rich release detail view of the seed, against the release build served under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, distDir } from './server.mjs';
import { launch } from './browser.mjs';

const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';

let server;
let browser;
let context;
let page;
let detailUrl;
const errors = [];

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/404/.test(m.text()) && errors.push(m.text()));
  // The seed's year: newer releases push it out of the unfiltered list's window.
  await page.goto(`${server.url}?year=2019`);
  await page.locator('.release-list .release-title a', { hasText: SEED_TITLE }).first().click();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  detailUrl = page.url();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('mentions in the text link to entity pages under the sub-path', async () => {
  const body = page.locator('.release-body');
  const unodc = body.getByRole('link', { name: 'UNODC', exact: true }).first();
  assert.equal(await unodc.getAttribute('href'), `${PUBLIC_URL}organisation/unodc`);
  const iran = body.getByRole('link', { name: 'Iran', exact: true }).first();
  assert.equal(await iran.getAttribute('href'), `${PUBLIC_URL}country/IR`);
  const person = body.getByRole('link', { name: 'Abbas Bagherpour', exact: true }).first();
  assert.equal(await person.getAttribute('href'), `${PUBLIC_URL}person/abbas-bagherpour`);
  assert.equal(await page.locator('.release-body a a').count(), 0);
  const paragraphs = await page.locator('.release-body p').allTextContents();
  assert.match(paragraphs[0], /^UNODC hosted a high-level delegation/);

  await iran.click();
  await page.getByRole('heading', { level: 1, name: 'Iran' }).waitFor();
  assert.equal(page.url(), `${server.url}country/IR`);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
});

test('fact box and quotes with their speakers', async () => {
  const facts = page.locator('dl.fact-box');
  const terms = await facts.locator('dt').allTextContents();
  for (const t of ['Date', 'Dateline', 'Event dates', 'Budget', 'Partner organisations', 'Countries', 'Contacts']) {
    assert.ok(terms.includes(t), `${t} in ${terms}`);
  }
  await facts.getByText('17 April 2019').first().waitFor();
  await facts.getByText(/€12 million/).waitFor();
  assert.equal(await facts.getByRole('link', { name: 'EU', exact: true }).first().getAttribute('href'),
    `${PUBLIC_URL}organisation/eu`);

  const quotes = page.getByRole('region', { name: 'Quotes' });
  const figures = quotes.locator('figure');
  assert.ok((await figures.count()) >= 2);
  const caption = figures.first().locator('figcaption');
  assert.match(await caption.textContent(), /Abbas Bagherpour, Director General of International Legal Affairs/);
  assert.match(await figures.first().locator('blockquote').textContent(), /shape that framework/);
});

test('related and previous/next appear when the corpus has other releases', async () => {
  const count = await page.evaluate(() => document.querySelectorAll('script[type="application/ld+json"]').length);
  assert.equal(count, 1);
  const neighbours = page.getByRole('navigation', { name: 'Previous and next' });
  const p = await context.newPage();
  await p.goto(server.url);
  await p.locator('.release-list .release-title a').first().waitFor();
  const releases = await p.locator('.release-list .release-title a').count();
  await p.close();
  if (releases > 1) {
    await neighbours.waitFor();
    for (const href of await neighbours.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.ok(href.startsWith(`${PUBLIC_URL}release/`), href);
    }
  } else {
    assert.equal(await neighbours.count(), 0, 'a lone release has no neighbours');
    assert.equal(await page.locator('section.related').count(), 0);
  }
});

test('JSON-LD parses as a NewsArticle of this page', async () => {
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  const ld = JSON.parse(text);
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, SEED_TITLE);
  assert.equal(ld.datePublished, '2019-04-17');
  assert.equal(ld.url, detailUrl);
  assert.match(ld.articleBody, /^UNODC hosted/);
  assert.ok(ld.mentions.some((m) => m['@type'] === 'Person' && m.name === 'Abbas Bagherpour'));
});

test('permalink and copy citation by keyboard', async () => {
  const permalink = page.getByRole('link', { name: 'Permalink to this release' });
  assert.equal(new URL(await permalink.getAttribute('href'), server.url).href, detailUrl);
  await permalink.focus();
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Copy citation' });
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'Tab reaches the button');
  await page.keyboard.press('Enter');
  const status = page.locator('.copy-status');
  await status.filter({ hasText: /Citation copied|selected below/ }).waitFor();
  const citation = `UNODC/${SEED_TITLE}. Vienna, 17 April 2019. <${detailUrl}>`;
  if ((await status.textContent()) === 'Citation copied') {
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
  } else {
    assert.equal(await page.getByRole('textbox', { name: 'Citation' }).inputValue(), citation);
  }
  assert.deepEqual(errors, []);
});
