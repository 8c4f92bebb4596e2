// Pre-rendered pages on a plain static host (no rewrite rules): a release's
// permalink answers 200 with the release itself, its own head and its text,
// with or without JavaScript; the app then takes the page over (hydrates it)
// without replacing its DOM, and navigates client-side from there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, distDir } from './server.mjs';
import { launch, waitForApp, watchErrors } from './browser.mjs';

const SEED_ID = '2019-04-17-islamic-republic-of-iran-and-unodc-to-increase';
const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const SEED_TEXT = 'UNODC hosted a high-level delegation from the Islamic Republic of Iran';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';

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

/** The `content` of the first `<meta>` whose attributes hold `attr`. */
function metaContent(html, attr) {
  const tag = [...html.matchAll(/<meta\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(attr));
  return tag && /content="([^"]*)"/.exec(tag)?.[1];
}

test('a release permalink answers 200 with its own title, description, Open Graph and text', async () => {
  for (const path of [`release/${SEED_ID}/`, `release/${SEED_ID}`]) {
    const response = await fetch(`${server.url}${path}`);
    assert.equal(response.status, 200, path);
    const html = await response.text();
    assert.ok(html.includes(`<title>${SEED_TITLE} — Dateline</title>`), `${path}: title`);
    assert.equal((html.match(/<title>/g) ?? []).length, 1, 'one title');
    const description = metaContent(html, 'name="description"');
    assert.ok(description?.startsWith(SEED_TEXT), `description: ${description}`);
    assert.equal((html.match(/name="?description/g) ?? []).length, 1, 'one description');
    assert.equal(metaContent(html, 'property="og:title"'), SEED_TITLE);
    assert.equal(metaContent(html, 'name="twitter:card"'), 'summary');
    assert.ok(html.includes(SEED_TEXT), 'the text is in the HTML');
    assert.ok(html.includes('"@type":"NewsArticle"'), 'JSON-LD');
    assert.ok(html.includes(`data-route="/release/${SEED_ID}"`), 'marked with its route');
  }
});

test('without JavaScript the release reads in full, with its facts and links', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}release/${SEED_ID}/`);
  assert.equal(response.status(), 200);
  assert.equal(await page.title(), `${SEED_TITLE} — Dateline`);
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  assert.ok((await page.locator('.release-body').innerText()).includes(SEED_TEXT));
  assert.ok(await page.getByRole('heading', { name: 'Key facts' }).isVisible());
  // Mentions link to entity pages under the sub-path.
  const unodc = page.locator('.release-body').getByRole('link', { name: 'UNODC', exact: true }).first();
  assert.match(await unodc.getAttribute('href'), new RegExp(`^${PUBLIC_URL}organisation/`));
  // The loader note for the plain shell is not there.
  assert.equal(await page.getByText('Loading releases…').count(), 0);
  await context.close();
});

test('the home page carries the newest releases as links without JavaScript', async () => {
  const html = await readFile(join(distDir(), 'index.html'), 'utf8');
  assert.ok(html.includes('data-route="/"'), 'index.html is pre-rendered');
  const shell = await readFile(join(distDir(), '404.html'), 'utf8');
  assert.ok(!shell.includes('data-route='), '404.html stays the plain shell');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  const links = page.locator('.release-list .release-title a');
  assert.ok((await links.count()) >= 3, 'release links on the home page');
  assert.match(await links.first().getAttribute('href'), new RegExp(`^${PUBLIC_URL}release/`));
  await context.close();
});

test('the app takes the page over without replacing it, then navigates client-side', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Before any of the app's code runs: hold on to the server's nodes.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__h1 = document.querySelector('h1');
      // The first text node of the release's text (component markers, which
      // are comments, go away when the app takes over).
      const p = document.querySelector('.release-body p');
      window.__text = p && document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
      window.__kept = 'same document';
    });
  });
  await page.goto(`${server.url}release/${SEED_ID}/`);
  await waitForApp(page);
  const kept = await page.evaluate(() => ({
    h1: window.__h1 === document.querySelector('h1') && window.__h1.isConnected,
    text: Boolean(window.__text?.isConnected) && window.__text.textContent.length > 0,
    jsonLd: document.querySelectorAll('head script[type="application/ld+json"]').length,
    citation: document.querySelectorAll('head meta[name="citation_title"]').length,
  }));
  assert.deepEqual(kept, { h1: true, text: true, jsonLd: 1, citation: 1 }, JSON.stringify(kept));
  // Hydrated: a link navigates inside the same document.
  await page.getByRole('link', { name: '← All releases' }).click();
  await page.getByRole('searchbox').first().waitFor();
  assert.equal(await page.evaluate(() => window.__kept), 'same document');
  assert.equal(await page.title(), 'Dateline — press release explorer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the home page paints before the app is fetched, then the app takes it over with its code preloaded', async () => {
  const html = await readFile(join(distDir(), 'index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('<body'));
  assert.ok(!/rel="?(module)?preload/.test(head), 'no preloads in the home page\'s head');
  const loader = /<script type="?module"? src="?([^" >]+)/.exec(head)?.[1] ?? '';
  assert.match(loader, /start-[0-9a-f]+-after-paint\.js$/);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  // When the app's code is asked for (its script or its wasm, preloaded or
  // fetched), against the frames drawn before it: each frame notes whether
  // the pre-rendered search box was there to draw. (Not the
  // `first-contentful-paint` entry: its time is when the frame is shown,
  // which can come after the loader's frame and task.)
  await page.addInitScript(() => {
    window.__framesWithContent = [];
    let frames = 0;
    const frame = () => {
      if (document.querySelector('main input[type=search]')) window.__framesWithContent.push(performance.now());
      if (++frames < 600 && performance.getEntriesByName('dateline-usable').length === 0) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto(server.url);
  await waitForApp(page);
  const seen = await page.evaluate(() => ({
    paintedBeforeCode: (() => {
      const code = performance
        .getEntriesByType('resource')
        .filter((r) => /\/dateline-app-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(r.name).pathname));
      const askedAt = Math.min(...code.map((r) => r.startTime));
      const kinds = new Set(code.map((r) => r.name.endsWith('.wasm')));
      return kinds.size === 2 && window.__framesWithContent.some((at) => at < askedAt);
    })(),
    preloads: [...document.head.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) =>
      l.getAttribute('href').replace(/-[0-9a-f]{16}/, '')),
  }));
  assert.equal(seen.paintedBeforeCode, true, 'the app\'s code is fetched after the first paint');
  for (const file of ['data/index.bin', 'data/l/0.bin', '/dateline-app.js', '/dateline-app_bg.wasm']) {
    assert.ok(seen.preloads.some((href) => href.endsWith(file)), `${file} preloaded: ${seen.preloads}`);
  }
  // Taken over: the search box filters.
  await page.getByRole('searchbox').first().fill('Iran');
  await page.waitForURL(/[?&]q=Iran/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('words typed into the home page before the app starts are searched once it has', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  // The app's code waits until the words are in the box.
  let release;
  const typed = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await typed;
    await route.continue();
  });
  await page.goto(server.url);
  await page.getByRole('searchbox', { name: 'Search releases' }).fill('Iran');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('dateline-usable').length), 0, 'typed before the app');
  release();
  await page.waitForURL(/[?&]q=Iran\b/);
  // The address moves first; the box shows the words by the app's next render.
  const box = page.getByRole('searchbox', { name: 'Search releases' });
  await page.waitForFunction((el) => el.value === 'Iran', await box.elementHandle(), { timeout: 5000 });
  assert.equal(await box.inputValue(), 'Iran');
  await page.getByRole('status').filter({ hasText: /\d+ of \d+/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a country page is pre-rendered too, and the app takes it over without errors', async () => {
  const response = await fetch(`${server.url}country/IR/`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.ok(html.includes('<title>Iran — Dateline</title>'), 'its own title');
  assert.match(metaContent(html, 'name="description"') ?? '', /press releases? mentioning Iran/);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { window.__h1 = document.querySelector('h1'); });
  });
  await page.goto(`${server.url}country/IR/`);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.__h1 === document.querySelector('h1')), true);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Iran');
  assert.deepEqual(errors, []);
  await context.close();
});
