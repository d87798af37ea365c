import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Forum, Locale, Membership, Person } from '@pejling/contracts';

type Text = { da: string; en: string };
const h = (da: string, en: string): Text => ({ da, en });

const KIND: Record<Forum['kind'], Text> = {
  board: h('Bestyrelse', 'Board'),
  steeringGroup: h('Styregruppe', 'Steering group'),
  operationsGroup: h('Driftsgruppe', 'Operations group'),
  projectSecretariat: h('Projektsekretariat', 'Project secretariat'),
  followUpGroup: h('Følgegruppe', 'Follow-up group'),
  workingGroup: h('Arbejdsgruppe', 'Working group'),
  residentForum: h('Beboerforum', 'Resident forum'),
  other: h('Andet forum', 'Other forum'),
};
const LEVEL: Record<Forum['level'], Text> = {
  strategic: h('strategisk', 'strategic'),
  tactical: h('taktisk', 'tactical'),
  operational: h('operationelt', 'operational'),
};
const ROLE: Record<Membership['role'], Text> = {
  chair: h('Formand', 'Chair'),
  member: h('Medlem', 'Member'),
  secretary: h('Sekretær', 'Secretary'),
  observer: h('Observatør', 'Observer'),
};
const REPRESENTS: Record<Membership['represents'], Text> = {
  political: h('Politisk niveau', 'Political level'),
  topAdministration: h('Øverste administrative ledelse', 'Top administration'),
  middleManagement: h('Mellemleder', 'Middle management'),
  localProfessional: h('Lokal fagprofessionel', 'Local professional'),
  projectStaff: h('Projektmedarbejder', 'Project staff'),
  residentBoard: h('Afdelingsbestyrelse', 'Resident board'),
  resident: h('Beboer', 'Resident'),
  volunteer: h('Frivillig', 'Volunteer'),
};
const SIDE: Record<NonNullable<Membership['side']>, Text> = {
  municipality: h('kommunen', 'the municipality'),
  housingOrganisation: h('boligorganisationen', 'the housing organisation'),
  other: h('anden part', 'another party'),
};
const ROLE_ORDER: Membership['role'][] = ['chair', 'member', 'secretary', 'observer'];

/**
 * The member table's columns in twips: the A4 page's text width (11906 less two 1440 margins)
 * shared so that the longest single words of each column (a name, "boligorganisationen",
 * "Observatør") fit on a line, and text wraps between words, never inside one. Fixed layout and
 * the same width on every cell make Word, LibreOffice and Google Docs all keep these widths.
 */
export const MEMBER_COLUMN_WIDTHS = [2750, 2450, 1300, 2526] as const;
const TABLE_WIDTH = MEMBER_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);

export interface TermsOfReferenceInput {
  plan: {
    name: string;
    purpose: string | null;
    municipalityName: string;
    housingOrganisationName: string;
    isExample: boolean;
  };
  forum: Forum;
  forums: Forum[];
  people: Person[];
  memberships: Membership[];
  locale: Locale;
  /** ISO date of generation, shown in the footer line. */
  today: string;
}

