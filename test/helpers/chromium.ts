/**
 * Debian's Chromium, as the browser tests drive it: the path, the flags the environment asks for,
 * and a message that says how to install it when it is missing. Nothing is downloaded. A test file
 * uses the run's shared Chromium (test/setup/shared-parts.ts) when there is one, and launches its
 * own when run under a config without it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';
import { askSharedPart } from './shared-parts.js';

export const CHROMIUM = '/usr/bin/chromium';

/** What to say when Chromium is missing; `what` is what is tested in it. */
export const missingChromium = (what: string): string =>
  `Chromium is not installed at ${CHROMIUM}, and ${what} is tested in it. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (Debian; .ci/run does this).';

function launchOptions(what: string): LaunchOptions {
  if (!existsSync(CHROMIUM)) throw new Error(missingChromium(what));
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}

/** Launches headless Chromium; fails with how to install it when it is missing. */
export async function launchChromium(what: string): Promise<Browser> {
  return chromium.launch(launchOptions(what));
}

/** Headless Chromium that other processes connect to, over a WebSocket on 127.0.0.1 at a port the OS picks. */
export async function launchChromiumServer(what: string): Promise<BrowserServer> {
  return chromium.launchServer({ ...launchOptions(what), host: '127.0.0.1', port: 0 });
}

/**
 * A browser for this test file: a connection to the run's shared Chromium, or a Chromium of its
 * own when the run shares none. Either way `close()` ends what the file made (its contexts, or its
 * own Chromium) and leaves the shared one to the run.
 */
export async function useChromium(what: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(missingChromium(what));
  const shared = await askSharedPart<{ wsEndpoint: string }>('chromium');
  return shared ? chromium.connect(shared.wsEndpoint, { timeout: 30_000 }) : launchChromium(what);
}
