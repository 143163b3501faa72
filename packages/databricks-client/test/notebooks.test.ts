import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceEntity, SourceEntity } from '@em/core';
import { DITTO_COMPANY_ATTRIBUTES, serializeForDitto } from '@em/core/text';
import { describe, expect, it } from 'vitest';
import { dittoRecord } from '../src/index.js';
import { FIXTURES_DIR, fixture } from '../src/testing/fixtures.js';
import { readNotebooks } from './support/notebooks.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NOTEBOOKS = path.join(REPO, 'notebooks');
const CONTRACT = path.join(FIXTURES_DIR, 'ditto-contract.json');
const python = spawnSync('python3', ['--version']).status === 0;
if (!python)
  console.warn('Skipping the notebook compile and Python contract checks: python3 is not on PATH.');

interface Contract {
  attributes: string[];
  serving_request_columns: string[];
  cases: {
    name: string;
    left_record: Record<string, unknown>;
    right_record: Record<string, unknown>;
    left: string;
    right: string;
  }[];
}
const contract = fixture<Contract>('ditto-contract');
const notebooks = readNotebooks(NOTEBOOKS);

describe('notebooks/', () => {
  it('holds the four setup notebooks and the shared serialization, in Databricks source format', () => {
    expect(notebooks.map((n) => n.name)).toEqual([
      '01_build_training_pairs',
      '02_train_ditto',
      '03_vector_index',
      '04_serve_ditto',
      'ditto_serialization',
    ]);
    for (const n of notebooks) expect(n.source, n.name).toContain('\n# COMMAND ----------\n');
    for (const n of notebooks.filter((x) => /^\d\d_/.test(x.name)))
      expect(n.source, n.name).toContain('dbutils.widgets.');
    for (const n of notebooks.filter((x) => /^0[124]_/.test(x.name))) {
      expect(n.source, n.name).toContain('# MAGIC %run ./ditto_serialization');
      expect(n.source, n.name).toContain('ditto_self_check()');
    }
  });

  it.skipIf(!python)('every notebook compiles (python3 -m py_compile)', () => {
    const result = spawnSync('python3', ['-m', 'py_compile', ...notebooks.map((n) => n.file)], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPYCACHEPREFIX: mkdtempSync(path.join(tmpdir(), 'em-pyc-')) },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the Ditto contract (src/__fixtures__/ditto-contract.json) holds on both sides', () => {
  it('TypeScript: core serializeForDitto and the serving records equal the fixture', () => {
    expect(contract.attributes).toEqual([...DITTO_COMPANY_ATTRIBUTES]);
    for (const c of contract.cases) {
      expect(serializeForDitto(c.left_record, DITTO_COMPANY_ATTRIBUTES), c.name).toBe(c.left);
      expect(serializeForDitto(c.right_record, DITTO_COMPANY_ATTRIBUTES), c.name).toBe(c.right);
      const record = dittoRecord({
        source: c.left_record as unknown as SourceEntity,
        candidate: { entity: c.right_record as unknown as ReferenceEntity, score: 1, rank: 0 },
        topScore: 1,
        nextScore: null,
      });
      expect(Object.keys(record)).toEqual(contract.serving_request_columns);
      expect(record).toEqual({ left: c.left, right: c.right });
    }
  });

  it.skipIf(!python)(
    'Python: notebooks/ditto_serialization.py equals the fixture (and its augmentations keep the format)',
    () => {
      const result = spawnSync('python3', [path.join(NOTEBOOKS, 'tests/check_ditto_contract.py'), CONTRACT], {
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^ok: 3 contract cases/);
    },
  );

  it('the notebooks self-check uses a sample that agrees with core', () => {
    const source = readFileSync(path.join(NOTEBOOKS, 'ditto_serialization.py'), 'utf8');
    const expected = /expected = "(.+)"\n/.exec(source)![1]!;
    const record = {
      company_name: 'Apple Computer Inc.',
      ticker: null,
      country: 'United States',
      industry: 'A\tB',
    };
    expect(serializeForDitto(record, DITTO_COMPANY_ATTRIBUTES)).toBe(expected);
  });
});
