/**
 * Flags on a collaboration agreement's responsibility matrix (samarbejdsaftale): who is
 * responsible for each focus area, and whether the parties who have made commitments can be
 * reached. The source report found that unclear roles between housing organisation and
 * municipality are a main barrier, and that concrete agreements made early help.
 */

export type MatrixRole = 'responsible' | 'carriesOut' | 'consulted' | 'informed';

export interface MatrixParty {
  id: string;
  name: string;
  contactPerson: string | null;
}

export interface MatrixRow {
  /** A focus area (or, later, an activity). */
  id: string;
  name: string;
}

export interface MatrixCell {
  rowId: string;
  partyId: string;
  role: MatrixRole;
}

export interface Commitment {
  rowId: string;
  partyId: string;
  text: string;
}

export type AgreementFlag =
  | { code: 'no_one_responsible'; rowId: string; da: string; en: string }
  | { code: 'several_responsible'; rowId: string; partyIds: string[]; da: string; en: string }
  | { code: 'commitments_without_contact'; partyId: string; count: number; da: string; en: string };

/** The flags of a matrix, in row order, then party order. */
export function agreementFlags(
  rows: MatrixRow[],
  parties: MatrixParty[],
  cells: MatrixCell[],
  commitments: Commitment[],
): AgreementFlag[] {
  const flags: AgreementFlag[] = [];
  const names = new Map(parties.map((p) => [p.id, p.name]));
  for (const row of rows) {
    const responsible = cells.filter((c) => c.rowId === row.id && c.role === 'responsible');
    if (responsible.length === 0)
      flags.push({
        code: 'no_one_responsible',
        rowId: row.id,
        da: `Ingen part er ansvarlig for ${row.name}. Vælg én ansvarlig part i matrixen.`,
        en: `No party is responsible for ${row.name}. Choose one responsible party in the matrix.`,
      });
    else if (responsible.length > 1) {
      const list = responsible.map((c) => names.get(c.partyId) ?? '?').join(', ');
      flags.push({
        code: 'several_responsible',
        rowId: row.id,
        partyIds: responsible.map((c) => c.partyId),
        da: `${responsible.length} parter er ansvarlige for ${row.name} (${list}). Aftal, hvem der har ansvaret, og gør de andre til udførende.`,
        en: `${responsible.length} parties are responsible for ${row.name} (${list}). Agree who holds the responsibility and make the others carry out.`,
      });
    }
  }
  for (const party of parties) {
    const count = commitments.filter((c) => c.partyId === party.id).length;
    if (count > 0 && !party.contactPerson?.trim())
      flags.push({
        code: 'commitments_without_contact',
        partyId: party.id,
        count,
        da: `${party.name} har ${count} ${count === 1 ? 'forpligtelse' : 'forpligtelser'}, men ingen kontaktperson. Angiv en kontaktperson.`,
        en: `${party.name} has ${count} ${count === 1 ? 'commitment' : 'commitments'} but no contact person. Name a contact person.`,
      });
  }
  return flags;
}
