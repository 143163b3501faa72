import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, type ScoredCandidate } from '@em/core';
import { suggestion } from '@em/local';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, fakeEngine, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const dir = tempDir('em-cli-commands-');
const csv = path.join(dir, 'source.csv');
writeFileSync(csv, 'source_id,company_name\nS-1,Acme\n');

/** Every command that talks to the engine, with the name its JSON reports. */
const JSON_COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['init', ['init']],
  ['ingest reference', ['ingest', 'reference', csv]],
  ['ingest source', ['ingest', 'source', csv, '--system', 'crm']],
  ['run', ['run', '--full']],
  ['export', ['export', '--out', path.join(dir, 'gold.csv')]],
  ['review list', ['review', 'list']],
  ['review accept', ['review', 'accept', 'S-1']],
  ['review reject', ['review', 'reject', 'S-1']],
  ['stats', ['stats']],
];

async function em(args: readonly string[], engine = fakeEngine(), env: Record<string, string> = {}) {
  const io = captureIo({ cwd: dir, env });
  const code = await runCli(args, { io, openEngine: engine.open });
  return { code, out: io.out(), err: io.err(), calls: engine.calls };
}

describe('--json', () => {
  it.each(JSON_COMMANDS)('em %s --json prints exactly one JSON object on stdout', async (name, args) => {
    const { code, out } = await em([...args, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ command: name, db: path.join(dir, 'em.duckdb') });
  });

  it('progress goes to stderr as key=value lines, never to stdout', async () => {
    const engine = fakeEngine({
      ingest: ((_kind: string, _file: string, options: { onProgress: (d: number, t: number) => void }) => {
        for (let done = 0; done <= 4; done += 1) options.onProgress(done, 4);
        return {
          file: 'x',
          kind: 'source',
          read: 4,
          loaded: 4,
          quarantined: 0,
          inserted: 4,
          updated: 0,
          unchanged: 0,
          warnings: [],
        };
      }) as never,
    });
    const { out, err } = await em(['ingest', 'source', csv, '--json'], engine);
    expect(JSON.parse(out).read).toBe(4);
    expect(err).toContain('progress stage=ingest source done=4 total=4');
  });

  it('stats --json carries the counts and turns bigints into numbers', async () => {
    const parsed = JSON.parse((await em(['stats', '--json'])).out);
    expect(parsed.counts).toMatchObject({ read: 10, loaded: 9, quarantined: 1, in_review: 4, total_gold: 9 });
    expect(parsed.dailyStats[0].match_count).toBe(5);
  });
});

