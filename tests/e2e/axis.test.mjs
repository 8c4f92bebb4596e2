// The timeline's axis in the release build: tick labels that follow the zoom,
// bars named "Month YYYY: N releases" on hover and focus, zoom and pan by
// buttons, keys and Enter, all kept in the URL; the brush still selects a
// range; the chart stays small (DOM elements) whatever the archive holds
// (the whole page's budget of 400 elements: lane.test.mjs).
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
const ticks = () => page.locator('.histogram .ticks span').allTextContents();
const range = () => {
  const q = new URL(page.url()).searchParams;
  return [q.get('from'), q.get('to')];
};
async function openTimeline(query = '') {
  await page.goto(server.url + query);
  // The pre-rendered bars are there at once; their zoom and brush are the app's.
  await waitForApp(page);
  await bars().first().waitFor();
}
/** Waits for the URL's from/to to differ from `before`; returns them. */
async function rangeChangedFrom(before) {
  await page.waitForFunction(
    ([f, t]) => {
      const q = new URL(location.href).searchParams;
      return q.get('from') !== f || q.get('to') !== t;
    },
    before,
  );
  return range();
}

test('tick labels and a count scale; finer ticks when zoomed in', async () => {
  await openTimeline();
  const years = await ticks();
  assert.ok(years.length >= 2 && years.length <= 8, `${years}`);
  assert.ok(years.every((t) => /^\d{4}$/.test(t)), `year ticks: ${years}`);
  const top = Number(await page.locator('.y-scale .y-top').textContent());
  const counts = (await bars().evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))))
    .map((l) => Number(l.match(/: (\d+) releases?$/)[1]));
  assert.ok(top >= Math.max(...counts) && top <= Math.max(...counts) + 1, `top ${top} for ${counts}`);
  // A year with releases: months, labelled by month names.
  const busiest = counts.indexOf(Math.max(...counts));
  await bars().nth(busiest).click();
  await page.waitForURL(/from=\d{4}&to=\d{4}$/);
  await page.waitForFunction(() => document.querySelector('.histogram .ticks span')?.textContent.match(/^[A-Z][a-z]{2} \d{4}$/));
  const months = await ticks();
  assert.ok(months.some((t) => /^(Jan|Apr|Jul|Oct)\b/.test(t)), `month ticks: ${months}`);
  assert.equal(await bars().count(), 12);
  // A month: days.
  await openTimeline('?from=2019-04&to=2019-04');
  const days = await ticks();
  assert.equal(days[0], '1 Apr 2019');
  assert.ok(days.slice(1).every((t) => /^\d{1,2}$/.test(t)), `day ticks: ${days}`);
  assert.equal(await bars().count(), 30);
});

test('hovering or focusing a bar names its period and count', async () => {
  await openTimeline('?from=2019&to=2019');
  const april = bars().nth(3);
  const name = await april.getAttribute('aria-label');
  assert.match(name, /^April 2019: \d+ releases?$/);
  await april.hover();
  const shown = await april.evaluate((b) => getComputedStyle(b, '::after').content);
  assert.equal(shown, JSON.stringify(name), 'the readout shows on hover');
  // One tab stop for the bars; arrows move between them and the readout follows focus.
  assert.equal(await bars().evaluateAll((bs) => bs.filter((b) => b.tabIndex === 0).length), 1);
  await april.focus();
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(focused, /^May 2019: \d+ releases?$/);
  const readout = await page.evaluate(() => getComputedStyle(document.activeElement, '::after').content);
  assert.equal(readout, JSON.stringify(focused));
  assert.equal(await bars().nth(4).getAttribute('tabindex'), '0');
  assert.equal(await april.getAttribute('tabindex'), '-1');
});

test('zoom and pan buttons, keys and Enter change the range in the URL', async () => {
  await openTimeline();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  assert.equal(await zoomOut.isDisabled(), true, 'the whole archive is shown');
  await zoomIn.click();
  let [from, to] = await rangeChangedFrom([null, null]);
  assert.ok(from && to && from < to, `${from}..${to}`);
  await page.getByRole('button', { name: 'Earlier' }).click();
  const [f2, t2] = await rangeChangedFrom([from, to]);
  assert.ok(f2 < from && t2 < to, `panned earlier: ${f2}..${t2}`);
  await zoomOut.click();
  await rangeChangedFrom([f2, t2]);

  // Keyboard: + zooms in, Shift+→ pans later, − zooms out, Enter zooms into a bar.
  await openTimeline('?from=2019&to=2019');
  await bars().nth(5).focus();
  await page.keyboard.press('+');
  [from, to] = await rangeChangedFrom(['2019', '2019']);
  assert.deepEqual([from, to], ['2019-04', '2019-09']);
  assert.ok(await page.evaluate(() => document.activeElement.matches('.bar')), 'focus stays on a bar');
  await page.keyboard.press('Shift+ArrowRight');
  [from, to] = await rangeChangedFrom(['2019-04', '2019-09']);
  assert.ok(from > '2019-04' && to > '2019-09', `${from}..${to}`);
  await page.keyboard.press('-');
  const [f3, t3] = await rangeChangedFrom([from, to]);
  assert.ok(f3 < from && t3 > to, `${f3}..${t3}`);
  await openTimeline('?from=2019&to=2019');
  await bars().nth(3).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/from=2019-04&to=2019-04$/);
  assert.equal(await bars().count(), 30);
  assert.ok(await page.evaluate(() => document.activeElement.matches('.bar')), 'focus stays on a bar');
  // A double click zooms into the bar once.
  await openTimeline('?from=2019&to=2019');
  await bars().nth(3).dblclick();
  await page.waitForURL(/from=2019-04&to=2019-04$/);
  await page.waitForTimeout(200);
  assert.deepEqual(range(), ['2019-04', '2019-04']);
  // Ctrl+wheel over the chart zooms in.
  await openTimeline('?from=2019&to=2019');
  const box = await bars().nth(6).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  assert.deepEqual(await rangeChangedFrom(['2019', '2019']), ['2019-04', '2019-09']);
});

test('the brush still selects a range of bars', async () => {
  await openTimeline('?from=2019&to=2019');
  const a = await bars().nth(2).boundingBox();
  const b = await bars().nth(5).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForURL(/from=2019-03&to=2019-06$/);
});

test('the histogram stays small: at most 120 bars and 150 elements over any range', async () => {
  for (const query of ['', '?from=0001&to=9999', '?from=2019-01-01&to=2019-03-31']) {
    await openTimeline(query);
    const chart = await page.evaluate(() => document.querySelectorAll('.histogram, .histogram *').length);
    const b = await bars().count();
    assert.ok(b <= 120, `${query || 'home'}: ${b} bars`);
    assert.ok(chart <= 150, `${query || 'home'}: ${chart} elements in the histogram`);
  }
});