/** The forum's terms of reference (kommissorium) as a Word document, from the registered data. */
export async function termsOfReferenceDocx(input: TermsOfReferenceInput): Promise<Buffer> {
  const { plan, forum: f, locale: l } = input;
  const T = (t: Text) => t[l];
  const parent = input.forums.find((x) => x.id === f.reportsTo) ?? null;
  const subs = input.forums.filter((x) => x.reportsTo === f.id);
  const people = new Map(input.people.map((p) => [p.id, p]));
  const seats = input.memberships
    .filter((m) => m.forumId === f.id)
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));

  const heading = (text: string) =>
    new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240 } });
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });
  const cell = (text: string, column: number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
      width: { size: MEMBER_COLUMN_WIDTHS[column]!, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };

  const purpose = [
    T(
      h(
        `${T(KIND[f.kind])} i ${plan.name}, en boligsocial helhedsplan i samarbejde mellem ${plan.housingOrganisationName} og ${plan.municipalityName}. Forummet arbejder på ${T(LEVEL[f.level])} niveau.`,
        `${T(KIND[f.kind])} of ${plan.name}, an area-based social plan run by ${plan.housingOrganisationName} with ${plan.municipalityName}. The forum works at the ${T(LEVEL[f.level])} level.`,
      ),
    ),
    ...(plan.purpose
      ? [T(h(`Helhedsplanens formål: ${plan.purpose}`, `The plan's purpose: ${plan.purpose}`))]
      : []),
  ];
  const decisions = f.makesDecisions
    ? T(
        h(
          'Forummet træffer beslutninger inden for det mandat, der er beskrevet ovenfor.',
          'The forum makes decisions within the mandate described above.',
        ),
      )
    : T(
        h(
          `Forummet træffer ikke selv beslutninger. Det rådgiver, koordinerer og indstiller${parent ? ` til ${parent.name}` : ''}.`,
          `The forum does not make decisions itself. It advises, coordinates and recommends${parent ? ` to ${parent.name}` : ''}.`,
        ),
      );
  const reporting = [
    parent
      ? T(h(`Forummet rapporterer til ${parent.name}.`, `The forum reports to ${parent.name}.`))
      : T(
          h(
            'Forummet er øverst i projektorganiseringen.',
            'The forum is at the top of the project organisation.',
          ),
        ),
    ...(subs.length
      ? [
          T(
            h(
              `Følgende fora rapporterer til forummet: ${subs.map((s) => s.name).join(', ')}.`,
              `These forums report to the forum: ${subs.map((s) => s.name).join(', ')}.`,
            ),
          ),
        ]
      : []),
  ];
  const members =
    seats.length === 0
      ? [para(T(h('Der er endnu ikke registreret medlemmer.', 'No members are registered yet.')))]
      : [
          new Table({
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: [...MEMBER_COLUMN_WIDTHS],
            layout: TableLayoutType.FIXED,
            borders: {
              top: border,
              bottom: border,
              left: border,
              right: border,
              insideHorizontal: border,
              insideVertical: border,
            },
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  cell(T(h('Navn', 'Name')), 0, true),
                  cell(T(h('Organisation og stilling', 'Organisation and title')), 1, true),
                  cell(T(h('Rolle', 'Role')), 2, true),
                  cell(T(h('Repræsenterer', 'Represents')), 3, true),
                ],
              }),
              ...seats.map((m) => {
                const p = people.get(m.personId);
                const represents = [
                  T(REPRESENTS[m.represents]),
                  m.side ? T(h(`fra ${T(SIDE[m.side])}`, `from ${T(SIDE[m.side])}`)) : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return new TableRow({
                  children: [
                    cell(p?.name ?? '', 0),
                    cell([p?.organisation, p?.title].filter(Boolean).join(', '), 1),
                    cell(T(ROLE[m.role]), 2),
                    cell(represents, 3),
                  ],
                });
              }),
            ],
          }),
        ];

  const doc = new Document({
    creator: 'Pejling',
    title: T(h(`Kommissorium for ${f.name}`, `Terms of reference: ${f.name}`)),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            text: T(h(`Kommissorium for ${f.name}`, `Terms of reference: ${f.name}`)),
            heading: HeadingLevel.TITLE,
          }),
          para(plan.name),
          ...(plan.isExample
            ? [
                new Paragraph({
                  children: [
                    new TextRun({
                      text: T(
                        h(
                          'Eksempeldata: planen og dens organisering er opdigtede eksempler.',
                          'Example data: the plan and its organisation are invented examples.',
                        ),
                      ),
                      italics: true,
                    }),
                  ],
                }),
              ]
            : []),
          heading(T(h('1. Formål', '1. Purpose'))),
          ...purpose.map(para),
          heading(T(h('2. Mandat', '2. Mandate'))),
          ...(
            f.mandate ?? T(h('Mandatet er ikke beskrevet endnu.', 'The mandate has not been described yet.'))
          )
            .split(/\n+/)
            .map(para),
          heading(T(h('3. Beslutningskompetence', '3. Decision rights'))),
          para(decisions),
          heading(T(h('4. Sammensætning', '4. Members'))),
          ...members,
          heading(T(h('5. Mødefrekvens', '5. Meetings'))),
          para(
            f.meetingsPerYear === null
              ? T(h('Mødefrekvensen er ikke fastlagt endnu.', 'The meeting frequency has not been set yet.'))
              : T(
                  h(
                    `Forummet mødes ${f.meetingsPerYear} ${f.meetingsPerYear === 1 ? 'gang' : 'gange'} om året.`,
                    `The forum meets ${f.meetingsPerYear} ${f.meetingsPerYear === 1 ? 'time' : 'times'} a year.`,
                  ),
                ),
          ),
          heading(T(h('6. Rapportering', '6. Reporting lines'))),
          ...reporting.map(para),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: 360 },
            children: [
              new TextRun({
                text: T(
                  h(
                    `Dannet af Pejling ${input.today.split('-').reverse().join('-')} ud fra planens registrerede organisering.`,
                    `Generated by Pejling on ${input.today} from the plan's registered organisation.`,
                  ),
                ),
                size: 18,
                color: '555555',
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
