/**
 * The source report's typologies of project organisation (SFI/Rambøll 2012, delrapport 2,
 * ch. 1 and 4), computed from a plan's forums, memberships and secretariat staff.
 *
 * The report's types are qualitative: it names them and describes them in words, it gives no
 * counting rule. The thresholds below are Pejling's operational reading of those words, written
 * out with the report's wording in docs/typology.md. Every result carries its reasons as full
 * sentences in Danish and English, and where the data do not decide a type it says
 * 'not_determined' and what is missing.
 */

// ---------------------------------------------------------------------------------------------
// Input

export type ForumKind =
  | 'board'
  | 'steeringGroup'
  | 'operationsGroup'
  | 'projectSecretariat'
  | 'followUpGroup'
  | 'workingGroup'
  | 'residentForum'
  | 'other';

export type ForumLevel = 'strategic' | 'tactical' | 'operational';

/** How the municipal and the housing-social activities are steered (read on the secretariat). */
export type SecretariatSteering = 'joint' | 'parallel';

export interface ForumInput {
  id: string;
  kind: ForumKind;
  /** Shown in reasons when a plan has several forums of one kind. */
  name?: string | null;
  level: ForumLevel;
  makesDecisions: boolean;
  /** The forum this one reports to; null at the top. */
  reportsTo: string | null;
  meetingsPerYear?: number | null;
  mandate?: string | null;
  /** Only read on a projectSecretariat forum: one joint team, or parallel steering. */
  steering?: SecretariatSteering | null;
}

export type MemberRole = 'chair' | 'member' | 'secretary' | 'observer';

export type Represents =
  | 'political'
  | 'topAdministration'
  | 'middleManagement'
  | 'localProfessional'
  | 'projectStaff'
  | 'residentBoard'
  | 'resident'
  | 'volunteer';

export type LocalProfessionalKind = 'school' | 'dayCare' | 'library' | 'police' | 'jobCentre' | 'other';

export type OrganisationSide = 'municipality' | 'housingOrganisation' | 'other';

/** One seat of one person in one forum. */
export interface MemberInput {
  forumId: string;
  /** A name or a role description; not used by the rules. */
  name?: string | null;
  role: MemberRole;
  represents: Represents;
  /** For represents = localProfessional. */
  localProfessionalKind?: LocalProfessionalKind | null;
  /** Which side the member comes from; needed for political and top-administration members. */
  side?: OrganisationSide | null;
}

export type Employer = 'housingOrganisation' | 'municipality';
export type StaffTask = 'coordinating' | 'executing' | 'both';

/** One member of the project secretariat's staff. */
export interface StaffInput {
  name?: string | null;
  employer: Employer | null;
  /** Used when fte is not given; 37 hours a week is one full-time equivalent. */
  hoursPerWeek?: number | null;
  fte?: number | null;
  task: StaffTask | null;
}

export interface OrganisationInput {
  forums: ForumInput[];
  members: MemberInput[];
  staff: StaffInput[];
}

// ---------------------------------------------------------------------------------------------
// Output

export interface Text {
  da: string;
  en: string;
}

export const NOT_DETERMINED = 'not_determined';
export type NotDetermined = typeof NOT_DETERMINED;

export interface DimensionResult<T> {
  type: T | NotDetermined;
  reasons: Text[];
  missing: Text[];
}

