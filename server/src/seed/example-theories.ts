import type { Executor } from '../db/database.js';
import { newId, nowIso } from '../db/portable.js';
import {
  draftFromFramework,
  LAYER_OF_KIND,
  LAYER_WIDTH,
  ROW_HEIGHT,
  type DiagramEdge,
  type DiagramNode,
} from '../domain/theory.js';
import { replaceDiagram } from '../features/theory/theory.repository.js';
import { getFramework } from '../features/results/results.service.js';

const DONE_KEY = 'example_theories_seeded_at';
const PLAN_COUNT = 3;

/** Assumptions and an external factor that hold for most plans; invented example text. */
const EXTRA: {
  kind: 'assumption' | 'externalFactor';
  label: string;
  description: string;
  to: DiagramNode['kind'];
}[] = [
  {
    kind: 'assumption',
    label: 'Beboerne kender tilbuddene og har lyst til at deltage',
    description: 'Opsøgende arbejde og mund-til-mund når ud til dem, der ikke selv kommer.',
    to: 'output',
  },
  {
    kind: 'assumption',
    label: 'Kommunen, skolerne og jobcentret bidrager som aftalt',
    description: 'Samarbejdsaftalen følges op i styregruppen.',
    to: 'shortTermResult',
  },
  {
    kind: 'externalFactor',
    label: 'Beskæftigelsen og boligmarkedet i kommunen',
    description: 'Konjunkturer og udlejning påvirker effekten uden for planens rækkevidde.',
    to: 'impact',
  },
];

/**
 * Gives the first three example plans (by name) a cross-cutting theory of change built with the
 * draft from their results framework, plus two assumptions and an external factor pointing at the
 * first node of the kind they bear on. Marked as example data.
 * @returns how many plans got a theory of change
 */
export async function seedExampleTheories(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const plans = await trx
    .selectFrom('plans')
    .select(['id', 'name'])
    .where('isExample', '=', 1)
    .orderBy('name')
    .orderBy('id')
    .limit(PLAN_COUNT)
    .execute();
  const now = nowIso();
  let count = 0;
  for (const plan of plans) {
    const framework = await getFramework(trx, plan.id);
    const draft = draftFromFramework(framework, 'da');
    const nodes: DiagramNode[] = [...draft.nodes];
    const edges: DiagramEdge[] = [...draft.edges];
    const lowest = Math.max(0, ...nodes.map((n) => n.y));
    EXTRA.forEach((x, i) => {
      const id = `x-${i + 1}`;
      nodes.push({
        id,
        kind: x.kind,
        label: x.label,
        description: x.description,
        x: LAYER_OF_KIND[x.to] * LAYER_WIDTH,
        y: lowest + 2 * ROW_HEIGHT,
        link: null,
      });
      const target = nodes.find((n) => n.kind === x.to);
      if (target) {
        edges.push({
          id: `x-e-${i + 1}`,
          from: id,
          to: target.id,
          rationale:
            x.kind === 'assumption'
              ? `Antagelse bag "${target.label}".`
              : `Ydre forhold, der påvirker "${target.label}".`,
        });
      }
    });
    const id = newId();
    await trx
      .insertInto('theories')
      .values({
        id,
        planId: plan.id,
        scope: 'crossCutting',
        focusAreaId: null,
        title: 'Tværgående forandringsteori',
        nodeCount: nodes.length,
        edgeCount: edges.length,
        isExample: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await replaceDiagram(trx, id, nodes, edges);
    count++;
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return count;
}
