import type { GeneratorModule } from './context.js';

/**
 * The fund's shared indicators over the five indicators every generated plan computes from its
 * registrations, with each plan's indicator linked to the one of its name: the portfolio's
 * roll-up then covers every plan. Runs after the results module, in a transaction of its own.
 */
export const SHARED_COUNTS = ['Deltagere', 'Gange', 'Timer', 'Tilmeldte', 'I job'] as const;

export const portfolioGenerator: GeneratorModule = {
  name: 'portfolio',
  ownTransactions: true,
  async run(ctx) {
    const rng = ctx.rng.fork('portfolio');
    await ctx.db.transaction().execute(async (trx) => {
      for (const name of SHARED_COUNTS) {
        const id = rng.id();
        await trx
          .insertInto('sharedIndicators')
          .values({
            id,
            areaSecretariatId: null,
            sharedGoalId: null,
            name,
            definition: 'Syntetisk fælles indikator',
            unit: null,
            kind: 'count',
            direction: 'higher_is_better',
            combineRule: 'sum',
            isExample: 0,
            createdAt: ctx.now,
            updatedAt: ctx.now,
            version: 1,
          })
          .execute();
        const r = await trx
          .updateTable('indicators')
          .set({ sharedIndicatorId: id })
          .where('name', '=', name)
          .where('dataSource', '=', 'registrations')
          .executeTakeFirst();
        ctx.out.rows.indicatorLinks = (ctx.out.rows.indicatorLinks ?? 0) + Number(r.numUpdatedRows);
      }
      ctx.out.rows.sharedIndicators = (ctx.out.rows.sharedIndicators ?? 0) + SHARED_COUNTS.length;
    });
  },
};