export const ORGANISATION_TYPES = [
  'centrally_anchored_professional',
  'locally_anchored_professional',
  'locally_anchored_semi_professional',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const SECRETARIAT_TYPES = [
  'large_housing_team',
  'cross_organisational_team',
  'split_team',
  'one_person',
] as const;
export type SecretariatType = (typeof SECRETARIAT_TYPES)[number];

export const RESIDENT_INVOLVEMENTS = ['formal_decisions', 'activity_carrying_only', 'none'] as const;
export type ResidentInvolvement = (typeof RESIDENT_INVOLVEMENTS)[number];

export const OPERATIONS_GROUP_PLACEMENTS = [
  'beside_steering_group',
  'other_placement',
  'no_operations_group',
] as const;
export type OperationsGroupPlacement = (typeof OPERATIONS_GROUP_PLACEMENTS)[number];

export interface TypologyResult {
  organisation: DimensionResult<OrganisationType>;
  secretariat: DimensionResult<SecretariatType>;
  residentInvolvement: DimensionResult<ResidentInvolvement>;
  /** The number of forums in the longest reporting line (the report finds two to four). */
  levels: DimensionResult<number>;
  operationsGroup: DimensionResult<OperationsGroupPlacement>;
  /** Shorthand for operationsGroup: null when that is not determined. */
  hasOperationsGroupBesideSteering: boolean | null;
  /** Inconsistencies in the input that the rules stepped around (unknown forum ids and such). */
  warnings: Text[];
}

export const NOT_DETERMINED_LABEL: Text = { da: 'Ikke afgjort', en: 'Not determined' };

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, Text> = {
  centrally_anchored_professional: {
    da: 'Centralt forankret professionel projektorganisering',
    en: 'Centrally anchored professional project organisation',
  },
  locally_anchored_professional: {
    da: 'Lokalt forankret fagprofessionel projektorganisering',
    en: 'Locally anchored professional project organisation',
  },
  locally_anchored_semi_professional: {
    da: 'Lokalt forankret semiprofessionel projektorganisering',
    en: 'Locally anchored semi-professional project organisation',
  },
};

export const SECRETARIAT_TYPE_LABELS: Record<SecretariatType, Text> = {
  large_housing_team: {
    da: 'Stort boligorganisatorisk projektteam',
    en: 'Large housing-organisation project team',
  },
  cross_organisational_team: {
    da: 'Tværorganisatorisk projektteam',
    en: 'Cross-organisational project team',
  },
  split_team: { da: 'Opdelt projektteam', en: 'Split project team' },
  one_person: { da: 'En-mands-projektsekretariat', en: 'One-person project secretariat' },
};

export const RESIDENT_INVOLVEMENT_LABELS: Record<ResidentInvolvement, Text> = {
  formal_decisions: {
    da: 'Beboerne deltager i de formelle beslutninger',
    en: 'Residents take part in formal decisions',
  },
  activity_carrying_only: {
    da: 'Beboerne har kun en aktivitetsbærende rolle',
    en: 'Residents only carry activities',
  },
  none: {
    da: 'Beboerne indgår ikke i projektorganiseringen',
    en: 'Residents have no part in the project organisation',
  },
};

export const OPERATIONS_GROUP_LABELS: Record<OperationsGroupPlacement, Text> = {
  beside_steering_group: {
    da: 'Driftsgruppe ved siden af styregruppen',
    en: 'Operations group beside the steering group',
  },
  other_placement: {
    da: 'Driftsgruppe placeret andetsteds',
    en: 'Operations group placed elsewhere',
  },
  no_operations_group: { da: 'Ingen driftsgruppe', en: 'No operations group' },
};

export function levelsLabel(levels: number): Text {
  return levels === 1
    ? { da: '1 niveau', en: '1 level' }
    : { da: `${levels} niveauer`, en: `${levels} levels` };
}

// ---------------------------------------------------------------------------------------------
// Thresholds

interface Fraction {
  num: number;
  den: number;
  da: string;
  en: string;
}

const HALF: Fraction = { num: 1, den: 2, da: 'halvdelen', en: 'half' };
const THIRD: Fraction = { num: 1, den: 3, da: 'en tredjedel', en: 'one third' };
const QUARTER: Fraction = { num: 1, den: 4, da: 'en fjerdedel', en: 'one quarter' };

/** The product's reading of the report's words; docs/typology.md gives each its wording. */
export const TYPOLOGY_THRESHOLDS = {
  /** Centrally anchored: share of strategic decision-making seats held by political or top-administration members. */
  centralTopShare: HALF,
  /** Locally anchored professional: share of all decision-making seats held by local professionals. */
  localProfessionalShare: THIRD,
  /** Locally anchored semi-professional: share of all decision-making seats held by the resident board or residents. */
  residentShare: THIRD,
  /** One-person secretariat: total staffing at most this many full-time equivalents. */
  onePersonMaxFte: 1.2,
  /** Hours a week that make one full-time equivalent (Danish full-time). */
  hoursPerFte: 37,
  /** Large housing team: at least this many staff. */
  largeTeamMinStaff: 3,
  /** Large housing team: share of staff who carry out activities (executing or both). */
  largeTeamExecutingShare: HALF,
  /** The municipality counts as a party to the team when it employs at least this share of staff. */
  municipalStaffShare: QUARTER,
} as const;

const T = TYPOLOGY_THRESHOLDS;

function meets(count: number, total: number, f: Fraction): boolean {
  return total > 0 && count * f.den >= f.num * total;
}

// ---------------------------------------------------------------------------------------------
// Wording helpers

const FORUM_NOUN: Record<ForumKind, Text> = {
  board: { da: 'bestyrelsen', en: 'the board' },
  steeringGroup: { da: 'styregruppen', en: 'the steering group' },
  operationsGroup: { da: 'driftsgruppen', en: 'the operations group' },
  projectSecretariat: { da: 'projektsekretariatet', en: 'the project secretariat' },
  followUpGroup: { da: 'følgegruppen', en: 'the follow-up group' },
  workingGroup: { da: 'arbejdsgruppen', en: 'the working group' },
  residentForum: { da: 'beboerforummet', en: 'the resident forum' },
  other: { da: 'forummet', en: 'the forum' },
};

const PROFESSIONAL_KIND: Record<LocalProfessionalKind, Text> = {
  school: { da: 'skole', en: 'school' },
  dayCare: { da: 'daginstitution', en: 'day care' },
  library: { da: 'bibliotek', en: 'library' },
  police: { da: 'politi', en: 'police' },
  jobCentre: { da: 'jobcenter', en: 'job centre' },
  other: { da: 'andet', en: 'other' },
};

const EMPLOYER_NAME: Record<Employer, Text> = {
  housingOrganisation: { da: 'boligorganisationen', en: 'the housing organisation' },
  municipality: { da: 'kommunen', en: 'the municipality' },
};

const TASK_NAME: Record<StaffTask, Text> = {
  coordinating: { da: 'koordinerende', en: 'coordinating' },
  executing: { da: 'udførende', en: 'executing' },
  both: { da: 'koordinerende og udførende', en: 'coordinating and executing' },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function fmt(x: number, lang: 'da' | 'en'): string {
  return x.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function forumRef(f: ForumInput, all: ForumInput[]): Text {
  const noun = FORUM_NOUN[f.kind];
  const name = f.name?.trim();
  const sameKind = all.filter((g) => g.kind === f.kind).length;
  if (name && (sameKind > 1 || f.kind === 'other')) {
    return { da: `${noun.da} "${name}"`, en: `${noun.en} "${name}"` };
  }
  if (sameKind > 1) return { da: `${noun.da} (${f.id})`, en: `${noun.en} (${f.id})` };
  return noun;
}

function forumList(forums: ForumInput[], all: ForumInput[]): Text {
  const refs = forums.map((f) => forumRef(f, all));
  return {
    da: joinList(
      refs.map((r) => r.da),
      'og',
    ),
    en: joinList(
      refs.map((r) => r.en),
      'and',
    ),
  };
}

function staffRef(s: StaffInput, index: number): Text {
  const name = s.name?.trim();
  return name
    ? { da: `"${name}"`, en: `"${name}"` }
    : { da: `medarbejder nr. ${index + 1}`, en: `staff member no. ${index + 1}` };
}

// ---------------------------------------------------------------------------------------------
// Normalised input

interface Context {
  forums: ForumInput[];
  byId: Map<string, ForumInput>;
  membersOf: Map<string, MemberInput[]>;
  staff: StaffInput[];
  warnings: Text[];
}

function normalise(input: OrganisationInput): Context {
  const warnings: Text[] = [];
  const byId = new Map<string, ForumInput>();
  for (const f of input.forums ?? []) {
    if (byId.has(f.id)) {
      warnings.push({
        da: `Forum-id'et "${f.id}" er brugt mere end én gang; kun det første forum med id'et er talt med.`,
        en: `The forum id "${f.id}" is used more than once; only the first forum with that id is counted.`,
      });
      continue;
    }
    byId.set(f.id, f);
  }
  const forums = [...byId.values()];
  const membersOf = new Map<string, MemberInput[]>(forums.map((f) => [f.id, []]));
  let orphans = 0;
  for (const m of input.members ?? []) {
    const list = membersOf.get(m.forumId);
    if (list) list.push(m);
    else orphans += 1;
  }
  if (orphans > 0) {
    warnings.push({
      da: `${plural(orphans, 'medlemskab henviser', 'medlemskaber henviser')} til et forum, der ikke findes, og er ikke talt med.`,
      en: `${plural(orphans, 'membership refers', 'memberships refer')} to a forum that does not exist and ${orphans === 1 ? 'is' : 'are'} not counted.`,
    });
  }
  return { forums, byId, membersOf, staff: input.staff ?? [], warnings };
}

const isSeat = (m: MemberInput) => m.role === 'chair' || m.role === 'member';
const isTop = (m: MemberInput) => m.represents === 'political' || m.represents === 'topAdministration';
const isResident = (m: MemberInput) => m.represents === 'residentBoard' || m.represents === 'resident';

function seatsIn(ctx: Context, forums: ForumInput[]): MemberInput[] {
  return forums.flatMap((f) => (ctx.membersOf.get(f.id) ?? []).filter(isSeat));
}

function withoutMembers(ctx: Context, forums: ForumInput[]): ForumInput[] {
  return forums.filter((f) => (ctx.membersOf.get(f.id) ?? []).length === 0);
}

function notDetermined<X>(reasons: Text[], missing: Text[]): DimensionResult<X> {
  return { type: NOT_DETERMINED, reasons, missing };
}

const MISSING_FORUMS: Text = {
  da: 'Projektorganiseringens fora (fx styregruppe, driftsgruppe, projektsekretariat) med niveau, beslutningskompetence og hvem de refererer til.',
  en: "The project organisation's forums (e.g. steering group, operations group, project secretariat) with level, decision-making power and whom they report to.",
};

const NO_FORUMS: Text = {
  da: 'Der er ikke registreret nogen fora i projektorganiseringen.',
  en: 'No forums are registered in the project organisation.',
};

function missingMembersOf(forums: ForumInput[], all: ForumInput[]): Text {
  const list = forumList(forums, all);
  return {
    da: `Medlemmerne af ${list.da}: hvem de repræsenterer, og om de er formand, medlem, sekretær eller observatør.`,
    en: `The members of ${list.en}: whom they represent, and whether they are chair, member, secretary or observer.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Organisation type

/** The forums whose members count for the organisation type: decision-making, not the secretariat. */
function decidingForums(ctx: Context): ForumInput[] {
  return ctx.forums.filter((f) => f.makesDecisions && f.kind !== 'projectSecretariat');
}

function classifyOrganisationType(ctx: Context): DimensionResult<OrganisationType> {
  const all = ctx.forums;
  if (all.length === 0) return notDetermined([NO_FORUMS], [MISSING_FORUMS]);

  const reasons: Text[] = [];
  const deciding = decidingForums(ctx);
  if (all.some((f) => f.makesDecisions && f.kind === 'projectSecretariat')) {
    reasons.push({
      da: 'Projektsekretariatet tælles ikke med blandt de beslutningstagende fora: det bemandes af projektmedarbejdere og indgår i sekretariatstypen.',
      en: 'The project secretariat is not counted among the decision-making forums: it is staffed by project employees and belongs to the secretariat type.',
    });
  }
  if (deciding.length === 0) {
    reasons.push({
      da: `Ingen af de ${plural(all.length, 'registrerede forum', 'registrerede fora')} er angivet som beslutningstagende.`,
      en: `None of the ${plural(all.length, 'registered forum', 'registered forums')} is marked as decision-making.`,
    });
    return notDetermined(reasons, [
      {
        da: 'Hvilke fora der træffer beslutninger (fx styregruppen).',
        en: 'Which forums make decisions (e.g. the steering group).',
      },
    ]);
  }

  const strategic = deciding.filter((f) => f.level === 'strategic');
  const seatsAll = seatsIn(ctx, deciding);
  const nonSeats = deciding.flatMap((f) => (ctx.membersOf.get(f.id) ?? []).filter((m) => !isSeat(m))).length;
  const decidingList = forumList(deciding, all);
  reasons.push({
    da: `De beslutningstagende fora er ${decidingList.da} med i alt ${plural(seatsAll.length, 'plads', 'pladser')} som formand eller medlem${nonSeats > 0 ? ` (${plural(nonSeats, 'observatør eller sekretær', 'observatører eller sekretærer')} tælles ikke med)` : ''}.`,
    en: `The decision-making forums are ${decidingList.en}, with ${plural(seatsAll.length, 'seat', 'seats')} as chair or member in all${nonSeats > 0 ? ` (${plural(nonSeats, 'observer or secretary is', 'observers or secretaries are')} not counted)` : ''}.`,
  });

  // 1. Centrally anchored: read on the strategic decision-making forums.
  let central: 'yes' | 'no' | 'unknown';
  const missing: Text[] = [];
  if (strategic.length === 0) {
    central = 'no';
    reasons.push({
      da: 'Der er intet beslutningstagende forum på strategisk niveau, så organiseringen er ikke centralt forankret.',
      en: 'There is no decision-making forum at the strategic level, so the organisation is not centrally anchored.',
    });
  } else if (withoutMembers(ctx, strategic).length > 0) {
    central = 'unknown';
    missing.push(missingMembersOf(withoutMembers(ctx, strategic), all));
  } else {
    const seatsS = seatsIn(ctx, strategic);
    const top = seatsS.filter(isTop);
    const muni = top.filter((m) => m.side === 'municipality').length;
    const housing = top.filter((m) => m.side === 'housingOrganisation').length;
    const otherSide = top.filter((m) => m.side === 'other').length;
    const noSide = top.filter((m) => !m.side);
    const strategicList = forumList(strategic, all);
    const extraDa = [
      otherSide > 0 ? `anden part: ${otherSide}` : '',
      noSide.length > 0 ? `uden angivet part: ${noSide.length}` : '',
    ].filter(Boolean);
    const extraEn = [
      otherSide > 0 ? `other party: ${otherSide}` : '',
      noSide.length > 0 ? `party not given: ${noSide.length}` : '',
    ].filter(Boolean);
    reasons.push({
      da: `${top.length} af ${plural(seatsS.length, 'medlem', 'medlemmer')} af ${strategicList.da} repræsenterer det øverste politiske eller administrative niveau i kommune og boligorganisation (kommunen: ${muni}, boligorganisationen: ${[String(housing), ...extraDa].join(', ')}).`,
      en: `${top.length} of ${plural(seatsS.length, 'member', 'members')} of ${strategicList.en} represent the top political or administrative level of municipality and housing organisation (municipality: ${muni}, housing organisation: ${[String(housing), ...extraEn].join(', ')}).`,
    });
    if (!meets(top.length, seatsS.length, T.centralTopShare)) {
      central = 'no';
      reasons.push({
        da: `Det er under ${T.centralTopShare.da}, så organiseringen er ikke centralt forankret.`,
        en: `That is less than ${T.centralTopShare.en}, so the organisation is not centrally anchored.`,
      });
    } else if (muni > 0 && housing > 0) {
      central = 'yes';
    } else {
      const sidesLacking = (muni === 0 ? 1 : 0) + (housing === 0 ? 1 : 0);
      if (noSide.length >= sidesLacking) {
        central = 'unknown';
        missing.push({
          da: `Om ${plural(noSide.length, 'medlem', 'medlemmer')} på øverste niveau kommer fra kommunen eller boligorganisationen.`,
          en: `Whether ${plural(noSide.length, 'top-level member comes', 'top-level members come')} from the municipality or the housing organisation.`,
        });
      } else {
        central = 'no';
        const only = muni > 0 ? 'kommunen' : housing > 0 ? 'boligorganisationen' : null;
        const onlyEn = muni > 0 ? 'the municipality' : housing > 0 ? 'the housing organisation' : null;
        reasons.push(
          only && onlyEn
            ? {
                da: `Kun ${only} er repræsenteret på øverste niveau; den centralt forankrede type kræver både kommune og boligorganisation.`,
                en: `Only ${onlyEn} is represented at the top level; the centrally anchored type needs both municipality and housing organisation.`,
              }
            : {
                da: 'Hverken kommunen eller boligorganisationen er repræsenteret på øverste niveau; den centralt forankrede type kræver begge.',
                en: 'Neither the municipality nor the housing organisation is represented at the top level; the centrally anchored type needs both.',
              },
        );
      }
    }
  }

  if (central === 'yes') {
    reasons.push({
      da: `Mindst ${T.centralTopShare.da} af pladserne er besat af øverste ledelse, og både kommune og boligorganisation er med: projektorganiseringen er centralt forankret. Denne type går forud for de lokalt forankrede typer, fordi den strategiske beslutningskompetence ligger hos den øverste ledelse.`,
      en: `At least ${T.centralTopShare.en} of the seats are held by top leadership, and both municipality and housing organisation take part: the project organisation is centrally anchored. This type takes precedence over the locally anchored types because the strategic decision-making power lies with top leadership.`,
    });
    return { type: 'centrally_anchored_professional', reasons, missing: [] };
  }
  if (central === 'unknown') return notDetermined(reasons, missing);

  // 2 and 3. Locally anchored: read on all decision-making forums.
  const unregistered = withoutMembers(ctx, deciding);
  if (unregistered.length > 0) {
    return notDetermined(reasons, [missingMembersOf(unregistered, all)]);
  }
  if (seatsAll.length === 0) {
    return notDetermined(reasons, [
      {
        da: 'Formand og medlemmer af de beslutningstagende fora (der er kun registreret observatører og sekretærer).',
        en: 'The chair and members of the decision-making forums (only observers and secretaries are registered).',
      },
    ]);
  }

  const local = seatsAll.filter((m) => m.represents === 'localProfessional');
  const kinds = (Object.keys(PROFESSIONAL_KIND) as LocalProfessionalKind[])
    .map((k) => [k, local.filter((m) => (m.localProfessionalKind ?? 'other') === k).length] as const)
    .filter(([, n]) => n > 0);
  const kindsDa = kinds.map(([k, n]) => `${PROFESSIONAL_KIND[k].da}: ${n}`).join(', ');
  const kindsEn = kinds.map(([k, n]) => `${PROFESSIONAL_KIND[k].en}: ${n}`).join(', ');
  reasons.push({
    da: `${local.length} af ${seatsAll.length} pladser i de beslutningstagende fora har lokale fagprofessionelle${local.length > 0 ? ` (${kindsDa})` : ''}; den lokalt forankrede fagprofessionelle type kræver mindst ${T.localProfessionalShare.da}.`,
    en: `${local.length} of ${seatsAll.length} seats in the decision-making forums are held by local professionals${local.length > 0 ? ` (${kindsEn})` : ''}; the locally anchored professional type needs at least ${T.localProfessionalShare.en}.`,
  });

  const residents = seatsAll.filter(isResident);
  const board = residents.filter((m) => m.represents === 'residentBoard').length;
  reasons.push({
    da: `${residents.length} af ${seatsAll.length} pladser i de beslutningstagende fora har afdelingsbestyrelsen eller andre beboere${residents.length > 0 ? ` (afdelingsbestyrelse: ${board}, øvrige beboere: ${residents.length - board})` : ''}; den lokalt forankrede semiprofessionelle type kræver mindst ${T.residentShare.da}.`,
    en: `${residents.length} of ${seatsAll.length} seats in the decision-making forums are held by the resident board or other residents${residents.length > 0 ? ` (resident board: ${board}, other residents: ${residents.length - board})` : ''}; the locally anchored semi-professional type needs at least ${T.residentShare.en}.`,
  });

  const isLocal = meets(local.length, seatsAll.length, T.localProfessionalShare);
  const isSemi = meets(residents.length, seatsAll.length, T.residentShare);
  if (isLocal && isSemi) {
    if (local.length === residents.length) {
      reasons.push({
        da: `Lokale fagprofessionelle og beboere har lige mange pladser (${local.length} hver), og begge når tærsklen; sammensætningen afgør ikke, hvilken af de to lokalt forankrede typer det er.`,
        en: `Local professionals and residents hold the same number of seats (${local.length} each), and both reach the threshold; the composition does not decide which of the two locally anchored types it is.`,
      });
      return notDetermined(reasons, [
        {
          da: 'En sammensætning, hvor enten lokale fagprofessionelle eller beboere har flest pladser i de beslutningstagende fora.',
          en: 'A composition in which either local professionals or residents hold more seats in the decision-making forums.',
        },
      ]);
    }
    const localWins = local.length > residents.length;
    reasons.push({
      da: `Både lokale fagprofessionelle og beboere når tærsklen; typen følger den gruppe, der har flest pladser (${localWins ? 'de fagprofessionelle' : 'beboerne'}).`,
      en: `Both local professionals and residents reach the threshold; the type follows the group with more seats (${localWins ? 'the professionals' : 'the residents'}).`,
    });
    return {
      type: localWins ? 'locally_anchored_professional' : 'locally_anchored_semi_professional',
      reasons,
      missing: [],
    };
  }
  if (isLocal) {
    reasons.push({
      da: 'Projektorganiseringen er derfor lokalt forankret og fagprofessionel.',
      en: 'The project organisation is therefore locally anchored and professional.',
    });
    return { type: 'locally_anchored_professional', reasons, missing: [] };
  }
  if (isSemi) {
    reasons.push({
      da: 'Projektorganiseringen er derfor lokalt forankret og semiprofessionel.',
      en: 'The project organisation is therefore locally anchored and semi-professional.',
    });
    return { type: 'locally_anchored_semi_professional', reasons, missing: [] };
  }
  reasons.push({
    da: 'Sammensætningen når ikke tærsklen for nogen af de tre typer.',
    en: 'The composition does not reach the threshold of any of the three types.',
  });
  return notDetermined(reasons, [
    {
      da: `En sammensætning, der afgør typen: mindst ${T.centralTopShare.da} øverste ledelse fra både kommune og boligorganisation i det strategiske forum, eller mindst ${T.localProfessionalShare.da} lokale fagprofessionelle eller ${T.residentShare.da} beboere i de beslutningstagende fora.`,
      en: `A composition that decides the type: at least ${T.centralTopShare.en} top leadership from both municipality and housing organisation in the strategic forum, or at least ${T.localProfessionalShare.en} local professionals or ${T.residentShare.en} residents in the decision-making forums.`,
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Secretariat type

type TeamOutcome =
  | Exclude<SecretariatType, 'one_person'>
  | 'needs_steering'
  | 'steering_conflict'
  | 'all_municipal'
  | 'too_small'
  | 'not_executing';

function teamOutcome(
  housing: number,
  municipal: number,
  executing: number,
  steering: SecretariatSteering | 'conflict' | null,
): TeamOutcome {
  const n = housing + municipal;
  if (housing === 0) return 'all_municipal';
  if (municipal > 0 && meets(municipal, n, T.municipalStaffShare)) {
    if (steering === 'joint') return 'cross_organisational_team';
    if (steering === 'parallel') return 'split_team';
    return steering === 'conflict' ? 'steering_conflict' : 'needs_steering';
  }
  if (n < T.largeTeamMinStaff) return 'too_small';
  if (!meets(executing, n, T.largeTeamExecutingShare)) return 'not_executing';
  return 'large_housing_team';
}

function staffFte(s: StaffInput): number | null {
  const ok = (x: number | null | undefined): x is number =>
    typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (ok(s.fte)) return s.fte;
  if (ok(s.hoursPerWeek)) return s.hoursPerWeek / T.hoursPerFte;
  return null;
}

const MISSING_STAFF: Text = {
  da: 'Projektsekretariatets medarbejdere: ansættelsessted (boligorganisation eller kommune), timer om ugen eller årsværk, og om de er koordinerende, udførende eller begge dele.',
  en: "The project secretariat's staff: employer (housing organisation or municipality), hours a week or FTE, and whether they coordinate, carry out activities, or both.",
};

function resolveSteering(ctx: Context): SecretariatSteering | 'conflict' | null {
  const values = new Set(
    ctx.forums
      .filter((f) => f.kind === 'projectSecretariat' && f.steering)
      .map((f) => f.steering as SecretariatSteering),
  );
  if (values.size > 1) return 'conflict';
  return values.size === 1 ? [...values][0]! : null;
}

function classifySecretariat(ctx: Context): DimensionResult<SecretariatType> {
  const staff = ctx.staff;
  if (staff.length === 0) {
    return notDetermined(
      [
        {
          da: 'Der er ikke registreret nogen medarbejdere i projektsekretariatet.',
          en: 'No staff are registered in the project secretariat.',
        },
      ],
      [MISSING_STAFF],
    );
  }
  const reasons: Text[] = [];
  const withFte = staff.map((s, i) => ({ s, i, fte: staffFte(s) }));
  const zero = withFte.filter((x) => x.fte === 0);
  const active = withFte.filter((x) => x.fte !== 0);
  if (zero.length > 0) {
    reasons.push({
      da: `${plural(zero.length, 'medarbejder', 'medarbejdere')} med 0 timer tælles ikke med.`,
      en: `${plural(zero.length, 'staff member', 'staff members')} with 0 hours ${zero.length === 1 ? 'is' : 'are'} not counted.`,
    });
  }
  if (active.length === 0) {
    return notDetermined(reasons, [MISSING_STAFF]);
  }

  const n = active.length;
  const unknownFte = active.filter((x) => x.fte === null);
  const knownFte = active.reduce((sum, x) => sum + (x.fte ?? 0), 0);
  reasons.push(
    unknownFte.length === 0
      ? {
          da: `Projektsekretariatet har ${plural(n, 'medarbejder', 'medarbejdere')} med i alt ${fmt(knownFte, 'da')} årsværk (${T.hoursPerFte} timer om ugen er ét årsværk).`,
          en: `The project secretariat has ${plural(n, 'staff member', 'staff members')} with ${fmt(knownFte, 'en')} FTE in all (${T.hoursPerFte} hours a week is one FTE).`,
        }
      : {
          da: `Projektsekretariatet har ${plural(n, 'medarbejder', 'medarbejdere')}; for ${unknownFte.length} af dem er timetallet ikke angivet, og de øvrige har i alt ${fmt(knownFte, 'da')} årsværk.`,
          en: `The project secretariat has ${plural(n, 'staff member', 'staff members')}; for ${unknownFte.length} of them the hours are not given, and the others have ${fmt(knownFte, 'en')} FTE in all.`,
        },
  );

  const onePersonText: Text = {
    da: 'Det svarer til rapportens en-mands-projektsekretariat, hvor én boligsocial projektkoordinator igangsætter og styrer projekter.',
    en: "That matches the report's one-person secretariat, where a single housing-social project coordinator starts and steers projects.",
  };
  if (n === 1) {
    const only = active[0]!.s;
    const employer = only.employer ? EMPLOYER_NAME[only.employer] : null;
    const task = only.task ? TASK_NAME[only.task] : null;
    reasons.push({
      da: `Der er én medarbejder${employer ? `, ansat i ${employer.da}` : ''}${task ? `, ${task.da}` : ''}.`,
      en: `There is one staff member${employer ? `, employed by ${employer.en}` : ''}${task ? `, ${task.en}` : ''}.`,
    });
    reasons.push(onePersonText);
    return { type: 'one_person', reasons, missing: [] };
  }
  const fteTolerance = 1e-9;
  if (knownFte <= T.onePersonMaxFte + fteTolerance) {
    if (unknownFte.length > 0) {
      const refs = unknownFte.map((x) => staffRef(x.s, x.i));
      return notDetermined(reasons, [
        {
          da: `Timer om ugen eller årsværk for ${joinList(
            refs.map((r) => r.da),
            'og',
          )}: med højst ${fmt(T.onePersonMaxFte, 'da')} årsværk i alt er sekretariatet en enmandsbemanding, ellers et team.`,
          en: `Hours a week or FTE for ${joinList(
            refs.map((r) => r.en),
            'and',
          )}: with at most ${fmt(T.onePersonMaxFte, 'en')} FTE in all the secretariat is staffed as a one-person secretariat, otherwise as a team.`,
        },
      ]);
    }
    reasons.push({
      da: `Det er højst ${fmt(T.onePersonMaxFte, 'da')} årsværk, hvilket regnes som én stilling med en mindre støttefunktion.`,
      en: `That is at most ${fmt(T.onePersonMaxFte, 'en')} FTE, which counts as one post with minor support.`,
    });
    reasons.push(onePersonText);
    return { type: 'one_person', reasons, missing: [] };
  }

  // A team: employers, steering and tasks decide.
  const members = active.map((x) => x.s);
  const housing = members.filter((s) => s.employer === 'housingOrganisation').length;
  const municipal = members.filter((s) => s.employer === 'municipality').length;
  const noEmployer = members.filter((s) => !s.employer).length;
  const executing = members.filter((s) => s.task === 'executing' || s.task === 'both').length;
  const noTask = members.filter((s) => !s.task).length;
  const steering = resolveSteering(ctx);

  reasons.push({
    da: `Det er mere end ${fmt(T.onePersonMaxFte, 'da')} årsværk, altså et team. ${housing} er ansat i boligorganisationen og ${municipal} i kommunen${noEmployer > 0 ? `; for ${noEmployer} er ansættelsesstedet ikke angivet` : ''}.`,
    en: `That is more than ${fmt(T.onePersonMaxFte, 'en')} FTE, so a team. ${housing} ${housing === 1 ? 'is' : 'are'} employed by the housing organisation and ${municipal} by the municipality${noEmployer > 0 ? `; for ${noEmployer} the employer is not given` : ''}.`,
  });

  // Every way the unknown employers and tasks could fall; the type stands only if all agree.
  const outcomeFor = (m: number, e: number) =>
    teamOutcome(housing + noEmployer - m, municipal + m, e, steering);
  const outcomes = new Set<TeamOutcome>();
  let employerMatters = false;
  let taskMatters = false;
  for (let m = 0; m <= noEmployer; m++) {
    const low = outcomeFor(m, executing);
    const high = outcomeFor(m, executing + noTask);
    outcomes.add(low).add(high);
    if (low !== high) taskMatters = true;
    if (low !== outcomeFor(0, executing) || high !== outcomeFor(0, executing + noTask))
      employerMatters = true;
  }
  if (outcomes.size > 1) {
    const missing: Text[] = [];
    if (employerMatters) {
      missing.push({
        da: `Ansættelsessted (boligorganisation eller kommune) for ${plural(noEmployer, 'medarbejder', 'medarbejdere')}: typen afhænger af, hvor de er ansat.`,
        en: `The employer (housing organisation or municipality) of ${plural(noEmployer, 'staff member', 'staff members')}: the type depends on where they are employed.`,
      });
    }
    if (taskMatters) {
      missing.push({
        da: `Om ${plural(noTask, 'medarbejder', 'medarbejdere')} er koordinerende, udførende eller begge dele: typen afhænger af det.`,
        en: `Whether ${plural(noTask, 'staff member coordinates', 'staff members coordinate')}, carries out activities, or both: the type depends on it.`,
      });
    }
    return notDetermined(reasons, missing);
  }
  const outcome = [...outcomes][0]!;
  if (noEmployer > 0) {
    reasons.push({
      da: 'Typen er den samme, uanset hvor medarbejderne uden angivet ansættelsessted er ansat.',
      en: 'The type is the same whichever employer the staff without a given employer have.',
    });
  }

  const municipalCounts = municipal > 0 && meets(municipal, n, T.municipalStaffShare);
  const municipalShare: Text = municipalCounts
    ? {
        da: `Kommunalt ansatte udgør ${municipal} af ${n}; det er mindst ${T.municipalStaffShare.da}, så kommunen regnes som part i teamet.`,
        en: `Municipal employees make up ${municipal} of ${n}; that is at least ${T.municipalStaffShare.en}, so the municipality counts as a party to the team.`,
      }
    : {
        da: `Kommunalt ansatte udgør ${municipal} af ${n}; det er under ${T.municipalStaffShare.da}, så kommunen regnes ikke som part i teamet.`,
        en: `Municipal employees make up ${municipal} of ${n}; that is less than ${T.municipalStaffShare.en}, so the municipality does not count as a party to the team.`,
      };
  const executingText: Text = {
    da: `${executing} af ${n} medarbejdere er udførende (udførende eller begge dele)${noTask > 0 ? `, og for ${noTask} er opgaven ikke angivet` : ''}; det store boligorganisatoriske team kræver mindst ${T.largeTeamExecutingShare.da}.`,
    en: `${executing} of ${n} staff carry out activities (executing or both)${noTask > 0 ? `, and for ${noTask} the task is not given` : ''}; the large housing-organisation team needs at least ${T.largeTeamExecutingShare.en}.`,
  };
  const housingTeam: Text = {
    da: `Teamet er forankret i boligorganisationen (${housing} af ${n} ansat dér).`,
    en: `The team is anchored in the housing organisation (${housing} of ${n} employed there).`,
  };

  const isHousingTeam =
    outcome === 'too_small' || outcome === 'not_executing' || outcome === 'large_housing_team';
  if (isHousingTeam && municipal > 0) reasons.push(municipalShare);
  if (isHousingTeam && steering) {
    reasons.push({
      da: 'Styringen af kommunale og boligsociale aktiviteter er angivet på projektsekretariatet, men indgår ikke, fordi kommunen ikke er part i teamet.',
      en: 'Steering of municipal and housing-social activities is recorded on the project secretariat, but does not count, because the municipality is not a party to the team.',
    });
  }

  switch (outcome) {
    case 'cross_organisational_team':
      reasons.push(municipalShare, {
        da: 'Styringen af de kommunale og de boligsociale aktiviteter er angivet som fælles i ét team: kommunale og projektansatte boligsociale medarbejdere indgår i et fælles projektteam.',
        en: 'The municipal and housing-social activities are recorded as steered jointly in one team: municipal and project-employed housing-social staff work in one shared project team.',
      });
      return { type: outcome, reasons, missing: [] };
    case 'split_team':
      reasons.push(municipalShare, {
        da: 'Styringen af de kommunale og de boligsociale aktiviteter er angivet som parallel: teamet er opdelt.',
        en: 'The municipal and housing-social activities are recorded as steered in parallel: the team is split.',
      });
      return { type: outcome, reasons, missing: [] };
    case 'needs_steering':
      reasons.push(municipalShare);
      return notDetermined(reasons, [
        {
          da: 'Hvordan de kommunale og de boligsociale aktiviteter styres: samlet i ét team (tværorganisatorisk) eller parallelt (opdelt). Angives som styring på projektsekretariatet.',
          en: 'How the municipal and the housing-social activities are steered: jointly in one team (cross-organisational) or in parallel (split). Recorded as steering on the project secretariat.',
        },
      ]);
    case 'steering_conflict':
      reasons.push(municipalShare, {
        da: 'Projektsekretariaterne har modstridende angivelser af styringen (både fælles og parallel).',
        en: 'The project secretariats give conflicting steering (both joint and parallel).',
      });
      return notDetermined(reasons, [
        {
          da: 'Én angivelse af, om de kommunale og boligsociale aktiviteter styres samlet eller parallelt.',
          en: 'One statement of whether the municipal and housing-social activities are steered jointly or in parallel.',
        },
      ]);
    case 'all_municipal':
      reasons.push({
        da: 'Alle medarbejdere er kommunalt ansatte; rapportens fire typer bygger alle på boligsociale projektmedarbejdere, så ingen af dem passer.',
        en: "All staff are municipal employees; the report's four types all build on housing-social project staff, so none of them fits.",
      });
      return notDetermined(reasons, [
        {
          da: 'Boligsociale projektmedarbejdere i sekretariatet, eller en vurdering af typen ved en evaluator, da sammensætningen ligger uden for rapportens fire typer.',
          en: "Housing-social project staff in the secretariat, or an evaluator's judgement of the type, since the composition lies outside the report's four types.",
        },
      ]);
    case 'too_small':
      reasons.push(housingTeam, {
        da: `Et team på ${n} er hverken en enmandsbemanding eller et stort team (mindst ${T.largeTeamMinStaff} medarbejdere), og kommunen er ikke part i det; ingen af rapportens fire typer passer.`,
        en: `A team of ${n} is neither a one-person staffing nor a large team (at least ${T.largeTeamMinStaff} staff), and the municipality is not a party to it; none of the report's four types fits.`,
      });
      return notDetermined(reasons, [
        {
          da: `En bemanding, der afgør typen: højst ${fmt(T.onePersonMaxFte, 'da')} årsværk, mindst ${T.largeTeamMinStaff} boligorganisatorisk ansatte, eller kommunalt ansatte i teamet.`,
          en: `A staffing that decides the type: at most ${fmt(T.onePersonMaxFte, 'en')} FTE, at least ${T.largeTeamMinStaff} housing-organisation employees, or municipal staff in the team.`,
        },
      ]);
    case 'not_executing':
      reasons.push(housingTeam, executingText, {
        da: 'Teamet er mest koordinerende; ingen af rapportens fire typer passer.',
        en: "The team mostly coordinates; none of the report's four types fits.",
      });
      return notDetermined(reasons, [
        {
          da: `Et team, hvor mindst ${T.largeTeamExecutingShare.da} af medarbejderne selv udfører aktiviteter, eller kommunalt ansatte i teamet.`,
          en: `A team in which at least ${T.largeTeamExecutingShare.en} of the staff carry out activities themselves, or municipal staff in the team.`,
        },
      ]);
    case 'large_housing_team':
      reasons.push(housingTeam, executingText, {
        da: `Med ${n} medarbejdere (mindst ${T.largeTeamMinStaff}) er det et stort boligorganisatorisk projektteam, der udfører størstedelen af aktiviteterne.`,
        en: `With ${n} staff (at least ${T.largeTeamMinStaff}) it is a large housing-organisation project team that carries out most of the activities.`,
      });
      return { type: outcome, reasons, missing: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// Resident involvement

function classifyResidentInvolvement(ctx: Context): DimensionResult<ResidentInvolvement> {
  const all = ctx.forums;
  if (all.length === 0) return notDetermined([NO_FORUMS], [MISSING_FORUMS]);
  const reasons: Text[] = [];

  const deciding = all.filter((f) => f.makesDecisions);
  const formalSeats = deciding
    .map((f) => ({ f, seats: (ctx.membersOf.get(f.id) ?? []).filter((m) => isSeat(m) && isResident(m)) }))
    .filter((x) => x.seats.length > 0);
  const decidingResidentForums = deciding.filter((f) => f.kind === 'residentForum');

  if (formalSeats.length > 0 || decidingResidentForums.length > 0) {
    for (const { f, seats } of formalSeats) {
      const ref = forumRef(f, all);
      const board = seats.filter((m) => m.represents === 'residentBoard').length;
      const chair = seats.some((m) => m.role === 'chair');
      reasons.push({
        da: `${capitalise(ref.da)} træffer beslutninger, og ${plural(seats.length, 'plads', 'pladser')} som formand eller medlem er besat af afdelingsbestyrelsen eller beboere (afdelingsbestyrelse: ${board}, øvrige beboere: ${seats.length - board})${chair ? '; formanden er beboerrepræsentant' : ''}.`,
        en: `${capitalise(ref.en)} makes decisions, and ${plural(seats.length, 'seat', 'seats')} as chair or member ${seats.length === 1 ? 'is' : 'are'} held by the resident board or residents (resident board: ${board}, other residents: ${seats.length - board})${chair ? '; the chair represents residents' : ''}.`,
      });
    }
    for (const f of decidingResidentForums) {
      const ref = forumRef(f, all);
      reasons.push({
        da: `${capitalise(ref.da)} er et beboerforum med beslutningskompetence i projektorganiseringen.`,
        en: `${capitalise(ref.en)} is a resident forum with decision-making power in the project organisation.`,
      });
    }
    reasons.push({
      da: 'Beboerne indgår dermed i de formelle beslutningsprocesser.',
      en: 'Residents thus take part in the formal decision-making processes.',
    });
    return { type: 'formal_decisions', reasons, missing: [] };
  }

  const unregisteredDeciding = withoutMembers(
    ctx,
    deciding.filter((f) => f.kind !== 'projectSecretariat'),
  );
  if (unregisteredDeciding.length > 0) {
    reasons.push({
      da: 'Ingen af de registrerede medlemmer af beslutningstagende fora repræsenterer afdelingsbestyrelsen eller beboerne, men ikke alle beslutningstagende fora har registrerede medlemmer.',
      en: 'None of the registered members of decision-making forums represents the resident board or residents, but not all decision-making forums have registered members.',
    });
    return notDetermined(reasons, [missingMembersOf(unregisteredDeciding, all)]);
  }
  reasons.push({
    da: 'Afdelingsbestyrelsen og beboerne har ingen plads som formand eller medlem i de beslutningstagende fora, og intet beboerforum træffer beslutninger.',
    en: 'The resident board and residents hold no seat as chair or member in the decision-making forums, and no resident forum makes decisions.',
  });

  const evidence: Text[] = [];
  for (const f of all) {
    const residentMembers = (ctx.membersOf.get(f.id) ?? []).filter(isResident);
    const ref = forumRef(f, all);
    if (f.makesDecisions) {
      if (residentMembers.length > 0) {
        evidence.push({
          da: `${capitalise(ref.da)} har ${plural(residentMembers.length, 'beboerrepræsentant', 'beboerrepræsentanter')} som observatør eller sekretær, uden beslutningskompetence.`,
          en: `${capitalise(ref.en)} has ${plural(residentMembers.length, 'resident representative', 'resident representatives')} as observer or secretary, without decision-making power.`,
        });
      }
    } else if (f.kind === 'residentForum' || residentMembers.length > 0) {
      evidence.push({
        da: `${capitalise(ref.da)}${f.kind === 'residentForum' ? ' er et beboerforum og' : ` har ${plural(residentMembers.length, 'beboerrepræsentant', 'beboerrepræsentanter')} og`} træffer ikke beslutninger.`,
        en: `${capitalise(ref.en)}${f.kind === 'residentForum' ? ' is a resident forum and' : ` has ${plural(residentMembers.length, 'resident representative', 'resident representatives')} and`} does not make decisions.`,
      });
    }
  }
  if (evidence.length > 0) {
    reasons.push(...evidence, {
      da: 'Beboerne indgår altså i projektorganiseringen, men har kun en aktivitetsbærende rolle.',
      en: 'Residents thus take part in the project organisation, but only carry activities.',
    });
    return { type: 'activity_carrying_only', reasons, missing: [] };
  }

  const unregisteredOther = withoutMembers(
    ctx,
    all.filter((f) => !f.makesDecisions && f.kind !== 'projectSecretariat'),
  );
  if (unregisteredOther.length > 0) {
    return notDetermined(reasons, [missingMembersOf(unregisteredOther, all)]);
  }
  reasons.push({
    da: 'Ingen af de registrerede medlemmer repræsenterer afdelingsbestyrelsen eller beboerne, og der er intet beboerforum.',
    en: 'None of the registered members represents the resident board or residents, and there is no resident forum.',
  });
  return { type: 'none', reasons, missing: [] };
}

// ---------------------------------------------------------------------------------------------
// Levels and the operations group

function classifyLevels(ctx: Context): DimensionResult<number> {
  const all = ctx.forums;
  if (all.length === 0) return notDetermined([NO_FORUMS], [MISSING_FORUMS]);

  const dangling = all.filter((f) => f.reportsTo !== null && !ctx.byId.has(f.reportsTo));
  if (dangling.length > 0) {
    const list = forumList(dangling, all);
    return notDetermined(
      [
        {
          da: `${capitalise(list.da)} refererer til et forum, der ikke findes.`,
          en: `${capitalise(list.en)} ${dangling.length === 1 ? 'reports' : 'report'} to a forum that does not exist.`,
        },
      ],
      [
        {
          da: `Hvilket forum ${list.da} refererer til.`,
          en: `Which forum ${list.en} ${dangling.length === 1 ? 'reports' : 'report'} to.`,
        },
      ],
    );
  }

  // Longest chain upwards from each forum; a forum met twice on one walk is a cycle.
  const chains = new Map<string, ForumInput[] | null>();
  const chainOf = (f: ForumInput): ForumInput[] | null => {
    const cached = chains.get(f.id);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    const chain: ForumInput[] = [];
    let cur: ForumInput | undefined = f;
    while (cur) {
      if (seen.has(cur.id)) {
        chains.set(f.id, null);
        return null;
      }
      seen.add(cur.id);
      chain.push(cur);
      cur = cur.reportsTo === null ? undefined : ctx.byId.get(cur.reportsTo);
    }
    chains.set(f.id, chain);
    return chain;
  };
  const cyclic = all.filter((f) => chainOf(f) === null);
  if (cyclic.length > 0) {
    const list = forumList(cyclic, all);
    return notDetermined(
      [
        {
          da: `Rapporteringslinjerne for ${list.da} går i ring.`,
          en: `The reporting lines of ${list.en} form a cycle.`,
        },
      ],
      [
        {
          da: 'Rapporteringslinjer uden ring: hvert forum refererer opad til et andet eller står øverst.',
          en: 'Reporting lines without a cycle: each forum reports upwards to another or stands at the top.',
        },
      ],
    );
  }

  if (all.length > 1 && all.every((f) => f.reportsTo === null)) {
    return notDetermined(
      [
        {
          da: `Ingen af de ${all.length} fora har en angivet overordnet, så niveauerne kan ikke tælles.`,
          en: `None of the ${all.length} forums has a superior given, so the levels cannot be counted.`,
        },
      ],
      [
        {
          da: 'Hvilket forum hvert forum refererer til (fx projektsekretariatet til styregruppen).',
          en: 'Which forum each forum reports to (e.g. the project secretariat to the steering group).',
        },
      ],
    );
  }

  let longest: ForumInput[] = [];
  for (const f of all) {
    const chain = chainOf(f)!;
    if (chain.length > longest.length) longest = chain;
  }
  const top = [...longest].reverse().map((f) => forumRef(f, all));
  const depth = longest.length;
  const reasons: Text[] = [
    {
      da: `Den længste rapporteringslinje har ${plural(depth, 'niveau', 'niveauer')}: ${top.map((r) => r.da).join(' → ')}.`,
      en: `The longest reporting line has ${plural(depth, 'level', 'levels')}: ${top.map((r) => r.en).join(' → ')}.`,
    },
  ];
  const roots = all.filter((f) => f.reportsTo === null);
  if (roots.length > 1) {
    const list = forumList(roots, all);
    reasons.push({
      da: `${roots.length} fora står øverst uden overordnet: ${list.da}.`,
      en: `${roots.length} forums stand at the top without a superior: ${list.en}.`,
    });
  }
  reasons.push(
    depth >= 2 && depth <= 4
      ? {
          da: 'Det ligger inden for de to til fire niveauer, som rapporten finder i helhedsplanerne.',
          en: 'That lies within the two to four levels the report finds in the master plans.',
        }
      : {
          da: `Rapporten finder to til fire niveauer i helhedsplanerne; denne organisering har ${depth}.`,
          en: `The report finds two to four levels in the master plans; this organisation has ${depth}.`,
        },
  );
  return { type: depth, reasons, missing: [] };
}

function classifyOperationsGroup(ctx: Context): DimensionResult<OperationsGroupPlacement> {
  const all = ctx.forums;
  if (all.length === 0) return notDetermined([NO_FORUMS], [MISSING_FORUMS]);
  const groups = all.filter((f) => f.kind === 'operationsGroup');
  if (groups.length === 0) {
    return {
      type: 'no_operations_group',
      reasons: [{ da: 'Der er ingen driftsgruppe.', en: 'There is no operations group.' }],
      missing: [],
    };
  }
  const steering = all.filter((f) => f.kind === 'steeringGroup' || f.kind === 'board');
  if (steering.length === 0) {
    return {
      type: 'other_placement',
      reasons: [
        {
          da: 'Der er en driftsgruppe, men hverken styregruppe eller bestyrelse, som den kan stå ved siden af.',
          en: 'There is an operations group, but neither a steering group nor a board for it to stand beside.',
        },
      ],
      missing: [],
    };
  }
  const steeringIds = new Set(steering.map((f) => f.id));
  const steeringParents = new Set(steering.map((f) => f.reportsTo));
  const beside = groups.filter(
    (g) => (g.reportsTo !== null && steeringIds.has(g.reportsTo)) || steeringParents.has(g.reportsTo),
  );
  if (beside.length > 0) {
    const g = beside[0]!;
    const under = g.reportsTo !== null && steeringIds.has(g.reportsTo);
    const ref = forumRef(g, all);
    const parent = under ? forumRef(ctx.byId.get(g.reportsTo!)!, all) : null;
    return {
      type: 'beside_steering_group',
      reasons: [
        parent
          ? {
              da: `${capitalise(ref.da)} refererer direkte til ${parent.da} og supplerer den.`,
              en: `${capitalise(ref.en)} reports directly to ${parent.en} and supplements it.`,
            }
          : {
              da: `${capitalise(ref.da)} står på samme trin som styregruppen.`,
              en: `${capitalise(ref.en)} stands at the same step as the steering group.`,
            },
      ],
      missing: [],
    };
  }
  const g = groups[0]!;
  const parent = g.reportsTo !== null ? ctx.byId.get(g.reportsTo) : undefined;
  const ref = forumRef(g, all);
  return {
    type: 'other_placement',
    reasons: [
      parent
        ? {
            da: `${capitalise(ref.da)} refererer til ${forumRef(parent, all).da}, ikke til styregruppen, og står derfor ikke ved siden af den.`,
            en: `${capitalise(ref.en)} reports to ${forumRef(parent, all).en}, not to the steering group, and so does not stand beside it.`,
          }
        : {
            da: `${capitalise(ref.da)} står ikke ved siden af styregruppen.`,
            en: `${capitalise(ref.en)} does not stand beside the steering group.`,
          },
    ],
    missing: [],
  };
}

// ---------------------------------------------------------------------------------------------

/** Classifies one plan's project organisation on every dimension, with reasons. Pure. */
export function classifyOrganisation(input: OrganisationInput): TypologyResult {
  const ctx = normalise(input);
  const operationsGroup = classifyOperationsGroup(ctx);
  return {
    organisation: classifyOrganisationType(ctx),
    secretariat: classifySecretariat(ctx),
    residentInvolvement: classifyResidentInvolvement(ctx),
    levels: classifyLevels(ctx),
    operationsGroup,
    hasOperationsGroupBesideSteering:
      operationsGroup.type === NOT_DETERMINED ? null : operationsGroup.type === 'beside_steering_group',
    warnings: ctx.warnings,
  };
}

/** The label of any dimension's result, for lists and exports. */
export function typeLabel(
  dimension: 'organisation' | 'secretariat' | 'residentInvolvement' | 'levels' | 'operationsGroup',
  type: string | number,
): Text {
  if (type === NOT_DETERMINED) return NOT_DETERMINED_LABEL;
  switch (dimension) {
    case 'organisation':
      return ORGANISATION_TYPE_LABELS[type as OrganisationType];
    case 'secretariat':
      return SECRETARIAT_TYPE_LABELS[type as SecretariatType];
    case 'residentInvolvement':
      return RESIDENT_INVOLVEMENT_LABELS[type as ResidentInvolvement];
    case 'levels':
      return levelsLabel(Number(type));
    case 'operationsGroup':
      return OPERATIONS_GROUP_LABELS[type as OperationsGroupPlacement];
  }
}
