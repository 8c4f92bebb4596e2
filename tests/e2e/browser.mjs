// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';

/** Chromium as root on a closed network; `extraArgs` add to these (the benchmarks' memory flags). */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** The page's errors and console errors, as they come (an array to assert empty). */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/**
 * Waits until the app runs (its `dateline-usable` mark): a pre-rendered
 * page's controls are inert until then.
 */
export function waitForApp(page) {
  return page.waitForFunction(() => performance.getEntriesByName('dateline-usable').length > 0);
}
