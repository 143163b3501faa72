import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormulaCell, isFormulaCell, unescapeFormulaCell } from '../../src/csv/formula-cells.js';

const PAYLOADS = readFileSync(
  new URL('../../../../fixtures/adversarial/formula-payloads.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '');

describe('formula cells (OWASP CSV injection)', () => {
  it.each(PAYLOADS)('neutralizes %j and reads it back unchanged', (payload) => {
    const cell = escapeFormulaCell(payload);
    expect(isFormulaCell(cell)).toBe(false);
    expect(unescapeFormulaCell(cell)).toBe(payload);
  });

  it("leaves ordinary text alone, including a leading ' before a letter", () => {
    for (const value of ["'t Hart B.V.", 'Acme Corp', '0123', 'US0378331005', ''])
      expect(escapeFormulaCell(value)).toBe(value);
    expect(unescapeFormulaCell("'t Hart B.V.")).toBe("'t Hart B.V.");
  });

  it('round-trips any text and never writes a formula', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cell = escapeFormulaCell(value);
        return !isFormulaCell(cell) && unescapeFormulaCell(cell) === value;
      }),
    );
  });
});
