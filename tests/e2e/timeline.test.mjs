// The timeline in the release build: search, facets, URL state, back/forward,
// keyboard-only use. The shipped corpus is the releases/ folder (real releases).
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

const titles = () => page.locator('.release-list .release-title').allTextContents();

test('search as you type is highlighted, lives in the URL and survives a reload', async () => {
  await page.goto(server.url);
  const box = page.getByRole('searchbox', { name: 'Search releases' });
  await box.waitFor();
  const all = (await titles()).length;
  assert.ok(all >= 1);
  await box.pressSequentially('traffick');
  await page.waitForURL(/\?q=traffick$/);
  // The words' postings (data/t/) come when a word is typed: then the marks.
  await page.locator('.release-list mark').first().waitFor();
  assert.ok((await page.locator('.release-list mark').count()) >= 1, 'matches are marked');
  await page.reload();
  // The pre-rendered home page (no query) shows until the app renders this address.
  await waitForApp(page);
  assert.equal(await page.getByRole('searchbox', { name: 'Search releases' }).inputValue(), 'traffick');
  await page.locator('.release-list mark').first().waitFor();
  await box.fill('');
  await page.getByRole('searchbox', { name: 'Search releases' }).fill('zzzzqqq');
  await page.getByText('No releases match').waitFor();
  await page.getByRole('status').filter({ hasText: '0 of' }).waitFor();
});

test('facet choices push history; back and forward step through them', async () => {
  await page.goto(server.url);
  const countries = page.getByRole('group', { name: 'Country' });
  await countries.getByRole('checkbox').first().waitFor();
  const showAll = countries.getByRole('button', { name: /^Show all/ });
  if (await showAll.count()) await showAll.click();
  const iran = countries.getByRole('checkbox', { name: /^Iran \(/ });
  await iran.check();
  await page.waitForURL(/country=IR/);
  const topic = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').first();
  await topic.check();
  await page.waitForURL(/country=IR&topic=/);
  await page.goBack();
  await page.waitForURL(/\?country=IR$/);
  assert.equal(await iran.isChecked(), true);
  assert.equal(await page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { checked: true }).count(), 0);
  await page.goBack();
  await page.waitForURL(server.url);
  assert.equal(await page.getByRole('list', { name: 'Matching releases' }).getByRole('listitem').count() > 1, true);
  await page.goForward();
  await page.waitForURL(/\?country=IR$/);
  assert.equal(await iran.isChecked(), true);
});

test('keyboard only: skip link, search, open a release', async () => {
  await page.goto(server.url);
  await page.getByRole('searchbox', { name: 'Search releases' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'skip link comes first');
  await page.keyboard.press('Enter');
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.id === 'search-input')) && guard++ < 20) {
    await page.keyboard.press('Tab');
  }
  assert.ok(guard < 20, 'the search box is reachable by Tab');
  await page.keyboard.type('Iran');
  await page.waitForURL(/q=Iran/);
  guard = 0;
  while (!(await page.evaluate(() => !!document.activeElement?.closest('.release-title'))) && guard++ < 80) {
    await page.keyboard.press('Tab');
  }
  assert.ok(guard < 80, 'a result title is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/release\//);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

test('dragging across histogram bars selects that date range', async () => {
  await page.goto(server.url);
  const bars = page.getByRole('group', { name: /^Releases per year/ }).getByRole('button');
  await bars.first().waitFor();
  const n = await bars.count();
  assert.ok(n >= 3, `bars: ${n}`);
  const from = await bars.nth(0).getAttribute('aria-label');
  const to = await bars.nth(2).getAttribute('aria-label');
  const a = await bars.nth(0).boundingBox();
  const b = await bars.nth(2).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 5 });
  await page.mouse.up();
  const [y1, y2] = [from.slice(0, 4), to.slice(0, 4)];
  await page.waitForURL(new RegExp(`from=${y1}&to=${y2}$`));
  await page.getByRole('button', { name: `Remove Dates: ${y1} – ${y2}` }).waitFor();
  const years = (await page.locator('.release-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime').slice(0, 4))));
  assert.ok(years.length > 0);
  assert.ok(years.every((y) => y >= y1 && y <= y2), `${years}`);
});
