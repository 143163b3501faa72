import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, startConsole } from '../src/index.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { buildConsoleDb } from './console-db.js';

const SHOTS = '/tmp/i14';
const GOLD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/data/gold.csv');
const run = chromiumAvailable('console.browser.test');

let browser: Browser;
let server: RunningConsole;
let tab: Page;

beforeAll(async () => {
  if (!run) return;
  mkdirSync(SHOTS, { recursive: true });
  const dbPath = await buildConsoleDb();
  server = await startConsole({ dbPath, port: 0, env: { USER: 'ann' } });
  browser = await launchChromium();
  tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = async (url: string) =>
  (await fetch(`${server.url}${url}`)).json() as Promise<Record<string, unknown>>;
const shot = (name: string) => tab.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const queueIds = () =>
  tab.locator('#queue tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source-id')));

describe.skipIf(!run)('em serve in a real browser', () => {
  let decidedId = '';

  it('decides a case with the keyboard; it leaves the queue and appears in the audit', async () => {
    await tab.goto(`${server.url}/queue`);
    const before = await queueIds();
    expect(before.length).toBeGreaterThan(5);
    decidedId = before[0]!;
    await shot('queue');
    await tab.keyboard.press('Enter');
    await tab.waitForURL(/\/case\//);
    expect(await tab.locator('h1').textContent()).toContain(decidedId);
    expect(await tab.locator('#chart-waterfall').count()).toBe(1);
    await shot('case');
    await tab.keyboard.press('n');
    await tab.waitForSelector('#flash');
    expect(await tab.locator('#flash').textContent()).toContain(`${decidedId}: no match`);
    await tab.goto(`${server.url}/queue`);
    expect(await queueIds()).not.toContain(decidedId);
    await tab.goto(`${server.url}/audit`);
    const entry = tab.locator(`#audit tr[data-source-id="${decidedId}"]`);
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('ann');
    await shot('audit');
  });

  it('undoes the decision with u; the case is back in the queue and the undo is audited', async () => {
    const href = await tab.locator(`#audit tr[data-source-id="${decidedId}"] a`).getAttribute('href');
    await tab.goto(`${server.url}${href}`);
    await tab.keyboard.press('u');
    await tab.waitForSelector('#flash');
    expect(await tab.locator('#flash').textContent()).toContain('Undid');
    const gold = await api(href!.replace('/case/', '/v1/gold/'));
    expect(gold.match_method).not.toBe('human_review');
    expect(gold.needs_review).toBe(true);
    await tab.goto(`${server.url}/queue`);
    expect(await queueIds()).toContain(decidedId);
    await tab.goto(`${server.url}/audit`);
    expect(await tab.locator(`#audit tr[data-source-id="${decidedId}"]`).count()).toBe(2);
    expect(await tab.locator('#audit tbody tr').first().textContent()).toContain('undo');
    await shot('undo');
  });

  it('searches the reference and picks a company the retriever missed', async () => {
    const truth = new Map(
      readFileSync(GOLD, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map(([id, system, ciq]) => [`${system}/${id}`, ciq]),
    );
    const queue = (await api('/v1/review/queue?limit=5000')).cases as {
      source_id: string;
      source_system: string;
      candidates: { ciq_id: string }[];
    }[];
    const missed = queue.find((q) => {
      const ciq = truth.get(`${q.source_system}/${q.source_id}`);
      return ciq && !q.candidates.some((c) => c.ciq_id === ciq);
    });
    expect(missed, 'a queue case whose true company is not among its candidates').toBeDefined();
    const ciq = truth.get(`${missed!.source_system}/${missed!.source_id}`)!;
    const [row] = ((await api(`/v1/reference/search?q=${encodeURIComponent(ciq)}`)).hits as unknown[]) ?? [];
    expect(row).toBeUndefined(); // a ciq_id is not a search key: search as a person would, by name
    const name = (
      (await (
        await fetch(`${server.url}/v1/gold/${missed!.source_system}/${encodeURIComponent(missed!.source_id)}`)
      ).json()) as {
        company_name: string;
      }
    ).company_name;
    await tab.goto(
      `${server.url}/case/${encodeURIComponent(missed!.source_system)}/${encodeURIComponent(missed!.source_id)}`,
    );
    expect(await tab.locator(`#candidates tr[data-ciq-id="${ciq}"]`).count()).toBe(0);
    const reference = (await api(
      `/v1/review/${missed!.source_system}/${encodeURIComponent(missed!.source_id)}`,
    )) as {
      source: { company_name: string };
    };
    expect(reference.source.company_name).toBe(name);
    const trueName = await trueCompanyName(ciq);
    await tab.keyboard.press('/');
    await tab.keyboard.type(trueName);
    await tab.keyboard.press('Enter');
    await tab.waitForSelector('#search-results');
    const pick = tab.locator(`#search-results tr[data-ciq-id="${ciq}"] button`);
    expect(await pick.count()).toBe(1);
    await shot('search');
    await pick.click();
    await tab.waitForSelector('#flash');
    const gold = await api(`/v1/gold/${missed!.source_system}/${encodeURIComponent(missed!.source_id)}`);
    expect(gold).toMatchObject({ matched_ciq_id: ciq, match_method: 'human_review' });
  });

  it('renders the dashboard with its charts and the failed-run alert firing', async () => {
    await tab.goto(`${server.url}/dashboard`);
    for (const chart of ['rates', 'runs', 'funnel', 'cost', 'latency', 'cost-daily']) {
      const box = await tab.locator(`svg#chart-${chart}`).boundingBox();
      expect(box?.width, chart).toBeGreaterThan(200);
      expect(box?.height, chart).toBeGreaterThan(60);
    }
    expect(await tab.locator('#chart-rates circle').count()).toBeGreaterThanOrEqual(4);
    expect(await tab.locator('#chart-rates [data-mark="guide"]').count()).toBe(2);
    expect(await tab.locator('tr[data-alert="run_failed"]').getAttribute('data-status')).toBe('firing');
    expect(await tab.locator('#alerts-firing').textContent()).toMatch(/alert/);
    await shot('dashboard');
  });

  async function trueCompanyName(ciq: string): Promise<string> {
    const rows = readFileSync(path.join(path.dirname(GOLD), 'reference.csv'), 'utf8').split('\n');
    const line = rows.find((l) => l.startsWith(`${ciq},`))!;
    const name = line.startsWith(`${ciq},"`)
      ? line.slice(ciq.length + 2, line.indexOf('"', ciq.length + 2))
      : line.split(',')[1]!;
    return name;
  }
});
