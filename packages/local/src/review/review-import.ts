import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { jsonColumn } from '../db/sql-params.js';
import { parseCsv } from './review-csv.js';
import { applyDecisions, type ReviewDecision } from './review-decide.js';
import type { DecisionRecord } from './review-history.js';
import { type ImportProblem, type ImportRow, readImportRows } from './review-import-rows.js';

export type { ImportProblem };

import { goldVersionSql } from './gold-version.js';
import { parseCandidates, suggestion } from './review-queue.js';

export interface ReviewImportOptions {
  /** Who decided, for rows without a decided_by value. */
  readonly decidedBy: string;
  /** Accept choices of companies that were not among a case's candidates (recorded as such). */
  readonly allowNonCandidate?: boolean;
}

export interface ReviewImportReport {
  readonly file: string;
  /** Data rows in the file. */
  readonly rows: number;
  /** Rows recorded as new decisions. */
  readonly applied: number;
  /** Rows whose decision the gold row already held (a re-import changes nothing). */
  readonly unchanged: number;
  /** Rows left without a decision (empty decision and decided_ciq_id). */
  readonly undecided: number;
  readonly decisions: DecisionRecord[];
}

/** A decided CSV with problems: every one of them, by line; nothing was applied. */
export class ReviewImportError extends InputError {
  constructor(
    readonly file: string,
    readonly problems: readonly ImportProblem[],
  ) {
    const shown = problems.slice(0, MAX_SHOWN).map((p) => `  ${file} line ${p.line}: ${p.message}`);
    const more = problems.length > MAX_SHOWN ? [`  … and ${problems.length - MAX_SHOWN} more`] : [];
    super(
      [
        `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was applied. Fix them and import again.`,
        ...shown,
        ...more,
      ].join('\n'),
    );
  }
}

const MAX_SHOWN = 100;
const DECISIONS = ['accept', 'reject', 'choose'] as const;

interface GoldRow {
  source_id: string;
  source_system: string;
  matched_ciq_id: string | null;
  matched_company_name: string | null;
  candidates: string | null;
  match_method: string;
  gold_version: string;
}

/**
 * Apply a decided CSV (from `em review export` or any tool): columns source_id, source_system,
 * and `decision` (accept | reject | choose, empty = undecided) and/or `decided_ciq_id` (without a
 * decision column, empty means no match); optional note and decided_by. Every row is checked
 * first; any problem throws ReviewImportError listing all of them by line, and nothing is
 * applied. Decisions the gold rows already hold are counted unchanged, so importing a file
 * twice applies nothing the second time.
 */
export async function importReviewDecisions(
  db: Database,
  file: string,
  options: ReviewImportOptions,
): Promise<ReviewImportReport> {
  const label = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read it (${(error as Error).message}).`, { cause: error });
  }
  const problems: ImportProblem[] = [];
  const records = parseCsv(text, (line, message) => problems.push({ line, message }));
  const rows = readImportRows(records, problems);
  if (problems.length > 0 && rows.length === 0) throw new ReviewImportError(label, problems);
  const gold = await goldRows(db, rows);
  const known = await knownCiqIds(
    db,
    rows.map((r) => r.decided_ciq_id),
  );
  const decisions: ReviewDecision[] = [];
  const seen = new Map<string, number>();
  let undecided = 0;
  for (const row of rows) {
    const problem = (message: string) => problems.push({ line: row.line, message });
    const key = `${row.source_system}/${row.source_id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(`${key} is decided again (first on line ${first}); keep one row per case.`);
      continue;
    }
    seen.set(key, row.line);
    const case_ = gold.get(`${row.source_system}\u0000${row.source_id}`);
    if (!case_) {
      problem(
        `no case ${key} in gold.matched_entities; check source_id and source_system (\`em review export\` writes the current queue).`,
      );
      continue;
    }
    if (row.decided_ciq_id !== '' && !known.has(row.decided_ciq_id)) {
      problem(`decided_ciq_id ${row.decided_ciq_id} is not in the reference (bronze.reference_entities).`);
      continue;
    }
    const ciqId = chosen(row, case_, problem);
    if (ciqId === undefined) continue;
    if (ciqId === 'undecided') {
      undecided++;
      continue;
    }
    const stale = staleness(row, case_, ciqId);
    if (stale) {
      problem(stale);
      continue;
    }
    const decidedBy = row.decided_by || options.decidedBy;
    decisions.push({
      source_id: row.source_id,
      source_system: row.source_system,
      ciq_id: ciqId,
      decidedBy,
      ...(options.allowNonCandidate ? { allowNonCandidate: true } : {}),
      ...(row.note ? { note: row.note } : {}),
    });
  }
  if (problems.length > 0)
    throw new ReviewImportError(
      label,
      problems.sort((a, b) => a.line - b.line),
    );
  const { applied, unchanged } = await applyDecisions(db, decisions, { skipUnchanged: true });
  return { file, rows: rows.length, applied: applied.length, unchanged, undecided, decisions: applied };
}

