import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeFormulaCell, isFormulaCell } from '@em/core/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../src/engine.js';
import { tempDir, toCsv } from './helpers/files.js';
import { referenceRetriever } from './review-fixture.js';

/** OWASP CSV-injection payloads (fixtures/adversarial/formula-payloads.txt), one per line. */
const PAYLOADS = readFileSync(
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../fixtures/adversarial/formula-payloads.txt',
  ),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '');

const tmp = tempDir();
let engine: LocalEngine;

/** Every cell of a CSV file exactly as written (DuckDB's reader, no unescaping). */
const cells = async (file: string): Promise<string[]> => {
  const rows = await engine.query<Record<string, string | null>>(
    'SELECT * FROM read_csv($1, header = true, all_varchar = true)',
    [file],
  );
  return rows.flatMap((row) => Object.values(row).filter((v): v is string => v !== null));
};

beforeAll(async () => {
  engine = await LocalEngine.open({ dbPath: tmp.file('em.duckdb') });
  await engine.init();
  // The reference carries the payloads as company names too (a poisoned vendor file).
  const reference = PAYLOADS.map((p, i) => [`C${i}`, `${p} Holdings`, p]);
  writeFileSync(tmp.file('reference.csv'), toCsv(['ciq_id', 'company_name', 'industry'], reference));
  const sources = PAYLOADS.map((p, i) => [`${p}#${i}`, 'CRM', `${p} Holdings`, p]);
  writeFileSync(
    tmp.file('source.csv'),
    toCsv(['source_id', 'source_system', 'company_name', 'industry'], sources),
  );
  await engine.ingest('reference', tmp.file('reference.csv'));
  const ingested = await engine.ingest('source', tmp.file('source.csv'));
  expect(ingested.warnings).toEqual([]);
  expect(ingested.loaded).toBe(PAYLOADS.length);
  await engine.run({ backends: { retriever: await referenceRetriever(engine) } });
});
afterAll(async () => {
  await engine?.close();
  tmp.cleanup();
});

describe('CSV formula injection', () => {
  it('em export writes no cell a spreadsheet would run, and keeps the values', async () => {
    await engine.exportGold(tmp.file('gold.csv'));
    const written = await cells(tmp.file('gold.csv'));
    expect(written.filter(isFormulaCell)).toEqual([]);
    // (ingest trims, so the tab / CR payloads arrive without their leading blank)
    for (const p of PAYLOADS.filter((p) => /^[=+\-@]/.test(p))) expect(written).toContain(`'${p} Holdings`);
  });

  it('em review export writes no formula cell; its file imports back onto the same ids', async () => {
    const out = tmp.file('queue.csv');
    const { rows } = await engine.exportReviewQueue(out);
    expect(rows).toBeGreaterThan(0);
    const written = await cells(out);
    expect(written.filter(isFormulaCell)).toEqual([]);
    const text = readFileSync(out, 'utf8');
    const decided = text.replace(/,,,\n/g, ',reject,,\n');
    writeFileSync(tmp.file('decided.csv'), decided);
    const report = await engine.importReviewDecisions(tmp.file('decided.csv'), { decidedBy: 'tester' });
    expect(report.applied).toBe(rows);
    const human = await engine.query<{ source_id: string }>(
      "SELECT source_id FROM gold.matched_entities WHERE match_method = 'human_review'",
    );
    expect(human.map((h) => h.source_id)).toContain('=1+1#0');
  });

  it('em ingest reads an escaped export back to the original values', async () => {
    const rows = await engine.query<{ source_id: string }>('SELECT source_id FROM bronze.source_entities');
    writeFileSync(
      tmp.file('again.csv'),
      toCsv(
        ['source_id', 'source_system', 'company_name'],
        rows.map((r) => [escapeFormulaCell(r.source_id), 'AGAIN', 'x']),
      ),
    );
    await engine.ingest('source', tmp.file('again.csv'));
    const again = await engine.query<{ source_id: string }>(
      "SELECT source_id FROM bronze.source_entities WHERE source_system = 'AGAIN'",
    );
    expect(again.map((r) => r.source_id).sort()).toEqual(rows.map((r) => r.source_id).sort());
    expect(again.some((r) => isFormulaCell(r.source_id))).toBe(true);
  });
});
