// The rich release detail view of the seed, against the release build served under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
/** The release's canonical URL, as citations give it: its page's folder. */
const permalinkUrl = () => `${detailUrl.replace(/\/$/, '')}/`;
const errors = [];

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/404/.test(m.text()) && errors.push(m.text()));
  // Searched for: a list of more than 40 releases mounts only the rows near the viewport.
  await page.goto(`${server.url}?q=Bagherpour`);
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
  // The count, not the rows: a long list mounts only those near the viewport.
  const releases = parseInt(await p.locator('.result-count').textContent(), 10);
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
  assert.equal(ld.url, permalinkUrl());
  assert.match(ld.articleBody, /^UNODC hosted/);
  assert.ok(ld.mentions.some((m) => m['@type'] === 'Person' && m.name === 'Abbas Bagherpour'));
});

test('permalink and copy citation (APA 7 by default) by keyboard', async () => {
  const permalink = page.getByRole('link', { name: 'Permalink to this release' });
  assert.equal(new URL(await permalink.getAttribute('href'), server.url).href, detailUrl);
  await permalink.focus();
  await page.keyboard.press('Tab');
  const style = page.getByRole('combobox', { name: 'Citation style' });
  assert.ok(await style.evaluate((s) => s === document.activeElement), 'Tab reaches the style');
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Copy citation' });
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'Tab reaches the button');
  await page.keyboard.press('Enter');
  const status = page.locator('.copy-status');
  await status.filter({ hasText: /Citation copied|selected below/ }).waitFor();
  const citation =
    `United Nations Office on Drugs and Crime. (2019, April 17). ${SEED_TITLE} [Press release]. ${permalinkUrl()}`;
  assert.equal(await page.locator('.citation-text').textContent(), citation);
  if ((await status.textContent()) === 'Citation copied') {
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
  } else {
    assert.equal(await page.getByRole('textbox', { name: 'Citation' }).inputValue(), citation);
  }
  assert.deepEqual(errors, []);
});

test('the citation follows the style picked', async () => {
  const style = page.getByRole('combobox', { name: 'Citation style' });
  assert.equal(await style.inputValue(), 'apa');
  assert.equal(await page.locator('.citation-text i').textContent(), SEED_TITLE);
  await style.selectOption({ label: 'Chicago (author-date)' });
  const text = page.locator('.citation-text');
  await text.filter({ hasText: /^United Nations Office on Drugs and Crime\. 2019\. “/ }).waitFor();
  assert.equal(await text.textContent(),
    'United Nations Office on Drugs and Crime. 2019. “Islamic Republic of Iran and UNODC to Increase Cooperation '
    + 'on Trafficking in Persons and Smuggling of Migrants Matters.” Press release, April 17, 2019. '
    + `${permalinkUrl()}.`);
  await style.selectOption('apa');
  await text.filter({ hasText: /\(2019, April 17\)/ }).waitFor();
});

/** The name and text of the file a button downloads. */
async function downloaded(name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return [download.suggestedFilename(), await readFile(await download.path(), 'utf8')];
}

test('BibTeX and RIS downloads of the release', async () => {
  const id = new URL(detailUrl).pathname.split('/').pop();
  const [bibName, bib] = await downloaded('Download BibTeX');
  assert.equal(bibName, `${id}.bib`);
  assert.match(bib, new RegExp(`^@misc\\{${id},\n`));
  assert.ok(bib.includes('  author = {{United Nations Office on Drugs and Crime}},\n'), bib);
  assert.ok(bib.includes(`  title = {{${SEED_TITLE}}},\n`), bib);
  assert.ok(bib.includes('  howpublished = {Press release},\n  year = {2019},\n  month = apr,\n'), bib);
  assert.ok(bib.includes(`  url = {${permalinkUrl()}},\n}\n`), bib);
  const [risName, ris] = await downloaded('Download RIS');
  assert.equal(risName, `${id}.ris`);
  assert.deepEqual(ris.split('\r\n'), [
    'TY  - PRESS',
    'AU  - United Nations Office on Drugs and Crime',
    `TI  - ${SEED_TITLE}`,
    'PY  - 2019',
    'DA  - 2019/04/17',
    'PB  - United Nations Office on Drugs and Crime',
    'M3  - Press release',
    `UR  - ${permalinkUrl()}`,
    'ER  - ',
    '',
  ]);
});

