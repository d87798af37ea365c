import type { Db, Executor } from '../db/database.js';
import { newId, nowIso } from '../db/portable.js';
import { recordAudit } from '../features/audit/audit.service.js';
import { insertCatalogue } from '../features/registry/registry.service.js';
import { CASE_AREAS_CSV } from './case-areas.js';
import { MUNICIPALITY_CODES, POOLS } from './pools.js';
import { seedExampleOrganisations } from './example-organisations.js';
import { seedExampleResults } from './example-results.js';
import { seedExampleRegistrations } from './example-registrations.js';
import { seedExampleReports } from './example-reports.js';
import { seedExamplePortfolio } from './example-portfolio.js';
import { seedExampleMarkers } from './example-markers.js';
import { seedExampleTheories } from './example-theories.js';
import { seedExampleAgreements, seedExampleSecretariatOrganisations } from './example-agreements.js';

export interface CaseArea {
  area: string;
  municipality: string;
  dwellings: number;
  sizeBand: string;
  grantBand: 'under 5 mio.' | '5-15 mio.' | 'over 15 mio.';
  grantPeriodYears: number;
  secretariatSupport: 'yes' | 'no' | 'unclear';
}

export function parseCaseAreas(csv: string = CASE_AREAS_CSV): CaseArea[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    return {
      area: get('area'),
      municipality: get('municipality'),
      dwellings: Number(get('dwellings')),
      sizeBand: get('size_band'),
      grantBand: get('grant_band_dkk') as CaseArea['grantBand'],
      grantPeriodYears: Number(get('grant_period_years')),
      secretariatSupport: get('area_secretariat_support') as CaseArea['secretariatSupport'],
    };
  });
}

/** The four cities the report names as having area secretariats (real); descriptions are invented. */
const SECRETARIAT_CITIES = [
  'Albertslund Kommune',
  'Høje-Taastrup Kommune',
  'Vejle Kommune',
  'Aarhus Kommune',
];

/** A deterministic example amount inside the report's band, in øre. */
function exampleAmountOre(band: CaseArea['grantBand'], i: number): number {
  const kr =
    band === 'under 5 mio.'
      ? 3_200_000 + i * 150_000
      : band === '5-15 mio.'
        ? 6_500_000 + i * 550_000
        : 18_000_000 + i * 1_250_000;
  return kr * 100;
}

const EXAMPLE_FOCUS: number[][] = [
  [0, 1, 3],
  [0, 2],
  [0, 1, 2],
  [1, 2, 4],
  [0, 3],
  [0, 1, 4],
  [1, 2],
  [0, 2, 3],
  [0, 2],
  [0, 1, 2, 4],
  [2, 3, 4],
  [0, 1, 5],
  [0, 1, 2, 3, 4],
];

export async function isDemoSeeded(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'demo_seeded_at')
    .executeTakeFirst();
  return Boolean(row);
}

