// Compare over time in the release build: series added with the labelled
// field are drawn as one line each over the histogram, listed in a legend
// (a list named "Series compared", a "Remove …" button each) and given as a
// table; the URL carries them (series=…&scale=share) and a reload restores
// them; the counts / share radio group works by keyboard; the page stays
// within 400 elements with four series; a hostile URL is capped quickly; an
// entity page has its small chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, distDir } from './server.mjs';
import { launch, waitForApp } from './browser.mjs';

const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
let server;
let browser;
let page;

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const bars = () => page.locator('.histogram .bars').getByRole('button');
const field = () => page.getByRole('textbox', { name: 'Add a series' });
const legend = () => page.getByRole('list', { name: 'Series compared' });
const lines = () => page.locator('.histogram .compare-lines path');
const series = () => new URL(page.url()).searchParams.getAll('series');
async function open(query = '') {
  await page.goto(server.url + query);
  // The pre-rendered bars show at once, the address's series once the app runs.
  await waitForApp(page);
  await bars().first().waitFor();
}

test('two series added with the field are lines with a legend and a table, kept in the URL', async () => {
  await open();
  assert.equal(await legend().count(), 0, 'no legend before a series');
  await field().fill('smuggling');
  await field().press('Enter');
  await page.waitForURL(/[?&]series=smuggling/);
  await field().fill('trafficking');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.waitForURL(/series=trafficking/);
  assert.deepEqual(series(), ['smuggling', 'trafficking']);
  assert.equal(await field().inputValue(), '', 'the field is emptied');

  // The legend, by roles and names: what a screen reader reads. A series
  // whose postings are on their way says it is counting, never "0 releases".
  await legend().getByText('counting…').first().waitFor({ state: 'detached' });
  const items = legend().getByRole('listitem');
  assert.equal(await items.count(), 2);
  const texts = (await items.allTextContents()).map((t) => t.replace(/×$/, ''));
  assert.match(texts[0], /^“smuggling”: \d+ releases?(, most in .+ \(\d+\))?$/);
  assert.match(texts[1], /^“trafficking”: \d+ releases?(, most in .+ \(\d+\))?$/);
  for (const name of ['Remove “smuggling”', 'Remove “trafficking”']) {
    assert.equal(await legend().getByRole('button', { name }).count(), 1, name);
  }
  // One SVG path per series (not per point), hidden from the accessibility tree.
  assert.equal(await lines().count(), 2);
  assert.equal(await page.locator('.histogram .compare-lines').getAttribute('aria-hidden'), 'true');
  const dashes = await lines().evaluateAll((ps) => ps.map((p) => getComputedStyle(p).strokeDasharray));
  assert.notEqual(dashes[0], dashes[1], `told apart without colour: ${dashes}`);

  // The table: a row per bar, a column per series, totals as the legend says.
  await page.getByRole('button', { name: 'Show the lines as a table' }).click();
  const region = page.getByRole('region', { name: 'Releases per period, for each series, as a table' });
  await region.waitFor();
  const table = region.getByRole('table', { name: 'Releases per period, for each series' });
  assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Period', '“smuggling”', '“trafficking”']);
  assert.equal(await table.getByRole('rowheader').count(), await bars().count());
  const sums = await table.locator('tbody tr').evaluateAll((trs) =>
    [1, 2].map((c) => trs.reduce((n, tr) => n + Number(tr.cells[c].textContent), 0)),
  );
  for (const [i, text] of texts.entries()) {
    assert.equal(Number(text.match(/: (\d+) release/)[1]), sums[i], `${text} vs the table`);
  }

  // A reload restores the same lines from the URL alone.
  const before = await legend().getByRole('listitem').allTextContents();
  await page.reload();
  await bars().first().waitFor();
  await legend().waitFor();
  // The counts come with the series' postings: until they are here, each
  // says it is counting.
  const restored = async () => (await legend().getByRole('listitem').allTextContents()).join('|');
  for (let i = 0; i < 100 && (await restored()) !== before.join('|'); i++) {
    for (const text of await legend().getByRole('listitem').allTextContents()) {
      assert.match(text, /: (counting…|\d+ releases?)/, text);
    }
    await page.waitForTimeout(50);
  }
  assert.deepEqual(await legend().getByRole('listitem').allTextContents(), before);
  assert.equal(await lines().count(), 2);
  assert.deepEqual(series(), ['smuggling', 'trafficking']);
});

