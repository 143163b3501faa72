/**
 * One stage of the end-to-end bench in a fresh process, so its peak RSS and CPU time are that
 * stage's alone. Prints one JSON line. Run by e2e-child.ts:
 *
 *   e2e-stage.ts ingest <db> <dir>     em init + em ingest reference + em ingest source
 *   e2e-stage.ts train <db> <rows>     em train without labels, on the first <rows> reference rows
 *   e2e-stage.ts index <db>            em index (read the reference into the columnar store, build, save)
 *   e2e-stage.ts run <db>              em run --full (index and model beside the db, LLM off)
 */
import path from 'node:path';
import {
  LocalEngine,
  loadLocalBackends,
  REFERENCE_ROWS_SQL,
  readReferenceRows,
  readReferenceStore,
  trainLocalModel,
} from '../src/index.js';

const [stage, dbPath, arg] = process.argv.slice(2) as [string, string, string | undefined];
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
};
const peakRssMb = (): number => Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20);
const engine = await LocalEngine.open({ dbPath });
const cpu = process.cpuUsage();
const t = performance.now();
let out: Record<string, unknown>;
if (stage === 'ingest') {
  await engine.init();
  const ref = await engine.ingest('reference', path.join(arg!, 'reference.csv'));
  const referenceMs = performance.now() - t;
  const referenceCpuMs = cpuMs(cpu);
  const referencePeakRssMb = peakRssMb();
  await engine.ingest('source', path.join(arg!, 'source.csv'));
  out = { reference: ref.loaded, referenceMs: Math.round(referenceMs), referenceCpuMs, referencePeakRssMb };
} else if (stage === 'train') {
  // Training retrieves over an index of the rows it trains on, which it builds when the saved
  // one differs: at 10M rows a second build of minutes, so larger references train on their
  // first rows (the index stage then rebuilds over all of them, for the run).
  const rows = Number(arg ?? Number.POSITIVE_INFINITY);
  const all = await engine.query<Record<string, unknown>>(
    `SELECT * FROM (${REFERENCE_ROWS_SQL}) LIMIT ${Number.isFinite(rows) ? rows : 'ALL'}`,
  );
  const reference = await readReferenceRows(async () => all);
  const trained = trainLocalModel(dbPath, reference, { seed: 1 });
  out = { trainedOn: reference.length, modelVersion: trained.modelVersion };
} else if (stage === 'index') {
  const reference = await readReferenceStore((sql, params) => engine.query(sql, params));
  const readMs = performance.now() - t;
  const backends = loadLocalBackends(dbPath, reference, { rebuildIndex: true, workers: 0 });
  out = { rows: reference.length, readMs: Math.round(readMs), buildMs: Math.round(backends.index.ms) };
  await backends.close();
} else if (stage === 'run') {
  const report = await engine.run({ full: true });
  out = {
    sources: report.processed,
    runMs: Math.round(report.durationMs),
    entitiesPerSecond: Math.round(report.entitiesPerSecond),
  };
} else {
  throw new Error(`unknown stage ${stage}`);
}
await engine.close();
console.log(
  JSON.stringify({
    stage,
    ...out,
    ms: Math.round(performance.now() - t),
    cpuMs: cpuMs(cpu),
    peakRssMb: peakRssMb(),
  }),
);
