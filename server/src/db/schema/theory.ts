import type { ColumnType } from 'kysely';

/** Tables of theories of change; merged into Database in ../schema.ts. */
export interface TheoriesTable {
  id: string;
  planId: string;
  /** `crossCutting` or `focusArea`. */
  scope: string;
  focusAreaId: string | null;
  title: string;
  nodeCount: number;
  edgeCount: number;
  isExample: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}
/** A node; `nodeId` is made by the client and unique in its diagram. */
export interface TheoryNodesTable {
  theoryId: string;
  nodeId: string;
  sortOrder: number;
  kind: string;
  label: string;
  description: string | null;
  x: number;
  y: number;
  /** `activity`, `goal` or `indicator` of the same plan, with its id; both null when unlinked. */
  linkType: string | null;
  linkId: string | null;
}
export interface TheoryEdgesTable {
  theoryId: string;
  edgeId: string;
  sortOrder: number;
  fromNode: string;
  toNode: string;
  rationale: string;
}
export interface TheoryTables {
  theories: TheoriesTable;
  theoryNodes: TheoryNodesTable;
  theoryEdges: TheoryEdgesTable;
}
