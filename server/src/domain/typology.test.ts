import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseAreas } from '../seed/demo.js';
import {
  NOT_DETERMINED,
  OPERATIONS_GROUP_LABELS,
  OPERATIONS_GROUP_PLACEMENTS,
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_LABELS,
  RESIDENT_INVOLVEMENTS,
  RESIDENT_INVOLVEMENT_LABELS,
  SECRETARIAT_TYPES,
  SECRETARIAT_TYPE_LABELS,
  TYPOLOGY_THRESHOLDS,
  classifyOrganisation,
  typeLabel,
  type DimensionResult,
  type ForumInput,
  type ForumKind,
  type ForumLevel,
  type LocalProfessionalKind,
  type MemberInput,
  type MemberRole,
  type OrganisationInput,
  type OrganisationSide,
  type Represents,
  type StaffInput,
  type Text,
} from './typology.js';
import { TYPOLOGY_EXAMPLES, TYPOLOGY_EXAMPLES_NOTICE } from './typology-examples.js';

// ---------------------------------------------------------------------------------------------
// Factories: a steering group, a secretariat under it, and whatever a test adds.

function forum(id: string, kind: ForumKind, over: Partial<ForumInput> = {}): ForumInput {
  const level: ForumLevel =
    kind === 'board' || kind === 'steeringGroup'
      ? 'strategic'
      : kind === 'projectSecretariat' || kind === 'operationsGroup'
        ? 'tactical'
        : 'operational';
  return {
    id,
    kind,
    level,
    makesDecisions: kind === 'board' || kind === 'steeringGroup',
    reportsTo: null,
    ...over,
  };
}

const SG = () => forum('sg', 'steeringGroup');
const PS = (over: Partial<ForumInput> = {}) =>
  forum('ps', 'projectSecretariat', { reportsTo: 'sg', ...over });

function m(
  forumId: string,
  represents: Represents,
  side: OrganisationSide | null = null,
  role: MemberRole = 'member',
  localProfessionalKind: LocalProfessionalKind | null = null,
): MemberInput {
  return { forumId, represents, side, role, localProfessionalKind };
}

/** n seats of one kind in one forum. */
function seats(
  n: number,
  forumId: string,
  represents: Represents,
  side: OrganisationSide | null = null,
  kind: LocalProfessionalKind | null = null,
): MemberInput[] {
  return Array.from({ length: n }, () => m(forumId, represents, side, 'member', kind));
}

const topMuni = (n: number, f = 'sg') => seats(n, f, 'topAdministration', 'municipality');
const topHousing = (n: number, f = 'sg') => seats(n, f, 'topAdministration', 'housingOrganisation');
const middle = (n: number, f = 'sg') => seats(n, f, 'middleManagement', 'municipality');
const local = (n: number, f = 'sg', kind: LocalProfessionalKind = 'school') =>
  seats(n, f, 'localProfessional', 'municipality', kind);
const board = (n: number, f = 'sg') => seats(n, f, 'residentBoard');

function st(
  employer: StaffInput['employer'],
  hoursPerWeek: number | null,
  task: StaffInput['task'] = 'executing',
  name?: string,
): StaffInput {
  return { employer, hoursPerWeek, task, name };
}
const housingStaff = (n: number, task: StaffInput['task'] = 'executing') =>
  Array.from({ length: n }, () => st('housingOrganisation', 37, task));
const muniStaff = (n: number, task: StaffInput['task'] = 'executing') =>
  Array.from({ length: n }, () => st('municipality', 37, task));

function org(over: Partial<OrganisationInput> = {}): OrganisationInput {
  return { forums: [SG(), PS()], members: [], staff: [], ...over };
}

const da = (texts: Text[]) => texts.map((t) => t.da);
const en = (texts: Text[]) => texts.map((t) => t.en);
const anyDa = (r: DimensionResult<unknown>, part: string) => r.reasons.some((t) => t.da.includes(part));
const missingDa = (r: DimensionResult<unknown>, part: string) => r.missing.some((t) => t.da.includes(part));

