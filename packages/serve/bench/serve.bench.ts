/**
 * `npm run bench -w @em/serve`: the match API and the console, measured over HTTP against a
 * separate `em serve` process (not a test):
 *  1. single-record POST /v1/match latency p50/p99 at 100k generated reference rows, LLM off,
 *     with the pair model trained as `em train` does without labels;
 *  2. throughput with 8 concurrent clients (one record per request), and a 1,000-record batch;
 *  3. how long `em serve` takes from start to a populated dashboard on the demo database
 *     (`em demo`'s 20k reference / 5k sources), and a warm dashboard request.
 *
 *   npm run bench -w @em/serve [-- --reference 100000] [-- --requests 2000]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvObjects } from '@em/core/testing';
import { writeDatasetCsv } from '@em/fixtures';
import { LocalEngine, readReferenceRows, trainLocalModel } from '@em/local';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const referenceSize = arg('reference', 100_000);
const requests = arg('requests', 2_000);

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** `em serve --port 0 --json` in its own process; resolves with its URL once it listens. */
function startServe(db: string): Promise<{ child: ChildProcess; url: string; listenMs: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@em/source',
      'packages/cli/src/bin.ts',
      'serve',
      '--db',
      db,
      '--port',
      '0',
      '--json',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve({
          child,
          url: (JSON.parse(out) as { url: string }).url,
          listenMs: performance.now() - started,
        });
      } catch {
        // not the whole JSON object yet
      }
    });
    child.on('exit', (code) => reject(new Error(`em serve exited with ${code}`)));
  });
}

async function prepareDatabase(): Promise<{ db: string; records: Record<string, string | null>[] }> {
  const dir = path.join(tmpdir(), `em-serve-bench-${referenceSize}`);
  const db = path.join(dir, 'em.duckdb');
  if (!existsSync(path.join(dir, 'gold.csv'))) {
    await writeDatasetCsv(dir, { seed: 42, referenceSize, sourceSize: 10_000 });
  }
  if (!existsSync(`${db}.em-model.json`)) {
    const engine = await LocalEngine.open({ dbPath: db });
    await engine.init();
    await engine.ingest('reference', path.join(dir, 'reference.csv'));
    await engine.ingest('source', path.join(dir, 'source.csv'));
    trainLocalModel(db, await readReferenceRows((sql) => engine.query(sql)), { seed: 1 });
    await engine.close();
  }
  const records = parseCsvObjects(readFileSync(path.join(dir, 'source.csv'), 'utf8')).map((r) => {
    const { source_id: _, source_system: __, ...fields } = r;
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === '' ? null : v]));
  });
  return { db, records };
}

async function matchOne(url: string, record: unknown): Promise<{ ms: number; serverMs: number }> {
  const t = performance.now();
  const res = await fetch(`${url}/v1/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ record }),
  });
  const body = (await res.json()) as { ms: number };
  if (res.status !== 200) throw new Error(`match answered ${res.status}: ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, serverMs: body.ms };
}

console.log(`em serve bench · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
const { db, records } = await prepareDatabase();
const serve = await startServe(db);
try {
  for (let i = 0; i < 200; i++) await matchOne(serve.url, records[i % records.length]);
  const single: number[] = [];
  const server: number[] = [];
  for (let i = 0; i < requests; i++) {
    const r = await matchOne(serve.url, records[(i * 7) % records.length]);
    single.push(r.ms);
    server.push(r.serverMs);
  }
  single.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  console.log(
    `POST /v1/match, 1 record, ${referenceSize.toLocaleString()} reference rows, LLM off, ${requests} sequential requests:\n  client p50 ${fmt(quantile(single, 0.5))}, p99 ${fmt(quantile(single, 0.99))}, max ${fmt(single.at(-1)!)} · server-side p50 ${fmt(quantile(server, 0.5))}, p99 ${fmt(quantile(server, 0.99))}`,
  );
  const clients = 8;
  const perClient = Math.ceil(requests / clients);
  const under: number[] = [];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++)
        under.push((await matchOne(serve.url, records[(c * 977 + i * 13) % records.length])).ms);
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  under.sort((a, b) => a - b);
  console.log(
    `${clients} concurrent clients, ${clients * perClient} requests: ${Math.round((clients * perClient) / seconds)} requests/s (records/s), p50 ${fmt(quantile(under, 0.5))}, p99 ${fmt(quantile(under, 0.99))}`,
  );
  const batch = records.slice(0, 1_000);
  const tb = performance.now();
  const res = await fetch(`${serve.url}/v1/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ records: batch, explain: false }),
  });
  await res.json();
  const batchMs = performance.now() - tb;
  console.log(
    `1 request of ${batch.length} records: ${fmt(batchMs)} = ${Math.round(batch.length / (batchMs / 1000))} records/s`,
  );
} finally {
  serve.child.kill('SIGTERM');
}

const demoDir = path.join(tmpdir(), 'em-serve-bench-demo');
const demoDb = path.join(demoDir, 'em.duckdb');
if (!existsSync(demoDb)) {
  await new Promise<void>((resolve, reject) => {
    const demo = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@em/source', 'packages/cli/src/bin.ts', 'demo', '--dir', demoDir],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    demo.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`em demo exited with ${code}`))));
  });
}
const started = performance.now();
const demo = await startServe(demoDb);
try {
  let populated = 0;
  for (;;) {
    const res = await fetch(`${demo.url}/dashboard`);
    const text = await res.text();
    if (res.status === 200 && /id="chart-rates"/.test(text) && /id="queue-size">[1-9]/.test(text)) {
      populated = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await (await fetch(`${demo.url}/dashboard`)).text();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(
    `\nem serve on the demo database (${demoDb}): listening after ${fmt(demo.listenMs)}, populated dashboard after ${fmt(populated)} from start (node + tsx startup included); a warm /dashboard request ${fmt(quantile(warm, 0.5))} (median of 5)`,
  );
} finally {
  demo.child.kill('SIGTERM');
}
