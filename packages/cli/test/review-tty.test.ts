import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewItem } from '../src/engine.js';
import { CLI_ROOT, REPO_ROOT, removeTempDirs, tempDir } from './helpers.js';
import { buildReviewDb, withDb } from './review-db.js';

const TSX = pathToFileURL(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('tsx')).href;
const BIN = path.join(CLI_ROOT, 'src/bin.ts');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux)
  console.warn('review-tty.test.ts: skipped, tmux is not installed (needed for a pseudo-terminal).');

const dir = tempDir('em-cli-review-tty-');
const db = path.join(dir, 'em.duckdb');
const socket = `em-review-test-${process.pid}`;
const env = { ...process.env, TERM: 'xterm-256color', EM_DEBUG: '' };
const sq = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, ...args], { env, encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Poll the screen until it shows `text` (at most `polls` captures, 100 ms apart). */
async function screenShows(text: string, polls = 300): Promise<string> {
  let screen = '';
  for (let i = 0; i < polls; i++) {
    screen = tmux('capture-pane', '-p', '-t', 'em', '-S', '-200');
    if (screen.includes(text)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the terminal never showed "${text}"; last screen:\n${screen}`);
}

let items: ReviewItem[] = [];

beforeAll(async () => {
  if (!hasTmux) return;
  await buildReviewDb(db);
  items = await withDb(db, (engine) => engine.reviewQueue({ limit: 2 }));
});
afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server'], { env });
  removeTempDirs();
});

describe.skipIf(!hasTmux)('em review on a terminal (tmux)', () => {
  it('walks the queue by keypress and records the decisions', async () => {
    const em = [
      process.execPath,
      '--import',
      TSX,
      '--conditions=@em/source',
      BIN,
      'review',
      '--db',
      db,
      '--by',
      'tty-tester',
    ]
      .map(sq)
      .join(' ');
    // `exec cat` keeps the pane (and its last screen) open after em exits.
    tmux(
      'new-session',
      '-d',
      '-s',
      'em',
      '-x',
      '200',
      '-y',
      '50',
      `cd ${sq(REPO_ROOT)} && ${em}; echo "EM EXITED $?"; exec cat`,
    );
    const first = await screenShows('Case 1 of');
    expect(first).toContain(`CRM / ${items[0]!.source_id}`);
    await screenShows('q quit] ›');
    tmux('send-keys', '-t', 'em', '2');
    await screenShows('Case 2 of');
    expect(await screenShows(`CRM / ${items[1]!.source_id}`)).toContain(
      `Recorded: ${items[0]!.candidates[1]!.ciq_id}`,
    );
    tmux('send-keys', '-t', 'em', 'n');
    await screenShows('Recorded: no match');
    tmux('send-keys', '-t', 'em', 'q');
    const end = await screenShows('EM EXITED');
    expect(end).toContain('EM EXITED 0');
    expect(end).toContain('2 decided (0 accepted, 1 chosen, 1 no match)');
    tmux('kill-server');

    const trail = await withDb(db, (engine) => engine.reviewDecisions());
    expect(trail.map((d) => [d.source_id, d.decided_by, d.after_ciq_id])).toEqual([
      [items[0]!.source_id, 'tty-tester', items[0]!.candidates[1]!.ciq_id],
      [items[1]!.source_id, 'tty-tester', null],
    ]);
  });

  it('without a terminal, `em review` prints the queue and exits instead of waiting for keys', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', TSX, '--conditions=@em/source', BIN, 'review', '--db', db],
      {
        cwd: REPO_ROOT,
        env,
        encoding: 'utf8',
        input: '',
        timeout: 60_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Not a terminal');
  });
});