/** The ciq_id a row decides (null = no match), 'undecided', or undefined after reporting a problem. */
function chosen(
  row: ImportRow,
  gold: GoldRow,
  problem: (message: string) => void,
): string | null | 'undecided' | undefined {
  const decision = row.decision.toLowerCase();
  const id = row.decided_ciq_id;
  switch (decision) {
    case 'accept': {
      // The suggestion the reviewer saw in the file; the current one only for files without it.
      const suggested =
        row.suggested_ciq_id ||
        (suggestion({ ...gold, candidates: parseCandidates(gold.candidates) })?.ciq_id ?? null);
      if (suggested === null) {
        problem('accept, but the case has no suggested match; use choose with a decided_ciq_id, or reject.');
        return undefined;
      }
      if (id !== '' && id !== suggested) {
        problem(
          `accept, but decided_ciq_id ${id} is not the suggestion ${suggested}; use choose to pick another company.`,
        );
        return undefined;
      }
      return suggested;
    }
    case 'choose':
      if (id === '') problem('choose needs a decided_ciq_id (the reference company chosen).');
      return id === '' ? undefined : id;
    case 'reject':
      if (id !== '') problem(`reject means no match, but decided_ciq_id is ${id}; clear it, or use choose.`);
      return id === '' ? null : undefined;
    case '':
      return id === '' ? 'undecided' : id;
    default:
      problem(`decision "${row.decision}" is not one of ${DECISIONS.join(', ')} (or empty for undecided).`);
      return undefined;
  }
}

/**
 * Why a decided row must not be applied because its case changed after the export (its
 * gold_version differs), or null. A row whose decision the gold row already holds is no
 * conflict: re-importing an applied file changes nothing and is not refused.
 */
function staleness(row: ImportRow, gold: GoldRow, ciqId: string | null): string | null {
  if (row.gold_version === '' || row.gold_version === gold.gold_version) return null;
  if (gold.match_method === 'human_review' && gold.matched_ciq_id === ciqId) return null;
  const now =
    gold.match_method === 'human_review'
      ? `a reviewer has since decided it (${gold.matched_ciq_id ?? 'no match'})`
      : `a run has since re-decided it (${gold.match_method} → ${gold.matched_ciq_id ?? 'no match'})`;
  return `${row.source_system}/${row.source_id} changed after this file was exported: ${now}. Applying the file would overwrite that newer decision; export the queue again (\`em review export\`) and redo this row, or remove it from the file.`;
}

async function goldRows(db: Database, rows: readonly ImportRow[]): Promise<Map<string, GoldRow>> {
  const found = await db.all<GoldRow>(
    `SELECT g.source_id, g.source_system, g.matched_ciq_id, g.matched_company_name, g.candidates,
            g.match_method, ${goldVersionSql('g')} AS gold_version
     FROM gold.matched_entities g
     JOIN (SELECT DISTINCT unnest(from_json($1, '["VARCHAR"]')) AS source_id,
                           unnest(from_json($2, '["VARCHAR"]')) AS source_system) q
       ON q.source_id = g.source_id AND q.source_system = g.source_system`,
    [jsonColumn(rows.map((r) => r.source_id)), jsonColumn(rows.map((r) => r.source_system))],
    'review import',
  );
  return new Map(found.map((g) => [`${g.source_system}\u0000${g.source_id}`, g]));
}

async function knownCiqIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id) => id !== ''))];
  const found = await db.all<{ ciq_id: string }>(
    `SELECT r.ciq_id FROM bronze.reference_entities r
     JOIN (SELECT unnest(from_json($1, '["VARCHAR"]')) AS ciq_id) q ON q.ciq_id = r.ciq_id`,
    [jsonColumn(wanted)],
    'review import',
  );
  return new Set(found.map((r) => r.ciq_id));
}