test('citation meta tags are in the head while the release is shown', async () => {
  const meta = (name) => page.evaluate(
    (n) => [...document.head.querySelectorAll(`meta[name="${n}"]`)].map((m) => m.content), name);
  assert.deepEqual(await meta('citation_title'), [SEED_TITLE]);
  assert.deepEqual(await meta('citation_author'), ['United Nations Office on Drugs and Crime']);
  assert.deepEqual(await meta('citation_publication_date'), ['2019/04/17']);
  assert.deepEqual(await meta('citation_publisher'), ['United Nations Office on Drugs and Crime']);
  assert.deepEqual(await meta('citation_public_url'), [permalinkUrl()]);
  await page.goBack();
  await page.locator('.release-list').waitFor();
  assert.equal(await page.evaluate(() => document.head.querySelectorAll('meta[name^="citation_"]').length), 0);
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  assert.deepEqual(await meta('citation_title'), [SEED_TITLE]);
  assert.deepEqual(errors, []);
});

test('cards at 360 px: no empty lede, chips whole inside their card', async () => {
  const narrow = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const p = await narrow.newPage();
  await p.goto(`${server.url}?q=UNODC`);
  // The search's own cards, once its words' postings (data/t/) are here: the
  // pre-rendered home page's cards are there before.
  await p.waitForFunction(() => / of \d+ releases match/.test(document.querySelector('.result-count')?.textContent ?? ''));
  await p.locator('.release-list .release-card').first().waitFor();
  const cards = await p.locator('.release-list .release-item').evaluateAll((items) => items.map((item) => {
    const card = item.querySelector('.release-card').getBoundingClientRect();
    const snippet = item.querySelector('.snippet');
    const chips = [...item.querySelectorAll('.chips .chip')].map((c) => {
      const r = c.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        clipped: c.scrollWidth > c.clientWidth + 1, text: c.textContent };
    });
    const list = item.querySelector('.chips')?.getBoundingClientRect();
    return { id: item.querySelector('.release-title a').getAttribute('href'),
      card: { left: card.left, right: card.right }, item: item.getBoundingClientRect().bottom,
      snippet: snippet && snippet.textContent.trim(), chips, list: list && { top: list.top, bottom: list.bottom } };
  }));
  assert.ok(cards.length > 1);
  for (const c of cards) {
    assert.notEqual(c.snippet, '', `${c.id}: an empty lede element`);
    for (const chip of c.chips) {
      assert.ok(chip.left >= c.card.left - 0.5 && chip.right <= c.card.right + 0.5, `${c.id}: ${chip.text} overflows`);
      assert.ok(chip.top >= c.list.top - 0.5 && chip.bottom <= c.list.bottom + 0.5, `${c.id}: ${chip.text} out of its line`);
      assert.ok(chip.bottom <= c.item + 0.5, `${c.id}: ${chip.text} below its row`);
      assert.ok(!chip.clipped, `${c.id}: ${chip.text} cut`);
    }
  }
  // The seed has more chips than fit: a "+N" link says how many are left out.
  // Rows are mounted near the viewport only: scroll down to the seed's row.
  const seed = p.locator('.release-item', { has: p.locator('.release-title a', { hasText: SEED_TITLE }) });
  for (let i = 0; i < 40 && (await seed.count()) === 0; i++) {
    await p.mouse.wheel(0, 400);
    await p.waitForTimeout(50);
  }
  const more = seed.getByRole('link', { name: /^\d+ more (countr(y|ies)|topics?)( and \d+ more topics?)?$/ });
  assert.equal(await more.count(), 1);
  assert.match(await more.textContent(), /^\+\d+/);
  await narrow.close();
});
