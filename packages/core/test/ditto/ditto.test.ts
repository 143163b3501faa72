import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DITTO_COMPANY_ATTRIBUTES,
  dittoPairLine,
  dittoValue,
  parseDittoPairLine,
  parseDittoRecord,
  serializeDittoPair,
  serializeForDitto,
} from '../../src/entries/text.js';
import { InputError } from '../../src/index.js';

const nvidia = {
  company_name: 'NVIDIA CORP.  DL-,001',
  ticker: 'NVD',
  country: 'United States',
  industry: null,
  lei: undefined,
  isin: 'US67066G1040',
  cusip: '67066G104',
};

describe('serializeForDitto', () => {
  it("writes Ditto's to_str format: 'COL a VAL v ' per attribute, missing values empty", () => {
    expect(serializeForDitto(nvidia, DITTO_COMPANY_ATTRIBUTES)).toBe(
      'COL company_name VAL NVIDIA CORP.  DL-,001 COL ticker VAL NVD COL country VAL United States ' +
        'COL industry VAL  COL lei VAL  COL isin VAL US67066G1040 COL cusip VAL 67066G104 ',
    );
  });

  it('writes the attributes asked for, in that order, whether or not the record has them', () => {
    expect(serializeForDitto({ b: 2, a: 1 }, ['a', 'b', 'c'])).toBe('COL a VAL 1 COL b VAL 2 COL c VAL  ');
    expect(serializeForDitto({ a: 1 }, [])).toBe('');
  });

  it('rejects attribute names that could not be parsed back', () => {
    expect(() => serializeForDitto({}, ['company name'])).toThrow(InputError);
    expect(() => serializeForDitto({}, [''])).toThrow(/non-empty/);
  });

  it('serializes both sides of a pair and writes pair lines as in train.txt', () => {
    const pair = serializeDittoPair({ company_name: 'ERG S.P.A.  EO 0,10' }, { company_name: 'ERG S.p.A.' }, [
      'company_name',
    ]);
    expect(pair).toEqual({
      left: 'COL company_name VAL ERG S.P.A.  EO 0,10 ',
      right: 'COL company_name VAL ERG S.p.A. ',
    });
    expect(dittoPairLine(pair.left, pair.right, 1)).toBe(`${pair.left}\t${pair.right}\t1`);
    expect(dittoPairLine(pair.left, pair.right, false)).toMatch(/\t0$/);
    expect(dittoPairLine(pair.left, pair.right)).toBe(`${pair.left}\t${pair.right}`);
    expect(() => dittoPairLine('COL a VAL x\ty', pair.right, 1)).toThrow(InputError);
  });
});

describe('dittoValue', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    [0.5, '0.5'],
    [12n, '12'],
    [{ n: 1n }, '[object Object]'],
    [true, 'true'],
    [new Date('2024-01-02T03:04:05Z'), '2024-01-02T03:04:05.000Z'],
    [['a', 1], '["a",1]'],
    ['two\nlines\tand tab', 'two lines and tab'],
    ['  kept  as is ', '  kept  as is '],
  ] as const)('case %#', (value, expected) => {
    expect(dittoValue(value)).toBe(expected);
  });
});

describe('parseDittoRecord', () => {
  it('reads fields back, including empty values and a trimmed final empty value', () => {
    expect(parseDittoRecord('COL a VAL x y COL b VAL  COL c VAL z ')).toEqual([
      { attribute: 'a', value: 'x y' },
      { attribute: 'b', value: '' },
      { attribute: 'c', value: 'z' },
    ]);
    expect(parseDittoRecord('COL a VAL x COL b VAL')).toEqual([
      { attribute: 'a', value: 'x' },
      { attribute: 'b', value: '' },
    ]);
    expect(parseDittoRecord('')).toEqual([]);
  });

  it('rejects text that is not a Ditto record', () => {
    expect(() => parseDittoRecord('name VAL x')).toThrow(/must start with "COL "/);
    expect(() => parseDittoRecord('COL name x')).toThrow(/without " VAL "/);
  });

  const attribute = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
  // Any text without tabs or line breaks and without the tokens that delimit fields.
  const value = fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .map((s) => s.replace(/[\t\r\n]/g, ' '))
    .filter((s) => !s.includes('COL ') && !s.includes(' VAL') && !s.endsWith(' COL') && s !== 'COL');

  it('round-trips: parse(serialize(record)) gives back every attribute and value', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(attribute, value), { selector: ([a]) => a, maxLength: 8 }),
        (entries) => {
          const record = Object.fromEntries(entries);
          const attributes = entries.map(([a]) => a);
          expect(parseDittoRecord(serializeForDitto(record, attributes))).toEqual(
            entries.map(([a, v]) => ({ attribute: a, value: v })),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('parseDittoPairLine', () => {
  it('reads left, right and label', () => {
    const line = 'COL name VAL A COL city VAL  \tCOL name VAL B COL city VAL x \t1\n';
    expect(parseDittoPairLine(line)).toEqual({
      left: [
        { attribute: 'name', value: 'A' },
        { attribute: 'city', value: '' },
      ],
      right: [
        { attribute: 'name', value: 'B' },
        { attribute: 'city', value: 'x' },
      ],
      label: 1,
    });
    expect(parseDittoPairLine('COL a VAL 1 \tCOL a VAL 2 ').label).toBeNull();
  });

  it('rejects lines with a bad label or field count', () => {
    expect(() => parseDittoPairLine('COL a VAL 1 \tCOL a VAL 2 \tyes')).toThrow(/0 or 1/);
    expect(() => parseDittoPairLine('COL a VAL 1 ')).toThrow(/2 or 3 tab-separated/);
  });
});
