// Contracts of the organisation capability (forums, people, typology, agreements).
import { z } from 'zod';
import { Id, LongText, Name, Version } from './common.js';

// ---------- Codes (the same as server/src/domain/typology.ts) ----------
export const FORUM_KINDS = [
  'board',
  'steeringGroup',
  'operationsGroup',
  'projectSecretariat',
  'followUpGroup',
  'workingGroup',
  'residentForum',
  'other',
] as const;
export const ForumKind = z.enum(FORUM_KINDS);
export type ForumKind = z.infer<typeof ForumKind>;

export const FORUM_LEVELS = ['strategic', 'tactical', 'operational'] as const;
export const ForumLevel = z.enum(FORUM_LEVELS);
export type ForumLevel = z.infer<typeof ForumLevel>;

export const SecretariatSteering = z.enum(['joint', 'parallel']);
export type SecretariatSteering = z.infer<typeof SecretariatSteering>;

export const MEMBER_ROLES = ['chair', 'member', 'secretary', 'observer'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const REPRESENTS = [
  'political',
  'topAdministration',
  'middleManagement',
  'localProfessional',
  'projectStaff',
  'residentBoard',
  'resident',
  'volunteer',
] as const;
export const Represents = z.enum(REPRESENTS);
export type Represents = z.infer<typeof Represents>;

export const LOCAL_PROFESSIONAL_KINDS = [
  'school',
  'dayCare',
  'library',
  'police',
  'jobCentre',
  'other',
] as const;
export const LocalProfessionalKind = z.enum(LOCAL_PROFESSIONAL_KINDS);
export type LocalProfessionalKind = z.infer<typeof LocalProfessionalKind>;

export const ORGANISATION_SIDES = ['municipality', 'housingOrganisation', 'other'] as const;
export const OrganisationSide = z.enum(ORGANISATION_SIDES);
export type OrganisationSide = z.infer<typeof OrganisationSide>;

export const Employer = z.enum(['housingOrganisation', 'municipality']);
export type Employer = z.infer<typeof Employer>;
export const StaffTask = z.enum(['coordinating', 'executing', 'both']);
export type StaffTask = z.infer<typeof StaffTask>;

const OptionalText = z.string().trim().max(200).nullable().optional();

// ---------- Forums ----------
export const ForumInput = z.object({
  kind: ForumKind,
  name: Name,
  level: ForumLevel,
  makesDecisions: z.boolean(),
  /** The forum of the same plan this one reports to; null at the top. */
  reportsTo: Id.nullable().optional(),
  meetingsPerYear: z.number().int().min(0).max(366).nullable().optional(),
  mandate: LongText.nullable().optional(),
  /** Only on a project secretariat: one joint team, or parallel steering. */
  steering: SecretariatSteering.nullable().optional(),
});
export type ForumInput = z.input<typeof ForumInput>;
export const ForumUpdate = ForumInput.extend({ version: Version });
export type ForumUpdate = z.input<typeof ForumUpdate>;

export const Forum = z.object({
  id: Id,
  planId: Id,
  kind: ForumKind,
  name: z.string(),
  level: ForumLevel,
  makesDecisions: z.boolean(),
  reportsTo: z.string().nullable(),
  meetingsPerYear: z.number().nullable(),
  mandate: z.string().nullable(),
  steering: SecretariatSteering.nullable(),
  version: z.number(),
});
export type Forum = z.infer<typeof Forum>;

// ---------- People ----------
export const StaffDetails = z.object({
  employer: Employer.nullable(),
  hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
  fte: z.number().min(0).max(2).nullable().optional(),
  task: StaffTask.nullable(),
});
export type StaffDetails = z.input<typeof StaffDetails>;

export const PersonInput = z.object({
  name: Name,
  /** The organisation the person comes from (e.g. "Aarhus Kommune, Børn og Unge"). */
  organisation: OptionalText,
  title: OptionalText,
  /** Set when the person is on the project secretariat's staff. */
  staff: StaffDetails.nullable().optional(),
});
export type PersonInput = z.input<typeof PersonInput>;
export const PersonUpdate = PersonInput.extend({ version: Version });
export type PersonUpdate = z.input<typeof PersonUpdate>;

export const Person = z.object({
  id: Id,
  planId: Id,
  name: z.string(),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  staff: z
    .object({
      employer: Employer.nullable(),
      hoursPerWeek: z.number().nullable(),
      fte: z.number().nullable(),
      task: StaffTask.nullable(),
    })
    .nullable(),
  version: z.number(),
});
export type Person = z.infer<typeof Person>;

// ---------- Memberships ----------
export const MembershipInput = z.object({
  forumId: Id,
  personId: Id,
  role: MemberRole,
  represents: Represents,
  localProfessionalKind: LocalProfessionalKind.nullable().optional(),
  side: OrganisationSide.nullable().optional(),
});
export type MembershipInput = z.input<typeof MembershipInput>;
export const MembershipUpdate = MembershipInput.extend({ version: Version });
export type MembershipUpdate = z.input<typeof MembershipUpdate>;

export const Membership = z.object({
  id: Id,
  planId: Id,
  forumId: Id,
  personId: Id,
  role: MemberRole,
  represents: Represents,
  localProfessionalKind: LocalProfessionalKind.nullable(),
  side: OrganisationSide.nullable(),
  version: z.number(),
});
export type Membership = z.infer<typeof Membership>;

export const OrganisationParams = z.object({ id: Id });
export const ForumParams = z.object({ id: Id, forumId: Id });
export const PersonParams = z.object({ id: Id, personId: Id });
export const MembershipParams = z.object({ id: Id, membershipId: Id });

// ---------- Typology ----------
export const LocalText = z.object({ da: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

export const TypologyDimension = z.object({
  /** A type code, a number (levels) or "not_determined". */
  type: z.union([z.string(), z.number()]),
  label: LocalText,
  reasons: z.array(LocalText),
  missing: z.array(LocalText),
});
export type TypologyDimension = z.infer<typeof TypologyDimension>;

export const Typology = z.object({
  organisation: TypologyDimension,
  secretariat: TypologyDimension,
  residentInvolvement: TypologyDimension,
  levels: TypologyDimension,
  operationsGroup: TypologyDimension,
  hasOperationsGroupBesideSteering: z.boolean().nullable(),
  warnings: z.array(LocalText),
});
export type Typology = z.infer<typeof Typology>;

export const Organisation = z.object({
  planId: Id,
  forums: z.array(Forum),
  people: z.array(Person),
  memberships: z.array(Membership),
  typology: Typology,
});
export type Organisation = z.infer<typeof Organisation>;

// ---------- The JSON file format of `pejling typology classify` (docs/typology.md) ----------
const FileId = z.string().trim().min(1).max(200);
export const OrganisationFile = z.strictObject({
  forums: z
    .array(
      z.strictObject({
        id: FileId,
        kind: ForumKind,
        name: z.string().max(200).nullable().optional(),
        level: ForumLevel,
        makesDecisions: z.boolean(),
        reportsTo: FileId.nullable(),
        meetingsPerYear: z.number().min(0).max(366).nullable().optional(),
        mandate: LongText.nullable().optional(),
        steering: SecretariatSteering.nullable().optional(),
      }),
    )
    .max(500),
  members: z
    .array(
      z.strictObject({
        forumId: FileId,
        name: z.string().max(200).nullable().optional(),
        role: MemberRole,
        represents: Represents,
        localProfessionalKind: LocalProfessionalKind.nullable().optional(),
        side: OrganisationSide.nullable().optional(),
      }),
    )
    .max(5000),
  staff: z
    .array(
      z.strictObject({
        name: z.string().max(200).nullable().optional(),
        employer: Employer.nullable(),
        hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
        fte: z.number().min(0).max(2).nullable().optional(),
        task: StaffTask.nullable(),
      }),
    )
    .max(500),
});
export type OrganisationFile = z.infer<typeof OrganisationFile>;

// ---------- Across plans ----------
export const TypologyPortfolioRow = z.object({
  planId: Id,
  planName: z.string(),
  municipalityName: z.string(),
  isExample: z.boolean(),
  forumCount: z.number(),
  typology: Typology,
});
export type TypologyPortfolioRow = z.infer<typeof TypologyPortfolioRow>;
export const TypologyPortfolio = z.object({
  items: z.array(TypologyPortfolioRow),
  total: z.number(),
});
export type TypologyPortfolio = z.infer<typeof TypologyPortfolio>;

// ---------- Collaboration agreement (samarbejdsaftale) ----------
export const AGREEMENT_STATUSES = ['draft', 'signed', 'fundApproved', 'revised'] as const;
export const AgreementStatus = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatus>;
export const PARTY_KINDS = [
  'municipality',
  'housingOrganisation',
  'residentBoard',
  'school',
  'association',
  'police',
  'other',
] as const;
export const PartyKind = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof PartyKind>;
export const MATRIX_ROLES = ['responsible', 'carriesOut', 'consulted', 'informed'] as const;
export const MatrixRole = z.enum(MATRIX_ROLES);
export type MatrixRole = z.infer<typeof MatrixRole>;

export const ServiceRelation = z.enum(['overlap', 'synergy']);
export type ServiceRelation = z.infer<typeof ServiceRelation>;

/** The whole agreement, saved at once; parties are referred to by `ref` within the body. */
export const AgreementInput = z.object({
  status: AgreementStatus,
  signedOn: z.iso.date().nullable().optional(),
  attachments: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  parties: z
    .array(
      z.object({
        /** An existing party's id, or any new key unique in this body. */
        ref: z.string().trim().min(1).max(100),
        name: Name,
        kind: PartyKind,
        contactPerson: z.string().trim().max(200).nullable().optional(),
      }),
    )
    .max(50),
  responsibilities: z
    .array(z.object({ focusAreaId: Id, partyRef: z.string().trim().min(1).max(100), role: MatrixRole }))
    .max(1000),
  commitments: z
    .array(
      z.object({
        focusAreaId: Id,
        partyRef: z.string().trim().min(1).max(100),
        text: z.string().trim().min(1).max(2000),
      }),
    )
    .max(500),
  /** The matrix's rows for the plan's activities (results framework), beside the focus areas. */
  activityResponsibilities: z
    .array(z.object({ activityId: Id, partyRef: z.string().trim().min(1).max(100), role: MatrixRole }))
    .max(5000)
    .default([]),
  /**
   * Where a focus area meets an ordinary municipal service: an existing service of the plan's
   * municipality (serviceId) or a new one added to that municipality's catalogue (newService).
   */
  serviceLinks: z
    .array(
      z.object({
        focusAreaId: Id,
        serviceId: Id.nullable().optional(),
        newService: z
          .object({
            name: Name,
            department: z.string().trim().max(200).nullable().optional(),
            targetGroup: z.string().trim().max(200).nullable().optional(),
          })
          .nullable()
          .optional(),
        relation: ServiceRelation,
        note: z.string().trim().max(1000).nullable().optional(),
      }),
    )
    .max(200)
    .default([]),
  /** 0 when no agreement has been saved yet. */
  version: z.number().int().min(0).max(2_147_483_646),
});
export type AgreementInput = z.input<typeof AgreementInput>;

export const AgreementFlag = z.object({
  code: z.enum(['no_one_responsible', 'several_responsible', 'commitments_without_contact']),
  focusAreaId: z.string().nullable(),
  activityId: z.string().nullable(),
  partyId: z.string().nullable(),
  message: LocalText,
});
export type AgreementFlag = z.infer<typeof AgreementFlag>;

export const Agreement = z.object({
  planId: Id,
  status: AgreementStatus,
  signedOn: z.string().nullable(),
  attachments: z.array(z.string()),
  parties: z.array(
    z.object({ id: Id, name: z.string(), kind: PartyKind, contactPerson: z.string().nullable() }),
  ),
  focusAreas: z.array(z.object({ id: Id, nameDa: z.string(), nameEn: z.string() })),
  responsibilities: z.array(z.object({ focusAreaId: Id, partyId: Id, role: MatrixRole })),
  activities: z.array(z.object({ id: Id, name: z.string(), focusAreaId: z.string().nullable() })),
  activityResponsibilities: z.array(z.object({ activityId: Id, partyId: Id, role: MatrixRole })),
  commitments: z.array(z.object({ id: Id, focusAreaId: Id, partyId: Id, text: z.string() })),
  flags: z.array(AgreementFlag),
  /** The catalogue of ordinary services in the plan's municipality. */
  municipalServices: z.array(
    z.object({
      id: Id,
      name: z.string(),
      department: z.string().nullable(),
      targetGroup: z.string().nullable(),
    }),
  ),
  serviceLinks: z.array(
    z.object({ focusAreaId: Id, serviceId: Id, relation: ServiceRelation, note: z.string().nullable() }),
  ),
  version: z.number(),
});
export type Agreement = z.infer<typeof Agreement>;

// ---------- The catalogue of ordinary municipal services (C6) ----------
const ServiceDetail = z.string().trim().max(200).nullable().optional();
/** An entry of a municipality's catalogue of ordinary services, edited with the registry. */
export const MunicipalServiceInput = z.object({
  municipalityId: Id,
  name: Name,
  department: ServiceDetail,
  targetGroup: ServiceDetail,
});
export const MunicipalServiceUpdate = MunicipalServiceInput.extend({ version: Version });
export const MunicipalService = z.object({
  id: Id,
  municipalityId: z.string(),
  municipalityName: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  targetGroup: z.string().nullable(),
  /** The plans whose collaboration agreement links a focus area to the service. */
  plans: z.array(z.object({ id: z.string(), name: z.string() })),
  isExample: z.boolean(),
  version: z.number(),
});
export type MunicipalService = z.infer<typeof MunicipalService>;

// ---------- An area secretariat's own organisation (C3) ----------
export const SECRETARIAT_FUNCTIONS = [
  'coordination',
  'experienceExchange',
  'competenceDevelopment',
  'sharedGoalManagement',
  'dataSupport',
] as const;
export const SecretariatFunction = z.enum(SECRETARIAT_FUNCTIONS);
export type SecretariatFunction = z.infer<typeof SecretariatFunction>;

const Ref = z.string().trim().min(1).max(100);
/** The whole organisation of an area secretariat, saved at once; forums are referred to by `ref`. */
export const SecretariatOrganisationInput = z.object({
  forums: z
    .array(
      z.object({
        ref: Ref,
        kind: ForumKind,
        name: Name,
        level: ForumLevel,
        makesDecisions: z.boolean(),
        reportsTo: Ref.nullable().optional(),
      }),
    )
    .max(30),
  members: z
    .array(
      z.object({
        forumRef: Ref,
        name: Name,
        organisation: z.string().trim().max(200).nullable().optional(),
        role: MemberRole,
        represents: Represents,
        /** The served plan this member represents (e.g. a member of that plan's steering group). */
        planId: Id.nullable().optional(),
        /**
         * The person record in that plan's organisation this member is, if any: the plan follows
         * from it, and name and organisation are then read from the record.
         */
        personId: Id.nullable().optional(),
      }),
    )
    .max(300),
  staff: z
    .array(
      z.object({
        name: Name,
        employer: Employer.nullable(),
        hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
        task: StaffTask.nullable(),
      }),
    )
    .max(50),
  functions: z
    .array(
      z.object({
        function: SecretariatFunction,
        who: z.string().trim().min(1).max(300),
        note: z.string().trim().max(1000).nullable().optional(),
      }),
    )
    .max(20),
  version: z.number().int().min(0).max(2_147_483_646),
});
export type SecretariatOrganisationInput = z.input<typeof SecretariatOrganisationInput>;

export const SecretariatOrganisation = z.object({
  areaSecretariatId: Id,
  forums: z.array(
    z.object({
      ref: z.string(),
      kind: ForumKind,
      name: z.string(),
      level: ForumLevel,
      makesDecisions: z.boolean(),
      reportsTo: z.string().nullable(),
    }),
  ),
  members: z.array(
    z.object({
      forumRef: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      role: MemberRole,
      represents: Represents,
      planId: z.string().nullable(),
      /** Set while the linked person still exists in the plan's organisation. */
      personId: z.string().nullable(),
    }),
  ),
  staff: z.array(
    z.object({
      name: z.string(),
      employer: Employer.nullable(),
      hoursPerWeek: z.number().nullable(),
      task: StaffTask.nullable(),
    }),
  ),
  functions: z.array(
    z.object({ function: SecretariatFunction, who: z.string(), note: z.string().nullable() }),
  ),
  /** Each plan the secretariat serves, and who represents it in the secretariat's steering forums. */
  representation: z.array(
    z.object({ planId: Id, planName: z.string(), represented: z.boolean(), members: z.array(z.string()) }),
  ),
  summary: LocalText,
  version: z.number(),
});
export type SecretariatOrganisation = z.infer<typeof SecretariatOrganisation>;
