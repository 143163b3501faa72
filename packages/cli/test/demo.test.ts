import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const SMALL = ['--reference', '600', '--sources', '150', '--seed', '7'];

describe('em demo', () => {
  it('--json: generates, matches and evaluates; rows reconcile; metrics are ratios; --dir is kept', async () => {
    const dir = path.join(tempDir('em-cli-demo-'), 'demo');
    const io = captureIo();
    const code = await runCli(['demo', ...SMALL, '--dir', dir, '--json'], { io });
    expect(code, io.err()).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.rows.reconciled).toBe(true);
    expect(report.rows.read).toBe(150);
    expect(report.kept).toBe(true);
    for (const view of [report.evaluation.all, report.evaluation.auto]) {
      for (const key of ['precision', 'recall', 'f1']) expect(view[key]).toBeGreaterThanOrEqual(0);
      for (const key of ['precision', 'recall', 'f1']) expect(view[key]).toBeLessThanOrEqual(1);
    }
    for (const file of ['reference.csv', 'source.csv', 'gold.csv', 'em.duckdb']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    // A second demo into the same folder refuses to reuse its database.
    const again = captureIo();
    expect(await runCli(['demo', ...SMALL, '--dir', dir], { io: again })).toBe(2);
    expect(again.err()).toContain('already exists');
  });

  it('prints the funnel, accuracy and how to explore, and removes its temporary folder', async () => {
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('em-demo-')));
    const io = captureIo();
    expect(await runCli(['demo', ...SMALL], { io }), io.err()).toBe(0);
    const out = io.out();
    for (const text of [
      'Source rows',
      'gold + quarantined = read ✓',
      'Stage funnel',
      'review queue',
      'cost per entity',
    ]) {
      expect(out).toContain(text);
    }
    expect(out).toMatch(
      /Accuracy on the [\d,]+ held-out sources of gold\.csv[\s\S]*\n\s*all\s[\s\S]*\n\s*auto\s/,
    );
    expect(io.err()).toMatch(/^step name=train duration_ms=\d+$/m);
    expect(out).toContain('em review list');
    expect(io.err()).toMatch(/^step name=evaluate duration_ms=\d+$/m);
    const after = readdirSync(tmpdir()).filter((f) => f.startsWith('em-demo-') && !before.has(f));
    expect(after).toEqual([]);
  });
});