function expectWellFormed(r: DimensionResult<unknown>) {
  expect(r.reasons.length).toBeGreaterThan(0);
  for (const t of [...r.reasons, ...r.missing]) {
    expect(t.da.trim()).not.toBe('');
    expect(t.en.trim()).not.toBe('');
    expect(t.da).toMatch(/[.:]$/);
    expect(t.en).toMatch(/[.:]$/);
  }
  if (r.type === NOT_DETERMINED) expect(r.missing.length).toBeGreaterThan(0);
  else expect(r.missing).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

describe('organisation type: centrally anchored professional', () => {
  it('is centrally anchored when 3 of 5 steering-group members are top leaders from both sides, and says so', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(2), ...topHousing(1), ...middle(1), ...board(1)] }),
    ).organisation;
    expect(r.type).toBe('centrally_anchored_professional');
    expect(da(r.reasons)).toContain(
      '3 af 5 medlemmer af styregruppen repræsenterer det øverste politiske eller administrative niveau i kommune og boligorganisation (kommunen: 2, boligorganisationen: 1).',
    );
    expect(en(r.reasons)).toContain(
      '3 of 5 members of the steering group represent the top political or administrative level of municipality and housing organisation (municipality: 2, housing organisation: 1).',
    );
    expectWellFormed(r);
  });

  it('counts political members as the top level', () => {
    const r = classifyOrganisation(
      org({
        members: [
          m('sg', 'political', 'municipality', 'chair'),
          m('sg', 'political', 'housingOrganisation'),
          ...middle(2),
        ],
      }),
    ).organisation;
    expect(r.type).toBe('centrally_anchored_professional');
  });

  it.each([
    ['3 of 7 (below half)', 3, 4, false],
    ['4 of 8 (exactly half)', 4, 4, true],
    ['5 of 8 (above half)', 5, 3, true],
  ])('threshold: %s top seats', (_label, top, rest, central) => {
    const members = [...topMuni(top - 1), ...topHousing(1), ...middle(rest)];
    const r = classifyOrganisation(org({ members })).organisation;
    expect(r.type === 'centrally_anchored_professional').toBe(central);
    expect(anyDa(r, `${top} af ${top + rest} medlemmer af styregruppen`)).toBe(true);
  });

  it('needs both municipality and housing organisation at the top level', () => {
    const r = classifyOrganisation(org({ members: [...topMuni(4), ...local(1), ...board(1)] })).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, 'Kun kommunen er repræsenteret på øverste niveau')).toBe(true);
  });

  it('is not determined when a top leader has no side and that side would decide', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(3), m('sg', 'topAdministration', null), ...middle(2)] }),
    ).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, 'uden angivet part: 1')).toBe(true);
    expect(missingDa(r, 'Om 1 medlem på øverste niveau kommer fra kommunen eller boligorganisationen')).toBe(
      true,
    );
    expectWellFormed(r);
  });

  it('does not need the side of a top leader when both sides are already there', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(1), ...topHousing(1), m('sg', 'topAdministration', null), ...middle(2)] }),
    ).organisation;
    expect(r.type).toBe('centrally_anchored_professional');
  });

  it('does not count observers and secretaries, and says how many were left out', () => {
    const r = classifyOrganisation(
      org({
        members: [
          ...topMuni(1),
          ...topHousing(1),
          ...middle(2),
          m('sg', 'middleManagement', 'municipality', 'observer'),
          m('sg', 'projectStaff', 'housingOrganisation', 'secretary'),
        ],
      }),
    ).organisation;
    expect(r.type).toBe('centrally_anchored_professional');
    expect(anyDa(r, '2 af 4 medlemmer af styregruppen')).toBe(true);
    expect(anyDa(r, '(2 observatører eller sekretærer tælles ikke med)')).toBe(true);
  });

  it('reads both strategic forums when a board sits above the steering group', () => {
    const r = classifyOrganisation(
      org({
        forums: [forum('board', 'board'), { ...SG(), reportsTo: 'board' }, PS()],
        members: [...topMuni(2, 'board'), ...topHousing(2, 'board'), ...middle(3), ...local(1)],
      }),
    ).organisation;
    expect(r.type).toBe('centrally_anchored_professional');
    expect(anyDa(r, '4 af 8 medlemmer af bestyrelsen og styregruppen')).toBe(true);
  });

  it('takes precedence when local professionals also reach their threshold, and says why', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(2), ...topHousing(2), ...local(4)] }),
    ).organisation;
    expect(r.type).toBe('centrally_anchored_professional');
    expect(anyDa(r, '4 af 8 pladser i de beslutningstagende fora har lokale fagprofessionelle')).toBe(false);
    expect(anyDa(r, 'går forud for de lokalt forankrede typer')).toBe(true);
  });
});

describe('organisation type: locally anchored professional', () => {
  it('is locally anchored professional when local professionals hold a third of the decision-making seats', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), forum('og', 'operationsGroup', { makesDecisions: true, reportsTo: 'sg' }), PS()],
        members: [
          ...middle(2),
          ...local(2, 'sg', 'school'),
          ...local(1, 'sg', 'dayCare'),
          ...board(1),
          ...local(1, 'og', 'police'),
          ...local(1, 'og', 'library'),
          ...seats(1, 'og', 'middleManagement', 'housingOrganisation'),
        ],
      }),
    ).organisation;
    expect(r.type).toBe('locally_anchored_professional');
    expect(da(r.reasons)).toContain(
      '5 af 9 pladser i de beslutningstagende fora har lokale fagprofessionelle (skole: 2, daginstitution: 1, bibliotek: 1, politi: 1); den lokalt forankrede fagprofessionelle type kræver mindst en tredjedel.',
    );
    expect(anyDa(r, 'De beslutningstagende fora er styregruppen og driftsgruppen med i alt 9 pladser')).toBe(
      true,
    );
    expectWellFormed(r);
  });

  it.each([
    ['2 of 7 (below a third)', 2, 5, NOT_DETERMINED],
    ['3 of 9 (exactly a third)', 3, 6, 'locally_anchored_professional'],
    ['4 of 9 (above a third)', 4, 5, 'locally_anchored_professional'],
  ])('threshold: %s', (_label, n, rest, type) => {
    const r = classifyOrganisation(org({ members: [...local(n), ...middle(rest)] })).organisation;
    expect(r.type).toBe(type);
    expect(
      anyDa(r, `${n} af ${n + rest} pladser i de beslutningstagende fora har lokale fagprofessionelle`),
    ).toBe(true);
  });

  it('is read on a decision-making operations group when no strategic forum decides', () => {
    const r = classifyOrganisation(
      org({
        forums: [
          forum('sg', 'steeringGroup', { makesDecisions: false }),
          forum('og', 'operationsGroup', { makesDecisions: true, reportsTo: 'sg' }),
          PS(),
        ],
        members: [...topMuni(2), ...topHousing(2), ...local(2, 'og'), ...middle(2, 'og')],
      }),
    ).organisation;
    expect(r.type).toBe('locally_anchored_professional');
    expect(anyDa(r, 'Der er intet beslutningstagende forum på strategisk niveau')).toBe(true);
  });

  it('counts a local professional without a subtype as "andet"', () => {
    const r = classifyOrganisation(
      org({ members: [m('sg', 'localProfessional', 'municipality'), ...local(1), ...middle(1)] }),
    ).organisation;
    expect(r.type).toBe('locally_anchored_professional');
    expect(anyDa(r, '(skole: 1, andet: 1)')).toBe(true);
  });
});