describe('commands map onto the engine', () => {
  it('--db, else $EM_DB, else ./em.duckdb, resolved against the working directory', async () => {
    const seen: string[] = [];
    const engine = fakeEngine();
    const open = async (db: string) => {
      seen.push(db);
      return engine.open(db);
    };
    for (const [args, env] of [
      [['init', '--db', 'a.duckdb'], { EM_DB: 'b.duckdb' }],
      [['init'], { EM_DB: 'b.duckdb' }],
      [['init'], {}],
    ] as const) {
      await runCli(args, { io: captureIo({ cwd: dir, env }), openEngine: open });
    }
    expect(seen).toEqual(['a.duckdb', 'b.duckdb', 'em.duckdb'].map((f) => path.join(dir, f)));
  });

  it('ingest passes kind, absolute file and system, and prints reconciled counts', async () => {
    const { code, out, calls } = await em(['ingest', 'source', 'source.csv', '--system', 'crm']);
    expect(code).toBe(0);
    expect(calls[0]).toMatchObject({ method: 'ingest', args: ['source', csv, { system: 'crm' }] });
    expect(out).toContain('read = loaded + quarantined ✓');
    expect(out).toContain('line 3: empty name');
  });

  it('run validates --config before opening the database', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ autoMatchThreshold: 2, topK: 0 }));
    const result = await em(['run', '--config', bad]);
    expect(result.code).toBe(EXIT.input);
    expect(result.err).toContain('autoMatchThreshold');
    expect(result.err).toContain('topK');
    expect(result.calls).toEqual([]);
    writeFileSync(bad, '{ not json');
    expect((await em(['run', '--config', bad])).err).toContain('bad.json: not valid JSON');
  });

  it('run passes --full and a parsed config, and draws the funnel', async () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ autoMatchThreshold: 0.95 }));
    const { out, calls } = await em(['run', '--full', '--config', good]);
    expect(calls[0]).toMatchObject({
      method: 'run',
      args: [{ full: true, config: { autoMatchThreshold: 0.95 } }],
    });
    expect(out).toMatch(/exact_identifier\s+█+\s+5\s+55\.6%/);
    expect(out).toContain('$0.000100');
  });

  it('export refuses an unknown extension and a missing folder (exit 2)', async () => {
    expect((await em(['export', '--out', 'gold.txt'])).code).toBe(EXIT.input);
    expect((await em(['export', '--out', 'no/such/dir/gold.csv'])).code).toBe(EXIT.input);
    expect((await em(['export'])).code).toBe(EXIT.input);
  });

  it('review list passes its filters', async () => {
    const { out, calls } = await em([
      'review',
      'list',
      '--limit',
      '5',
      '--min',
      '0.2',
      '--max',
      '0.8',
      '--system',
      'crm',
    ]);
    expect(calls[0]?.args[0]).toEqual({
      limit: 5,
      minConfidence: 0.2,
      maxConfidence: 0.8,
      system: 'crm',
      order: 'confidence',
    });
    expect(out).toMatch(/S-1\s+crm\s+Acme\s+IQ1\s+0\.500/);
    expect(out).toContain('lowest confidence first');
  });

  it('review list --order priority asks for the label-priority order and says so; another order is a usage error', async () => {
    const { out, calls } = await em(['review', 'list', '--order', 'priority']);
    expect(calls[0]?.args[0]).toMatchObject({ order: 'priority' });
    expect(out).toContain('label priority');
    expect((await em(['review', 'list', '--order', 'newest'])).code).toBe(EXIT.input);
  });

  it('review accept takes the suggestion, --ciq-id overrides it, reject records no match', async () => {
    const decisions = async (args: string[]) =>
      (await em(args, fakeEngine(), { USER: 'alice' })).calls.find((c) => c.method === 'decide')?.args[0];
    expect(await decisions(['review', 'accept', 'S-1'])).toEqual({
      source_id: 'S-1',
      source_system: 'crm',
      ciq_id: 'IQ1',
      decidedBy: 'alice',
    });
    expect(
      await decisions(['review', 'accept', 'S-1', '--ciq-id', 'IQ9', '--by', 'bob', '--note', 'renamed']),
    ).toEqual({
      source_id: 'S-1',
      source_system: 'crm',
      ciq_id: 'IQ9',
      decidedBy: 'bob',
      note: 'renamed',
    });
    expect(await decisions(['review', 'reject', 'S-1'])).toMatchObject({ ciq_id: null });
  });

  it('review accept falls back to the best candidate, and needs --system when the id is ambiguous', async () => {
    // The case as @em/local builds it: no match yet, so the suggestion is the best-ranked candidate.
    const candidates = [
      { ciq_id: 'IQ7', rank: 2 },
      { ciq_id: 'IQ3', rank: 1 },
    ] as ScoredCandidate[];
    const noMatch = fakeEngine({
      reviewCase: () => ({
        source_id: 'S-1',
        source_system: 'crm',
        candidates,
        suggested_ciq_id: suggestion({ matched_ciq_id: null, candidates })?.ciq_id ?? null,
      }),
    });
    const accepted = await em(['review', 'accept', 'S-1'], noMatch);
    expect(accepted.calls.find((c) => c.method === 'reviewCase')?.args[0]).toEqual({
      source_id: 'S-1',
      source_system: undefined,
    });
    expect(accepted.calls.find((c) => c.method === 'decide')?.args[0]).toMatchObject({ ciq_id: 'IQ3' });
    const rejected = await em(['review', 'reject', 'S-1', '--system', 'erp'], noMatch);
    expect(rejected.calls.findLast((c) => c.method === 'reviewCase')?.args[0]).toEqual({
      source_id: 'S-1',
      source_system: 'erp',
    });
    // The engine refuses an ambiguous or unknown source_id (packages/local/test/review-decisions.test.ts).
    const twoSystems = fakeEngine({
      reviewCase: () => {
        throw new InputError('source_id "S-1" exists in several systems (crm, erp); pass --system NAME.');
      },
    });
    const ambiguous = await em(['review', 'reject', 'S-1'], twoSystems);
    expect(ambiguous.code).toBe(EXIT.input);
    expect(ambiguous.err).toContain('(crm, erp); pass --system NAME');
    expect(ambiguous.calls.some((c) => c.method === 'decide')).toBe(false);
    const unknown = fakeEngine({
      reviewCase: () => {
        throw new InputError('No gold row for source_id "S-404". Run `em review list` to see the cases.');
      },
    });
    const none = await em(['review', 'accept', 'S-404'], unknown);
    expect(none.code).toBe(EXIT.input);
  });

  it('stats prints counts, the funnel and both views as tables', async () => {
    const { out } = await em(['stats']);
    expect(out).toContain('Daily stats (gold.daily_stats)');
    expect(out).toContain('Cost analysis (gold.cost_analysis)');
    expect(out).toMatch(/total_gold\s+9/);
    expect(out).toContain('$0.0009'.replace('0.0009', '0.000900'));
  });
});
