import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceKey } from '@em/core';
import { csvLine, parseCsv } from '@em/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';
import { buildReviewDb, fixtureTruth } from './review-db.js';

const dir = tempDir('em-cli-label-');
const db = path.join(dir, 'em.duckdb');
const exported = path.join(dir, 'to-label.csv');
const truth = fixtureTruth();

beforeAll(async () => {
  await buildReviewDb(db);
  // As the README tour: the first em run trains a model without labels, then decides.
  const io = captureIo({ cwd: dir });
  expect(await runCli(['run', '--db', db], { io }), io.err()).toBe(EXIT.ok);
});
afterAll(removeTempDirs);

async function em(...args: string[]) {
  const io = captureIo({ cwd: dir, env: { USER: 'tester' } });
  const code = await runCli(['label', ...args, '--db', db], { io });
  return { code, out: io.out(), err: io.err() };
}

/** Answer every exported row as the gold standard says: the candidate's number, a ciq_id, or none. */
function answer(csv: string): string {
  const [head, ...rows] = parseCsv(csv, (line, message) => {
    throw new Error(`line ${line}: ${message}`);
  }).map((r) => [...r.fields]);
  const at = (name: string) => head!.indexOf(name);
  const answered = rows.map((cells, i) => {
    const ciq = truth.get(
      sourceKey({ source_id: cells[at('source_id')]!, source_system: cells[at('source_system')]! }),
    );
    const n = [1, 2, 3, 4, 5].find((k) => cells[at(`candidate_${k}_ciq_id`)] === ciq);
    // Both ways of naming a company are accepted: its candidate number, or its ciq_id.
    cells[at('answer')] = ciq == null ? 'none' : n !== undefined && i % 2 === 0 ? String(n) : ciq;
    return cells;
  });
  return [head!, ...answered].map((cells) => csvLine(cells)).join('');
}

/** The (source_id, source_system) of every row of an exported file. */
const exportedKeys = (file: string): string[] =>
  parseCsv(readFileSync(file, 'utf8'), () => {})
    .slice(1)
    .map((r) => `${r.fields[0]}|${r.fields[1]}`);

describe('em label: the CSV round trip', () => {
  it('off a terminal, says how to label through a CSV instead of waiting for keys', async () => {
    const { code, out } = await em('--count', '5');
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(
      /5 cases would teach the model most\. Not a terminal: use em label --export FILE\.csv/,
    );
  });

  it('exports the cases with their candidates and an empty answer column', async () => {
    const { code, out } = await em('--export', exported, '--count', '12');
    expect(code).toBe(EXIT.ok);
    expect(out).toContain(`Wrote 12 cases to ${exported}`);
    const [head, ...rows] = readFileSync(exported, 'utf8').trim().split('\n');
    expect(head).toMatch(
      /^source_id,source_system,company_name,ticker,country,candidate_1_ciq_id,.*,answer$/,
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.endsWith(','))).toBe(true);
  });

  it('refuses a file with a bad answer, naming its line, and records nothing', async () => {
    const csv = readFileSync(exported, 'utf8').trim().split('\n');
    csv[3] = csv[3]!.replace(/,$/, ',NOT-A-CIQ-ID');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, `${csv.join('\n')}\n`);
    const { code, err } = await em('--import', bad);
    expect(code).toBe(EXIT.input);
    expect(err).toMatch(/nothing imported, 1 problem\(s\):\s+line 4: NOT-A-CIQ-ID is not a reference ciq_id/);
    expect(readFileSync(`${db}.em-labels.jsonl`, { flag: 'a+' }).toString()).toBe('');
  });

  it('imports the answers with who and when, retrains and measures on labels it kept aside', async () => {
    const answered = path.join(dir, 'answered.csv');
    writeFileSync(answered, answer(readFileSync(exported, 'utf8')));
    const { code, out, err } = await em('--import', answered, '--by', 'alice');
    expect(code, err).toBe(EXIT.ok);
    expect(out).toMatch(/Recorded 12 labels by alice \(12 in .*\)\./);
    expect(out).toMatch(
      /Retrained pair model (gbdt-[0-9a-f]{12}) on the ingested sources \(self-trained\) with all 12 of your labels\.\nMeasured first without (\d+) of them, kept aside \((gbdt-[0-9a-f]{12}) against the previous model on those\):/,
    );
    // The saved model learnt from every answer: not the one measured without those kept aside.
    const [, saved, , measuredOn] = out.match(
      /pair model (gbdt-\S+) .*\nMeasured first without (\d+) of them, kept aside \((gbdt-\S+) /,
    )!;
    expect(saved).not.toBe(measuredOn);
    expect(readFileSync(`${db}.em-model.json`, 'utf8')).toMatch(/"source":\s*"self-trained"/);
    expect(out).toContain('Next: em run');
    const labels = readFileSync(`${db}.em-labels.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(labels).toHaveLength(12);
    for (const l of labels) {
      expect(l).toMatchObject({ labelled_by: 'alice', via: 'csv' });
      expect(Number.isNaN(Date.parse(l.labelled_at))).toBe(false);
      expect(l.true_ciq_id).toBe(truth.get(sourceKey(l)) ?? null);
    }
  });

  it('asks about other cases next time: answered sources leave the queue', async () => {
    const again = path.join(dir, 'again.csv');
    expect((await em('--export', again, '--count', '12', '--no-retrain')).code).toBe(EXIT.ok);
    const first = new Set(exportedKeys(exported));
    const next = exportedKeys(again);
    expect(next.length).toBeGreaterThan(0);
    expect(next.filter((k) => first.has(k))).toEqual([]);
  });
});