describe('organisation type: locally anchored semi-professional', () => {
  it('is semi-professional when the resident board and residents hold a third of the seats', () => {
    const r = classifyOrganisation(
      org({
        members: [
          m('sg', 'residentBoard', null, 'chair'),
          ...board(1),
          m('sg', 'resident'),
          ...middle(2),
          ...local(1),
        ],
      }),
    ).organisation;
    expect(r.type).toBe('locally_anchored_semi_professional');
    expect(da(r.reasons)).toContain(
      '3 af 6 pladser i de beslutningstagende fora har afdelingsbestyrelsen eller andre beboere (afdelingsbestyrelse: 2, øvrige beboere: 1); den lokalt forankrede semiprofessionelle type kræver mindst en tredjedel.',
    );
    expectWellFormed(r);
  });

  it.each([
    ['2 of 7 (below a third)', 2, 5, NOT_DETERMINED],
    ['3 of 9 (exactly a third)', 3, 6, 'locally_anchored_semi_professional'],
    ['4 of 9 (above a third)', 4, 5, 'locally_anchored_semi_professional'],
  ])('threshold: %s', (_label, n, rest, type) => {
    const r = classifyOrganisation(org({ members: [...board(n), ...middle(rest)] })).organisation;
    expect(r.type).toBe(type);
  });

  it('does not count volunteers as residents', () => {
    const r = classifyOrganisation(
      org({ members: [...seats(3, 'sg', 'volunteer'), ...middle(3)] }),
    ).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, '0 af 6 pladser i de beslutningstagende fora har afdelingsbestyrelsen')).toBe(true);
  });
});

