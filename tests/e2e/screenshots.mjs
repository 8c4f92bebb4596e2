// Screenshots for docs/screenshots/: the timeline, a release page, the
// timeline comparing four series over time and the import panel after
// importing the core's fixture folder (`SHOTS=import` for that one alone), phone
// (360x780) and desktop (1280x900), light and dark. Not a test: run it by hand
// against a build of the demo corpus (synthetic releases plus releases/):
//
//   cargo run --release --bin dateline -- generate --count 300 --seed 7 --out /tmp/demo300
//   cp releases/*.txt /tmp/demo300/
//   DATELINE_RELEASES=/tmp/demo300 trunk build --release --public-url /dateline/ --dist /tmp/dist-demo
//   DATELINE_DIST=/tmp/dist-demo node tests/e2e/screenshots.mjs [OUT_DIR]
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveDist, distDir } from './server.mjs';
import { launch } from './browser.mjs';

const SEED_TITLE =
  'Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters';
const PUBLIC_URL = process.env.DATELINE_PUBLIC_URL ?? '/dateline/';
const out = process.argv[2] ?? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SIZES = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

await mkdir(out, { recursive: true });
const server = await serveDist(distDir(), PUBLIC_URL);
const browser = await launch();
try {
  for (const [device, viewport] of Object.entries(SIZES)) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({
        viewport,
        colorScheme: scheme,
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      if (process.env.SHOTS !== 'import') await pages(page, device, scheme);
      await importShot(page, device, scheme);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

async function importShot(page, device, scheme) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import releases' }).click();
  const panel = page.getByRole('region', { name: 'Import releases' });
  await panel.getByLabel('Choose a folder').setInputFiles(fileURLToPath(new URL('../../core/tests/fixtures', import.meta.url)));
  await panel.getByText(/^Showing my releases/).waitFor({ timeout: 120_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = `${out}/import-${device}-${scheme}.png`;
  await page.screenshot({ path: file });
  console.log(`${file} ${Math.round((await stat(file)).size / 1024)} kB`);
  await panel.getByRole('button', { name: 'Forget my releases' }).click();
  await panel.getByText('Your releases were removed from this device.').waitFor();
}

async function pages(page, device, scheme) {
  {
    {
      // The seed may be past the first page of a big corpus: find it by search.
      await page.goto(`${server.url}?q=${encodeURIComponent('"smuggling of migrants matters"')}`);
      const seed = page.getByRole('list', { name: 'Matching releases' }).getByRole('link', { name: SEED_TITLE });
      const release = new URL(await seed.getAttribute('href'), server.url).href;
      const compare = `${server.url}?series=smuggling&series=trafficking&series=country:IR&series=country:AF`;
      for (const [name, url] of [['timeline', server.url], ['release', release], ['compare', compare]]) {
        await page.goto(url);
        await page.locator('main h1').waitFor();
        await page.locator(name === 'release' ? '.release-body' : '.release-list').waitFor();
        if (name === 'compare') await page.locator('.series-legend').scrollIntoViewIfNeeded();
        const file = `${out}/${name}-${device}-${scheme}.png`;
        await page.screenshot({ path: file });
        console.log(`${file} ${Math.round((await stat(file)).size / 1024)} kB`);
      }
    }
  }
}
