// Types inferred from the shared schemas. Only types are imported, so zod stays out of the bundle.
import type { z } from 'zod';
import type {
  AreaSecretariatInput,
  AuditPage as AuditPageSchema,
  CaseMatrix as CaseMatrixSchema,
  FocusAreaCatalogueInput,
  FundingPoolInput,
  HousingAreaInput,
  HousingDepartmentInput,
  HousingOrganisationInput,
  MunicipalityInput,
  MunicipalServiceInput,
  PlanList as PlanListSchema,
  UserInput,
  UserUpdate,
} from '@pejling/contracts';

export type {
  AreaSecretariat,
  AuditEntry,
  FocusArea,
  FocusAreaCatalogue,
  FundingPool,
  Grant,
  GrantBand,
  HousingArea,
  HousingDepartment,
  HousingOrganisation,
  Locale,
  Me,
  Municipality,
  MunicipalService,
  PlanDetail,
  PlanInput,
  PlanStatus,
  PlanSummary,
  PlanUpdate,
  RoleGrant,
  RoleGrantInput,
  RoleName,
  OrganisationKind,
  SecretariatSupport,
  SizeBand,
  User,
} from '@pejling/contracts';

export type MunicipalityInputT = z.input<typeof MunicipalityInput>;
export type HousingOrganisationInputT = z.input<typeof HousingOrganisationInput>;
export type HousingDepartmentInputT = z.input<typeof HousingDepartmentInput>;
export type HousingAreaInputT = z.input<typeof HousingAreaInput>;
export type FundingPoolInputT = z.input<typeof FundingPoolInput>;
export type FocusAreaCatalogueInputT = z.input<typeof FocusAreaCatalogueInput>;
export type AreaSecretariatInputT = z.input<typeof AreaSecretariatInput>;
export type MunicipalServiceInputT = z.input<typeof MunicipalServiceInput>;
export type UserInputT = z.input<typeof UserInput>;
export type UserUpdateT = z.input<typeof UserUpdate>;
export type PlanList = z.infer<typeof PlanListSchema>;
export type CaseMatrix = z.infer<typeof CaseMatrixSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Filters shared by the plan list, the case matrix and the plan export. */
export interface PlanFilters {
  q?: string;
  status?: string;
  poolId?: string;
  municipalityId?: string;
  housingOrganisationId?: string;
  areaSecretariatId?: string;
  focusAreaId?: string;
  sizeBand?: string;
  grantBand?: string;
  example?: string;
  sort?: string;
  dir?: string;
}

export const planFilterKeys = [
  'q',
  'status',
  'poolId',
  'municipalityId',
  'housingOrganisationId',
  'areaSecretariatId',
  'focusAreaId',
  'sizeBand',
  'grantBand',
  'example',
] as const;
