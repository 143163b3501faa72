/**
 * Everything an ingest leaves behind, as files to compare across versions of the ingest code:
 * bronze, silver and quarantine (ORDER BY key, to CSV) and each ingest's report, after each
 * step of a few scenarios: a fresh load of the 1M-row bench file, then the same file again
 * (idempotence) and a changed copy (updates, new rows, duplicates, bad rows); the companies
 * reference and source files likewise, sources with and without --system. Timestamps become
 * ordinals (which ingest wrote the row) and run ids are left out, so two runs compare byte for byte:
 *
 *   tsx --conditions=@em/source bench/ingest-snapshot.ts <out dir> [bench dir] [companies dir]
 *
 * To check that a change to the ingest leaves its outputs as they were, run it from a checkout
 * of each version (with the other's copy of this file, or its imports pointed at that
 * checkout's src; name it .mts outside a package) and `diff -r` the two folders. The 1M-row
 * scenario takes a few minutes and about 1.4 GB of disk per run; SNAPSHOT_SKIP_BIG=1 leaves it out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../src/db/database.js';
import { LocalEngine } from '../src/index.js';

const out = path.resolve(process.argv[2]!);
const bench = process.argv[3] ?? '/tmp/em-bench-1000000';
const companies = process.argv[4] ?? '/work/shared/data/companies';
mkdirSync(out, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), 'em-ingest-snapshot-'));

/** The fields of one CSV line (no line breaks inside fields in these files). */
function fields(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const line = (cells: readonly string[]): string =>
  cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

/**
 * A changed copy of a CSV file: every 50th row renamed, every 97th dropped, 20 rows copied
 * under new keys, the first row repeated with another name (a duplicate key, the later line
 * wins), a row without a name (quarantined).
 */
function changedCopy(file: string, name: string): string {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const at = fields(header!).indexOf('company_name');
  const edit = (row: string, key: (k: string) => string, rename: (n: string) => string) => {
    const cells = fields(row);
    cells[0] = key(cells[0]!);
    cells[at] = rename(cells[at]!);
    return line(cells);
  };
  const same = (v: string) => v;
  const kept = rows
    .filter((_, i) => i % 97 !== 96)
    .map((r, i) => (i % 50 === 7 ? edit(r, same, (n) => `Renamed ${n}`) : r));
  const added = rows.slice(0, 20).map((r, i) => edit(r, (k) => `NEW${i}${k}`, same));
  const duplicate = edit(rows[0]!, same, () => 'Duplicate Holdings');
  const nameless = edit(
    rows[1]!,
    (k) => `NONAME${k}`,
    () => '',
  );
  const copy = path.join(work, name);
  writeFileSync(copy, `${[header, ...kept, ...added, duplicate, nameless].join('\n')}\n`);
  return copy;
}

let step = 0;
async function snapshot(dbPath: string, label: string, reports: unknown[]): Promise<void> {
  const db = await Database.open(dbPath);
  try {
    const dir = path.join(out, `${String(++step).padStart(2, '0')}-${label}`);
    mkdirSync(dir, { recursive: true });
    const dump = (sql: string, file: string) =>
      db.run(`COPY (${sql}) TO '${path.join(dir, file)}' (HEADER, DELIMITER ',')`);
    const ordinal = (col: string) => `dense_rank() OVER (ORDER BY ${col}) AS ${col}_ordinal`;
    // (files of this run lie in a temp folder of its own: keep their names only)
    const fileName = "REPLACE (regexp_replace(source_file, '^.*/', '') AS source_file)";
    await dump(
      `SELECT * EXCLUDE (ingestion_timestamp) ${fileName}, ${ordinal('ingestion_timestamp')} FROM bronze.reference_entities ORDER BY ciq_id`,
      'bronze-reference.csv',
    );
    await dump(
      `SELECT * EXCLUDE (ingestion_timestamp) ${fileName}, ${ordinal('ingestion_timestamp')} FROM bronze.source_entities ORDER BY source_id, source_system`,
      'bronze-source.csv',
    );
    await dump(
      `SELECT * EXCLUDE (processing_timestamp), ${ordinal('processing_timestamp')} FROM silver.normalized_reference ORDER BY ciq_id`,
      'silver-reference.csv',
    );
    await dump(
      `SELECT * EXCLUDE (processing_timestamp), ${ordinal('processing_timestamp')} FROM silver.normalized_entities ORDER BY source_id, source_system`,
      'silver-source.csv',
    );
    await dump(
      `SELECT * EXCLUDE (quarantine_id, run_id, quarantined_at) ${fileName}, ${ordinal('quarantined_at')} FROM gold.quarantine
       ORDER BY quarantined_at, source_file, source_line, reason, raw_record`,
      'quarantine.csv',
    );
    writeFileSync(path.join(dir, 'reports.json'), `${JSON.stringify(reports, null, 2)}\n`);
  } finally {
    db.close();
  }
}

type Step = readonly [kind: 'reference' | 'source', file: string, system?: string];

async function scenario(name: string, steps: readonly Step[]): Promise<void> {
  const dbPath = path.join(work, `${name}.duckdb`);
  const reports: unknown[] = [];
  for (const [i, [kind, file, system]] of steps.entries()) {
    const engine = await LocalEngine.open({ dbPath });
    await engine.init();
    const { runId: _runId, ...report } = await engine.ingest(
      kind,
      file,
      system === undefined ? {} : { system },
    );
    await engine.close();
    reports.push({ ...report, file: path.basename(file), system });
    await snapshot(dbPath, `${name}-${i + 1}`, reports);
    console.error(`${name} step ${i + 1}: ${path.basename(file)} ${system ?? ''}`);
  }
}

try {
  const bigRef = path.join(bench, 'reference.csv');
  const ref = path.join(companies, 'reference.csv');
  const src = path.join(companies, 'source_dev.csv');
  const refChanged = changedCopy(ref, 'reference-changed.csv');
  const srcChanged = changedCopy(src, 'source-changed.csv');
  await scenario('companies-reference', [
    ['reference', ref],
    ['reference', ref],
    ['reference', refChanged],
  ]);
  await scenario('changed-reference-fresh', [['reference', refChanged]]);
  await scenario('companies-source', [
    ['source', src],
    ['source', src, 'alt'],
    ['source', src, 'alt'],
    ['source', srcChanged, 'alt'],
    ['source', srcChanged],
  ]);
  await scenario('bench-source', [['source', path.join(bench, 'source.csv')]]);
  if (process.env.SNAPSHOT_SKIP_BIG !== '1') {
    await scenario('bench-reference', [
      ['reference', bigRef],
      ['reference', bigRef],
      ['reference', changedCopy(bigRef, 'bench-reference-changed.csv')],
    ]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
