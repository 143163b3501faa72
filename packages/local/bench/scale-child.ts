/**
 * One scale measurement in a fresh process (so peak RSS is this work's): read a generated
 * reference.csv, build the index, save and reload it, and time single-thread queries.
 * Prints one JSON line. Run by bench.ts: scale-child.ts <dir with reference.csv, source.csv, gold.csv>
 */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { type ReferenceEntity, SourceEntity, sourceKey } from '@em/core';
import { NameIndex, readIndexFile, writeIndexFile } from '../src/index.js';
import { readCsv } from './lib/csv.js';

const dir = process.argv[2]!;
const gc = (globalThis as { gc?: () => void }).gc;
const text = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
/** A CSV row as a reference entity, without a validation copy (1M rows: memory matters here). */
const toReference = (r: Record<string, string>): ReferenceEntity => ({
  ciq_id: r.ciq_id!,
  company_name: r.company_name!,
  ticker: text(r.ticker),
  lei: text(r.lei),
  cusip: text(r.cusip),
  isin: text(r.isin),
  country: text(r.country),
  industry: text(r.industry),
  sector: text(r.sector),
  market_cap: text(r.market_cap),
});
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
let t = performance.now();
const reference = readCsv(path.join(dir, 'reference.csv')).map(toReference);
const readMs = performance.now() - t;
gc?.();
const rssRows = process.memoryUsage().rss;
t = performance.now();
const index = NameIndex.build(reference);
const buildMs = performance.now() - t;
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
let withTruth = 0;
let hits = 0;
for (const s of sources) {
  const top = loaded.search(s, 10);
  const truth = gold.get(sourceKey(s));
  if (truth) {
    withTruth++;
    if (top.some((h) => reference[h.doc]!.ciq_id === truth)) hits++;
  }
}
const queryMs = performance.now() - t;
console.log(
  JSON.stringify({
    rows: reference.length,
    readCsvMs: Math.round(readMs),
    buildMs: Math.round(buildMs),
    rssWithRowsMb: mb(rssRows),
    indexRssMb: mb(rssIndex),
    peakRssAfterBuildMb: mb(peakAfterBuild),
    indexFileMb: mb(bytes),
    writeMs: Math.round(writeMs),
    loadMs: Math.round(loadMs),
    queries: sources.length,
    queriesPerSecond: Math.round((sources.length / queryMs) * 1000),
    recall10: hits / withTruth,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  }),
);
