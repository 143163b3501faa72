import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluate, HTML_CHARTS, renderHtmlReport } from '../src/index.js';
import { syntheticRun } from './synthetic-run.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`html-render.test: ${CHROMIUM} is missing in CI; .ci/run must install it.`);
if (!hasChromium)
  console.warn(`html-render.test: skipped, ${CHROMIUM} is absent (apt-get install -y chromium).`);

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

describe.skipIf(!hasChromium)('HTML report in headless Chromium', () => {
  it('loads offline, draws every chart at a non-zero size and the worst-errors table', async () => {
    const { predictions, truth } = syntheticRun(2_000, 7);
    const report = evaluate({ predictions, truth, targetPrecision: 0.99 });
    const dir = mkdtempSync(join(tmpdir(), 'em-eval-html-'));
    const page = join(dir, 'report.html');
    writeFileSync(
      page,
      renderHtmlReport(report, { inputs: { predictions: 'synthetic', truth: 'synthetic' } }),
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      tab.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await tab.goto(pathToFileURL(page).href);
      for (const chart of HTML_CHARTS) {
        const svg = tab.locator(`svg#chart-${chart}[data-chart="${chart}"]`);
        expect(await svg.count(), chart).toBe(1);
        const box = await svg.boundingBox();
        expect(box?.width, chart).toBeGreaterThan(100);
        expect(box?.height, chart).toBeGreaterThan(100);
      }
      expect(await tab.locator('svg#chart-pr-curve [data-mark="threshold"]').count()).toBe(1);
      expect(await tab.locator('#worst-errors tbody tr').count()).toBe(20);
      expect(requests).toEqual([]);
      const png = join(dir, 'report.png');
      await tab.screenshot({ path: png, fullPage: true });
      expect(existsSync(png)).toBe(true);
      console.log(`html-render.test: screenshot ${png}`);
    } finally {
      await browser.close();
    }
  });
});
