/**
 * One scale measurement in a fresh process (so peak RSS is this work's): read a generated
 * reference.csv into the columnar ReferenceStore (as em run holds it), build the index, save
 * and reload it, time single-thread queries (wall and CPU time: the machine may be shared),
 * then the same queries through two retrieval workers. Prints one JSON line.
 * Run by bench.ts: scale-child.ts <dir with reference.csv, source.csv, gold.csv>
 */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_COLUMNS, SourceEntity, sourceKey } from '@em/core';
import {
  NameIndex,
  ParallelIndexRetriever,
  ReferenceStore,
  readIndexFile,
  writeIndexFile,
} from '../src/index.js';
import { countLines, forEachCsvRow, readCsv } from './lib/csv.js';

const dir = process.argv[2]!;
const gc = (globalThis as { gc?: () => void }).gc;
/**
 * A generated reference.csv streamed straight into the columnar store (10M rows: the file is
 * larger than a JS string, and one object per row would not fit the machine).
 */
function readReferenceCsv(file: string): ReferenceStore {
  const store = new ReferenceStore(countLines(file));
  let order: number[] = [];
  forEachCsvRow(file, (fields, row) => {
    if (row === 0) order = REFERENCE_COLUMNS.map((c) => fields.indexOf(c));
    else store.append(order.map((i) => (i < 0 ? null : (fields[i] ?? null))));
  });
  return store.seal();
}
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
let t = performance.now();
const reference = readReferenceCsv(path.join(dir, 'reference.csv'));
const readMs = performance.now() - t;
gc?.();
const rssRows = process.memoryUsage().rss;
t = performance.now();
let cpu = process.cpuUsage();
const index = NameIndex.build(reference);
const buildMs = performance.now() - t;
const buildCpuMs = cpuMs(cpu);
const peakAfterBuild = process.resourceUsage().maxRSS * 1024;
gc?.();
const rssIndex = process.memoryUsage().rss - rssRows;
const file = path.join(dir, 'bench.em-index');
t = performance.now();
writeIndexFile(file, index, 'bench');
const writeMs = performance.now() - t;
t = performance.now();
const loaded = readIndexFile(file).index;
const loadMs = performance.now() - t;
const bytes = statSync(file).size;
rmSync(file);
const sources = readCsv(path.join(dir, 'source.csv'))
  .map((r) => SourceEntity.parse(r))
  .slice(0, 2000);
const gold = new Map(
  readCsv(path.join(dir, 'gold.csv')).map((g) => [
    sourceKey({ source_id: g.source_id!, source_system: g.source_system! }),
    g.true_ciq_id || null,
  ]),
);
loaded.search(sources[0]!, 10); // derive the common-term block before timing
t = performance.now();
cpu = process.cpuUsage();
let withTruth = 0;
let hits = 0;
for (const s of sources) {
  const top = loaded.search(s, 10);
  const truth = gold.get(sourceKey(s));
  if (truth) {
    withTruth++;
    if (top.some((h) => reference.field('ciq_id', h.doc) === truth)) hits++;
  }
}
const queryMs = performance.now() - t;
const queryCpuMs = cpuMs(cpu);
// Both cores: the same queries through two workers over the shared index, in batches of 64.
const parallel = new ParallelIndexRetriever(loaded, reference, 2);
await parallel.retrieve(sources.slice(0, 2), 10); // workers loaded
t = performance.now();
const batches: Promise<unknown>[] = [];
for (let i = 0; i < sources.length; i += 64) batches.push(parallel.retrieve(sources.slice(i, i + 64), 10));
await Promise.all(batches);
const parallelMs = performance.now() - t;
await parallel.close();
console.log(
  JSON.stringify({
    rows: reference.length,
    readCsvMs: Math.round(readMs),
    buildMs: Math.round(buildMs),
    buildCpuMs: Math.round(buildCpuMs),
    rssWithRowsMb: mb(rssRows),
    indexRssMb: mb(rssIndex),
    peakRssAfterBuildMb: mb(peakAfterBuild),
    indexFileMb: mb(bytes),
    writeMs: Math.round(writeMs),
    loadMs: Math.round(loadMs),
    queries: sources.length,
    queriesPerSecond: Math.round((sources.length / queryMs) * 1000),
    queriesPerCpuSecond: Math.round((sources.length / queryCpuMs) * 1000),
    twoWorkerQueriesPerSecond: Math.round((sources.length / parallelMs) * 1000),
    recall10: hits / withTruth,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  }),
);
