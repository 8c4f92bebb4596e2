// Accessibility of every route in the release build: axe-core (no serious or
// critical violation) in light and dark, at desktop and phone widths; no
// horizontal scroll at 360 px; visible keyboard focus; the polite live region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { serveDist, distDir } from './server.mjs';
import { launch, waitForApp } from './browser.mjs';

const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
/** Route name → path under the public URL (filled in `before`). */
const routes = {};

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
  const page = await browser.newPage();
  // Found by search: in a big corpus the seed may be past the first page.
  await page.goto(`${server.url}?q=${encodeURIComponent('"smuggling of migrants matters"')}`);
  const seed = page
    .getByRole('list', { name: 'Matching releases' })
    .getByRole('link', { name: SEED_TITLE });
  const detail = new URL(await seed.getAttribute('href'), server.url).pathname;
  await page.goto(new URL(detail, server.url).href);
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  const person = await page.locator('.release-body a[href*="/person/"]').first().getAttribute('href');
  await page.close();
  const rel = (p) => p.slice(PUBLIC_URL.length);
  Object.assign(routes, {
    timeline: '',
    'timeline, search and facet': '?q=traffick&country=IR',
    'timeline, compare': '?series=smuggling&series=country:AF&series=trafficking&series=country:IR&scale=share',
    detail: rel(detail),
    country: 'country/IR',
    organisation: 'organisation/unodc',
    person: rel(person),
    'not found': 'no/such/page',
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page at `width` in `scheme`, opened at a route and with the app rendered. */
async function open(route, { width = 1280, scheme = 'light' } = {}) {
  // bypassCSP: the page's policy forbids inline scripts, and axe is injected as one.
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url + route);
  await page.locator('main h1').waitFor();
  // A pre-rendered page shows at once; its controls work once the app runs.
  await waitForApp(page);
  return { page, close: () => context.close() };
}

/** Serious and critical axe violations, readable: rule, first nodes, why. */
async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    // target-size (WCAG 2.2 AA) is off by default in axe; Lighthouse runs it.
    window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }),
  );
  assert.ok(result.passes.length > 0, 'axe ran');
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}`);
      if (v.nodes.length > 5) targets.push(`    … and ${v.nodes.length - 5} more`);
      const why = v.nodes[0].failureSummary?.replace(/\n/g, '\n      ');
      return `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)\n${targets.join('\n')}\n      ${why}`;
    });
}

for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    test(`axe: every route, ${scheme}, ${width} px`, async () => {
      const failures = [];
      for (const [name, route] of Object.entries(routes)) {
        const { page, close } = await open(route, { width, scheme });
        try {
          for (const v of await axe(page)) failures.push(`[${name} /${route}] ${v}`);
          if (width === 360) {
            const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
            if (scroll > 360) failures.push(`[${name} /${route}] scrolls horizontally: ${scroll} px wide`);
          }
        } finally {
          await close();
        }
      }
      assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
    });
  }
}

test('axe: the import panel, open with progress done and problems listed, light and dark, 360 and 1280 px', async () => {
  const fixture = await readFile(new URL('../../core/tests/fixtures/03_geneva_colon.txt', import.meta.url));
  const failures = [];
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      const { page, close } = await open(routes.timeline, { width, scheme });
      try {
        await page.getByRole('button', { name: 'Import releases' }).click();
        const panel = page.getByRole('region', { name: 'Import releases' });
        await panel.getByLabel('Choose files').setInputFiles([
          { name: 'good.txt', mimeType: 'text/plain', buffer: fixture },
          { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[') },
        ]);
        await panel.getByText('Showing my releases: 1 release.').waitFor({ timeout: 60_000 });
        for (const v of await axe(page)) failures.push(`[import ${scheme} ${width}] ${v}`);
        if (width === 360) {
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > 360) failures.push(`[import ${scheme} ${width}] scrolls horizontally: ${scroll} px wide`);
        }
      } finally {
        await close();
      }
    }
  }
  assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
});

test('axe: the events lane\'s table open, an event picked from it, light and dark, 360 and 1280 px', async () => {
  const failures = [];
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      const { page, close } = await open(routes.timeline, { width, scheme });
      try {
        await page.getByRole('button', { name: 'Show the events as a table' }).click();
        const region = page.getByRole('region', { name: 'Events and periods the releases in view mention, as a table' });
        await region.getByRole('button', { name: /^Show releases that mention / }).first().click();
        await page.waitForURL(/[?&]event=/);
        await region.locator('button[aria-pressed="true"]').waitFor();
        for (const v of await axe(page)) failures.push(`[events table ${scheme} ${width}] ${v}`);
        if (width === 360) {
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > 360) failures.push(`[events table ${scheme} ${width}] scrolls horizontally: ${scroll} px wide`);
        }
      } finally {
        await close();
      }
    }
  }
  assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
});

test('keyboard focus is visible on the controls', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, close } = await open(routes.timeline, { scheme });
    try {
      const seen = new Set();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return {
            what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`,
            kind: el.matches('.skip-link') ? 'skip' : el.matches('input, select') ? el.tagName : el.matches('.bar') ? 'bar' : el.tagName,
            outline: s.outlineStyle,
            width: parseFloat(s.outlineWidth),
          };
        });
        assert.ok(f.outline !== 'none' && f.width >= 2, `${scheme}: focus not visible on ${f.what} (${f.outline} ${f.width}px)`);
        seen.add(f.kind);
      }
      for (const kind of ['skip', 'INPUT', 'SELECT', 'BUTTON', 'A', 'bar']) assert.ok(seen.has(kind), `${kind} reached by Tab: ${[...seen]}`);
    } finally {
      await close();
    }
  }
});

test('the result count is a polite live region', async () => {
  const { page, close } = await open(routes.timeline);
  try {
    const status = page.locator('.result-count');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal(await status.getAttribute('role'), 'status');
    await page.getByRole('searchbox', { name: 'Search releases' }).fill('zzzzqqq');
    await page.getByRole('status').filter({ hasText: '0 of ' }).waitFor();
  } finally {
    await close();
  }
});

test('a skip link, landmarks and a labelled search', async () => {
  const { page, close } = await open(routes.timeline, { width: 360 });
  try {
    for (const role of ['banner', 'main', 'contentinfo', 'search']) {
      assert.equal(await page.getByRole(role).count(), 1, `one ${role} landmark`);
    }
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    const box = await skip.boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
  } finally {
    await close();
  }
});
