import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Theories of change: diagrams per plan (cross-cutting or for one focus area), their nodes (with
 * client-made ids unique in the diagram, a position and an optional link to an activity, goal or
 * indicator of the same plan) and their edges with a rationale. The diagram is saved as a whole,
 * guarded by `version`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text';
  const real = isPostgres ? 'double precision' : 'real';
  await db.schema
    .createTable('theories')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('focus_area_id', text, (c) => c.references('focus_areas.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('node_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edge_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('theories_plan_idx').on('theories').columns(['plan_id', 'title']).execute();
  await db.schema
    .createTable('theory_nodes')
    .addColumn('theory_id', text, (c) => c.notNull().references('theories.id').onDelete('cascade'))
    .addColumn('node_id', text, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('x', real, (c) => c.notNull())
    .addColumn('y', real, (c) => c.notNull())
    .addColumn('link_type', text)
    .addColumn('link_id', text)
    .addPrimaryKeyConstraint('theory_nodes_pk', ['theory_id', 'node_id'])
    .execute();
  await db.schema.createIndex('theory_nodes_kind_idx').on('theory_nodes').columns(['kind']).execute();
  await db.schema
    .createIndex('theory_nodes_link_idx')
    .on('theory_nodes')
    .columns(['link_type', 'link_id'])
    .execute();
  await db.schema
    .createTable('theory_edges')
    .addColumn('theory_id', text, (c) => c.notNull().references('theories.id').onDelete('cascade'))
    .addColumn('edge_id', text, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('from_node', text, (c) => c.notNull())
    .addColumn('to_node', text, (c) => c.notNull())
    .addColumn('rationale', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('theory_edges_pk', ['theory_id', 'edge_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0015 cannot be reverted');
}
