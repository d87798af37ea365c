import { hash } from '@node-rs/argon2';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, type GeneratorModule } from './context.js';
import { insertRows } from './insert.js';

const TOWNS = [
  'Nord',
  'Syd',
  'Øst',
  'Vest',
  'Å',
  'Bakke',
  'Skov',
  'Strand',
  'Fjord',
  'Mose',
  'Eng',
  'Dal',
  'Holm',
  'Lund',
];
const AREA_WORDS = [
  'parken',
  'gården',
  'høj',
  'vang',
  'lunden',
  'bakken',
  'engen',
  'toften',
  'haven',
  'vænget',
];
const ORG_WORDS = ['Boligselskab', 'Boligforening', 'Almene Boliger', 'Andelsboligforening', 'Bolig'];

/** The share of plans per pool (2006-2010, 2011-2014, 2015-2018, 2019-2026), as in the fund's rounds. */
const POOL_WEIGHTS = [0.22, 0.24, 0.27, 0.27];

/**
 * Municipalities, housing organisations, areas with departments, area secretariats, plans with
 * grants and focus areas, and users with roles: the registry at the chosen size.
 */
export const registryGenerator: GeneratorModule = {
  name: 'registry',
  async run(ctx) {
    const { db, scale, now, out } = ctx;
    const rng = ctx.rng.fork('registry');
    const base = { isExample: 0, createdAt: now, updatedAt: now, version: 1 };

    const pools = await db.selectFrom('fundingPools').selectAll().orderBy('startYear').execute();
    const focus = await db
      .selectFrom('focusAreas')
      .innerJoin('focusAreaCatalogues', 'focusAreaCatalogues.id', 'focusAreas.catalogueId')
      .select(['focusAreas.id', 'focusAreas.poolId', 'focusAreaCatalogues.catalogueVersion'])
      .orderBy('focusAreas.poolId')
      .orderBy('focusAreas.sortOrder')
      .execute();
    const focusByPool = new Map<string, string[]>();
    for (const p of pools) {
      const mine = focus.filter((f) => f.poolId === p.id);
      const latest = Math.max(...mine.map((f) => f.catalogueVersion));
      focusByPool.set(
        p.id,
        mine.filter((f) => f.catalogueVersion === latest).map((f) => f.id),
      );
    }

    const municipalities = Array.from({ length: scale.municipalities }, (_, i) => ({
      id: rng.id(),
      name: `${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? ` ${Math.floor(i / TOWNS.length) + 1}` : ''} Kommune (syntetisk)`,
      code: 900 - i,
      ...base,
    }));
    await insertRows(db, 'municipalities', municipalities, out.rows);
    out.municipalityIds = municipalities.map((m) => m.id);

    const organisations = Array.from({ length: scale.housingOrganisations }, (_, i) => ({
      id: rng.id(),
      name: `${rng.pick(ORG_WORDS)} ${i + 1} (syntetisk)`,
      municipalityId: rng.pick(out.municipalityIds),
      ...base,
    }));
    await insertRows(db, 'housingOrganisations', organisations, out.rows);
    out.housingOrganisationIds = organisations.map((o) => o.id);

    const secretariats = Array.from({ length: scale.areaSecretariats }, (_, i) => ({
      id: rng.id(),
      name: `Områdesekretariat ${i + 1} (syntetisk)`,
      municipalityId: out.municipalityIds[i % out.municipalityIds.length]!,
      description: null,
      ...base,
    }));
    await insertRows(db, 'areaSecretariats', secretariats, out.rows);
    out.secretariatIds = secretariats.map((s) => s.id);
    const secretariatByMunicipality = new Map(secretariats.map((s) => [s.municipalityId, s.id]));

    const areas: Record<string, unknown>[] = [];
    const departments: Record<string, unknown>[] = [];
    const plans: Record<string, unknown>[] = [];
    const planAreas: Record<string, unknown>[] = [];
    const planFocus: Record<string, unknown>[] = [];
    const grants: Record<string, unknown>[] = [];
    let departmentNumber = 1000;

    for (let i = 0; i < scale.plans; i++) {
      // Pools in proportion to their weights, in plan order, so every size has all four.
      let acc = 0;
      const share = (i + 0.5) / scale.plans;
      const poolIndex = POOL_WEIGHTS.findIndex((w) => (acc += w) >= share);
      const pool = pools[poolIndex === -1 ? pools.length - 1 : poolIndex]!;
      // Every municipality gets a plan before any gets a second (while plans last).
      const municipalityId = out.municipalityIds[i % out.municipalityIds.length]!;
      const housingOrganisationId = rng.pick(out.housingOrganisationIds);
      const areaCount = rng.chance(0.2) ? 2 : 1;
      const planId = rng.id();
      for (let a = 0; a < areaCount; a++) {
        const areaId = rng.id();
        const name = `${rng.pick(TOWNS)}${rng.pick(AREA_WORDS)} ${i + 1}${a ? '-' + (a + 1) : ''}`;
        areas.push({ id: areaId, name, municipalityId, description: null, ...base });
        const depCount = rng.int(1, 5);
        for (let d = 0; d < depCount; d++) {
          departments.push({
            id: rng.id(),
            areaId,
            housingOrganisationId,
            departmentNumber: String(departmentNumber++),
            name: `${name} afd. ${d + 1}`,
            dwellings: rng.int(60, 900),
            createdAt: now,
          });
        }
        planAreas.push({ planId, areaId });
      }
      const startYear = rng.int(pool.startYear, pool.endYear);
      const years = rng.int(3, 4);
      const periodStart = `${startYear}-01-01`;
      const periodEnd = `${startYear + years - 1}-12-31`;
      const support = rng.pick(['yes', 'no', 'unclear'] as const);
      plans.push({
        id: planId,
        name: `Helhedsplan ${i + 1} (syntetisk)`,
        poolId: pool.id,
        municipalityId,
        housingOrganisationId,
        areaSecretariatId: support === 'yes' ? (secretariatByMunicipality.get(municipalityId) ?? null) : null,
        secretariatSupport: support,
        purpose: `Syntetisk formål for helhedsplan ${i + 1}.`,
        problems: null,
        status: startYear + years <= 2026 ? 'ended' : rng.pick(['active', 'draft']),
        periodStart,
        periodEnd,
        ...base,
      });
      const catalogue = focusByPool.get(pool.id) ?? [];
      const focusAreaIds = rng.sample(catalogue, rng.int(2, Math.min(5, catalogue.length)));
      for (const focusAreaId of focusAreaIds) planFocus.push({ planId, focusAreaId });
      const grantCount = rng.chance(0.3) ? 2 : 1;
      const mid = startYear + Math.floor(years / 2);
      for (let g = 0; g < grantCount; g++) {
        grants.push({
          id: rng.id(),
          planId,
          poolId: pool.id,
          amountOre: rng.int(20, 400) * 10_000_000,
          startDate: g === 0 ? periodStart : `${mid}-01-01`,
          endDate: grantCount > 1 && g === 0 ? `${mid - 1}-12-31` : periodEnd,
          reference: `SYN-${startYear}-${String(i + 1).padStart(4, '0')}-${g + 1}`,
          sortOrder: g,
          createdAt: now,
        });
      }
      out.plans.push({
        id: planId,
        poolId: pool.id,
        municipalityId,
        housingOrganisationId,
        periodStart,
        periodEnd,
        focusAreaIds,
      });
    }
    await insertRows(db, 'housingAreas', areas, out.rows);
    await insertRows(db, 'housingDepartments', departments, out.rows);
    await insertRows(db, 'plans', plans, out.rows);
    await insertRows(db, 'planAreas', planAreas, out.rows);
    await insertRows(db, 'planFocusAreas', planFocus, out.rows);
    await insertRows(db, 'grants', grants, out.rows);
    out.areaIds = areas.map((a) => a.id as string);

    // One argon2id hash with a fixed salt, shared by every generated account: deterministic and fast.
    const passwordHash = await hash(GENERATED_PASSWORD, {
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
      salt: new TextEncoder().encode('pejling-generated'),
    });
    const users: Record<string, unknown>[] = [];
    const grantsOfRoles: Record<string, unknown>[] = [];
    const user = (email: string, name: string, isAdmin: number) => {
      const id = rng.id();
      users.push({
        id,
        email,
        name,
        passwordHash,
        isAdmin,
        locale: 'da',
        disabledAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      return id;
    };
    const role = (userId: string, r: Record<string, unknown>) =>
      grantsOfRoles.push({
        id: rng.id(),
        userId,
        organisationKind: null,
        organisationId: null,
        planId: null,
        createdAt: now,
        ...r,
      });
    user(GENERATED_ADMIN_EMAIL, 'Administrator (syntetisk)', 1);
    for (let f = 0; f < 3; f++)
      role(user(`fund${f + 1}@bench.pejling.example`, `Fonden ${f + 1}`, 0), { role: 'fund' });
    for (const [i, orgId] of out.housingOrganisationIds.entries()) {
      const id = user(`org${i + 1}@bench.pejling.example`, `Boligorganisation ${i + 1}`, 0);
      role(id, { role: 'org_member', organisationKind: 'housing_organisation', organisationId: orgId });
    }
    for (const [i, mId] of out.municipalityIds.entries()) {
      const id = user(`kommune${i + 1}@bench.pejling.example`, `Kommune ${i + 1}`, 0);
      role(id, { role: 'org_member', organisationKind: 'municipality', organisationId: mId });
    }
    for (const [i, p] of out.plans.entries()) {
      role(user(`editor${i + 1}@bench.pejling.example`, `Planredaktør ${i + 1}`, 0), {
        role: 'plan_editor',
        planId: p.id,
      });
      role(user(`viewer${i + 1}@bench.pejling.example`, `Planlæser ${i + 1}`, 0), {
        role: 'plan_viewer',
        planId: p.id,
      });
    }
    await insertRows(db, 'users', users, out.rows);
    await insertRows(db, 'roleGrants', grantsOfRoles, out.rows);
    out.userIds = users.map((u) => u.id as string);
  },
};
