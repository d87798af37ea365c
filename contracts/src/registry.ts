import { z } from 'zod';
import { Id, IsoDate, LongText, Name, Version } from './common.js';

// ---------- Municipalities ----------
export const MunicipalityInput = z.object({
  name: Name,
  /** The official municipality number (kommunekode), 101-860. */
  code: z.number().int().min(100).max(999).nullable().optional(),
});
export const Municipality = z.object({
  id: Id,
  name: z.string(),
  code: z.number().nullable(),
  isExample: z.boolean(),
  version: z.number(),
  planCount: z.number(),
});
export type Municipality = z.infer<typeof Municipality>;

// ---------- Housing organisations ----------
export const HousingOrganisationInput = z.object({
  name: Name,
  municipalityId: Id.nullable().optional(),
});
export const HousingOrganisation = z.object({
  id: Id,
  name: z.string(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  isExample: z.boolean(),
  version: z.number(),
});
export type HousingOrganisation = z.infer<typeof HousingOrganisation>;

// ---------- Housing areas and departments ----------
export const HousingDepartmentInput = z.object({
  housingOrganisationId: Id,
  departmentNumber: z.string().trim().min(1).max(20),
  name: z.string().trim().max(200).nullable().optional(),
  dwellings: z.number().int().min(0).max(100_000),
});
export const HousingDepartment = z.object({
  id: Id,
  areaId: z.string(),
  housingOrganisationId: z.string(),
  housingOrganisationName: z.string(),
  departmentNumber: z.string(),
  name: z.string().nullable(),
  dwellings: z.number(),
});
export type HousingDepartment = z.infer<typeof HousingDepartment>;

export const HousingAreaInput = z.object({
  name: Name,
  municipalityId: Id,
  description: LongText.nullable().optional(),
  departments: z.array(HousingDepartmentInput).max(200).default([]),
});
export const HousingArea = z.object({
  id: Id,
  name: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  description: z.string().nullable(),
  dwellings: z.number(),
  departments: z.array(HousingDepartment),
  isExample: z.boolean(),
  version: z.number(),
});
export type HousingArea = z.infer<typeof HousingArea>;

// ---------- Funding pools and focus-area catalogues ----------
export const FocusAreaInput = z.object({
  nameDa: Name,
  nameEn: Name,
});
export const FocusArea = z.object({
  id: Id,
  catalogueId: z.string(),
  poolId: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
});
export type FocusArea = z.infer<typeof FocusArea>;

export const FocusAreaCatalogueInput = z.object({
  validFrom: IsoDate,
  note: z.string().trim().max(2000).nullable().optional(),
  focusAreas: z.array(FocusAreaInput).min(1).max(50),
});
export const FocusAreaCatalogue = z.object({
  id: Id,
  poolId: z.string(),
  version: z.number(),
  validFrom: z.string(),
  note: z.string().nullable(),
  focusAreas: z.array(FocusArea),
});
export type FocusAreaCatalogue = z.infer<typeof FocusAreaCatalogue>;

export const FundingPoolInput = z.object({
  name: Name,
  startYear: z.number().int().min(1990).max(2100),
  endYear: z.number().int().min(1990).max(2100),
  description: LongText.nullable().optional(),
});
export const FundingPool = z.object({
  id: Id,
  name: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  description: z.string().nullable(),
  catalogues: z.array(FocusAreaCatalogue),
  planCount: z.number(),
  version: z.number(),
});
export type FundingPool = z.infer<typeof FundingPool>;

// ---------- Area secretariats ----------
export const AreaSecretariatInput = z.object({
  name: Name,
  municipalityId: Id,
  description: LongText.nullable().optional(),
});
export const AreaSecretariat = z.object({
  id: Id,
  name: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  description: z.string().nullable(),
  plans: z.array(z.object({ id: z.string(), name: z.string() })),
  isExample: z.boolean(),
  version: z.number(),
});
export type AreaSecretariat = z.infer<typeof AreaSecretariat>;

// ---------- Plans and grants ----------
export const PlanStatus = z.enum(['draft', 'active', 'ended']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const SecretariatSupport = z.enum(['yes', 'no', 'unclear']);
export type SecretariatSupport = z.infer<typeof SecretariatSupport>;

export const SizeBand = z.enum(['small', 'medium', 'large']);
export type SizeBand = z.infer<typeof SizeBand>;
export const GrantBand = z.enum(['under5', 'from5to15', 'over15']);
export type GrantBand = z.infer<typeof GrantBand>;

/** Money travels and is stored as øre (integers). */
export const GrantInput = z.object({
  poolId: Id,
  /** Amount in øre (1 kr. = 100 øre). */
  amountOre: z.number().int().min(0).max(100_000_000_000),
  startDate: IsoDate,
  endDate: IsoDate,
  reference: z.string().trim().max(100).nullable().optional(),
});
export const Grant = z.object({
  id: Id,
  planId: z.string(),
  poolId: z.string(),
  poolName: z.string(),
  amountOre: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  reference: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const PlanInput = z.object({
  name: Name,
  poolId: Id,
  municipalityId: Id,
  housingOrganisationId: Id,
  areaIds: z.array(Id).max(50).default([]),
  focusAreaIds: z.array(Id).max(50).default([]),
  purpose: LongText.nullable().optional(),
  problems: LongText.nullable().optional(),
  status: PlanStatus,
  periodStart: IsoDate.nullable().optional(),
  periodEnd: IsoDate.nullable().optional(),
  areaSecretariatId: Id.nullable().optional(),
  secretariatSupport: SecretariatSupport.nullable().optional(),
  grants: z.array(GrantInput).max(20).default([]),
});
export type PlanInput = z.input<typeof PlanInput>;

export const PlanUpdate = PlanInput.extend({ version: Version });
export type PlanUpdate = z.input<typeof PlanUpdate>;

export const PlanSummary = z.object({
  id: Id,
  name: z.string(),
  status: PlanStatus,
  poolId: z.string(),
  poolName: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  housingOrganisationId: z.string(),
  housingOrganisationName: z.string(),
  areaSecretariatId: z.string().nullable(),
  areaSecretariatName: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  dwellings: z.number(),
  grantTotalOre: z.number(),
  grantCount: z.number(),
  sizeBand: SizeBand.nullable(),
  grantBand: GrantBand.nullable(),
  focusAreaIds: z.array(z.string()),
  isExample: z.boolean(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({
  purpose: z.string().nullable(),
  problems: z.string().nullable(),
  secretariatSupport: SecretariatSupport.nullable(),
  areas: z.array(HousingArea),
  focusAreas: z.array(FocusArea),
  grants: z.array(Grant),
  version: z.number(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanSortKey = z.enum([
  'name',
  'municipality',
  'pool',
  'status',
  'dwellings',
  'grant',
  'periodStart',
  'updatedAt',
]);

const csvList = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').filter((x) => x.length > 0));

export const PlanListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.union([PlanStatus, z.literal('')]).optional(),
  poolId: z.union([Id, z.literal('')]).optional(),
  municipalityId: z.union([Id, z.literal('')]).optional(),
  housingOrganisationId: z.union([Id, z.literal('')]).optional(),
  areaSecretariatId: z.union([Id, z.literal('')]).optional(),
  focusAreaId: z.union([Id, z.literal('')]).optional(),
  sizeBand: z.union([SizeBand, z.literal('')]).optional(),
  grantBand: z.union([GrantBand, z.literal('')]).optional(),
  example: z.enum(['', 'yes', 'no']).optional(),
  sort: PlanSortKey.optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  ids: csvList.optional(),
});
export type PlanListQuery = z.input<typeof PlanListQuery>;

export const PlanList = z.object({ items: z.array(PlanSummary), total: z.number() });

export const CaseMatrixCell = z.object({
  sizeBand: SizeBand,
  grantBand: GrantBand,
  plans: z.array(
    z.object({ id: z.string(), name: z.string(), dwellings: z.number(), grantTotalOre: z.number() }),
  ),
});
export const CaseMatrix = z.object({
  cells: z.array(CaseMatrixCell),
  unbanded: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      reason: z.enum(['no_dwellings', 'no_grants']),
    }),
  ),
  total: z.number(),
});
export type CaseMatrix = z.infer<typeof CaseMatrix>;

// ---------- Updates carry the version the client read (optimistic concurrency) ----------
export const MunicipalityUpdate = MunicipalityInput.extend({ version: Version });
export const HousingOrganisationUpdate = HousingOrganisationInput.extend({ version: Version });
export const HousingAreaUpdate = HousingAreaInput.extend({ version: Version });
export const FundingPoolUpdate = FundingPoolInput.extend({ version: Version });
export const AreaSecretariatUpdate = AreaSecretariatInput.extend({ version: Version });

export const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx']) });
export const PlanExportQuery = PlanListQuery.extend({ format: z.enum(['csv', 'xlsx']) });
