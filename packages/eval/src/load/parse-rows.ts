import { InputError, sourceKey } from '@em/core';
import type { z } from 'zod';
import type { TableFile } from './table-file.js';

const MAX_PROBLEMS = 20;

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Validate every row of a file against a schema and collect all problems (up to 20 shown)
 * into one InputError naming file, line, field and the fix. Duplicate keys are problems too.
 */
export function parseRows<S extends z.ZodType<{ source_id: string; source_system: string }>>(
  table: TableFile,
  schema: S,
  required: readonly string[],
  fix: string,
): z.output<S>[] {
  const absent = required.filter((column) => !table.columns.includes(column));
  if (absent.length > 0) {
    throw new InputError(
      `${table.file}: missing column${absent.length === 1 ? '' : 's'} ${absent.join(', ')} (found: ${table.columns.join(', ') || 'none'}). The file needs ${required.join(', ')}.`,
    );
  }
  const problems: string[] = [];
  let problemCount = 0;
  const report = (text: string) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  const out: z.output<S>[] = [];
  const firstSeen = new Map<string, number>();
  table.rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '(row)';
        const value = issue.path.reduce<unknown>(
          (v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey],
          row,
        );
        report(
          `${table.file} ${table.locate(index)}: ${field} ${issue.message} (value ${describeValue(value)})`,
        );
      }
      return;
    }
    const key = sourceKey(parsed.data);
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      report(
        `${table.file} ${table.locate(index)}: duplicate key ${parsed.data.source_system}/${parsed.data.source_id} (first at ${table.locate(earlier)}); keep one row per source`,
      );
      return;
    }
    firstSeen.set(key, index);
    out.push(parsed.data);
  });
  if (problemCount > 0) {
    const more = problemCount > problems.length ? `\n  … and ${problemCount - problems.length} more` : '';
    throw new InputError(
      `${table.file}: ${problemCount} problem${problemCount === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}${more}\nFix: ${fix}`,
    );
  }
  return out;
}
