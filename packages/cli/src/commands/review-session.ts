import type { EmbeddedEngine, ReviewCase, ReviewItem } from '../engine.js';
import { formatCount } from '../output/format.js';
import { renderCase } from './review-case-view.js';

/** Candidates reachable by a digit key. */
const MAX_KEYS = 9;

export interface SessionIo {
  write(text: string): void;
  /** The next keypress, one character. */
  readKey(): Promise<string>;
}

export interface SessionSummary {
  shown: number;
  accepted: number;
  chosen: number;
  noMatch: number;
  skipped: number;
  quit: boolean;
  /** Cases left in gold.review_queue afterwards (all of it, not only the filtered part). */
  remaining: number;
}

type Verdict = { ciq_id: string | null; kind: 'accepted' | 'chosen' | 'noMatch' } | 'skip' | 'quit';

/**
 * Walk `items` one case at a time: show the case with its candidates numbered 1..9 and read a
 * key — a digit chooses that candidate, `a` accepts the suggestion, `n` marks no match,
 * `s` skips, `q` quits. Each decision is recorded at once (engine.decide, by `decidedBy`).
 */
export async function reviewSession(
  engine: EmbeddedEngine,
  items: readonly ReviewItem[],
  io: SessionIo,
  decidedBy: string,
): Promise<SessionSummary> {
  const summary: SessionSummary = {
    shown: 0,
    accepted: 0,
    chosen: 0,
    noMatch: 0,
    skipped: 0,
    quit: false,
    remaining: 0,
  };
  for (const [i, item] of items.entries()) {
    const found = await engine.reviewCase({ source_id: item.source_id, source_system: item.source_system });
    summary.shown++;
    io.write(
      `\n── Case ${i + 1} of ${items.length} ${'─'.repeat(40)}\n${renderCase(found, { maxCandidates: MAX_KEYS })}\n`,
    );
    const verdict = await askVerdict(found, io);
    if (verdict === 'quit') {
      summary.quit = true;
      break;
    }
    if (verdict === 'skip') {
      summary.skipped++;
      io.write('Skipped.\n');
      continue;
    }
    const record = await engine.decide({
      source_id: found.source_id,
      source_system: found.source_system,
      ciq_id: verdict.ciq_id,
      decidedBy,
    });
    summary[verdict.kind]++;
    io.write(
      record.after_ciq_id === null
        ? `Recorded: no match (by ${decidedBy}).\n`
        : `Recorded: ${record.after_ciq_id} ${record.after_company_name ?? ''} (by ${decidedBy}).\n`,
    );
  }
  const [left] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM gold.review_queue');
  summary.remaining = Number(left?.n ?? 0);
  io.write(`\n${summarize(summary)}\n`);
  return summary;
}

async function askVerdict(found: ReviewCase, io: SessionIo): Promise<Verdict> {
  const k = Math.min(found.candidates.length, MAX_KEYS);
  const keys = [
    k > 0 ? `1-${k} choose` : null,
    found.suggested_ciq_id ? `a accept ${found.suggested_ciq_id}` : null,
    'n no match',
    's skip',
    'q quit',
  ].filter((x) => x !== null);
  for (;;) {
    io.write(`[${keys.join(' · ')}] › `);
    const key = (await io.readKey()).toLowerCase();
    io.write(`${key}\n`);
    if (key === 'q') return 'quit';
    if (key === 's') return 'skip';
    if (key === 'n') return { ciq_id: null, kind: 'noMatch' };
    if (key === 'a') {
      if (found.suggested_ciq_id) return { ciq_id: found.suggested_ciq_id, kind: 'accepted' };
      io.write('There is no suggestion to accept; choose a candidate or press n.\n');
      continue;
    }
    const n = Number(key);
    if (/^[1-9]$/.test(key) && n <= k) return { ciq_id: found.candidates[n - 1]!.ciq_id, kind: 'chosen' };
    io.write(k > 0 && /^[1-9]$/.test(key) ? `There is no candidate ${key}.\n` : `Unknown key "${key}".\n`);
  }
}

function summarize(s: SessionSummary): string {
  const decided = s.accepted + s.chosen + s.noMatch;
  return [
    `Review session: ${formatCount(decided)} decided (${s.accepted} accepted, ${s.chosen} chosen, ${s.noMatch} no match), ${s.skipped} skipped${s.quit ? ', quit early' : ''}.`,
    `${formatCount(s.remaining)} case${s.remaining === 1 ? '' : 's'} left in the review queue.`,
  ].join('\n');
}
