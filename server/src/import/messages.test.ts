import { describe, expect, it } from 'vitest';
import { describeProblem, messages } from './read-table.js';

describe('problem messages', () => {
  it('has a Danish and an English message for every code', () => {
    for (const [code, text] of Object.entries(messages)) {
      expect(text.da, code).toMatch(/\S/);
      expect(text.en, code).toMatch(/\S/);
      expect(text.da.match(/\{\w+\}/g) ?? [], code).toEqual(text.en.match(/\{\w+\}/g) ?? []);
    }
  });

  it('fills row, column and detail', () => {
    const problem = { code: 'formula_cell' as const, row: 3, column: 'Antal', detail: { cell: 'B3' } };
    expect(describeProblem(problem, 'da')).toBe(
      'Celle B3 (række 3, kolonne Antal) indeholder en formel. Erstat formlerne med deres værdier (Kopiér, Indsæt speciel, Værdier), og prøv igen.',
    );
    expect(
      describeProblem({ code: 'wrong_cell_count', row: 7, detail: { expected: 4, found: 3 } }, 'en'),
    ).toBe(
      'Row 7 has 3 cells, but the header has 4. Correct the row so it has one cell per column (check separators and quotes).',
    );
  });
});
