import { describe, expect, it } from 'vitest';
import { caseCodeMatrix, coOccurrence, descendants, driversAndBarriers } from './matrices.js';

// Codebook: theme "samarbejde" with child "netvaerk"; theme "styring"; "drivkraft" with child
// "ildsjael"; "barriere".
const codes = [
  { id: 'samarbejde', parentId: null },
  { id: 'netvaerk', parentId: 'samarbejde' },
  { id: 'styring', parentId: null },
  { id: 'drivkraft', parentId: null },
  { id: 'ildsjael', parentId: 'drivkraft' },
  { id: 'barriere', parentId: null },
];
const cases = [{ id: 'solbakken' }, { id: 'vestpark' }];
const sources = [
  { id: 'fg1', caseId: 'solbakken' },
  { id: 'fg2', caseId: 'solbakken' },
  { id: 'fg3', caseId: 'vestpark' },
  { id: 'loose', caseId: null },
];
const coding = (id: string, sourceId: string, codeId: string, start: number, end: number) => ({
  id,
  sourceId,
  codeId,
  start,
  end,
});
const codings = [
  coding('k1', 'fg1', 'samarbejde', 0, 100),
  coding('k2', 'fg1', 'drivkraft', 50, 80), // inside k1
  coding('k3', 'fg1', 'barriere', 100, 120), // touches k1 only: no overlap
  coding('k4', 'fg2', 'netvaerk', 10, 40),
  coding('k5', 'fg2', 'ildsjael', 30, 60), // overlaps k4 (child of samarbejde)
  coding('k6', 'fg2', 'barriere', 35, 38), // overlaps k4 and k5
  coding('k7', 'fg3', 'styring', 0, 50),
  coding('k8', 'fg3', 'barriere', 20, 30), // overlaps k7
  coding('k9', 'fg3', 'samarbejde', 200, 210),
  coding('k10', 'loose', 'samarbejde', 0, 10), // no case: in no matrix
];

describe('descendants', () => {
  it('holds each code, its children and theirs, and survives a cycle', () => {
    expect([...descendants(codes).get('samarbejde')!].sort()).toEqual(['netvaerk', 'samarbejde']);
    const cyclic = descendants([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect([...cyclic.get('a')!].sort()).toEqual(['a', 'b']);
  });
});

describe('caseCodeMatrix', () => {
  it('counts codings per case and code with the ids behind each cell', () => {
    const matrix = caseCodeMatrix(cases, codes, sources, codings);
    const cell = (caseId: string, codeId: string) =>
      matrix.find((row) => row.caseId === caseId)!.cells.find((c) => c.codeId === codeId)!.cell;
    expect(cell('solbakken', 'samarbejde')).toEqual({ count: 1, codingIds: ['k1'] });
    expect(cell('solbakken', 'netvaerk')).toEqual({ count: 1, codingIds: ['k4'] });
    expect(cell('solbakken', 'barriere')).toEqual({ count: 2, codingIds: ['k3', 'k6'] });
    expect(cell('vestpark', 'samarbejde')).toEqual({ count: 1, codingIds: ['k9'] });
    expect(cell('vestpark', 'drivkraft').count).toBe(0);
    // k10 has no case and is in no cell.
    expect(matrix.flatMap((row) => row.cells.flatMap((c) => c.cell.codingIds))).not.toContain('k10');
  });

  it("with aggregate, a parent code holds its children's codings", () => {
    const matrix = caseCodeMatrix(cases, codes, sources, codings, { aggregate: true });
    const solbakken = matrix[0]!.cells;
    expect(solbakken.find((c) => c.codeId === 'samarbejde')!.cell).toEqual({
      count: 2,
      codingIds: ['k1', 'k4'],
    });
    expect(solbakken.find((c) => c.codeId === 'drivkraft')!.cell).toEqual({
      count: 2,
      codingIds: ['k2', 'k5'],
    });
  });
});

describe('coOccurrence', () => {
  it('pairs overlapping codings of different codes in one source; touching is no overlap', () => {
    expect(coOccurrence(codes, codings)).toEqual([
      { codeA: 'samarbejde', codeB: 'drivkraft', count: 1, pairs: [['k1', 'k2']] },
      { codeA: 'netvaerk', codeB: 'ildsjael', count: 1, pairs: [['k4', 'k5']] },
      { codeA: 'netvaerk', codeB: 'barriere', count: 1, pairs: [['k4', 'k6']] },
      { codeA: 'styring', codeB: 'barriere', count: 1, pairs: [['k7', 'k8']] },
      { codeA: 'ildsjael', codeB: 'barriere', count: 1, pairs: [['k5', 'k6']] },
    ]);
  });

  it('does not pair codings in different sources or of the same code', () => {
    const list = [
      coding('a', 's1', 'styring', 0, 10),
      coding('b', 's2', 'barriere', 0, 10),
      coding('c', 's1', 'styring', 5, 15),
    ];
    expect(coOccurrence(codes, list)).toEqual([]);
  });
});

describe('driversAndBarriers', () => {
  it('counts driver and barrier codings overlapping a theme (or a code below it) per case', () => {
    const table = driversAndBarriers({
      cases,
      codes,
      sources,
      codings,
      themeCodeIds: ['samarbejde', 'styring'],
      driverCodeId: 'drivkraft',
      barrierCodeId: 'barriere',
    });
    // samarbejde in Solbakken: k2 (driver) inside k1; k5 (ildsjæl, below drivkraft) overlaps k4
    // (netværk, below samarbejde); k6 (barrier) overlaps k4; k3 only touches k1.
    expect(table[0]).toEqual({
      themeCodeId: 'samarbejde',
      cases: [
        {
          caseId: 'solbakken',
          cell: { drivers: { count: 2, codingIds: ['k2', 'k5'] }, barriers: { count: 1, codingIds: ['k6'] } },
        },
        {
          caseId: 'vestpark',
          cell: { drivers: { count: 0, codingIds: [] }, barriers: { count: 0, codingIds: [] } },
        },
      ],
    });
    // styring in Vestpark: k8 (barrier) overlaps k7.
    expect(table[1]!.cases[1]!.cell.barriers).toEqual({ count: 1, codingIds: ['k8'] });
    expect(table[1]!.cases[0]!.cell.barriers.count).toBe(0);
  });
});
