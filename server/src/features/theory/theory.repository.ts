import type { Executor } from '../../db/database.js';
import type { Selectable } from 'kysely';
import type { TheoriesTable } from '../../db/schema/theory.js';
import type { DiagramEdge, DiagramNode, TocKind } from '../../domain/theory.js';

export type TheoryRow = Selectable<TheoriesTable> & {
  focusAreaNameDa: string | null;
  focusAreaNameEn: string | null;
};

function theoriesQuery(db: Executor) {
  return db
    .selectFrom('theories as t')
    .leftJoin('focusAreas as f', 'f.id', 't.focusAreaId')
    .selectAll('t')
    .select(['f.nameDa as focusAreaNameDa', 'f.nameEn as focusAreaNameEn']);
}

export async function findTheories(db: Executor, planId: string): Promise<TheoryRow[]> {
  return theoriesQuery(db).where('t.planId', '=', planId).orderBy('t.title').orderBy('t.id').execute();
}

export async function findTheory(
  db: Executor,
  planId: string,
  theoryId: string,
): Promise<TheoryRow | undefined> {
  return theoriesQuery(db).where('t.planId', '=', planId).where('t.id', '=', theoryId).executeTakeFirst();
}

/** Every theory of the given plans (of all plans when `planIds` is null). */
export async function findTheoriesOfPlans(
  db: Executor,
  planIds: readonly string[] | null,
): Promise<TheoryRow[]> {
  if (planIds === null) return theoriesQuery(db).orderBy('t.title').orderBy('t.id').execute();
  const out: TheoryRow[] = [];
  for (let i = 0; i < planIds.length; i += 500) {
    const chunk = planIds.slice(i, i + 500);
    out.push(...(await theoriesQuery(db).where('t.planId', 'in', chunk).execute()));
  }
  return out;
}

/** The nodes of the theories, in their order; only those of one kind when `kind` is given. */
export async function findNodes(
  db: Executor,
  theoryIds: readonly string[],
  kind?: string,
): Promise<Map<string, DiagramNode[]>> {
  const byTheory = new Map<string, DiagramNode[]>();
  for (let i = 0; i < theoryIds.length; i += 500) {
    let q = db
      .selectFrom('theoryNodes')
      .selectAll()
      .where('theoryId', 'in', theoryIds.slice(i, i + 500));
    if (kind) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('theoryId').orderBy('sortOrder').execute();
    for (const r of rows) {
      const node: DiagramNode = {
        id: r.nodeId,
        kind: r.kind as TocKind,
        label: r.label,
        ...(r.description !== null ? { description: r.description } : {}),
        x: Number(r.x),
        y: Number(r.y),
        link:
          r.linkType && r.linkId
            ? { type: r.linkType as 'activity' | 'goal' | 'indicator', id: r.linkId }
            : null,
      };
      const list = byTheory.get(r.theoryId);
      if (list) list.push(node);
      else byTheory.set(r.theoryId, [node]);
    }
  }
  return byTheory;
}

export async function findEdges(
  db: Executor,
  theoryIds: readonly string[],
): Promise<Map<string, DiagramEdge[]>> {
  const byTheory = new Map<string, DiagramEdge[]>();
  for (let i = 0; i < theoryIds.length; i += 500) {
    const rows = await db
      .selectFrom('theoryEdges')
      .selectAll()
      .where('theoryId', 'in', theoryIds.slice(i, i + 500))
      .orderBy('theoryId')
      .orderBy('sortOrder')
      .execute();
    for (const r of rows) {
      const edge: DiagramEdge = { id: r.edgeId, from: r.fromNode, to: r.toNode, rationale: r.rationale };
      const list = byTheory.get(r.theoryId);
      if (list) list.push(edge);
      else byTheory.set(r.theoryId, [edge]);
    }
  }
  return byTheory;
}

/** Replaces the diagram's nodes and edges (inside the caller's transaction). */
export async function replaceDiagram(
  trx: Executor,
  theoryId: string,
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
): Promise<void> {
  await trx.deleteFrom('theoryEdges').where('theoryId', '=', theoryId).execute();
  await trx.deleteFrom('theoryNodes').where('theoryId', '=', theoryId).execute();
  // In chunks that keep under SQLite's and PostgreSQL's limits on bound parameters.
  for (let i = 0; i < nodes.length; i += 80) {
    await trx
      .insertInto('theoryNodes')
      .values(
        nodes.slice(i, i + 80).map((n, j) => ({
          theoryId,
          nodeId: n.id,
          sortOrder: i + j,
          kind: n.kind,
          label: n.label,
          description: n.description ? n.description : null,
          x: n.x,
          y: n.y,
          linkType: n.link?.type ?? null,
          linkId: n.link?.id ?? null,
        })),
      )
      .execute();
  }
  for (let i = 0; i < edges.length; i += 120) {
    await trx
      .insertInto('theoryEdges')
      .values(
        edges.slice(i, i + 120).map((e, j) => ({
          theoryId,
          edgeId: e.id,
          sortOrder: i + j,
          fromNode: e.from,
          toNode: e.to,
          rationale: e.rationale,
        })),
      )
      .execute();
  }
}
