/**
 * `npm run bench -w @em/local`: index build time and peak RSS at 100k and 1M generated
 * reference rows with single-thread and two-worker retrieval throughput, the end-to-end bench
 * per size (ingest, em index, em run for 10k sources with the LLM off, each stage in its own
 * process with wall time, CPU time and peak RSS), and retrieval recall@10, queries/s, build
 * time and memory on the companies benchmark next to brute-force exact cosine, MiniSearch and
 * FlexSearch, in one run on the same data. Not a test.
 *
 *   npm run bench -w @em/local [-- --sizes 100000,1000000] [-- --skip-e2e]
 *   npm run bench -w @em/local -- --sizes 10000000      (10M rows: ~2 GB of CSV in the temp folder, hours on 2 cores)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDatasetCsv } from '@em/fixtures';
import { companiesAvailable, loadCompanies } from './lib/companies-data.js';
import { comparePeers } from './lib/peers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../../../node_modules/.bin/tsx');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('sizes') ?? '100000,1000000').split(',').map(Number);
const skipE2e = process.argv.includes('--skip-e2e');

const child = (script: string, dir: string): Record<string, unknown> => {
  const out = execFileSync(tsx, ['--conditions=@em/source', '--expose-gc', path.join(here, script), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
};

console.log(
  `em local bench · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (a shared machine inflates wall times; CPU times are given too)\n`,
);
for (const size of sizes) {
  const dir = path.join(tmpdir(), `em-bench-${size}`);
  if (!existsSync(path.join(dir, 'gold.csv'))) {
    const t = performance.now();
    await writeDatasetCsv(dir, { seed: 42, referenceSize: size, sourceSize: 10_000 });
    console.log(
      `generated ${size.toLocaleString()} reference rows + 10,000 sources in ${((performance.now() - t) / 1000).toFixed(1)} s (${dir})`,
    );
  }
  const s = child('scale-child.ts', dir);
  console.log(
    `index @ ${size.toLocaleString()}: build ${((s.buildMs as number) / 1000).toFixed(1)} s (cpu ${((s.buildCpuMs as number) / 1000).toFixed(1)} s), peak RSS ${s.peakRssAfterBuildMb} MB (process with reference store ${s.rssWithRowsMb} MB, index ${s.indexRssMb} MB), file ${s.indexFileMb} MB (write ${s.writeMs} ms, load ${s.loadMs} ms); retrieval top-10: ${s.queriesPerSecond} queries/s single-thread (${s.queriesPerCpuSecond} per CPU-second), ${s.twoWorkerQueriesPerSecond} queries/s with 2 workers; recall@10 ${(s.recall10 as number).toFixed(4)}`,
  );
  if (!skipE2e) {
    type Stage = Record<string, number>;
    const e = child('e2e-child.ts', dir) as {
      ingest: Stage;
      index: Stage;
      train: Stage;
      run: Stage;
      f1: number;
    };
    const { ingest, index, train, run } = e;
    console.log(
      `em run @ ${size.toLocaleString()}: ${run.sources} sources in ${(run.runMs! / 1000).toFixed(1)} s = ${run.entitiesPerSecond} entities/s (the run report's figure: deciding and writing, LLM off, full run); ${(run.ms! / 1000).toFixed(1)} s with start-up (reading the reference, opening the index and model, starting workers), cpu ${(run.cpuMs! / 1000).toFixed(1)} s, peak RSS ${run.peakRssMb} MB; F1 ${e.f1.toFixed(4)}, model trained without labels on ${train.trainedOn!.toLocaleString()} rows`,
    );
    console.log(
      `  ingest reference @ ${size.toLocaleString()}: ${(ingest.referenceMs! / 1000).toFixed(1)} s, cpu ${(ingest.referenceCpuMs! / 1000).toFixed(1)} s, peak RSS ${ingest.referencePeakRssMb} MB; em index: read ${(index.readMs! / 1000).toFixed(1)} s + build ${(index.buildMs! / 1000).toFixed(1)} s, cpu ${(index.cpuMs! / 1000).toFixed(1)} s, peak RSS ${index.peakRssMb} MB`,
    );
  }
}

if (companiesAvailable()) {
  console.log('\nretrieval on companies (top-10, rows with a true match; one thread):');
  for (const r of comparePeers(loadCompanies())) {
    console.log(
      `  ${r.name.padEnd(32)} recall@10 ${r.recall10.toFixed(4)}  hard ${r.recall10Hard.toFixed(4)}  ${Math.round(r.queriesPerSecond).toString().padStart(6)} queries/s  build ${Math.round(r.buildMs)} ms  memory ${r.memoryMb ?? '?'} MB`,
    );
  }
  console.log(
    "  DuckDB full-text search (fts extension): not measured; it is not bundled with @duckdb/node-api and\n  DuckDB's extension repository cannot be reached from this machine (INSTALL fts fails).",
  );
} else {
  console.log(
    '\ncompanies benchmark skipped: ../shared/data/companies not found (see shared/data/README.md).',
  );
}
