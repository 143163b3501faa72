import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { InputError } from '@em/core';

/** One answer from `em label`: this source is `true_ciq_id` (null: in no reference row), said by whom and when. */
export interface PairLabel {
  readonly source_id: string;
  readonly source_system: string;
  readonly true_ciq_id: string | null;
  readonly labelled_by: string;
  readonly labelled_at: string;
  /** 'session' (em label on a terminal), 'csv' (em label --import), or a bench's name. */
  readonly via: string;
}

/** Where a database's labels live: beside it, one JSON object a line, appended. */
export const labelsPathFor = (dbPath: string): string => `${dbPath}.em-labels.jsonl`;

const keyOf = (l: Pick<PairLabel, 'source_id' | 'source_system'>): string =>
  `${l.source_system}\u0000${l.source_id}`;

/** Every label, the latest per source (a later answer overrides an earlier one); none when the file is absent. */
export function readPairLabels(file: string): PairLabel[] {
  if (!existsSync(file)) return [];
  const latest = new Map<string, PairLabel>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let label: PairLabel;
      try {
        label = JSON.parse(line) as PairLabel;
      } catch {
        throw new InputError(`${file}:${i + 1}: not a JSON label line; remove or fix that line.`);
      }
      if (typeof label.source_id !== 'string' || typeof label.source_system !== 'string')
        throw new InputError(`${file}:${i + 1}: a label needs source_id and source_system; fix that line.`);
      latest.set(keyOf(label), label);
    });
  return [...latest.values()];
}

/** Append answers; the same answer twice changes nothing that is read back. */
export function appendPairLabels(file: string, labels: readonly PairLabel[]): void {
  if (labels.length === 0) return;
  appendFileSync(file, labels.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

export const labelledKeys = (labels: readonly PairLabel[]): Set<string> => new Set(labels.map(keyOf));