describe('organisation type: mixed compositions and gaps', () => {
  it('follows the larger group when both local professionals and residents reach a third', () => {
    const r = classifyOrganisation(org({ members: [...local(3), ...board(4)] })).organisation;
    expect(r.type).toBe('locally_anchored_semi_professional');
    expect(anyDa(r, 'typen følger den gruppe, der har flest pladser (beboerne)')).toBe(true);
    const p = classifyOrganisation(org({ members: [...local(4), ...board(3)] })).organisation;
    expect(p.type).toBe('locally_anchored_professional');
  });

  it('is not determined on a tie between local professionals and residents', () => {
    const r = classifyOrganisation(org({ members: [...local(3), ...board(3), ...middle(1)] })).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, 'lige mange pladser (3 hver)')).toBe(true);
    expect(missingDa(r, 'enten lokale fagprofessionelle eller beboere har flest pladser')).toBe(true);
    expectWellFormed(r);
  });

  it('is not determined when no type reaches its threshold, and names what would decide it', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(2), ...middle(3), ...local(1), ...board(1)] }),
    ).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, 'når ikke tærsklen for nogen af de tre typer')).toBe(true);
    expect(missingDa(r, 'En sammensætning, der afgør typen')).toBe(true);
  });

  it('is not determined without forums', () => {
    const r = classifyOrganisation({ forums: [], members: [], staff: [] }).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(da(r.reasons)).toEqual(['Der er ikke registreret nogen fora i projektorganiseringen.']);
    expect(missingDa(r, 'Projektorganiseringens fora')).toBe(true);
  });

  it('is not determined when no forum makes decisions', () => {
    const r = classifyOrganisation(
      org({ forums: [forum('sg', 'steeringGroup', { makesDecisions: false }), PS()], members: topMuni(3) }),
    ).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, 'Ingen af de 2 registrerede fora er angivet som beslutningstagende.')).toBe(true);
    expect(missingDa(r, 'Hvilke fora der træffer beslutninger')).toBe(true);
  });

  it('is not determined when the steering group has no registered members', () => {
    const r = classifyOrganisation(org({ members: [] })).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(da(r.missing)).toEqual([
      'Medlemmerne af styregruppen: hvem de repræsenterer, og om de er formand, medlem, sekretær eller observatør.',
    ]);
  });

  it('is not determined when a decision-making forum beside a non-central steering group has no members', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), forum('og', 'operationsGroup', { makesDecisions: true, reportsTo: 'sg' }), PS()],
        members: [...middle(3), ...local(1)],
      }),
    ).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'Medlemmerne af driftsgruppen')).toBe(true);
  });

  it('is not determined when the decision-making forums hold only observers and secretaries', () => {
    const r = classifyOrganisation(
      org({
        forums: [forum('og', 'operationsGroup', { makesDecisions: true }), PS({ reportsTo: 'og' })],
        members: [m('og', 'middleManagement', 'municipality', 'observer')],
      }),
    ).organisation;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'der er kun registreret observatører og sekretærer')).toBe(true);
  });

  it('leaves a decision-making project secretariat out of the count', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), PS({ makesDecisions: true })],
        members: [...board(2), ...middle(2), ...seats(6, 'ps', 'projectStaff', 'housingOrganisation')],
      }),
    ).organisation;
    expect(r.type).toBe('locally_anchored_semi_professional');
    expect(anyDa(r, 'Projektsekretariatet tælles ikke med')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('secretariat type: one-person secretariat', () => {
  it('is a one-person secretariat with exactly one staff member, whoever employs them', () => {
    const r = classifyOrganisation(org({ staff: [st('housingOrganisation', 37, 'both')] })).secretariat;
    expect(r.type).toBe('one_person');
    expect(da(r.reasons)).toContain(
      'Der er én medarbejder, ansat i boligorganisationen, koordinerende og udførende.',
    );
    expectWellFormed(r);
    expect(
      classifyOrganisation(org({ staff: [st('municipality', 30, 'coordinating')] })).secretariat.type,
    ).toBe('one_person');
    expect(classifyOrganisation(org({ staff: [st(null, null, null)] })).secretariat.type).toBe('one_person');
  });

  it.each([
    ['1.19 FTE (below)', 37 * 0.19, 'one_person'],
    ['1.2 FTE (at the limit)', 7.4, 'one_person'],
    ['1.21 FTE (above)', 37 * 0.21, NOT_DETERMINED],
  ])('threshold: a coordinator plus a helper at %s', (_label, helperHours, type) => {
    const r = classifyOrganisation(
      org({ staff: [st('housingOrganisation', 37, 'coordinating'), st('housingOrganisation', helperHours)] }),
    ).secretariat;
    expect(r.type).toBe(type);
  });

  it('says a staffing within 1.2 FTE counts as one post', () => {
    const r = classifyOrganisation(
      org({ staff: [st('housingOrganisation', 30, 'both'), st('housingOrganisation', 7.4)] }),
    ).secretariat;
    expect(r.type).toBe('one_person');
    expect(da(r.reasons)).toContain(
      'Projektsekretariatet har 2 medarbejdere med i alt 1,01 årsværk (37 timer om ugen er ét årsværk).',
    );
    expect(anyDa(r, 'Det er højst 1,2 årsværk')).toBe(true);
  });

  it('reads fte before hours a week', () => {
    const r = classifyOrganisation(
      org({
        staff: [
          { employer: 'housingOrganisation', fte: 0.5, hoursPerWeek: 37, task: 'both' },
          { employer: 'housingOrganisation', fte: 0.5, hoursPerWeek: 37, task: 'executing' },
        ],
      }),
    ).secretariat;
    expect(r.type).toBe('one_person');
  });

  it('leaves out staff with zero hours and says so', () => {
    const r = classifyOrganisation(
      org({
        staff: [st('housingOrganisation', 37, 'coordinating'), st('municipality', 0), st('municipality', 0)],
      }),
    ).secretariat;
    expect(r.type).toBe('one_person');
    expect(da(r.reasons)).toContain('2 medarbejdere med 0 timer tælles ikke med.');
  });
});

describe('secretariat type: large housing-organisation team', () => {
  it('is a large housing team when at least 3 housing staff mostly carry out activities', () => {
    const r = classifyOrganisation(
      org({ staff: [st('housingOrganisation', 37, 'coordinating'), ...housingStaff(3)] }),
    ).secretariat;
    expect(r.type).toBe('large_housing_team');
    expect(da(r.reasons)).toContain(
      '3 af 4 medarbejdere er udførende (udførende eller begge dele); det store boligorganisatoriske team kræver mindst halvdelen.',
    );
    expectWellFormed(r);
  });

  it.each([
    ['2 staff (below)', 2, NOT_DETERMINED],
    ['3 staff (at)', 3, 'large_housing_team'],
    ['4 staff (above)', 4, 'large_housing_team'],
  ])('threshold: %s', (_label, n, type) => {
    const r = classifyOrganisation(org({ staff: housingStaff(n) })).secretariat;
    expect(r.type).toBe(type);
  });

  it('explains why a housing team of two fits none of the types', () => {
    const r = classifyOrganisation(org({ staff: housingStaff(2) })).secretariat;
    expect(
      anyDa(r, 'Et team på 2 er hverken en enmandsbemanding eller et stort team (mindst 3 medarbejdere)'),
    ).toBe(true);
    expect(missingDa(r, 'En bemanding, der afgør typen')).toBe(true);
    expectWellFormed(r);
  });

  it.each([
    ['1 of 3 execute (below half)', ['coordinating', 'coordinating', 'executing'], NOT_DETERMINED],
    [
      '2 of 4 execute (exactly half)',
      ['coordinating', 'coordinating', 'executing', 'both'],
      'large_housing_team',
    ],
    ['3 of 4 execute (above half)', ['coordinating', 'executing', 'executing', 'both'], 'large_housing_team'],
  ] as const)('threshold: %s', (_label, tasks, type) => {
    const r = classifyOrganisation(
      org({ staff: tasks.map((t) => st('housingOrganisation', 37, t)) }),
    ).secretariat;
    expect(r.type).toBe(type);
    if (type === NOT_DETERMINED) expect(anyDa(r, 'Teamet er mest koordinerende')).toBe(true);
  });

  it('stays a housing team when the municipality employs less than a quarter, and says so', () => {
    const r = classifyOrganisation(org({ staff: [...housingStaff(4), ...muniStaff(1)] })).secretariat;
    expect(r.type).toBe('large_housing_team');
    expect(da(r.reasons)).toContain(
      'Kommunalt ansatte udgør 1 af 5; det er under en fjerdedel, så kommunen regnes ikke som part i teamet.',
    );
  });

  it('disregards recorded steering when the municipality is not a party to the team', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS({ steering: 'parallel' })], staff: housingStaff(3) }),
    ).secretariat;
    expect(r.type).toBe('large_housing_team');
    expect(anyDa(r, 'indgår ikke, fordi kommunen ikke er part i teamet')).toBe(true);
  });
});

