/**
 * Where an ingest's time goes: the ingest of bench/ingest-child.ts with every SQL statement
 * timed, printed to stderr in order: wall ms, process CPU ms, the first words of the SQL and,
 * in brackets, the CPU ms of each thread that used 100 ms or more during it (Linux only; "main"
 * is the JS thread, which also normalizes between its awaits; the others are DuckDB's threads
 * and the normalization worker, told apart by when they work). Run by hand:
 *
 *   tsx --conditions=@em/source bench/ingest-profile.ts <dir with reference.csv>
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../src/db/database.js';
import { LocalEngine } from '../src/index.js';

/** CPU ms of each thread of this process so far, by thread id ("main" for this one). */
function threadCpuMs(): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      threads.set(tid === String(process.pid) ? 'main' : tid, ms);
    } catch {
      // the thread ended meanwhile
    }
  }
  return threads;
}

interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
  readonly sql: string;
  readonly threads: string;
}

const execute = Reflect.get(Database.prototype, 'execute') as (
  this: Database,
  ...args: unknown[]
) => Promise<unknown>;
const timings: Timing[] = [];
Reflect.set(Database.prototype, 'execute', async function (this: Database, ...args: unknown[]) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const before = threadCpuMs();
  try {
    return await execute.apply(this, args);
  } finally {
    const used = process.cpuUsage(cpu);
    const threads = [...threadCpuMs()]
      .map(([tid, ms]) => [tid, ms - (before.get(tid) ?? 0)] as const)
      .filter(([, ms]) => ms >= 100)
      .map(([tid, ms]) => `${tid}:${Math.round(ms)}`)
      .join(' ');
    timings.push({
      ms: performance.now() - t,
      cpuMs: (used.user + used.system) / 1000,
      sql: String(args[0]).replace(/\s+/g, ' ').trim().slice(0, 70),
      threads,
    });
  }
});

const dir = process.argv[2]!;
const work = mkdtempSync(path.join(tmpdir(), 'em-bench-ingest-'));
try {
  const engine = await LocalEngine.open({ dbPath: path.join(work, 'bench.duckdb') });
  await engine.init();
  timings.length = 0;
  const t = performance.now();
  const cpu = process.cpuUsage();
  await engine.ingest('reference', path.join(dir, 'reference.csv'));
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  await engine.close();
  for (const { ms: wall, cpuMs, sql, threads } of timings) {
    if (wall < 50) continue;
    console.error(
      `${Math.round(wall).toString().padStart(6)} ms ${Math.round(cpuMs).toString().padStart(6)} cpu-ms  ${sql} [${threads}]`,
    );
  }
  const sqlMs = timings.reduce((a, b) => a + b.ms, 0);
  console.error(
    `total ${Math.round(ms)} ms (SQL ${Math.round(sqlMs)} ms), cpu ${Math.round((used.user + used.system) / 1000)} ms`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
