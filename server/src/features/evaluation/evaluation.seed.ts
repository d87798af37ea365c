import type { Executor } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';

/**
 * The codebook a new study starts with: the source report's five themes, driver and barrier, the
 * five markers of good implementation, and the pool's focus areas. Each seeded code names what it
 * stands for in `role` (theme:<key>, driver, barrier, marker:<n>, focus_area:<id>), which the
 * analysis reads (drivers and barriers by theme, the framework matrix's themes).
 */
export const THEMES = [
  [
    'project_organisation',
    'Projektorganisering',
    'Styregruppe, projektsekretariat, driftsgruppe og deres niveauer.',
  ],
  [
    'collaboration',
    'Samarbejdsformer',
    'Samarbejdet mellem boligorganisation, kommune, beboere og andre aktører.',
  ],
  ['steering', 'Styring', 'Mål, opfølgning og styring af helhedsplanen som ét program.'],
  ['working_methods', 'Arbejdsmetoder', 'Hvordan aktiviteterne udføres i praksis.'],
  ['coordination', 'Koordinering', 'Koordinering med kommunale tilbud og på tværs af planer.'],
] as const;

export const MARKERS = [
  'Ledelsesfokus og opbakning',
  'Kendskab til mål og egen rolle',
  'Løbende dokumentation og opfølgning',
  'Samarbejde med klar rolle- og ansvarsfordeling',
  'Praktikernes syn på indsatsen',
] as const;

const THEME_COLORS = ['#1F77B4', '#2CA02C', '#9467BD', '#8C564B', '#17BECF'];

export async function seedCodebook(trx: Executor, studyId: string, poolId: string | null): Promise<void> {
  const now = nowIso();
  const rows: {
    id: string;
    parentId: string | null;
    name: string;
    description: string | null;
    color: string | null;
    codable: number;
    role: string | null;
  }[] = [];
  THEMES.forEach(([key, name, description], i) =>
    rows.push({
      id: newId(),
      parentId: null,
      name,
      description,
      color: THEME_COLORS[i]!,
      codable: 1,
      role: `theme:${key}`,
    }),
  );
  rows.push({
    id: newId(),
    parentId: null,
    name: 'Drivkraft',
    description: 'Noget, der fremmer implementeringen.',
    color: '#2E7D32',
    codable: 1,
    role: 'driver',
  });
  rows.push({
    id: newId(),
    parentId: null,
    name: 'Barriere',
    description: 'Noget, der hæmmer implementeringen.',
    color: '#C62828',
    codable: 1,
    role: 'barrier',
  });
  const markers = newId();
  rows.push({
    id: markers,
    parentId: null,
    name: 'Pejlemærker for god implementering',
    description: null,
    color: null,
    codable: 0,
    role: 'markers',
  });
  MARKERS.forEach((name, i) =>
    rows.push({
      id: newId(),
      parentId: markers,
      name,
      description: null,
      color: null,
      codable: 1,
      role: `marker:${i + 1}`,
    }),
  );
  const pool =
    (poolId
      ? await trx.selectFrom('fundingPools').select('id').where('id', '=', poolId).executeTakeFirst()
      : undefined) ??
    (await trx
      .selectFrom('fundingPools')
      .select('id')
      .orderBy((eb) => eb.case().when('startYear', '=', 2006).then(0).else(1).end())
      .orderBy('startYear')
      .orderBy('id')
      .executeTakeFirst());
  if (pool) {
    const catalogue = await trx
      .selectFrom('focusAreaCatalogues')
      .select('id')
      .where('poolId', '=', pool.id)
      .orderBy('catalogueVersion', 'desc')
      .executeTakeFirst();
    const areas = catalogue
      ? await trx
          .selectFrom('focusAreas')
          .select(['id', 'nameDa'])
          .where('catalogueId', '=', catalogue.id)
          .orderBy('sortOrder')
          .execute()
      : [];
    if (areas.length) {
      const group = newId();
      rows.push({
        id: group,
        parentId: null,
        name: 'Indsatsområder',
        description: null,
        color: null,
        codable: 0,
        role: 'focus_areas',
      });
      for (const a of areas)
        rows.push({
          id: newId(),
          parentId: group,
          name: a.nameDa,
          description: null,
          color: null,
          codable: 1,
          role: `focus_area:${a.id}`,
        });
    }
  }
  const order = new Map<string | null, number>();
  await trx
    .insertInto('evaluationCodes')
    .values(
      rows.map((r) => {
        const n = order.get(r.parentId) ?? 0;
        order.set(r.parentId, n + 1);
        return { ...r, studyId, sortOrder: n, createdAt: now, updatedAt: now, version: 1 };
      }),
    )
    .execute();
}
