// The events lane and the chart's table in the release build: lane bars sit
// on the histogram's scale; clicking (or Enter on) one filters to the
// releases that mention it, kept in the URL; "Show as table" gives a real
// table, out of the DOM until opened, and so does the lane's own table, whose
// rows pick an event as its bar does; the page stays within 400 elements.
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
const lane = () => page.getByRole('group', { name: /^Events and periods the releases mention/ });
const events = () => lane().getByRole('button');
const count = () => page.getByRole('status').filter({ hasText: /releases?( match)?$/ }).textContent();
async function open(query = '') {
  await page.goto(server.url + query);
  // The pre-rendered bars show at once, the lane and its address once the app runs.
  await waitForApp(page);
  await bars().first().waitFor();
}

test('the lane shows mentioned periods on the histogram scale', async () => {
  await open();
  const n = await events().count();
  assert.ok(n >= 1 && n <= 12, `${n} events`);
  const names = await events().evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  for (const name of names) assert.match(name, /^(since |until )?[\w ]+( – [\w ]+)?: \d+ releases?$/);
  // A single year's event starts where that year's bar starts.
  const year = names.map((l) => l.match(/^(\d{4}): /)).find(Boolean)?.[1];
  assert.ok(year, `a one-year event among ${names}`);
  const ev = await events().filter({ hasText: new RegExp(`^${year}$`) }).first().boundingBox();
  const bar = await page.locator(`.histogram .bar[aria-label^="${year}:"]`).boundingBox();
  assert.ok(Math.abs(ev.x - bar.x) <= 3, `event at ${ev.x}, bar at ${bar.x}`);
  assert.ok(ev.y > bar.y + bar.height, 'under the bars');
});

