// The built page's Content-Security-Policy, the Atom feed and the exports,
// against the release build served under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, distDir } from './server.mjs';
import { launch } from './browser.mjs';

const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const SEED_ID = '2019-04-17-islamic-republic-of-iran-and-unodc-to-increase';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const CONTRACT_FIELDS = [
  'id', 'source', 'title', 'date', 'dateline', 'body', 'countries', 'organisations', 'people',
  'quotes', 'events', 'money', 'programmes', 'topics', 'contacts', 'warnings',
];

let server;
let browser;

/** The seed's link in the list of matching releases (the events lane links it too). */
/** The timeline filtered to the seed's year (newer releases push it out of the unfiltered list's window). */
const seedYear = () => `${server.url}?year=2019`;
const seedLink = (page) =>
  page.getByRole('list', { name: 'Matching releases' }).getByRole('link', { name: SEED_TITLE });

before(async () => {
  server = await serveDist(distDir(), PUBLIC_URL);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records errors and CSP violations (reported before any app code runs). */
async function watchedPage(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  // The deep-link reload is answered with 404.html and status 404, as static hosts do.
  const expected404 = /^Failed to load resource: .* 404 \(Not Found\)$/;
  page.on('console', (m) => m.type() === 'error' && !expected404.test(m.text()) && problems.push(m.text()));
  return { page, problems, context };
}

test('every integrity in the pages and the late loaders is the sha384 of the file as shipped (the build minifies the JS glue after Trunk)', async () => {
  const dist = distDir();
  const loaders = (await readdir(dist)).filter((f) => /^start-[0-9a-f]+(-after-\w+)?\.js$/.test(f));
  const sources = ['index.html', '404.html', `release/${SEED_ID}/index.html`, ...loaders];
  const checked = new Set();
  for (const source of sources) {
    const text = await readFile(join(dist, source), 'utf8');
    // Attributes in HTML (quoted or not) and in the loaders' JSON.
    const tags = text.match(/<link\b[^>]*>|\{[^{}]*"integrity"[^{}]*\}/g) ?? [];
    for (const tag of tags) {
      const integrity = /integrity"?\s*[=:]\s*"?(sha384-[A-Za-z0-9+/=]+)/.exec(tag)?.[1];
      const href = /href"?\s*[=:]\s*"?([^"\s>]+)/.exec(tag)?.[1];
      if (!integrity || !href) continue;
      assert.ok(href.startsWith(PUBLIC_URL), `${source}: ${href} under ${PUBLIC_URL}`);
      const bytes = await readFile(join(dist, href.slice(PUBLIC_URL.length)));
      assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, `${source}: ${href}`);
      checked.add(href.replace(/-[0-9a-f]{16}/, ''));
    }
  }
  for (const file of ['dateline-app.js', 'dateline-app_bg.wasm']) {
    assert.ok([...checked].some((href) => href.endsWith(file)), `${file}'s integrity checked: ${[...checked]}`);
  }
  // The glue is minified: no indentation left.
  const glue = (await readdir(dist)).find((f) => /^dateline-app-[0-9a-f]+\.js$/.test(f));
  assert.ok(!/\n {4}/.test(await readFile(join(dist, glue), 'utf8')), `${glue} minified`);
});

for (const file of ['index.html', '404.html']) {
  test(`${file}: CSP meta first, before any script, and no inline script`, async () => {
    const html = await readFile(join(distDir(), file), 'utf8');
    const meta = html.match(/<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i);
    assert.ok(meta, 'a CSP meta');
    const csp = meta[1];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, 'no hash, no unsafe-inline for scripts');
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
    const metaAt = html.indexOf(meta[0]);
    for (const tag of ['<script', '<link', '<base', '<style']) {
      const at = html.indexOf(tag);
      assert.ok(at === -1 || at > metaAt, `${tag} comes after the CSP meta`);
    }
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length >= 1, 'the loader is a script element');
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\ssrc=/, `external script: ${attrs}`);
      assert.equal(body.trim(), '', 'no inline code');
    }
  });
}

