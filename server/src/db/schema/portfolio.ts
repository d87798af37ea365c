import type { ColumnType } from 'kysely';

/** Tables of the portfolio; merged into Database in ../schema.ts. */
export interface SharedGoalsTable {
  id: string;
  areaSecretariatId: string;
  title: string;
  description: string | null;
  sortOrder: number;
  isExample: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface SharedIndicatorsTable {
  id: string;
  areaSecretariatId: string | null;
  sharedGoalId: string | null;
  name: string;
  definition: string | null;
  unit: string | null;
  kind: string;
  direction: string;
  combineRule: string;
  isExample: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface PlanExpendituresTable {
  planId: string;
  year: number;
  amountOre: ColumnType<number, number, number>;
  note: string | null;
  updatedAt: string;
}
export interface PortfolioTables {
  sharedGoals: SharedGoalsTable;
  sharedIndicators: SharedIndicatorsTable;
  planExpenditures: PlanExpendituresTable;
}