describe('secretariat type: cross-organisational and split teams', () => {
  it('is cross-organisational when both employers are in the team and it is steered jointly', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS({ steering: 'joint' })], staff: [...housingStaff(2), ...muniStaff(1)] }),
    ).secretariat;
    expect(r.type).toBe('cross_organisational_team');
    expect(da(r.reasons)).toContain(
      'Kommunalt ansatte udgør 1 af 3; det er mindst en fjerdedel, så kommunen regnes som part i teamet.',
    );
    expectWellFormed(r);
  });

  it('is split when both employers are in the team and the activities are steered in parallel', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS({ steering: 'parallel' })], staff: [...housingStaff(2), ...muniStaff(2)] }),
    ).secretariat;
    expect(r.type).toBe('split_team');
    expect(anyDa(r, 'angivet som parallel: teamet er opdelt')).toBe(true);
    expectWellFormed(r);
  });

  it.each([
    ['1 of 5 municipal (below a quarter)', 4, 1, 'large_housing_team'],
    ['1 of 4 municipal (exactly a quarter)', 3, 1, 'cross_organisational_team'],
    ['2 of 4 municipal (above a quarter)', 2, 2, 'cross_organisational_team'],
  ])('threshold: %s, steered jointly', (_label, h, mu, type) => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS({ steering: 'joint' })], staff: [...housingStaff(h), ...muniStaff(mu)] }),
    ).secretariat;
    expect(r.type).toBe(type);
  });

  it('is not determined when both employers take part but the steering is not recorded', () => {
    const r = classifyOrganisation(org({ staff: [...housingStaff(2), ...muniStaff(2)] })).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'samlet i ét team (tværorganisatorisk) eller parallelt (opdelt)')).toBe(true);
    expectWellFormed(r);
  });

  it('is not determined when two secretariats record conflicting steering', () => {
    const r = classifyOrganisation(
      org({
        forums: [
          SG(),
          PS({ steering: 'joint' }),
          forum('ps2', 'projectSecretariat', { steering: 'parallel' }),
        ],
        staff: [...housingStaff(2), ...muniStaff(2)],
      }),
    ).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'Én angivelse af')).toBe(true);
  });

  it('is not determined when all staff are municipal', () => {
    const r = classifyOrganisation(org({ staff: muniStaff(3) })).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(anyDa(r, 'Alle medarbejdere er kommunalt ansatte')).toBe(true);
  });
});

