import { describe, expect, it } from 'vitest';
import { validateCusip, validateIsin, validateLei } from '../../src/entries/features.js';
import { hasSharedData, readSharedCsv } from '../helpers/shared-data.js';

const companies = hasSharedData('companies/reference.csv') && hasSharedData('companies/source_dev.csv');
const gleif = hasSharedData('gleif_sample/lei_records.csv');

describe.skipIf(!companies)('identifiers in ../shared/data/companies', () => {
  it.each(['reference.csv', 'source_dev.csv'])('every ISIN and CUSIP in %s validates', (file) => {
    const rows = readSharedCsv(`companies/${file}`);
    const failures: string[] = [];
    let checked = 0;
    for (const row of rows) {
      for (const [field, validate] of [
        ['isin', validateIsin],
        ['cusip', validateCusip],
        ['lei', validateLei],
      ] as const) {
        const value = row[field] ?? '';
        if (value === '') continue;
        checked += 1;
        const result = validate(value);
        if (!result.valid) failures.push(`${field} ${value}: ${result.reason}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});

describe.skipIf(!gleif)('LEIs in ../shared/data/gleif_sample/lei_records.csv', () => {
  const rows = gleif ? readSharedCsv('gleif_sample/lei_records.csv') : [];

  it('fail exactly where the data is broken', () => {
    const failing = rows.flatMap((row, index) => {
      const result = validateLei(row.lei ?? '');
      return result.valid ? [] : [{ line: index + 2, name: row.name, lei: row.lei, reason: result.reason }];
    });
    expect(rows).toHaveLength(5000);
    // Four rows from exchange lists carry no LEI at all; Wikidata's LEI for Microsoft has
    // the wrong check digits (GLEIF's is INR2EJN1ERAN0W5ZP974).
    expect(failing).toEqual([
      { line: 839, name: 'Newcrest Mining Limited', lei: '', reason: 'LEI is empty.' },
      {
        line: 1575,
        name: 'Microsoft Corporation',
        lei: '549300FX7K9QRXDE7E94',
        reason: expect.stringMatching(/expected 07, got 94/),
      },
      { line: 1782, name: 'Franco-Nevada Corporation', lei: '', reason: 'LEI is empty.' },
      { line: 3442, name: 'Wheaton Precious Metals Corp', lei: '', reason: 'LEI is empty.' },
      { line: 3584, name: 'Antofagasta plc', lei: '', reason: 'LEI is empty.' },
    ]);
  });
});
