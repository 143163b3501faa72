import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EXIT } from '@em/cli-kit';
import { InputError } from '@em/core';
import { describe, expect, it } from 'vitest';
import { checkGates, emEvalMain, evaluate, loadPredictions, loadTruth, parseGates } from '../src/index.js';
import { captureIo } from './cli-io-capture.js';
import { fixture } from './fixture-paths.js';

const PRED = fixture('predictions.csv');
const TRUTH = fixture('truth.csv');

describe('gates', () => {
  it('parses metric, view and subset, with aliases', () => {
    expect(
      parseGates('f1=0.93, precision=0.95,auto_match=0.85,auto.precision=0.995,hard.auto.f1=0.9'),
    ).toEqual([
      { name: 'f1', subset: null, view: 'all', metric: 'f1', min: 0.93 },
      { name: 'precision', subset: null, view: 'all', metric: 'precision', min: 0.95 },
      { name: 'auto_match', subset: null, view: 'all', metric: 'auto_match_rate', min: 0.85 },
      { name: 'auto.precision', subset: null, view: 'auto', metric: 'precision', min: 0.995 },
      { name: 'hard.auto.f1', subset: 'hard', view: 'auto', metric: 'f1', min: 0.9 },
    ]);
  });

  it.each(['f1', 'f1=high', 'f1=1.5', 'speed=0.9', 'a.b.auto.f1=0.5'])(
    'rejects %s with the syntax',
    (spec) => {
      expect(() => parseGates(spec)).toThrowError(/--fail-under/);
      expect(() => parseGates(spec)).toThrow(InputError);
    },
  );

  it('checks each gate against the report and names where the value lives', async () => {
    const report = evaluate({ predictions: await loadPredictions(PRED), truth: await loadTruth(TRUTH) });
    const results = checkGates(report, parseGates('f1=0.4,hard.recall=0.5'));
    expect(results.map((r) => [r.path, r.passed])).toEqual([
      ['all.f1', true],
      ['subsets.hard.all.recall', false],
    ]);
    expect(() => checkGates(report, parseGates('easy.f1=0.5'))).toThrowError(/no subset easy/);
  });
});

describe('em-eval exit codes and outputs (in process)', () => {
  it('0 when every gate passes; --json prints the documented keys', async () => {
    const io = captureIo();
    const code = await emEvalMain(
      ['--predictions', PRED, '--truth', TRUTH, '--json', '--fail-under', 'f1=0.4,auto_match=0.4'],
      io,
    );
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(io.out());
    for (const view of [json.all, json.auto, json.subsets.hard.all, json.subsets.hard.auto]) {
      for (const key of [
        'precision',
        'recall',
        'f1',
        'accuracy',
        'auto_match_rate',
        'review_rate',
        'tp',
        'fp',
        'fn',
      ])
        expect(view).toHaveProperty(key);
    }
    expect(json.schema_version).toBe(1);
    expect(json.gates.map((g: { passed: boolean }) => g.passed)).toEqual([true, true]);
    expect(Object.keys(json)).toEqual([
      'schema_version',
      'threshold',
      'counts',
      'all',
      'auto',
      'subsets',
      'by_method',
      'by_stage',
      'latency_ms',
      'cost',
      'sweep',
      'target_precision',
      'confidence_histogram',
      'stage_funnel',
      'candidate_recall',
      'keys',
      'worst_errors',
      'inputs',
      'gates',
    ]);
  });

  it('3 when a gate fails, naming each failed gate', async () => {
    const io = captureIo();
    const code = await emEvalMain(
      ['--predictions', PRED, '--truth', TRUTH, '--fail-under', 'f1=0.93,precision=0.95,auto_match=0.85'],
      io,
    );
    expect(code).toBe(EXIT.gate);
    expect(io.err()).toContain('gate failed: f1 = 0.4444 < 0.93 (all.f1)');
    expect(io.err()).toContain('gate failed: precision = 0.5000 < 0.95');
    expect(io.err()).toContain('gate failed: auto_match = 0.4286 < 0.85');
    expect(io.out()).toContain('rows · all');
  });

  it('2 for bad input: missing flag, unknown flag, bad number, malformed file', async () => {
    const cases: string[][] = [
      ['--truth', TRUTH],
      ['--predictions', PRED, '--truth', TRUTH, '--bogus'],
      ['--predictions', PRED, '--truth', TRUTH, '--threshold', 'high'],
      ['--predictions', PRED, '--truth', TRUTH, '--threshold', '1.5'],
      ['--predictions', TRUTH, '--truth', TRUTH],
      ['--predictions', PRED, '--truth', TRUTH, '--subset', 'nope'],
    ];
    for (const args of cases) {
      const io = captureIo();
      expect(await emEvalMain(args, io), args.join(' ')).toBe(EXIT.input);
      expect(io.err()).toMatch(/^em-eval: /);
    }
  });

  it('-h prints the usage with every flag', async () => {
    const io = captureIo();
    expect(await emEvalMain(['-h'], io)).toBe(EXIT.ok);
    for (const flag of [
      '--predictions',
      '--truth',
      '--subset',
      '--threshold',
      '--json',
      '--html',
      '--fail-under',
      '--target-precision',
    ])
      expect(io.out()).toContain(flag);
    const pairs = captureIo();
    expect(await emEvalMain(['pairs', '--help'], pairs)).toBe(EXIT.ok);
    expect(pairs.out()).toContain('--published');
  });

  it('--html writes a self-contained page with every chart', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'em-eval-cli-')), 'report.html');
    const io = captureIo();
    expect(
      await emEvalMain(
        ['--predictions', PRED, '--truth', TRUTH, '--html', html, '--target-precision', '0.6'],
        io,
      ),
    ).toBe(EXIT.ok);
    const page = readFileSync(html, 'utf8');
    for (const chart of ['pr-curve', 'confidence', 'funnel', 'cost'])
      expect(page).toContain(`id="chart-${chart}" data-chart="${chart}"`);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

const execFileAsync = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

describe.skipIf(!existsSync(tsx))('the em-eval bin as a process (from source)', () => {
  const run = (args: string[]) =>
    execFileAsync(tsx, ['--conditions=@em/source', 'packages/eval/src/bin.ts', ...args], {
      cwd: repoRoot,
    }).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
  it('exits 3 on a failed gate and 2 on bad input', async () => {
    expect(await run(['--predictions', PRED, '--truth', TRUTH, '--fail-under', 'f1=0.93'])).toBe(3);
    expect(await run(['--predictions', PRED])).toBe(2);
  });
});
