import { describe, expect, it } from 'vitest';
import { ddlColumns, writableColumns } from './table-columns.js';

describe('ddlColumns', () => {
  it('reads gold.matched_entities from sql/, generated columns marked', () => {
    const columns = ddlColumns('gold.matched_entities');
    expect(columns.slice(0, 3).map((c) => c.name)).toEqual(['source_id', 'source_system', 'company_name']);
    expect(columns.filter((c) => c.generated).map((c) => c.name)).toEqual(['needs_review', 'auto_matched']);
    expect(columns.find((c) => c.name === 'match_timestamp')?.type).toBe('TIMESTAMP');
    expect(writableColumns('gold.matched_entities').some((c) => c.generated)).toBe(false);
  });

  it('names a table sql/ does not declare', () => {
    expect(() => ddlColumns('gold.nope')).toThrow(/no table gold.nope/);
  });
});
