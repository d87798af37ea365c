import {
  SecretariatOrganisationInput,
  type AgreementStatus,
  type MatrixRole,
  type PartyKind,
} from '@pejling/contracts';
import type { Executor } from '../db/database.js';
import { newId, nowIso, toJson } from '../db/portable.js';
import { recordAudit } from '../features/audit/audit.service.js';

/**
 * Invented collaboration agreements (parties, responsibility matrix, commitments, municipal
 * services) for four of the example plans, and invented organisations for the example area
 * secretariats. All of it is example data: the plans and secretariats carry the Eksempeldata
 * badge, the catalogue entries are marked as example data, and people are role descriptions
 * marked "(eksempel)".
 */
const AGREEMENTS_KEY = 'example_agreements_seeded_at';
const SECRETARIATS_KEY = 'example_secretariat_organisations_seeded_at';

type PartyKey = 'municipality' | 'housingOrganisation' | 'residentBoard' | 'school' | 'police';

interface ServiceTemplate {
  name: string;
  department: string;
  targetGroup: string;
  relation: 'overlap' | 'synergy';
  note: string;
}

/** How one focus area is shared out between the parties. */
interface FocusTemplate {
  responsible: PartyKey;
  carriesOut: PartyKey[];
  consulted: PartyKey[];
  informed: PartyKey[];
  commitments: [PartyKey, string][];
  services: ServiceTemplate[];
}

const FOCUS: Record<string, FocusTemplate> = {
  'Børn og unge': {
    responsible: 'municipality',
    carriesOut: ['housingOrganisation', 'school'],
    consulted: ['residentBoard'],
    informed: ['police'],
    commitments: [
      ['municipality', 'Stiller en familierådgiver til rådighed i beboerhuset to dage om ugen.'],
      ['school', 'Holder lokaler åbne til lektiecaféen og deltager i brobygningsforløbene.'],
      ['housingOrganisation', 'Driver lektiecaféen med frivillige og en projektmedarbejder.'],
    ],
    services: [
      {
        name: 'Familiehuset',
        department: 'Børn og Unge',
        targetGroup: 'Familier med børn 0-6 år',
        relation: 'synergy',
        note: 'Fælles forældregrupper i beboerhuset',
      },
      {
        name: 'SSP-samarbejdet',
        department: 'Børn og Unge',
        targetGroup: 'Unge 12-18 år',
        relation: 'overlap',
        note: 'Begge laver opsøgende arbejde blandt unge om aftenen',
      },
    ],
  },
  'Beskæftigelse og uddannelse': {
    responsible: 'municipality',
    carriesOut: ['housingOrganisation'],
    consulted: ['residentBoard'],
    informed: [],
    commitments: [
      ['municipality', 'Jobcentret holder fast træffetid i jobcaféen hver uge.'],
      ['housingOrganisation', 'Formidler fritidsjob hos lokale virksomheder og i afdelingens drift.'],
    ],
    services: [
      {
        name: 'Jobcentret, virksomhedsrettet indsats',
        department: 'Beskæftigelse',
        targetGroup: 'Ledige 18-64 år',
        relation: 'synergy',
        note: 'Jobcaféen henviser til jobcentrets virksomhedskonsulenter',
      },
      {
        name: 'Ungdommens Uddannelsesvejledning',
        department: 'Børn og Unge',
        targetGroup: 'Unge 15-25 år',
        relation: 'overlap',
        note: 'Begge vejleder unge uden uddannelse; aftal hvem der tager kontakten',
      },
    ],
  },
  'Beboernetværk og generelle beboeraktiviteter': {
    responsible: 'housingOrganisation',
    carriesOut: ['residentBoard'],
    consulted: ['municipality'],
    informed: [],
    commitments: [
      ['residentBoard', 'Afholder fællesspisning hver måned og rekrutterer frivillige.'],
      [
        'housingOrganisation',
        'Stiller beboerhuset og en medarbejder til frivilligkoordinering til rådighed.',
      ],
    ],
    services: [
      {
        name: 'Frivillighedscentret',
        department: 'Kultur og Fritid',
        targetGroup: 'Foreninger og frivillige',
        relation: 'synergy',
        note: 'Kurser for frivillige i beboerforeningen',
      },
    ],
  },
  Sundhed: {
    responsible: 'municipality',
    carriesOut: ['housingOrganisation'],
    consulted: ['residentBoard'],
    informed: [],
    commitments: [['municipality', 'Sundhedsplejen holder åbent hus i beboerhuset en gang om måneden.']],
    services: [
      {
        name: 'Sundhedscentret',
        department: 'Sundhed og Omsorg',
        targetGroup: 'Voksne med kronisk sygdom',
        relation: 'synergy',
        note: 'Motionshold i området med henvisning fra sundhedscentret',
      },
    ],
  },
  'Imagearbejde og kommunikation': {
    responsible: 'housingOrganisation',
    carriesOut: ['residentBoard'],
    consulted: ['municipality'],
    informed: ['police'],
    commitments: [['housingOrganisation', 'Udgiver et beboerblad fire gange om året.']],
    services: [
      {
        name: 'Borgerservice og kommunikation',
        department: 'Borgmesterens Forvaltning',
        targetGroup: 'Borgere og lokale medier',
        relation: 'synergy',
        note: 'Fælles historier om området i kommunens kanaler',
      },
    ],
  },
};

