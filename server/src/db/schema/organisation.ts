/** Tables of the organisation capability; merged into Database in ../schema.ts. */
import type { Generated } from 'kysely';

/** 0 or 1 on both engines; see portable.ts. */
type Bool = number;

/** A forum of a plan's project organisation (board, steering group, secretariat, ...). */
export interface OrgForumsTable {
  id: string;
  planId: string;
  kind: string;
  name: string;
  level: string;
  makesDecisions: Bool;
  reportsTo: string | null;
  meetingsPerYear: number | null;
  mandate: string | null;
  steering: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A person in a plan's organisation; staff columns are set for the secretariat's employees. */
export interface OrgPeopleTable {
  id: string;
  planId: string;
  name: string;
  organisation: string | null;
  title: string | null;
  isStaff: Bool;
  employer: string | null;
  hoursPerWeek: number | null;
  fte: number | null;
  task: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One seat of one person in one forum (unique per forum and person). */
export interface OrgMembershipsTable {
  id: string;
  planId: string;
  forumId: string;
  personId: string;
  role: string;
  represents: string;
  localProfessionalKind: string | null;
  side: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A plan's collaboration agreement (one per plan). */
export interface CollabAgreementsTable {
  planId: string;
  status: string;
  signedOn: string | null;
  attachmentsJson: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface CollabPartiesTable {
  id: string;
  planId: string;
  name: string;
  kind: string;
  contactPerson: string | null;
  sortOrder: number;
}
export interface CollabResponsibilitiesTable {
  planId: string;
  focusAreaId: string;
  partyId: string;
  role: string;
}
export interface CollabCommitmentsTable {
  id: string;
  planId: string;
  focusAreaId: string;
  partyId: string;
  text: string;
  sortOrder: number;
}

/** An ordinary municipal service (name, department, target group) in a municipality's catalogue. */
export interface MunicipalServicesTable {
  id: string;
  municipalityId: string;
  name: string;
  department: string | null;
  targetGroup: string | null;
  createdAt: string;
  /** From 0009: set on every write (null only if written by code older than 0009). */
  updatedAt: string | null;
  isExample: Generated<Bool>;
  version: Generated<number>;
}
/** Where a plan's focus area meets a municipal service: overlap or synergy. */
export interface CollabServiceLinksTable {
  id: string;
  planId: string;
  focusAreaId: string;
  serviceId: string;
  relation: string;
  note: string | null;
  sortOrder: number;
}

/** An area secretariat's own organisation, stored as one JSON document. */
export interface SecretariatOrganisationsTable {
  areaSecretariatId: string;
  documentJson: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A party's role for one activity in the responsibility matrix. */
export interface CollabActivityResponsibilitiesTable {
  planId: string;
  activityId: string;
  partyId: string;
  role: string;
}

export interface OrganisationTables {
  collabActivityResponsibilities: CollabActivityResponsibilitiesTable;
  secretariatOrganisations: SecretariatOrganisationsTable;
  municipalServices: MunicipalServicesTable;
  collabServiceLinks: CollabServiceLinksTable;
  collabAgreements: CollabAgreementsTable;
  collabParties: CollabPartiesTable;
  collabResponsibilities: CollabResponsibilitiesTable;
  collabCommitments: CollabCommitmentsTable;
  orgForums: OrgForumsTable;
  orgPeople: OrgPeopleTable;
  orgMemberships: OrgMembershipsTable;
}
