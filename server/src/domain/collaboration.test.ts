import { describe, expect, it } from 'vitest';
import { agreementFlags } from './collaboration.js';

const rows = [
  { id: 'children', name: 'Børn og unge' },
  { id: 'jobs', name: 'Beskæftigelse' },
  { id: 'health', name: 'Sundhed' },
];
const parties = [
  { id: 'muni', name: 'Kommunen', contactPerson: 'Chef for Børn og Unge' },
  { id: 'org', name: 'Boligorganisationen', contactPerson: null },
  { id: 'school', name: 'Skolen', contactPerson: '  ' },
];

describe('agreementFlags', () => {
  it('flags a focus area with no one responsible and one with several', () => {
    const flags = agreementFlags(
      rows,
      parties,
      [
        { rowId: 'children', partyId: 'muni', role: 'responsible' },
        { rowId: 'children', partyId: 'org', role: 'carriesOut' },
        { rowId: 'jobs', partyId: 'muni', role: 'responsible' },
        { rowId: 'jobs', partyId: 'org', role: 'responsible' },
        { rowId: 'health', partyId: 'org', role: 'consulted' },
      ],
      [],
    );
    expect(flags.map((f) => [f.code, 'rowId' in f ? f.rowId : ''])).toEqual([
      ['several_responsible', 'jobs'],
      ['no_one_responsible', 'health'],
    ]);
    expect(flags[0]!.da).toBe(
      '2 parter er ansvarlige for Beskæftigelse (Kommunen, Boligorganisationen). Aftal, hvem der har ansvaret, og gør de andre til udførende.',
    );
  });

  it('a clear matrix has no flags', () => {
    const cells = rows.map((r) => ({ rowId: r.id, partyId: 'muni', role: 'responsible' as const }));
    expect(
      agreementFlags(rows, parties, cells, [{ rowId: 'jobs', partyId: 'muni', text: 'Jobcenter' }]),
    ).toEqual([]);
  });

  it('flags a party with commitments but no contact person (blank counts as none)', () => {
    const cells = rows.map((r) => ({ rowId: r.id, partyId: 'muni', role: 'responsible' as const }));
    const flags = agreementFlags(rows, parties, cells, [
      { rowId: 'jobs', partyId: 'org', text: 'Stiller lokale til rådighed' },
      { rowId: 'children', partyId: 'school', text: 'Lektiecafé' },
      { rowId: 'jobs', partyId: 'school', text: 'Praktik' },
    ]);
    expect(flags.map((f) => f.code)).toEqual(['commitments_without_contact', 'commitments_without_contact']);
    expect(flags[1]!.en).toBe('Skolen has 2 commitments but no contact person. Name a contact person.');
  });

  it('no focus areas and no parties: nothing to flag', () => {
    expect(agreementFlags([], [], [], [])).toEqual([]);
  });
});
