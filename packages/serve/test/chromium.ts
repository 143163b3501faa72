import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests run: yes with Debian's chromium; without it they skip with a
 * message on a developer's machine, and fail in CI (CI=true), where .ci/run installs it.
 */
export function chromiumAvailable(file: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `${file}: ${CHROMIUM} is missing in CI; .ci/run must install it (apt-get install -y chromium).`,
    );
  }
  console.warn(`${file}: skipped, ${CHROMIUM} is absent (apt-get install -y chromium).`);
  return false;
}

/** A headless chromium (playwright gives each launch a fresh profile directory). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS });
