import type { ColumnType, Generated } from 'kysely';

/** 0 or 1 on both engines; see portable.ts. */
type Bool = number;
type Json = string | null;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: Bool;
  locale: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface RoleGrantsTable {
  id: string;
  userId: string;
  role: string;
  organisationKind: string | null;
  organisationId: string | null;
  planId: string | null;
  createdAt: string;
}
export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}
export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip: string;
  at: string;
  success: Bool;
}
/** A plan's revision, raised with every audited change to it (migration 0017). */
export interface PlanRevisionsTable {
  planId: string;
  revision: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  planId: string | null;
  beforeJson: Json;
  afterJson: Json;
  requestId: string | null;
}
export interface MunicipalitiesTable {
  id: string;
  name: string;
  code: number | null;
  isExample: Bool;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface HousingOrganisationsTable {
  id: string;
  name: string;
  municipalityId: string | null;
  isExample: Bool;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface HousingAreasTable {
  id: string;
  name: string;
  municipalityId: string;
  description: string | null;
  isExample: Bool;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface HousingDepartmentsTable {
  id: string;
  areaId: string;
  housingOrganisationId: string;
  departmentNumber: string;
  name: string | null;
  dwellings: number;
  createdAt: string;
}
export interface FundingPoolsTable {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface FocusAreaCataloguesTable {
  id: string;
  poolId: string;
  catalogueVersion: number;
  validFrom: string;
  note: string | null;
  createdAt: string;
}
export interface FocusAreasTable {
  id: string;
  catalogueId: string;
  poolId: string;
  nameDa: string;
  nameEn: string;
  sortOrder: number;
}
export interface AreaSecretariatsTable {
  id: string;
  name: string;
  municipalityId: string;
  description: string | null;
  isExample: Bool;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface PlansTable {
  id: string;
  name: string;
  poolId: string;
  municipalityId: string;
  housingOrganisationId: string;
  areaSecretariatId: string | null;
  secretariatSupport: string | null;
  purpose: string | null;
  problems: string | null;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  isExample: Bool;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface PlanAreasTable {
  planId: string;
  areaId: string;
}
export interface PlanFocusAreasTable {
  planId: string;
  focusAreaId: string;
}
export interface GrantsTable {
  id: string;
  planId: string;
  poolId: string;
  /** Øre; bigint on PostgreSQL, parsed to a JS number (safe below 2^53). */
  amountOre: ColumnType<number, number, number>;
  startDate: string;
  endDate: string;
  reference: string | null;
  sortOrder: number;
  createdAt: string;
}
export interface MetaTable {
  key: string;
  value: string;
}

import type { OrganisationTables } from './schema/organisation.js';
import type { ResultsTables } from './schema/results.js';
import type { ReportsTables } from './schema/reports.js';
import type { PortfolioTables } from './schema/portfolio.js';
import type { EvaluationTables } from './schema/evaluation.js';
import type { MarkersTables } from './schema/markers.js';
import type { TheoryTables } from './schema/theory.js';

/** Every table; each capability keeps its own in schema/<capability>.ts. */
export interface Database
  extends
    OrganisationTables,
    ResultsTables,
    ReportsTables,
    PortfolioTables,
    EvaluationTables,
    MarkersTables,
    TheoryTables {
  users: UsersTable;
  roleGrants: RoleGrantsTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  auditLog: AuditLogTable;
  planRevisions: PlanRevisionsTable;
  municipalities: MunicipalitiesTable;
  housingOrganisations: HousingOrganisationsTable;
  housingAreas: HousingAreasTable;
  housingDepartments: HousingDepartmentsTable;
  fundingPools: FundingPoolsTable;
  focusAreaCatalogues: FocusAreaCataloguesTable;
  focusAreas: FocusAreasTable;
  areaSecretariats: AreaSecretariatsTable;
  plans: PlansTable;
  planAreas: PlanAreasTable;
  planFocusAreas: PlanFocusAreasTable;
  grants: GrantsTable;
  meta: MetaTable;
}

export type { Generated };