/** The four example plans that get an agreement, and what is unclear in each (to show the flags). */
const PLANS: {
  area: string;
  status: AgreementStatus;
  signedOn: string | null;
  attachments: string[];
  /** The first focus area gets two responsible parties. */
  twoResponsible?: boolean;
  /** This party has commitments but no contact person. */
  noContact?: PartyKey;
}[] = [
  {
    area: 'Vollsmose',
    status: 'fundApproved',
    signedOn: '2008-03-14',
    attachments: ['Organisationsdiagram (eksempel)', 'Budget 2008-2011 (eksempel)'],
  },
  {
    area: 'Bispehaven',
    status: 'signed',
    signedOn: '2009-02-02',
    attachments: ['Organisationsdiagram (eksempel)'],
    twoResponsible: true,
  },
  {
    area: 'Charlottekvarteret',
    status: 'draft',
    signedOn: null,
    attachments: [],
    noContact: 'housingOrganisation',
  },
  {
    area: 'Albertslund Nord',
    status: 'revised',
    signedOn: '2010-06-21',
    attachments: ['Revideret aftale 2010 (eksempel)', 'Budget (eksempel)'],
  },
];

const PARTY: Record<PartyKey, { kind: PartyKind; contact: string }> = {
  municipality: { kind: 'municipality', contact: 'Afdelingschef, Børn og Unge (eksempel)' },
  housingOrganisation: { kind: 'housingOrganisation', contact: 'Boligsocial chef (eksempel)' },
  residentBoard: { kind: 'residentBoard', contact: 'Formand for afdelingsbestyrelsen (eksempel)' },
  school: { kind: 'school', contact: 'Skoleleder (eksempel)' },
  police: { kind: 'police', contact: 'Lokalbetjent (eksempel)' },
};
const PARTY_ORDER: PartyKey[] = ['municipality', 'housingOrganisation', 'residentBoard', 'school', 'police'];

/** A municipality's catalogue entry of the given name, added as example data when missing. */
async function ensureService(trx: Executor, municipalityId: string, s: ServiceTemplate, now: string) {
  const existing = await trx
    .selectFrom('municipalServices')
    .select('id')
    .where('municipalityId', '=', municipalityId)
    .where('name', '=', s.name)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await trx
    .insertInto('municipalServices')
    .values({
      id,
      municipalityId,
      name: s.name,
      department: s.department,
      targetGroup: s.targetGroup,
      createdAt: now,
      updatedAt: now,
      isExample: 1,
      version: 1,
    })
    .execute();
  return id;
}

/**
 * Gives four example plans a collaboration agreement, once; a plan that already has one keeps it.
 * @returns how many plans got an agreement
 */
