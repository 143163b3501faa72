/**
 * Ingest of one reference file into a fresh database, in its own process so the peak RSS and
 * CPU time are the ingest's alone. Prints one JSON line. Run by bench.ts, or by hand:
 *
 *   tsx --conditions=@em/source bench/ingest-child.ts <dir with reference.csv>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { LocalEngine } from '../src/index.js';

const dir = process.argv[2]!;
const work = mkdtempSync(path.join(tmpdir(), 'em-bench-ingest-'));
try {
  const engine = await LocalEngine.open({ dbPath: path.join(work, 'bench.duckdb') });
  await engine.init();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const report = await engine.ingest('reference', path.join(dir, 'reference.csv'));
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  await engine.close();
  console.log(
    JSON.stringify({
      read: report.read,
      loaded: report.loaded,
      quarantined: report.quarantined,
      ms: Math.round(ms),
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
      loadAverage: loadavg()[0]!.toFixed(2),
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
