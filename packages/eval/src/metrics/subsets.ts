import { GOLD_STANDARD_COLUMNS, InputError } from '@em/core';
import { parseBooleanCell } from '../schemas/coerce.js';
import type { TruthRow } from '../schemas/truth-row.js';

const KEY_COLUMNS = new Set<string>(GOLD_STANDARD_COLUMNS);

/** Every non-key column of the gold standard whose values are all boolean-like and at least one is true. */
export function detectSubsetColumns(truth: readonly TruthRow[]): string[] {
  const columns = new Set<string>();
  for (const row of truth) for (const key of Object.keys(row)) if (!KEY_COLUMNS.has(key)) columns.add(key);
  return [...columns]
    .filter((column) => {
      let anyTrue = false;
      for (const row of truth) {
        const value = parseBooleanCell(row[column]);
        if (value === undefined) return false;
        anyTrue ||= value;
      }
      return anyTrue;
    })
    .sort();
}

/** Per row, the membership of each subset column; a column that is absent or not boolean is an InputError. */
export function subsetMemberships(
  truth: readonly TruthRow[],
  columns: readonly string[],
): Record<string, boolean>[] {
  for (const column of columns) {
    if (KEY_COLUMNS.has(column))
      throw new InputError(
        `--subset ${column}: a key column cannot be a subset; name a boolean column such as hard.`,
      );
    if (!truth.some((row) => column in row)) {
      const known = [...new Set(truth.flatMap((row) => Object.keys(row)))].filter((k) => !KEY_COLUMNS.has(k));
      throw new InputError(
        `--subset ${column}: the gold standard has no column ${column} (its other columns: ${known.join(', ') || 'none'}). Add the column or drop the flag.`,
      );
    }
  }
  return truth.map((row, index) => {
    const memberships: Record<string, boolean> = {};
    for (const column of columns) {
      const value = parseBooleanCell(row[column]);
      if (value === undefined) {
        throw new InputError(
          `gold standard row ${index + 1} (${row.source_system}/${row.source_id}): ${column} is ${JSON.stringify(row[column])}; subset columns hold 1/0, true/false or yes/no.`,
        );
      }
      memberships[column] = value;
    }
    return memberships;
  });
}
