import type { SessionIo } from './review-session.js';

type LabelCaseRow = import('@em/local').LabelCaseRow;
type PairLabel = import('@em/local').PairLabel;

const MAX_KEYS = 9;

/**
 * Ask about each case on a terminal: the source, its candidates numbered 1–9 (pair score and
 * the channels that found each); a digit says "this one", n "none of these / not in the
 * reference", s skips, q stops. Each answer is appended to the label file at once.
 */
export async function labelSession(
  cases: readonly LabelCaseRow[],
  io: SessionIo,
  by: string,
  labelsFile: string,
): Promise<PairLabel[]> {
  const { appendPairLabels } = await import('@em/local');
  const added: PairLabel[] = [];
  for (const [i, c] of cases.entries()) {
    const ranked = [...c.candidates]
      .sort((a, b) => (b.pair_score ?? -1) - (a.pair_score ?? -1))
      .slice(0, MAX_KEYS);
    const s = c.source;
    io.write(
      `\n── ${i + 1} of ${cases.length} ${'─'.repeat(40)}\n${s.company_name ?? ''}  [${s.ticker ?? '–'} · ${s.country ?? '–'} · ${s.source_system}:${s.source_id}]\n` +
        ranked
          .map(
            (x, k) =>
              `  ${k + 1}  ${x.company_name}  (${x.ciq_id})  score ${x.pair_score?.toFixed(2) ?? '–'}  via ${(x.channels ?? ['name']).join(', ')}`,
          )
          .join('\n') +
        '\n',
    );
    let answer: string | null | undefined;
    for (;;) {
      io.write(`[1-${ranked.length} this one · n none · s skip · q quit] › `);
      const key = (await io.readKey()).toLowerCase();
      io.write(`${key}\n`);
      if (key === 'q' || key === 's') {
        answer = key === 'q' ? undefined : 'skip';
        break;
      }
      if (key === 'n') {
        answer = null;
        break;
      }
      const n = Number(key);
      if (/^[1-9]$/.test(key) && n <= ranked.length) {
        answer = ranked[n - 1]!.ciq_id;
        break;
      }
      io.write(`Unknown key "${key}".\n`);
    }
    if (answer === undefined) break;
    if (answer === 'skip') continue;
    const label: PairLabel = {
      source_id: c.source_id,
      source_system: c.source_system,
      true_ciq_id: answer,
      labelled_by: by,
      labelled_at: new Date().toISOString(),
      via: 'session',
    };
    appendPairLabels(labelsFile, [label]);
    added.push(label);
  }
  io.write(`\nLabelled ${added.length} of ${cases.length} cases.\n`);
  return added;
}