describe('secretariat type: gaps in the staff data', () => {
  it('is not determined without staff', () => {
    const r = classifyOrganisation(org()).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(da(r.reasons)).toEqual(['Der er ikke registreret nogen medarbejdere i projektsekretariatet.']);
    expect(
      missingDa(r, 'ansættelsessted (boligorganisation eller kommune), timer om ugen eller årsværk'),
    ).toBe(true);
  });

  it('is not determined when every staff member has zero hours', () => {
    const r = classifyOrganisation(
      org({ staff: [st('housingOrganisation', 0), { employer: 'municipality', fte: 0, task: null }] }),
    ).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(da(r.reasons)).toEqual(['2 medarbejdere med 0 timer tælles ikke med.']);
  });

  it('is not determined when missing hours could make a small staffing a team, and names whose hours', () => {
    const r = classifyOrganisation(
      org({
        staff: [
          st('housingOrganisation', 37, 'coordinating'),
          st('housingOrganisation', null, 'executing', 'Ungemedarbejder'),
        ],
      }),
    ).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'Timer om ugen eller årsværk for "Ungemedarbejder"')).toBe(true);
    expectWellFormed(r);
  });

  it('does not need missing hours once the known hours already exceed 1.2 FTE', () => {
    const r = classifyOrganisation(
      org({ staff: [...housingStaff(2), st('housingOrganisation', null, 'executing')] }),
    ).secretariat;
    expect(r.type).toBe('large_housing_team');
    expect(anyDa(r, 'for 1 af dem er timetallet ikke angivet')).toBe(true);
  });

  it('treats a negative number of hours as unknown', () => {
    const r = classifyOrganisation(
      org({ staff: [st('housingOrganisation', 37), st('housingOrganisation', -5)] }),
    ).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'medarbejder nr. 2')).toBe(true);
  });

  it('decides the type despite an unknown employer when every employer gives the same type', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), PS({ steering: 'joint' })],
        staff: [...housingStaff(2), ...muniStaff(2), st(null, 37)],
      }),
    ).secretariat;
    expect(r.type).toBe('cross_organisational_team');
    expect(
      anyDa(r, 'Typen er den samme, uanset hvor medarbejderne uden angivet ansættelsessted er ansat.'),
    ).toBe(true);
  });

  it('is not determined when an unknown employer would decide the type', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS({ steering: 'joint' })], staff: [...housingStaff(3), st(null, 37)] }),
    ).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(da(r.missing)).toEqual([
      'Ansættelsessted (boligorganisation eller kommune) for 1 medarbejder: typen afhænger af, hvor de er ansat.',
    ]);
  });

  it('is not determined when unknown tasks would decide whether the team carries out activities', () => {
    const r = classifyOrganisation(
      org({
        staff: [
          st('housingOrganisation', 37, 'coordinating'),
          st('housingOrganisation', 37, 'coordinating'),
          st('housingOrganisation', 37, 'executing'),
          st('housingOrganisation', 37, null),
        ],
      }),
    ).secretariat;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(r.missing).toHaveLength(1);
    expect(missingDa(r, 'Om 1 medarbejder er koordinerende, udførende eller begge dele')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('resident involvement', () => {
  it('is formal when the resident board holds a seat in a decision-making forum', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(2), m('sg', 'residentBoard', null, 'chair'), m('sg', 'resident')] }),
    ).residentInvolvement;
    expect(r.type).toBe('formal_decisions');
    expect(da(r.reasons)).toContain(
      'Styregruppen træffer beslutninger, og 2 pladser som formand eller medlem er besat af afdelingsbestyrelsen eller beboere (afdelingsbestyrelse: 1, øvrige beboere: 1); formanden er beboerrepræsentant.',
    );
    expectWellFormed(r);
  });

  it('is formal when a resident forum makes decisions', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), PS(), forum('rf', 'residentForum', { makesDecisions: true, reportsTo: 'sg' })],
        members: middle(3),
      }),
    ).residentInvolvement;
    expect(r.type).toBe('formal_decisions');
    expect(anyDa(r, 'Beboerforummet er et beboerforum med beslutningskompetence')).toBe(true);
  });

  it('is activity-carrying only when residents sit in the steering group as observers only', () => {
    const r = classifyOrganisation(
      org({ members: [...topMuni(2), ...topHousing(1), m('sg', 'residentBoard', null, 'observer')] }),
    ).residentInvolvement;
    expect(r.type).toBe('activity_carrying_only');
    expect(da(r.reasons)).toContain(
      'Styregruppen har 1 beboerrepræsentant som observatør eller sekretær, uden beslutningskompetence.',
    );
    expect(anyDa(r, 'men har kun en aktivitetsbærende rolle')).toBe(true);
    expectWellFormed(r);
  });

  it('is activity-carrying only when residents are in working groups that do not decide', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), PS(), forum('wg', 'workingGroup', { reportsTo: 'ps', name: 'Fællesspisning' })],
        members: [...topMuni(2), ...topHousing(1), ...board(2, 'wg')],
      }),
    ).residentInvolvement;
    expect(r.type).toBe('activity_carrying_only');
    expect(da(r.reasons)).toContain(
      'Arbejdsgruppen har 2 beboerrepræsentanter og træffer ikke beslutninger.',
    );
  });

  it('is activity-carrying only when there is a resident forum that does not decide, even without members', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS(), forum('rf', 'residentForum', { reportsTo: 'ps' })], members: middle(3) }),
    ).residentInvolvement;
    expect(r.type).toBe('activity_carrying_only');
    expect(anyDa(r, 'Beboerforummet er et beboerforum og træffer ikke beslutninger.')).toBe(true);
  });

  it('is none when no resident takes part anywhere', () => {
    const r = classifyOrganisation(
      org({ members: [...middle(3), ...seats(2, 'sg', 'volunteer')] }),
    ).residentInvolvement;
    expect(r.type).toBe('none');
    expect(anyDa(r, 'og der er intet beboerforum')).toBe(true);
    expectWellFormed(r);
  });

  it('is not determined without forums', () => {
    const r = classifyOrganisation({ forums: [], members: [], staff: [] }).residentInvolvement;
    expect(r.type).toBe(NOT_DETERMINED);
  });

  it('is not determined when a decision-making forum has no registered members', () => {
    const r = classifyOrganisation(org()).residentInvolvement;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'Medlemmerne af styregruppen')).toBe(true);
  });

  it('is not determined between none and activity-carrying when a working group has no members', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS(), forum('wg', 'workingGroup', { reportsTo: 'ps' })], members: middle(3) }),
    ).residentInvolvement;
    expect(r.type).toBe(NOT_DETERMINED);
    expect(missingDa(r, 'Medlemmerne af arbejdsgruppen')).toBe(true);
  });

  it('finds formal participation even when other forums lack members', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), forum('og', 'operationsGroup', { makesDecisions: true, reportsTo: 'sg' }), PS()],
        members: board(1),
      }),
    ).residentInvolvement;
    expect(r.type).toBe('formal_decisions');
  });
});

// ---------------------------------------------------------------------------------------------

