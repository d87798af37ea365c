import type {
  ForumKind,
  ForumLevel,
  LocalProfessionalKind,
  MemberRole,
  OrganisationSide,
  Represents,
} from '@pejling/contracts';

// The codes as values for the web app (contracts' arrays would bring zod into the bundle).
export const FORUM_KINDS = [
  'board',
  'steeringGroup',
  'operationsGroup',
  'projectSecretariat',
  'followUpGroup',
  'workingGroup',
  'residentForum',
  'other',
] as const satisfies readonly ForumKind[];
export const FORUM_LEVELS = ['strategic', 'tactical', 'operational'] as const satisfies readonly ForumLevel[];
export const MEMBER_ROLES = [
  'chair',
  'member',
  'secretary',
  'observer',
] as const satisfies readonly MemberRole[];
export const REPRESENTS = [
  'political',
  'topAdministration',
  'middleManagement',
  'localProfessional',
  'projectStaff',
  'residentBoard',
  'resident',
  'volunteer',
] as const satisfies readonly Represents[];
export const LOCAL_PROFESSIONAL_KINDS = [
  'school',
  'dayCare',
  'library',
  'police',
  'jobCentre',
  'other',
] as const satisfies readonly LocalProfessionalKind[];
export const ORGANISATION_SIDES = [
  'municipality',
  'housingOrganisation',
  'other',
] as const satisfies readonly OrganisationSide[];
