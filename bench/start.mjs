// The home page's start, two ways, on one build: as built (the app started
// after the page's first paint, `start-<hash>-after-paint.js`) and with the
// app started at once, its code and data preloaded from <head> (the build
// before session 21), served side by side and loaded in turn in headless
// Chromium. Prints the medians of first contentful paint and navigation →
// usable search box (the app's `dateline-usable` mark) for each.
//
//   node bench/start.mjs DIST [LOADS] [MBIT,RTT_MS]
//
// DIST: a release build with a pre-rendered home page (e.g. dist/ after
// scripts/test.sh, or a build with DATELINE_RELEASES=<generated corpus>),
// served under /dateline/ with gzip. LOADS: per variant (default 5).
// MBIT,RTT_MS: CDP network emulation, e.g. 9,150 (default: none).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from '../tests/e2e/server.mjs';
import { preloadLinks } from '../scripts/post-build.mjs';

const [dist, loadsArg = '5', throttleArg] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node bench/start.mjs DIST [LOADS] [MBIT,RTT_MS]');
  process.exit(2);
}
const PUBLIC_URL = '/dateline/';

/** The built home page turned back into one that starts the app at once,
 * with the plain shell's preloads (404.html is the shell). */
function atOnce(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const loader = /<script type="?module"? src="?[^" >]*-after-paint\.js"?><\/script>/.exec(html);
  if (!loader) throw new Error(`${dist}/index.html: expected the after-paint loader`);
  const tags = preloadLinks(fs.readFileSync(path.join(dist, '404.html'), 'utf8'))
    .map((attrs) => `<link ${Object.entries(attrs).map(([k, v]) => (v === '' ? k : `${k}="${v}"`)).join(' ')}>`)
    .join('');
  return html.replace(loader[0], loader[0].replace('-after-paint.js', '.js') + tags);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const built = await serveDist(dist, PUBLIC_URL, { gzip: true });
const before = await serveDist(dist, PUBLIC_URL, {
  gzip: true,
  files: new Map([['index.html', Buffer.from(atOnce(dist))]]),
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const variants = [
  { name: 'at once (preloads in <head>)', server: before, runs: [] },
  { name: 'after first paint (as built)', server: built, runs: [] },
];
const throttle = throttleArg?.split(',').map(Number);
for (let i = 0; i < Number(loadsArg); i++) {
  for (const v of variants) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttle) {
      const [mbit, rtt] = throttle;
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: rtt, downloadThroughput: (mbit * 1e6) / 8, uploadThroughput: (mbit * 1e6) / 8,
      });
    }
    await page.goto(v.server.url);
    await page.waitForFunction(() => performance.getEntriesByName('dateline-usable').length > 0, null, { timeout: 120_000 });
    v.runs.push(await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      usable: performance.getEntriesByName('dateline-usable')[0].startTime,
    })));
    await context.close();
  }
}
console.log(`${dist}, ${loadsArg} loads each, ${throttle ? `${throttle[0]} Mbit/s, ${throttle[1]} ms round trip` : 'not throttled'}`);
for (const v of variants) {
  const usable = v.runs.map((r) => Math.round(r.usable));
  console.log(`${v.name}: first contentful paint ${Math.round(median(v.runs.map((r) => r.fcp)))} ms, usable ${median(usable)} ms (${usable.join(', ')})`);
}
await browser.close();
await built.close();
await before.close();
