import { POOLS } from '../../server/src/seed/pools.js';
import type { GeneratorModule } from './context.js';
import { insertRows } from './insert.js';

/**
 * The four real pools and their focus-area catalogues (the facts the product's own seed loads),
 * with ids from the seed so that everything referring to them is the same on every run. A
 * database that already has them (the server seeds them on start) keeps its own.
 */
export const poolsGenerator: GeneratorModule = {
  name: 'pools',
  async run(ctx) {
    const { db, now, out } = ctx;
    const rng = ctx.rng.fork('pools');
    const existing = await db.selectFrom('fundingPools').select('id').execute();
    if (existing.length) return;
    const pools: Record<string, unknown>[] = [];
    const catalogues: Record<string, unknown>[] = [];
    const focusAreas: Record<string, unknown>[] = [];
    for (const p of POOLS) {
      const poolId = rng.id();
      pools.push({
        id: poolId,
        name: p.name,
        startYear: p.startYear,
        endYear: p.endYear,
        description: p.description,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const catalogueId = rng.id();
      catalogues.push({
        id: catalogueId,
        poolId,
        catalogueVersion: 1,
        validFrom: p.validFrom,
        note: null,
        createdAt: now,
      });
      p.focusAreas.forEach(([nameDa, nameEn], i) =>
        focusAreas.push({ id: rng.id(), catalogueId, poolId, nameDa, nameEn, sortOrder: i + 1 }),
      );
    }
    await insertRows(db, 'fundingPools', pools, out.rows);
    await insertRows(db, 'focusAreaCatalogues', catalogues, out.rows);
    await insertRows(db, 'focusAreas', focusAreas, out.rows);
  },
};