export async function seedExampleAgreements(trx: Executor): Promise<number> {
  const done = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', AGREEMENTS_KEY)
    .executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  let count = 0;
  for (const spec of PLANS) {
    const plan = await trx
      .selectFrom('plans as p')
      .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
      .innerJoin('housingOrganisations as h', 'h.id', 'p.housingOrganisationId')
      .select(['p.id', 'p.municipalityId', 'm.name as municipalityName', 'h.name as housingOrganisationName'])
      .where('p.name', '=', `Helhedsplan ${spec.area}`)
      .where('p.isExample', '=', 1)
      .executeTakeFirst();
    if (!plan) continue;
    const has = await trx
      .selectFrom('collabAgreements')
      .select('planId')
      .where('planId', '=', plan.id)
      .executeTakeFirst();
    if (has) continue;
    const planId = plan.id;
    const focus = (
      await trx
        .selectFrom('planFocusAreas as pf')
        .innerJoin('focusAreas as f', 'f.id', 'pf.focusAreaId')
        .select(['f.id', 'f.nameDa', 'f.sortOrder'])
        .where('pf.planId', '=', planId)
        .orderBy('f.sortOrder')
        .execute()
    ).filter((f) => FOCUS[f.nameDa]);

    // The parties are those the plan's focus areas call on, in a fixed order.
    const used = new Set<PartyKey>(['municipality', 'housingOrganisation', 'residentBoard']);
    for (const f of focus) {
      const tpl = FOCUS[f.nameDa]!;
      for (const k of [tpl.responsible, ...tpl.carriesOut, ...tpl.consulted, ...tpl.informed]) used.add(k);
    }
    const partyName: Record<PartyKey, string> = {
      municipality: plan.municipalityName,
      housingOrganisation: plan.housingOrganisationName,
      residentBoard: `Afdelingsbestyrelsen i ${spec.area}`,
      school: `Områdets skole (eksempel)`,
      police: `Lokalpolitiet (eksempel)`,
    };
    const partyIds = new Map<PartyKey, string>();
    for (const [i, key] of PARTY_ORDER.filter((k) => used.has(k)).entries()) {
      const id = newId();
      partyIds.set(key, id);
      await trx
        .insertInto('collabParties')
        .values({
          id,
          planId,
          name: partyName[key],
          kind: PARTY[key].kind,
          contactPerson: spec.noContact === key ? null : PARTY[key].contact,
          sortOrder: i,
        })
        .execute();
    }

    await trx
      .insertInto('collabAgreements')
      .values({
        planId,
        status: spec.status,
        signedOn: spec.signedOn,
        attachmentsJson: toJson(spec.attachments),
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();

    let commitmentOrder = 0;
    let linkOrder = 0;
    for (const [fi, f] of focus.entries()) {
      const tpl = FOCUS[f.nameDa]!;
      const roles = new Map<PartyKey, MatrixRole>();
      for (const k of tpl.informed) roles.set(k, 'informed');
      for (const k of tpl.consulted) roles.set(k, 'consulted');
      for (const k of tpl.carriesOut) roles.set(k, 'carriesOut');
      roles.set(tpl.responsible, 'responsible');
      // Unclear on purpose: two parties both hold the responsibility for the first focus area.
      if (spec.twoResponsible && fi === 0) roles.set('housingOrganisation', 'responsible');
      for (const [k, role] of roles)
        await trx
          .insertInto('collabResponsibilities')
          .values({ planId, focusAreaId: f.id, partyId: partyIds.get(k)!, role })
          .execute();
      for (const [k, text] of tpl.commitments)
        await trx
          .insertInto('collabCommitments')
          .values({
            id: newId(),
            planId,
            focusAreaId: f.id,
            partyId: partyIds.get(k)!,
            text,
            sortOrder: commitmentOrder++,
          })
          .execute();
      for (const s of tpl.services) {
        const serviceId = await ensureService(trx, plan.municipalityId, s, now);
        await trx
          .insertInto('collabServiceLinks')
          .values({
            id: newId(),
            planId,
            focusAreaId: f.id,
            serviceId,
            relation: s.relation,
            note: s.note,
            sortOrder: linkOrder++,
          })
          .execute();
      }
    }

    // The plan's activities: the focus area's responsible party is responsible, the housing organisation carries out.
    const activities = await trx
      .selectFrom('activities')
      .select(['id', 'focusAreaId'])
      .where('planId', '=', planId)
      .execute();
    for (const a of activities) {
      const tpl = focus.find((f) => f.id === a.focusAreaId);
      const responsible = tpl ? FOCUS[tpl.nameDa]!.responsible : 'housingOrganisation';
      await trx
        .insertInto('collabActivityResponsibilities')
        .values({ planId, activityId: a.id, partyId: partyIds.get(responsible)!, role: 'responsible' })
        .execute();
      if (responsible !== 'housingOrganisation')
        await trx
          .insertInto('collabActivityResponsibilities')
          .values({
            planId,
            activityId: a.id,
            partyId: partyIds.get('housingOrganisation')!,
            role: 'carriesOut',
          })
          .execute();
    }
    count++;
  }
  await trx.insertInto('meta').values({ key: AGREEMENTS_KEY, value: now }).execute();
  if (count)
    await recordAudit(trx, null, {
      action: 'seed_demo',
      entityType: 'system',
      after: { exampleAgreements: count },
    });
  return count;
}

/**
 * Gives each example area secretariat an invented organisation of its own, once: a steering
 * group where some of the served plans have a representative (so the representation view shows
 * both), a coordination group of the plans' project leaders, staff and the five functions.
 * @returns how many secretariats got an organisation
 */
export async function seedExampleSecretariatOrganisations(trx: Executor): Promise<number> {
  const done = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', SECRETARIATS_KEY)
    .executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  let count = 0;
  const secretariats = await trx
    .selectFrom('areaSecretariats as s')
    .innerJoin('municipalities as m', 'm.id', 's.municipalityId')
    .select(['s.id', 's.name', 'm.name as municipalityName'])
    .where('s.isExample', '=', 1)
    .execute();
  // Sorted here, not in SQL, so that both engines give the same order whatever their collation.
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const [si, s] of secretariats.sort(byName).entries()) {
    const has = await trx
      .selectFrom('secretariatOrganisations')
      .select('areaSecretariatId')
      .where('areaSecretariatId', '=', s.id)
      .executeTakeFirst();
    if (has) continue;
    const plans = await trx
      .selectFrom('plans')
      .select(['id', 'name'])
      .where('areaSecretariatId', '=', s.id)
      .execute()
      .then((rows) => rows.sort(byName));
    // Every other secretariat leaves its last plan out of the steering group.
    const inSteering = plans.filter((_, i) => si % 2 === 0 || i < plans.length - 1);
    const area = (name: string) => name.replace(/^Helhedsplan /, '');
    const doc = SecretariatOrganisationInput.parse({
      forums: [
        {
          ref: 'styregruppe',
          kind: 'steeringGroup',
          name: 'Styregruppe for områdesekretariatet',
          level: 'strategic',
          makesDecisions: true,
          reportsTo: null,
        },
        {
          ref: 'koordinering',
          kind: 'operationsGroup',
          name: 'Koordinationsgruppe for projektlederne',
          level: 'tactical',
          makesDecisions: false,
          reportsTo: 'styregruppe',
        },
        {
          ref: 'sekretariat',
          kind: 'projectSecretariat',
          name: s.name,
          level: 'operational',
          makesDecisions: false,
          reportsTo: 'styregruppe',
        },
      ],
      members: [
        {
          forumRef: 'styregruppe',
          name: 'Direktør for Børn og Unge (eksempel)',
          organisation: s.municipalityName,
          role: 'chair',
          represents: 'topAdministration',
        },
        {
          forumRef: 'styregruppe',
          name: 'Boligsocial chef (eksempel)',
          organisation: 'Boligorganisationerne i kommunen (eksempel)',
          role: 'member',
          represents: 'topAdministration',
        },
        ...inSteering.map((p) => ({
          forumRef: 'styregruppe',
          name: `Projektleder for ${area(p.name)} (eksempel)`,
          organisation: p.name,
          role: 'member',
          represents: 'projectStaff',
          planId: p.id,
        })),
        {
          forumRef: 'styregruppe',
          name: 'Sekretariatsleder (eksempel)',
          organisation: s.name,
          role: 'secretary',
          represents: 'projectStaff',
        },
        ...plans.map((p) => ({
          forumRef: 'koordinering',
          name: `Projektleder for ${area(p.name)} (eksempel)`,
          organisation: p.name,
          role: 'member',
          represents: 'projectStaff',
          planId: p.id,
        })),
        {
          forumRef: 'koordinering',
          name: 'Sekretariatsleder (eksempel)',
          organisation: s.name,
          role: 'chair',
          represents: 'projectStaff',
        },
      ],
      staff: [
        {
          name: 'Sekretariatsleder (eksempel)',
          employer: 'municipality',
          hoursPerWeek: 37,
          task: 'coordinating',
        },
        {
          name: 'Data- og evalueringsmedarbejder (eksempel)',
          employer: 'municipality',
          hoursPerWeek: 20,
          task: 'both',
        },
      ],
      functions: [
        { function: 'coordination', who: 'Sekretariatslederen', note: 'Fælles mødekalender og årshjul' },
        {
          function: 'experienceExchange',
          who: 'Koordinationsgruppen',
          note: 'Netværksmøde for projektlederne hver anden måned',
        },
        { function: 'competenceDevelopment', who: 'Sekretariatslederen', note: 'Temadage om metoder' },
        { function: 'sharedGoalManagement', who: 'Styregruppen', note: 'Fælles mål på tværs af planerne' },
        {
          function: 'dataSupport',
          who: 'Data- og evalueringsmedarbejderen',
          note: 'Statusopgørelser til styregruppen to gange om året',
        },
      ],
      version: 0,
    });
    const { version: _version, ...stored } = doc;
    await trx
      .insertInto('secretariatOrganisations')
      .values({
        areaSecretariatId: s.id,
        documentJson: toJson(stored)!,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    count++;
  }
  await trx.insertInto('meta').values({ key: SECRETARIATS_KEY, value: now }).execute();
  if (count)
    await recordAudit(trx, null, {
      action: 'seed_demo',
      entityType: 'system',
      after: { exampleSecretariatOrganisations: count },
    });
  return count;
}