describe('levels', () => {
  const chain = (...kinds: ForumKind[]) =>
    kinds.map((kind, i) => forum(`f${i}`, kind, { reportsTo: i === 0 ? null : `f${i - 1}` }));

  it.each([
    [2, chain('steeringGroup', 'projectSecretariat')],
    [3, chain('steeringGroup', 'projectSecretariat', 'workingGroup')],
    [4, chain('board', 'steeringGroup', 'projectSecretariat', 'workingGroup')],
  ])('counts %i levels along the longest reporting line', (n, forums) => {
    const r = classifyOrganisation({ forums, members: [], staff: [] }).levels;
    expect(r.type).toBe(n);
    expect(anyDa(r, 'inden for de to til fire niveauer')).toBe(true);
    expectWellFormed(r);
  });

  it('writes the line from the top', () => {
    const r = classifyOrganisation({
      forums: chain('board', 'steeringGroup', 'projectSecretariat', 'workingGroup'),
      members: [],
      staff: [],
    }).levels;
    expect(da(r.reasons)[0]).toBe(
      'Den længste rapporteringslinje har 4 niveauer: bestyrelsen → styregruppen → projektsekretariatet → arbejdsgruppen.',
    );
  });

  it('does not add a level for an operations group beside the secretariat', () => {
    const r = classifyOrganisation({
      forums: [SG(), PS(), forum('og', 'operationsGroup', { reportsTo: 'sg' })],
      members: [],
      staff: [],
    }).levels;
    expect(r.type).toBe(2);
  });

  it('notes a count outside the report’s range of two to four', () => {
    const one = classifyOrganisation({ forums: [SG()], members: [], staff: [] }).levels;
    expect(one.type).toBe(1);
    expect(anyDa(one, 'denne organisering har 1')).toBe(true);
    const five = classifyOrganisation({
      forums: chain('board', 'steeringGroup', 'operationsGroup', 'projectSecretariat', 'workingGroup'),
      members: [],
      staff: [],
    }).levels;
    expect(five.type).toBe(5);
    expect(anyDa(five, 'denne organisering har 5')).toBe(true);
  });

  it('notes several forums at the top', () => {
    const r = classifyOrganisation({
      forums: [SG(), PS(), forum('rf', 'residentForum')],
      members: [],
      staff: [],
    }).levels;
    expect(r.type).toBe(2);
    expect(anyDa(r, '2 fora står øverst uden overordnet: styregruppen og beboerforummet.')).toBe(true);
  });

  it('is not determined without forums, without reporting lines, with a cycle or an unknown superior', () => {
    expect(classifyOrganisation({ forums: [], members: [], staff: [] }).levels.type).toBe(NOT_DETERMINED);

    const flat = classifyOrganisation({
      forums: [SG(), PS({ reportsTo: null })],
      members: [],
      staff: [],
    }).levels;
    expect(flat.type).toBe(NOT_DETERMINED);
    expect(missingDa(flat, 'Hvilket forum hvert forum refererer til')).toBe(true);

    const cycle = classifyOrganisation({
      forums: [
        forum('a', 'steeringGroup', { reportsTo: 'b' }),
        forum('b', 'projectSecretariat', { reportsTo: 'a' }),
      ],
      members: [],
      staff: [],
    }).levels;
    expect(cycle.type).toBe(NOT_DETERMINED);
    expect(anyDa(cycle, 'går i ring')).toBe(true);

    const dangling = classifyOrganisation({
      forums: [SG(), PS({ reportsTo: 'nowhere' })],
      members: [],
      staff: [],
    }).levels;
    expect(dangling.type).toBe(NOT_DETERMINED);
    expect(da(dangling.missing)).toEqual(['Hvilket forum projektsekretariatet refererer til.']);
    expectWellFormed(dangling);
  });
});

describe('operations group beside the steering group', () => {
  it('is beside when it reports to the steering group', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS(), forum('og', 'operationsGroup', { reportsTo: 'sg' })] }),
    );
    expect(r.operationsGroup.type).toBe('beside_steering_group');
    expect(r.hasOperationsGroupBesideSteering).toBe(true);
    expect(da(r.operationsGroup.reasons)).toEqual([
      'Driftsgruppen refererer direkte til styregruppen og supplerer den.',
    ]);
  });

  it('is beside when it stands at the same step as the steering group', () => {
    const r = classifyOrganisation(org({ forums: [SG(), PS(), forum('og', 'operationsGroup')] }));
    expect(r.operationsGroup.type).toBe('beside_steering_group');
  });

  it('is placed elsewhere when it reports to the secretariat', () => {
    const r = classifyOrganisation(
      org({ forums: [SG(), PS(), forum('og', 'operationsGroup', { reportsTo: 'ps' })] }),
    );
    expect(r.operationsGroup.type).toBe('other_placement');
    expect(r.hasOperationsGroupBesideSteering).toBe(false);
    expect(anyDa(r.operationsGroup, 'refererer til projektsekretariatet, ikke til styregruppen')).toBe(true);
  });

  it('is placed elsewhere when there is no steering group or board', () => {
    const r = classifyOrganisation(
      org({ forums: [forum('og', 'operationsGroup'), PS({ reportsTo: 'og' })] }),
    );
    expect(r.operationsGroup.type).toBe('other_placement');
  });

  it('reports no operations group, and null when there are no forums', () => {
    const r = classifyOrganisation(org());
    expect(r.operationsGroup.type).toBe('no_operations_group');
    expect(r.hasOperationsGroupBesideSteering).toBe(false);
    const empty = classifyOrganisation({ forums: [], members: [], staff: [] });
    expect(empty.operationsGroup.type).toBe(NOT_DETERMINED);
    expect(empty.hasOperationsGroupBesideSteering).toBeNull();
  });
});