/** Ensures the four pools and their catalogues exist (real facts; also loaded without --demo). */
export async function ensurePools(trx: Executor): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of POOLS) {
    const existing = await trx
      .selectFrom('fundingPools')
      .select('id')
      .where('name', '=', p.name)
      .executeTakeFirst();
    if (existing) {
      ids.set(p.name, existing.id);
      continue;
    }
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('fundingPools')
      .values({
        id,
        name: p.name,
        startYear: p.startYear,
        endYear: p.endYear,
        description: p.description,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await insertCatalogue(trx, id, {
      validFrom: p.validFrom,
      note: null,
      focusAreas: p.focusAreas.map(([nameDa, nameEn]) => ({ nameDa, nameEn })),
    });
    ids.set(p.name, id);
  }
  return ids;
}

/**
 * Loads the example data once: the 13 case areas as real facts under the 2006-2010 pool, and
 * invented organisations, departments, amounts and texts marked as example data.
 * @returns false when the example data was already there
 */
export async function seedDemo(db: Db): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Databases seeded before the organisation capability get its example organisations once.
    if (await isDemoSeeded(trx)) {
      await seedExampleOrganisations(trx);
      await seedExampleResults(trx);
      await seedExampleRegistrations(trx);
      await seedExampleReports(trx);
      await seedExampleAgreements(trx);
      await seedExampleSecretariatOrganisations(trx);
      await seedExamplePortfolio(trx);
      await seedExampleMarkers(trx);
      await seedExampleTheories(trx);
      return false;
    }
    const now = nowIso();
    const poolIds = await ensurePools(trx);
    const poolId = poolIds.get('2006-2010')!;
    const focus = await trx
      .selectFrom('focusAreas')
      .select(['id', 'sortOrder'])
      .where('poolId', '=', poolId)
      .orderBy('sortOrder')
      .execute();

    const areas = parseCaseAreas();
    const municipalityIds = new Map<string, string>();
    for (const name of new Set(areas.map((a) => a.municipality))) {
      const existing = await trx
        .selectFrom('municipalities')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst();
      const id = existing?.id ?? newId();
      if (!existing) {
        await trx
          .insertInto('municipalities')
          .values({
            id,
            name,
            code: MUNICIPALITY_CODES[name] ?? null,
            isExample: 0,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
      }
      municipalityIds.set(name, id);
    }

    const secretariatIds = new Map<string, string>();
    for (const city of SECRETARIAT_CITIES) {
      const id = newId();
      const town = city.replace(' Kommune', '');
      await trx
        .insertInto('areaSecretariats')
        .values({
          id,
          name: `Områdesekretariatet i ${town}`,
          municipalityId: municipalityIds.get(city) ?? (await ensureMunicipality(trx, city, now)),
          description: `Eksempeldata: koordinerer de boligsociale indsatser på tværs af helhedsplanerne i ${town}.`,
          isExample: 1,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      secretariatIds.set(city, id);
    }

    for (const [i, a] of areas.entries()) {
      const municipalityId = municipalityIds.get(a.municipality)!;
      const town = a.municipality.replace(' Kommune', '');
      const orgName = `Boligselskabet ${a.area} (eksempel)`;
      const orgId = newId();
      await trx
        .insertInto('housingOrganisations')
        .values({
          id: orgId,
          name: orgName,
          municipalityId,
          isExample: 1,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      const areaId = newId();
      await trx
        .insertInto('housingAreas')
        .values({
          id: areaId,
          name: a.area,
          municipalityId,
          description: `Casområde i procesevalueringen af 2006-2010-puljen (${a.dwellings} lejemål ifølge rapportens tabel 2.1). Afdelingsopdelingen er eksempeldata.`,
          isExample: 1,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      // The report gives only the total; the split into departments is invented.
      const split =
        a.dwellings > 1000
          ? [Math.round(a.dwellings * 0.6), a.dwellings - Math.round(a.dwellings * 0.6)]
          : [a.dwellings];
      for (const [j, dwellings] of split.entries()) {
        await trx
          .insertInto('housingDepartments')
          .values({
            id: newId(),
            areaId,
            housingOrganisationId: orgId,
            departmentNumber: String(101 + i * 10 + j),
            name: split.length > 1 ? `${a.area} ${j === 0 ? 'Vest' : 'Øst'}` : a.area,
            dwellings,
            createdAt: now,
          })
          .execute();
      }

      const startYear = 2008 + (i % 2);
      const periodStart = `${startYear}-01-01`;
      const periodEnd = `${startYear + a.grantPeriodYears - 1}-12-31`;
      const planId = newId();
      const secretariatId =
        a.secretariatSupport === 'yes' ? (secretariatIds.get(a.municipality) ?? null) : null;
      await trx
        .insertInto('plans')
        .values({
          id: planId,
          name: `Helhedsplan ${a.area}`,
          poolId,
          municipalityId,
          housingOrganisationId: orgId,
          areaSecretariatId: secretariatId,
          secretariatSupport: a.secretariatSupport,
          purpose: `Eksempeldata: at gøre ${a.area} til et attraktivt og trygt boligområde i ${town}, hvor flere beboere er i uddannelse og job.`,
          problems: `Eksempeldata: høj ledighed, mange unge uden uddannelse og et dårligt omdømme.`,
          status: 'ended',
          periodStart,
          periodEnd,
          isExample: 1,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      await trx.insertInto('planAreas').values({ planId, areaId }).execute();
      const chosen = (EXAMPLE_FOCUS[i] ?? [0]).map((k) => focus[k]!.id);
      await trx
        .insertInto('planFocusAreas')
        .values(chosen.map((focusAreaId) => ({ planId, focusAreaId })))
        .execute();
      const total = exampleAmountOre(a.grantBand, i % 4);
      // Larger plans had a follow-up grant in the pool (invented split of the example total).
      const grants =
        a.grantBand === 'over 15 mio.' ? [Math.round(total * 0.7), total - Math.round(total * 0.7)] : [total];
      const midYear = startYear + Math.max(1, Math.floor(a.grantPeriodYears / 2));
      for (const [j, amountOre] of grants.entries()) {
        await trx
          .insertInto('grants')
          .values({
            id: newId(),
            planId,
            poolId,
            amountOre,
            startDate: j === 0 ? periodStart : `${midYear}-01-01`,
            endDate: grants.length > 1 && j === 0 ? `${midYear - 1}-12-31` : periodEnd,
            reference: `EKS-${2006 + (i % 5)}-${String(i + 1).padStart(3, '0')}${grants.length > 1 ? `-${j + 1}` : ''}`,
            sortOrder: j,
            createdAt: now,
          })
          .execute();
      }
    }
    await seedExampleOrganisations(trx);
    await seedExampleResults(trx);
    await seedExampleRegistrations(trx);
    await seedExampleReports(trx);
    await seedExampleAgreements(trx);
    await seedExampleSecretariatOrganisations(trx);
    await seedExamplePortfolio(trx);
    await seedExampleMarkers(trx);
    await seedExampleTheories(trx);
    await trx.insertInto('meta').values({ key: 'demo_seeded_at', value: now }).execute();
    await recordAudit(trx, null, {
      action: 'seed_demo',
      entityType: 'system',
      after: { plans: areas.length },
    });
    return true;
  });
}

async function ensureMunicipality(trx: Executor, name: string, now: string): Promise<string> {
  const id = newId();
  await trx
    .insertInto('municipalities')
    .values({
      id,
      name,
      code: MUNICIPALITY_CODES[name] ?? null,
      isExample: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return id;
}
