import { readFileSync, writeFileSync } from 'node:fs';
import { isFormulaCell } from '@em/core/text';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { formatIngestReport } from '../src/ingest/ingest-report.js';
import { ADVERSARIAL_CORPUS, type CorpusCase } from './adversarial/corpus.js';
import { openEngine } from './helpers/engine.js';
import { tempDir } from './helpers/files.js';
import { referenceRetriever } from './review-fixture.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A clean reference for source cases to match against. */
const REFERENCE = `ciq_id,company_name,country,industry\n${Array.from({ length: 30 }, (_, i) => `IQ${i + 1},Company ${i + 1} Inc.,US,Software`).join('\n')}\n`;

async function write(engine: LocalEngine, c: CorpusCase): Promise<string> {
  if (c.write) return c.write(tmp.dir);
  const file = tmp.file(c.name);
  await engine.query(`COPY (${c.parquetSelect}) TO '${file}' (FORMAT parquet)`);
  return file;
}

/** Every exported cell (CSV read back as written, JSONL values) as text. */
async function exportedCells(engine: LocalEngine): Promise<{ csv: string[]; all: string[] }> {
  await engine.exportGold(tmp.file('gold.csv'));
  await engine.exportReviewQueue(tmp.file('queue.csv'));
  await engine.exportGold(tmp.file('gold.jsonl'));
  const csv: string[] = [];
  for (const file of ['gold.csv', 'queue.csv']) {
    const rows = await engine.query<Record<string, string | null>>(
      'SELECT * FROM read_csv($1, header = true, all_varchar = true)',
      [tmp.file(file)],
    );
    for (const row of rows) for (const v of Object.values(row)) if (v !== null) csv.push(v);
  }
  const jsonl = readFileSync(tmp.file('gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .flatMap((l) => Object.values(JSON.parse(l) as Record<string, unknown>).map(String));
  return { csv, all: [...csv, ...jsonl, readFileSync(tmp.file('gold.csv'), 'utf8')] };
}

describe('the adversarial-input corpus (fixtures/adversarial)', () => {
  it.each(ADVERSARIAL_CORPUS.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const engine = await openEngine();
    try {
      writeFileSync(tmp.file('reference.csv'), REFERENCE);
      if (c.kind === 'source') await engine.ingest('reference', tmp.file('reference.csv'));
      const file = await write(engine, c);
      const outcome = await engine.ingest(c.kind, file).catch((error: unknown) => error as Error);
      const table = c.kind === 'source' ? 'bronze.source_entities' : 'bronze.reference_entities';
      const [counts] = await engine.query<{ loaded: number; quarantined: number }>(
        `SELECT (SELECT count(*) FROM ${table}) AS loaded, (SELECT count(*) FROM gold.quarantine) AS quarantined`,
      );
      const { loaded, quarantined } = counts!;
      if (c.refused) {
        // Refused whole, with a message naming the file, the problem and the fix; nothing half-loaded.
        expect(outcome).toBeInstanceOf(Error);
        expect((outcome as Error).message).toMatch(c.message);
        expect([loaded, quarantined]).toEqual([0, 0]);
        return;
      }
      if (outcome instanceof Error) throw outcome;
      // Rows in = loaded + quarantined (+ swallowed: a stray quote's lines are re-read, so none are).
      expect(outcome.read).toBe(c.recordsIn);
      expect(outcome.loaded + outcome.quarantined).toBe(c.recordsIn);
      expect(quarantined).toBe(outcome.quarantined);
      // A clear message: every quarantined row has a reason; the case's explanation is printed.
      const reasons = await engine.query<{ reason: string; raw_record: string }>(
        'SELECT reason, raw_record FROM gold.quarantine',
      );
      expect(reasons.every((r) => r.reason.length > 10)).toBe(true);
      expect([formatIngestReport(outcome), ...outcome.warnings].join('\n')).toMatch(c.message);

      // Nothing dangerous in any export: no formula cell in a CSV, no NUL byte, no replacement character.
      if (c.kind === 'reference') {
        writeFileSync(tmp.file('probe.csv'), 'source_id,source_system,company_name\nP1,CRM,Company\n');
        await engine.ingest('source', tmp.file('probe.csv'));
      }
      await engine.run({ backends: { retriever: await referenceRetriever(engine) } });
      const { csv, all } = await exportedCells(engine);
      expect(csv.filter(isFormulaCell)).toEqual([]);
      expect(all.filter((v) => v.includes('\0'))).toEqual([]);
      expect(all.filter((v) => v.includes('\uFFFD'))).toEqual([]);
      expect(reasons.filter((r) => r.raw_record.includes('\0') || r.raw_record.includes('\uFFFD'))).toEqual(
        [],
      );
    } finally {
      await engine.close();
    }
  });
});
