/**
 * Debian's Chromium, as the browser tests drive it: the path, the flags the environment asks for,
 * and a message that says how to install it when it is missing. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** What to say when Chromium is missing; `what` is what is tested in it. */
export const missingChromium = (what: string): string =>
  `Chromium is not installed at ${CHROMIUM}, and ${what} is tested in it. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (Debian; .ci/run does this).';

/** Launches headless Chromium; fails with how to install it when it is missing. */
export async function launchChromium(what: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(missingChromium(what));
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
