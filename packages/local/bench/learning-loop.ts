/**
 * The learning loop on the companies benchmark (issue 7's acceptance), driven through the real
 * `em` and `em-eval` binaries as a user would, in a temp folder:
 *
 *  1. split gold_dev.csv by key hash (inHashFraction(key, 0.5, 0)) into half A, whose cases
 *     reviewers decide, and half B, held out for evaluation (gold_b.csv);
 *  2. em init, em ingest reference + source_dev;
 *  3. before: em train (no gold labels: perturbed reference pairs only) → em run →
 *     em-eval on half B;
 *  4. em review export; take the first N queue cases (least confident first) whose keys are in
 *     half A and fill in the decision from gold_dev, standing in for reviewers: accept when the
 *     suggestion is the true ciq_id, choose it otherwise, reject when the truth is "no match";
 *     em review import;
 *  5. after: em train (the same perturbed pairs plus the N review decisions; --eval-labels
 *     gold_b.csv prints the in-memory comparison too) → em run --full → em-eval on half B;
 *  6. print before, after and the change, and check that every decided case still holds its
 *     human decision (match_method human_review, the decided ciq_id) after the full run.
 *
 *   npx tsx --conditions=@em/source packages/local/bench/learning-loop.ts
 *     [--decisions 200] [--pairs 5000] [--seed 1] [--keep]
 *
 * --pairs: perturbed pairs for both trainings. em train's default, 1000, leaves too short a queue
 * (about 3% of 9,993 sources, half of them in A) to take 200 decisions from half A.
 * Exits 1 when a decided case lost its decision or the queue holds too few half-A cases.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceKey } from '@em/core';
import { inHashFraction, LocalEngine } from '../src/index.js';
import { csvLine, parseCsv } from '../src/review/review-csv.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA = path.resolve(REPO, '../shared/data/companies');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const decisions = Number(arg('decisions', '200'));
const pairs = arg('pairs', '5000');
const seed = arg('seed', '1');

if (!existsSync(path.join(DATA, 'gold_dev.csv'))) {
  console.log(`skipped: ${DATA} not found (the experiment needs ../shared/data/companies).`);
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'em-learning-loop-'));
const db = path.join(dir, 'em.duckdb');
const started = performance.now();

/** Run a bin from source; stdout goes to a file (a pipe would cut long --json output short). */
function run(bin: string, args: string[], name: string): string {
  const out = path.join(dir, `${name}.out`);
  const fd = openSync(out, 'w');
  const t = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@em/source', bin, ...args], {
    cwd: REPO,
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, EM_LLM_BASE_URL: '' },
  });
  closeSync(fd);
  const text = readFileSync(out, 'utf8');
  if (result.status !== 0) throw new Error(`${name} exited ${result.status}:\n${result.stderr}\n${text}`);
  console.log(`  ${name.padEnd(14)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return text;
}
const em = (args: string[], name: string) =>
  JSON.parse(run('packages/cli/src/bin.ts', [...args, '--db', db, '--json'], name));
const evalB = (name: string) =>
  JSON.parse(
    run('packages/eval/src/bin.ts', ['--predictions', db, '--truth', goldB, '--json'], name),
  ) as EvalReport;

interface Counts {
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly auto_match_rate: number;
}
interface EvalReport {
  readonly all: Counts;
  readonly auto: Counts;
  readonly subsets: { readonly hard: { readonly all: Counts; readonly auto: Counts } };
}

// 1. Halves of gold_dev by key hash.
const gold = parseCsv(readFileSync(path.join(DATA, 'gold_dev.csv'), 'utf8'), (line, m) => {
  throw new Error(`gold_dev.csv line ${line}: ${m}`);
});
const [goldHeader, ...goldRows] = gold;
const col = (name: string) => goldHeader!.fields.indexOf(name);
/** The source key of a CSV row whose header is `header`. */
const keyIn = (header: string[]) => (f: string[]) =>
  sourceKey({
    source_id: f[header.indexOf('source_id')]!,
    source_system: f[header.indexOf('source_system')]!,
  });
const keyOf = keyIn(goldHeader!.fields);
const inA = (key: string): boolean => inHashFraction(key, 0.5, 0);
const truth = new Map(goldRows.map((r) => [keyOf(r.fields), r.fields[col('true_ciq_id')]!]));
const goldB = path.join(dir, 'gold_b.csv');
const halfB = goldRows.filter((r) => !inA(keyOf(r.fields)));
writeFileSync(goldB, [goldHeader!, ...halfB].map((r) => csvLine(r.fields)).join(''));
console.log(
  `learning loop in ${dir}: half A ${goldRows.length - halfB.length} sources (decisions), half B ${halfB.length} (evaluation)`,
);

// 2–3. Load, train on perturbed reference pairs, run, evaluate.
em(['init'], 'init');
em(['ingest', 'reference', path.join(DATA, 'reference.csv')], 'ingest ref');
em(['ingest', 'source', path.join(DATA, 'source_dev.csv')], 'ingest src');
const train0 = em(['train', '--pairs', pairs, '--seed', seed], 'train before');
em(['run'], 'run before');
const before = evalB('eval before');

// 4. Reviewers decide N half-A cases of the queue.
const queueFile = path.join(dir, 'queue.csv');
const exported = em(['review', 'export', '--out', queueFile], 'review export');
const [qHeader, ...queue] = parseCsv(readFileSync(queueFile, 'utf8'), (line, m) => {
  throw new Error(`queue.csv line ${line}: ${m}`);
});
const q = (name: string) => qHeader!.fields.indexOf(name);
const queueKey = keyIn(qHeader!.fields);
const picked = queue.filter((r) => inA(queueKey(r.fields))).slice(0, decisions);
if (picked.length < decisions) {
  console.log(
    `the queue holds ${exported.rows} cases, only ${picked.length} in half A; raise --pairs or lower --decisions.`,
  );
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
const decided = new Map<string, string | null>();
const tally = { accept: 0, choose: 0, reject: 0 };
for (const r of picked) {
  const key = queueKey(r.fields);
  const trueId = truth.get(key) ?? '';
  const decision =
    trueId === '' ? 'reject' : trueId === r.fields[q('suggested_ciq_id')] ? 'accept' : 'choose';
  tally[decision]++;
  r.fields[q('decision')] = decision;
  r.fields[q('decided_ciq_id')] = decision === 'choose' ? trueId : '';
  decided.set(key, trueId === '' ? null : trueId);
}
const decidedFile = path.join(dir, 'decided.csv');
writeFileSync(decidedFile, [qHeader!, ...picked].map((r) => csvLine(r.fields)).join(''));
const imported = em(
  ['review', 'import', decidedFile, '--by', 'gold_dev', '--allow-non-candidate'],
  'review import',
);

// 5. Retrain with the decisions, re-run everything, evaluate again.
const train1 = em(['train', '--pairs', pairs, '--seed', seed, '--eval-labels', goldB], 'train after');
em(['run', '--full'], 'run --full');
const after = evalB('eval after');

// 6. Report and check the human decisions survived.
const engine = await LocalEngine.open({ dbPath: db });
const rows = await engine.query<{
  source_id: string;
  source_system: string;
  matched_ciq_id: string | null;
  match_method: string;
}>(
  `SELECT source_id, source_system, matched_ciq_id, match_method FROM gold.matched_entities WHERE match_method = 'human_review'`,
);
await engine.close();
const held = rows.filter((r) => decided.has(sourceKey(r)) && decided.get(sourceKey(r)) === r.matched_ciq_id);

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const pt = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)} pt`;
const line = (label: string, get: (r: EvalReport) => number) =>
  console.log(
    `${label.padEnd(34)} ${pct(get(before)).padStart(8)} ${pct(get(after)).padStart(8)} ${pt(get(after) - get(before)).padStart(10)}`,
  );
console.log(
  `\nqueue ${exported.rows} cases; decided ${picked.length} from half A (accept ${tally.accept}, choose ${tally.choose}, reject ${tally.reject}); import applied ${imported.applied}`,
);
console.log(
  `train before: ${train0.modelVersion}, ${train0.training.pairs} pairs (${train0.training.source})`,
);
console.log(
  `train after:  ${train1.modelVersion}, ${train1.training.pairs} pairs, of which ${train1.training.review.pairs} from ${train1.training.review.sources} review decisions (${train1.training.review.positives} positive, ${train1.training.review.truthNotRetrieved} chosen rows not among the candidates)`,
);
console.log(`\nem-eval on half B (${before.all.n} sources)  before    after     change`);
line('F1, all rows', (r) => r.all.f1);
line('precision, all rows', (r) => r.all.precision);
line('recall, all rows', (r) => r.all.recall);
line('F1, hard rows', (r) => r.subsets.hard.all.f1);
line('auto-matched precision (≥ 0.90)', (r) => r.auto.precision);
line('F1, auto view', (r) => r.auto.f1);
line('auto-match rate', (r) => r.all.auto_match_rate);
const c = train1.comparison;
console.log(
  `\nem train --eval-labels half B (in-memory cascade): F1 ${pct(c.previous.f1)} → ${pct(c.current.f1)} (${pt(c.delta.f1)}), auto-match rate ${pct(c.previous.autoMatchRate)} → ${pct(c.current.autoMatchRate)}, auto precision ${pct(c.previous.autoPrecision)} → ${pct(c.current.autoPrecision)}`,
);
console.log(
  `\ndecided cases holding their human decision after em run --full: ${held.length} / ${decided.size}`,
);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
if (held.length !== decided.size) process.exit(1);
