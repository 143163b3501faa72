/**
 * Normalization benchmark on ../shared/data/companies (run: `npm run bench -w @em/core`).
 * (a) Share of matched sources (gold_dev rows with a true_ciq_id) whose normalized `base`
 *     equals their reference's, next to a naive baseline (lower-case, alphanumerics only,
 *     spaces collapsed), on all rows and on `hard` rows.
 * (b) Throughput of normalizeCompanyName over all reference and source names, ~1M calls.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { transliterationKey } from '../src/entries/text.js';
import { normalizeCompanyName } from '../src/index.js';
import { readSharedCsv, sharedDataDir } from '../test/helpers/shared-data.js';

const dataDir = path.join(sharedDataDir, 'companies');
const FILES = ['reference.csv', 'source_dev.csv', 'gold_dev.csv'];

const naive = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const base = (name: string) => normalizeCompanyName(name).base;
const keyed = (name: string) => transliterationKey(base(name));

function main(): void {
  const missing = FILES.filter((file) => !existsSync(path.join(dataDir, file)));
  if (missing.length > 0) {
    console.log(`skipping the normalization benchmark: ${missing.join(', ')} not found in ${dataDir}`);
    console.log('(the benchmark data sits next to the repository in ../shared/data; a fresh clone has none)');
    return;
  }
  const read = (file: string) => readSharedCsv(`companies/${file}`);
  const reference = new Map(read('reference.csv').map((row) => [row.ciq_id!, row.company_name!]));
  const sources = new Map(
    read('source_dev.csv').map((row) => [`${row.source_id}\u0000${row.source_system}`, row]),
  );
  const pairs: { source: string; reference: string; hard: boolean }[] = [];
  for (const gold of read('gold_dev.csv')) {
    const referenceName = reference.get(gold.true_ciq_id ?? '');
    const source = sources.get(`${gold.source_id}\u0000${gold.source_system}`);
    if (referenceName === undefined || source === undefined) continue;
    pairs.push({ source: source.company_name!, reference: referenceName, hard: gold.hard === '1' });
  }

  console.log(`matched sources: ${pairs.length} (hard: ${pairs.filter((pair) => pair.hard).length})`);
  console.log('share whose key equals their reference key   all      hard');
  for (const [label, key] of [
    ['naive (lower-case alphanumerics)', naive],
    ['normalizeCompanyName base', base],
    ['base + transliterationKey', keyed],
  ] as const) {
    const share = (subset: typeof pairs) =>
      subset.filter((pair) => key(pair.source) === key(pair.reference)).length / subset.length;
    const all = share(pairs);
    const hard = share(pairs.filter((pair) => pair.hard));
    console.log(`  ${label.padEnd(42)} ${percent(all)}   ${percent(hard)}`);
  }

  const names = [...reference.values(), ...[...sources.values()].map((row) => row.company_name!)];
  const rounds = Math.ceil(1_000_000 / names.length);
  for (const name of names) normalizeCompanyName(name); // warm-up
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let round = 0; round < rounds; round++) for (const name of names) normalizeCompanyName(name);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const calls = rounds * names.length;
  const rate = (s: number) => Math.round(calls / s).toLocaleString('en-US');
  console.log(
    `throughput: ${rate(seconds)} names/s wall clock, ${rate(cpuSeconds)} names/s of CPU time ` +
      `(${calls.toLocaleString('en-US')} calls over ${names.length.toLocaleString('en-US')} names; ` +
      `${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU; the two differ when other processes share the cores)`,
  );
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`.padStart(6);
}

main();