test('the app boots and navigates with no CSP violation or error', async () => {
  const { page, problems, context } = await watchedPage();
  const response = await page.goto(seedYear());
  assert.equal(response.status(), 200);
  await seedLink(page).waitFor();
  await seedLink(page).click();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  // The release's pre-rendered page carries the same policy.
  const deep = await page.reload();
  assert.equal(deep.status(), 200);
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  // So does 404.html, which answers paths without a page of their own.
  const shell = await page.goto(`${server.url}release/no-such-release`);
  assert.equal(shell.status(), 404);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('feed.xml is served, linked from the page, and lists the newest releases', async () => {
  const res = await fetch(`${server.url}feed.xml`);
  assert.equal(res.status, 200);
  const xml = await res.text();
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.match(xml, /<entry>[\s\S]*<\/entry>/);

  // It parses as XML (in the browser's parser, which reports errors as a
  // document), and its entries are the timeline's first releases, in order.
  const { page, context } = await watchedPage();
  await page.goto(server.url);
  const list = page.getByRole('list', { name: 'Matching releases' });
  await list.getByRole('listitem').first().waitFor();
  const newest = (await list.locator('.release-title').allTextContents()).slice(0, 5).map((t) => t.trim());
  const parsed = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    const text = await (await fetch(link.href)).text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      entries: doc.getElementsByTagName('entry').length,
      titles: [...doc.querySelectorAll('entry > title')].map((t) => t.textContent),
      links: [...doc.querySelectorAll('entry > link')].map((l) => l.getAttribute('href')),
    };
  });
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'feed');
  assert.ok(parsed.entries >= 1 && parsed.entries <= 50, `entries: ${parsed.entries}`);
  assert.deepEqual(parsed.titles.slice(0, newest.length), newest, 'newest first, as the timeline');
  assert.ok(parsed.links.every((l) => /\/release\/[a-z0-9-]+$/.test(new URL(l, server.url).pathname)), 'permalinks');
  await context.close();
});

async function download(page, format) {
  const button = page.getByRole('button', { name: new RegExp(`^Download ${format} of the \\d+ matching releases?$`) });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('the matching releases download as CSV and JSON', async () => {
  const { page, problems, context } = await watchedPage({ acceptDownloads: true });
  await page.goto(seedYear());
  await seedLink(page).waitFor();

  const csv = await download(page, 'CSV');
  assert.equal(csv.name, 'dateline-releases.csv');
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(
    lines[0],
    'id,date,title,dateline_city,dateline_country,countries,organisations,people,topics,programmes,money,events,url,source,lede',
  );
  const seedRow = lines.find((l) => l.startsWith(`${SEED_ID},`));
  assert.ok(seedRow?.startsWith(`${SEED_ID},2019-04-17,${SEED_TITLE},Vienna,AT,`), seedRow);
  const countLabel = await page.getByRole('button', { name: /^Download CSV of the \d+/ }).getAttribute('aria-label');
  const count = Number(countLabel.match(/\d+/)[0]);
  assert.equal(lines.filter((l) => l !== '').length, count + 1, 'one row per matching release after the header');

  const json = await download(page, 'JSON');
  assert.equal(json.name, 'dateline-releases.json');
  const records = JSON.parse(json.text);
  assert.ok(Array.isArray(records));
  assert.ok(records.length >= 1);
  const seed = records.find((r) => r.id === SEED_ID);
  assert.ok(seed, 'the seed is exported');
  for (const field of CONTRACT_FIELDS) assert.ok(field in seed, `field ${field}`);
  assert.equal(seed.title, SEED_TITLE);

  // Filtering to nothing disables the buttons.
  await page.getByRole('searchbox').fill('zzzz-no-such-word');
  await page.getByRole('button', { name: /^Download CSV of the 0 matching releases$/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Download CSV/ }).isDisabled(), true);
  assert.deepEqual(problems, []);
  await context.close();
});
