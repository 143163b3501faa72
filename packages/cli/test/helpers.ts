import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EmbeddedEngine, Engine, Io, OpenEngine } from '../src/index.js';

export const CLI_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(CLI_ROOT, '../..');
const BIN = path.join(CLI_ROOT, 'src/bin.ts');
/** tsx's loader as a URL, so the child resolves it from any working directory. */
const TSX = pathToFileURL(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('tsx')).href;

const tempDirs: string[] = [];

/** A fresh folder under the system temp dir; `removeTempDirs` (in afterAll) deletes them. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface CapturedIo extends Io {
  out(): string;
  err(): string;
}

/** An Io that records what a command writes; not a TTY unless asked. */
export function captureIo(
  options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {},
): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (err += chunk), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}

/** Run the real bin from source in a child process, as a user would. */
export function spawnEm(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ['--import', TSX, '--conditions=@em/source', BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, EM_DEBUG: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Call {
  method: string;
  args: unknown[];
}

/**
 * A stand-in for the engine with canned reports, so command wiring and output are tested on their own.
 * The end-to-end test drives the real engine.
 */
export function fakeEngine(overrides: Partial<Record<keyof Engine, (...args: never[]) => unknown>> = {}): {
  open: OpenEngine;
  calls: Call[];
} {
  const calls: Call[] = [];
  const canned: Record<string, (...args: never[]) => unknown> = {
    init: () => undefined,
    ingest: () => ({
      file: 'x.csv',
      kind: 'source',
      read: 10,
      loaded: 9,
      quarantined: 1,
      inserted: 9,
      updated: 0,
      unchanged: 0,
      warnings: ['line 3: empty name'],
    }),
    run: () => ({
      runId: 'run-1',
      processed: 9,
      skippedUnchanged: 0,
      byMethod: { exact_match: 5, no_match: 4 },
      autoMatched: 5,
      inReview: 4,
      noMatch: 4,
      costUsd: 0.0009,
      costPerEntity: 0.0001,
      durationMs: 12,
      entitiesPerSecond: 750,
    }),
    exportGold: (out: never) => ({ rows: 9, path: out }),
    reviewQueue: () => [
      {
        source_id: 'S-1',
        source_system: 'crm',
        company_name: 'Acme',
        matched_ciq_id: 'IQ1',
        match_confidence: 0.5,
      },
    ],
    decide: () => undefined,
    stats: () => ({
      dailyStats: [
        { match_date: '2025-01-01', match_method: 'exact_match', match_count: 5n, avg_confidence: 1 },
      ],
      costAnalysis: [
        { match_date: '2025-01-01', total_entities: 9n, total_cost: 0.0009, cost_per_entity: 0.0001 },
      ],
      counts: { read: 10, loaded: 9, quarantined: 1, matched: 5, in_review: 4, no_match: 4, total_gold: 9 },
    }),
    reviewCase: () => ({
      source_id: 'S-1',
      source_system: 'crm',
      decision: { matched_ciq_id: 'IQ1', match_confidence: 0.5, match_method: 'vector_search' },
      suggested_ciq_id: 'IQ1',
      candidates: [],
      history: [],
    }),
    query: () => [{ source_id: 'S-1', source_system: 'crm', matched_ciq_id: 'IQ1', candidates: '[]' }],
    close: () => undefined,
    ...overrides,
  };
  const engine = Object.fromEntries(
    Object.entries(canned).map(([method, fn]) => [
      method,
      async (...args: never[]) => {
        calls.push({ method, args });
        return fn(...args);
      },
    ]),
  ) as unknown as EmbeddedEngine;
  return { open: async () => engine, calls };
}