test('counts or share, by keyboard; a series removed by keyboard', async () => {
  await open('?series=smuggling&series=trafficking');
  const counts = page.getByRole('radio', { name: 'Counts' });
  const share = page.getByRole('radio', { name: 'Share of releases' });
  assert.equal(await page.getByRole('group', { name: 'Lines show' }).count(), 1);
  assert.ok(await counts.isChecked());
  await counts.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/scale=share/);
  assert.ok(await share.isChecked());
  await page.getByRole('button', { name: 'Show the lines as a table' }).click();
  const table = page.getByRole('table', { name: 'Share of releases per period, for each series' });
  await table.waitFor();
  const cells = await table.locator('tbody td').allTextContents();
  assert.ok(cells.length > 0 && cells.every((c) => /^\d+(\.\d)?%$/.test(c)), cells.join(' '));
  assert.match(await page.locator('.lines-top').textContent(), /^Lines: 0 to \d+(\.\d)?%$/);
  // Reloaded: still shares.
  await page.reload();
  await legend().waitFor();
  assert.ok(await page.getByRole('radio', { name: 'Share of releases' }).isChecked());

  await legend().getByRole('button', { name: 'Remove “smuggling”' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('series').join() === 'trafficking');
  assert.equal(await lines().count(), 1);
  assert.equal(await legend().getByRole('listitem').count(), 1);
});

test('a name the archive knows is that entity; a refused series says why', async () => {
  await open();
  await field().fill('Iran');
  await field().press('Enter');
  await page.waitForURL(/series=country%3AIR/);
  assert.equal(await legend().getByRole('button', { name: 'Remove Iran' }).count(), 1);
  await field().fill('country:XYZ');
  await field().press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /not a country code/);
  assert.equal(await field().getAttribute('aria-invalid'), 'true');
  assert.deepEqual(series(), ['country:IR']);
});

test('with four series the timeline page holds at most 400 elements', async () => {
  const four = '?series=smuggling&series=trafficking&series=country:IR&series=country:AF';
  for (const query of [four, `${four}&scale=share&q=the`, `${four}&from=2019-01-01&to=2019-03-31`]) {
    await open(query);
    await legend().waitFor();
    await page.waitForTimeout(300);
    assert.equal(await lines().count(), 4, query);
    const n = await page.evaluate(() => document.querySelectorAll('*').length);
    assert.ok(n <= 400, `${query}: ${n} elements`);
  }
  const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await phone.goto(server.url + four);
  await phone.locator('.series-legend').waitFor();
  await phone.waitForTimeout(300);
  const small = await phone.evaluate(() => document.querySelectorAll('*').length);
  assert.ok(small <= 400, `phone: ${small} elements`);
  await phone.close();
});

test('at 360 px the lines\' scale label is whole on screen, with no sideways page scroll', async () => {
  const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await phone.goto(`${server.url}?series=smuggling&series=trafficking`);
  const label = phone.locator('.histogram .lines-top');
  await label.waitFor();
  await phone.waitForTimeout(300);
  const inside = async (what) => {
    const box = await label.boundingBox();
    assert.match(await label.textContent(), /^Lines: 0 to \d+$/);
    assert.ok(box.x >= 0 && box.x + box.width <= 360 && box.y >= 0 && box.y + box.height <= 800,
      `${what}: the label at ${JSON.stringify(box)}`);
  };
  await inside('unscrolled');
  // The plot scrolls its bars sideways on a phone: the label stays in view.
  await phone.locator('.histogram .plot').evaluate((plot) => { plot.scrollLeft = plot.scrollWidth; });
  await inside('the plot scrolled to its end');
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `the page scrolls sideways: ${wide} px wide`);
  await phone.close();
});

test('a hostile compare URL is capped, quickly', async () => {
  const many = Array.from({ length: 5000 }, (_, i) => `series=w${i}`).join('&');
  for (const query of [`?${many}`, `?series=${'x'.repeat(60000)}&series=ok`, '?series=topic:x&series=country:&scale=sideways']) {
    const t = Date.now();
    await page.goto(server.url + query);
    await page.locator('.result-count').waitFor();
    const n = await page.locator('.series-legend li').count();
    assert.ok(n <= 4, `${query.slice(0, 30)}: ${n} series`);
    assert.ok(Date.now() - t < 5000, `${query.slice(0, 30)} took ${Date.now() - t} ms`);
  }
});

test('an entity page has a small chart of its releases on the archive axis', async () => {
  await page.goto(`${server.url}country/IR`);
  const chart = page.getByRole('region', { name: 'Releases over time' });
  await chart.waitFor();
  // The page is pre-rendered: its buttons work once the app has taken it over.
  await waitForApp(page);
  assert.equal(await chart.locator('.compare-lines path').count(), 1);
  assert.ok((await chart.locator('.ticks span').count()) >= 1, 'an axis with ticks');
  await chart.getByRole('button', { name: 'Show the lines as a table' }).click();
  assert.ok((await chart.getByRole('rowheader').count()) >= 1);
  await chart.getByRole('link', { name: 'Compare it with others over time' }).click();
  await page.waitForURL(/series=country%3AIR/);
  await legend().waitFor();
  assert.equal(await lines().count(), 1);
});