test('clicking an event filters to the releases that mention it; the URL carries it', async () => {
  await open();
  const first = events().first();
  const name = await first.getAttribute('aria-label');
  const mentioned = Number(name.match(/: (\d+) releases?$/)[1]);
  const label = (await first.textContent()).trim();
  await first.click();
  await page.waitForURL(/[?&]event=/);
  const param = new URL(page.url()).searchParams.get('event');
  assert.match(param, /^\d{4}(-\d\d){0,2}(\/(\d{4}(-\d\d){0,2}|\.\.))?$/);
  await page.waitForFunction(() => /match$/.test(document.querySelector('.result-count').textContent));
  assert.match(await count(), new RegExp(`^${mentioned} of \\d+ releases match$`));
  const pressed = lane().getByRole('button', { pressed: true });
  assert.equal(await pressed.count(), 1);
  assert.equal((await pressed.textContent()).trim(), label);
  const chip = page.getByRole('button', { name: `Remove Event: ${label}` });
  assert.equal(await chip.count(), 1);

  // A reload keeps the filter: the URL is the single source of truth.
  await page.reload();
  await bars().first().waitFor();
  await page.waitForFunction(() => /match$/.test(document.querySelector('.result-count').textContent));
  assert.match(await count(), new RegExp(`^${mentioned} of `));

  // Enter on the pressed event drops the filter.
  await lane().getByRole('button', { pressed: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('event'));
  await page.waitForFunction(() => !/match$/.test(document.querySelector('.result-count').textContent));
  assert.equal(await lane().getByRole('button', { pressed: true }).count(), 0);
});

test('a hostile or unknown event in the URL is ignored or matches nothing, quickly', async () => {
  for (const [query, none] of [['?event=0001/9999', true], [`?event=${'2019/'.repeat(20000)}`, false], ['?event=2022/2018', false]]) {
    const t = Date.now();
    await page.goto(server.url + query);
    await page.locator('.result-count').waitFor();
    await page.waitForFunction(() => /release/.test(document.querySelector('.result-count')?.textContent ?? ''));
    const text = await page.locator('.result-count').textContent();
    assert.equal(/^0 of/.test(text), none, `${query.slice(0, 30)}: ${text}`);
    assert.ok(Date.now() - t < 5000, `${query.slice(0, 30)} took ${Date.now() - t} ms`);
  }
});

test('"Show as table" gives the chart as a table, by keyboard, out of the DOM until opened', async () => {
  await open();
  const toggle = page.getByRole('button', { name: 'Show as table' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('table').count(), 0, 'no table until opened');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'Releases per year, as a table' });
  await region.waitFor();
  const hide = page.getByRole('button', { name: 'Hide the table' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  assert.equal(await hide.getAttribute('aria-controls'), await region.getAttribute('id'));
  const table = region.getByRole('table', { name: 'Releases per year' });
  assert.equal(await table.count(), 1, 'named by its caption');
  assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Period', 'Releases']);
  // One row per bar, each a row header and its count, as the bars say.
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.cells[0].textContent}: ${tr.cells[1].textContent}`));
  const labels = await bars().evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label').replace(/ releases?$/, '')));
  assert.deepEqual(rows, labels);
  assert.equal(await table.getByRole('rowheader').count(), labels.length);
  // The region scrolls, so it is a tab stop.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'region');
  await hide.click();
  await page.waitForFunction(() => !document.querySelector('table'));
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
});

test('the lane as a table: its events and releases, a row\'s button picks as the bar does', async () => {
  await open();
  const toggle = page.getByRole('button', { name: 'Show the events as a table' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#events-table').count(), 0, 'out of the DOM until opened');
  await toggle.click();
  const region = page.getByRole('region', { name: 'Events and periods the releases in view mention, as a table' });
  await region.waitFor();
  const hide = page.getByRole('button', { name: "Hide the events' table" });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  assert.equal(await hide.getAttribute('aria-controls'), await region.getAttribute('id'));
  const table = region.getByRole('table', { name: 'Events and periods the releases in view mention' });
  assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Event or period', 'From', 'To', 'Releases', 'Filter']);
  // A row per bar, in the bars' order, saying what the bar's name says.
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
    `${tr.cells[0].textContent}: ${tr.cells[3].textContent} release${tr.cells[3].textContent === '1' ? '' : 's'}`));
  const names = await events().evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.deepEqual(rows, names);
  assert.equal(await table.getByRole('rowheader').count(), names.length);
  // The first bar's param, then the same event picked from the table.
  const label = (await table.getByRole('rowheader').first().textContent()).trim();
  await events().first().click();
  await page.waitForURL(/[?&]event=/);
  const byBar = new URL(page.url()).searchParams.get('event');
  const byBarCount = await count();
  await open();
  await page.getByRole('button', { name: 'Show the events as a table' }).click();
  const pick = table.getByRole('button', { name: `Show releases that mention ${label}`, exact: true });
  assert.equal(await pick.getAttribute('aria-pressed'), 'false');
  await pick.click();
  await page.waitForURL(/[?&]event=/);
  assert.equal(new URL(page.url()).searchParams.get('event'), byBar);
  await page.waitForFunction(() => /match$/.test(document.querySelector('.result-count').textContent));
  assert.equal(await count(), byBarCount);
  assert.equal(await pick.getAttribute('aria-pressed'), 'true');
  assert.equal(await table.locator('button[aria-pressed="true"]').count(), 1);
  assert.equal((await lane().locator('[aria-pressed="true"]').textContent()).trim(), label);
  // Picked again: the filter is dropped.
  await pick.click();
  await page.waitForURL((url) => !url.searchParams.has('event'));
  await hide.click();
  await page.waitForFunction(() => !document.querySelector('#events-table'));
});

test('the timeline page holds at most 400 elements', async () => {
  const views = ['', '?q=the', '?from=2019-01-01&to=2019-03-31', '?sort=oldest', '?country=AT', '?from=0001&to=9999'];
  await open();
  await events().first().click();
  await page.waitForURL(/event=/);
  views.push(new URL(page.url()).search);
  for (const query of views) {
    await open(query);
    await page.waitForTimeout(300);
    const n = await page.evaluate(() => document.querySelectorAll('*').length);
    assert.ok(n <= 400, `${query || 'home'}: ${n} elements`);
  }
  // Scrolled to the middle of the results, and on a phone.
  await open();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  await page.waitForTimeout(300);
  const mid = await page.evaluate(() => document.querySelectorAll('*').length);
  assert.ok(mid <= 400, `scrolled: ${mid} elements`);
  const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await phone.goto(server.url);
  await phone.locator('.histogram .bar').first().waitFor();
  await phone.waitForTimeout(300);
  const small = await phone.evaluate(() => document.querySelectorAll('*').length);
  assert.ok(small <= 400, `phone: ${small} elements`);
  await phone.close();
});