describe('input inconsistencies', () => {
  it('warns about memberships in unknown forums and duplicate forum ids, and ignores them', () => {
    const r = classifyOrganisation(
      org({
        forums: [SG(), PS(), forum('sg', 'workingGroup')],
        members: [...topMuni(1), ...topHousing(1), ...seats(5, 'ghost', 'residentBoard')],
      }),
    );
    expect(da(r.warnings)).toEqual([
      'Forum-id\'et "sg" er brugt mere end én gang; kun det første forum med id\'et er talt med.',
      '5 medlemskaber henviser til et forum, der ikke findes, og er ikke talt med.',
    ]);
    expect(r.organisation.type).toBe('centrally_anchored_professional');
  });

  it('names forums of the same kind by name', () => {
    const r = classifyOrganisation({
      forums: [
        SG(),
        PS(),
        forum('wg1', 'workingGroup', { reportsTo: 'ps', name: 'Børn' }),
        forum('wg2', 'workingGroup', { reportsTo: 'ps' }),
      ],
      members: [...middle(2), ...board(1, 'wg1')],
      staff: [],
    });
    expect(da(r.residentInvolvement.reasons)).toContain(
      'Arbejdsgruppen "Børn" har 1 beboerrepræsentant og træffer ikke beslutninger.',
    );
    expect(da(r.levels.reasons)[0]).toBe(
      'Den længste rapporteringslinje har 3 niveauer: styregruppen → projektsekretariatet → arbejdsgruppen "Børn".',
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('labels', () => {
  it('has a Danish and an English label for every code', () => {
    const all = [
      ...ORGANISATION_TYPES.map((c) => ORGANISATION_TYPE_LABELS[c]),
      ...SECRETARIAT_TYPES.map((c) => SECRETARIAT_TYPE_LABELS[c]),
      ...RESIDENT_INVOLVEMENTS.map((c) => RESIDENT_INVOLVEMENT_LABELS[c]),
      ...OPERATIONS_GROUP_PLACEMENTS.map((c) => OPERATIONS_GROUP_LABELS[c]),
    ];
    for (const l of all) {
      expect(l.da).toBeTruthy();
      expect(l.en).toBeTruthy();
    }
    expect(new Set(all.map((l) => l.da)).size).toBe(all.length);
  });

  it('labels any dimension’s result', () => {
    expect(typeLabel('organisation', 'locally_anchored_semi_professional').da).toBe(
      'Lokalt forankret semiprofessionel projektorganisering',
    );
    expect(typeLabel('secretariat', 'one_person').da).toBe('En-mands-projektsekretariat');
    expect(typeLabel('levels', 3)).toEqual({ da: '3 niveauer', en: '3 levels' });
    expect(typeLabel('residentInvolvement', NOT_DETERMINED)).toEqual({
      da: 'Ikke afgjort',
      en: 'Not determined',
    });
  });

  it('exposes its thresholds', () => {
    expect(TYPOLOGY_THRESHOLDS.onePersonMaxFte).toBe(1.2);
    expect(TYPOLOGY_THRESHOLDS.largeTeamMinStaff).toBe(3);
    expect(TYPOLOGY_THRESHOLDS.centralTopShare.num / TYPOLOGY_THRESHOLDS.centralTopShare.den).toBe(0.5);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the 13 example organisations', () => {
  const results = TYPOLOGY_EXAMPLES.map((e) => ({ area: e.area, r: classifyOrganisation(e.organisation) }));

  it('are one per case area of the report', () => {
    expect(TYPOLOGY_EXAMPLES.map((e) => e.area).sort()).toEqual(
      parseCaseAreas()
        .map((a) => a.area)
        .sort(),
    );
  });

  it('together span every type of every dimension', () => {
    const seen = (pick: (r: (typeof results)[number]['r']) => unknown) =>
      new Set(results.map(({ r }) => pick(r)));
    expect(seen((r) => r.organisation.type)).toEqual(new Set(ORGANISATION_TYPES));
    expect(seen((r) => r.secretariat.type)).toEqual(new Set(SECRETARIAT_TYPES));
    expect(seen((r) => r.residentInvolvement.type)).toEqual(new Set(RESIDENT_INVOLVEMENTS));
    expect(seen((r) => r.operationsGroup.type)).toEqual(new Set(OPERATIONS_GROUP_PLACEMENTS));
    expect(seen((r) => r.levels.type)).toEqual(new Set([2, 3, 4]));
  });

  it.each(results.map(({ area, r }) => [area, r] as const))(
    '%s classifies cleanly, with reasons',
    (_area, r) => {
      for (const dim of [r.organisation, r.secretariat, r.residentInvolvement, r.levels, r.operationsGroup]) {
        expect(dim.type).not.toBe(NOT_DETERMINED);
        expectWellFormed(dim);
      }
      expect(r.warnings).toEqual([]);
    },
  );

  it('are marked as invented, with role descriptions rather than names', () => {
    expect(TYPOLOGY_EXAMPLES_NOTICE.da).toMatch(/Opdigtede eksempler/);
    expect(TYPOLOGY_EXAMPLES_NOTICE.en).toMatch(/Invented examples/);
    for (const e of TYPOLOGY_EXAMPLES) {
      for (const p of [...e.organisation.members, ...e.organisation.staff]) {
        expect(p.name).toMatch(/\(eksempel\)$/);
      }
    }
  });
});

describe('docs/typology.md', () => {
  it('classifies its JSON example as the page says', () => {
    const page = readFileSync(new URL('../../../docs/typology.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(json).toBeDefined();
    const r = classifyOrganisation(JSON.parse(json!) as OrganisationInput);
    expect(r.organisation.type).toBe('centrally_anchored_professional');
    expect(da(r.organisation.reasons)).toContain(
      '3 af 5 medlemmer af styregruppen repræsenterer det øverste politiske eller administrative niveau i kommune og boligorganisation (kommunen: 2, boligorganisationen: 1).',
    );
    expect(r.secretariat.type).toBe('cross_organisational_team');
    expect(r.residentInvolvement.type).toBe('formal_decisions');
    expect(r.levels.type).toBe(3);
    expect(r.hasOperationsGroupBesideSteering).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});
