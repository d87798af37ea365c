import { z } from 'zod';
import { Id, Locale } from './common.js';

export const RoleName = z.enum([
  'fund',
  'org_member',
  'secretariat_member',
  'plan_editor',
  'plan_viewer',
  'plan_approver',
  'evaluator',
]);
export type RoleName = z.infer<typeof RoleName>;

/**
 * Roles held on one plan. A plan approver is a member of the plan's steering group or board: it
 * reads the plan and approves its status reports.
 */
export const PLAN_ROLES = ['plan_editor', 'plan_viewer', 'plan_approver'] as const;
export const isPlanRole = (role: string): role is (typeof PLAN_ROLES)[number] =>
  (PLAN_ROLES as readonly string[]).includes(role);

export const OrganisationKind = z.enum(['housing_organisation', 'municipality']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const RoleGrantInput = z.discriminatedUnion('role', [
  z.object({ role: z.literal('fund') }),
  z.object({ role: z.literal('org_member'), organisationKind: OrganisationKind, organisationId: Id }),
  /** Staff of an area secretariat: read the plans it serves, write its shared goals. */
  z.object({ role: z.literal('secretariat_member'), areaSecretariatId: Id }),
  z.object({ role: z.literal('plan_editor'), planId: Id }),
  z.object({ role: z.literal('plan_viewer'), planId: Id }),
  z.object({ role: z.literal('plan_approver'), planId: Id }),
  /** Process evaluation: may start studies; reads a study's transcripts only on its team. */
  z.object({ role: z.literal('evaluator') }),
]);
export type RoleGrantInput = z.infer<typeof RoleGrantInput>;

export const RoleGrant = z.object({
  id: Id,
  role: RoleName,
  /** `area_secretariat` for a secretariat member, whose secretariat is `organisationId`. */
  organisationKind: z.enum(['housing_organisation', 'municipality', 'area_secretariat']).nullable(),
  organisationId: z.string().nullable(),
  planId: z.string().nullable(),
  scopeName: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const LoginInput = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1000),
});

export const Email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320));
export const Password = z.string().min(12).max(1000);

export const UserInput = z.object({
  email: Email,
  name: z.string().trim().min(1).max(200),
  password: Password,
  isAdmin: z.boolean().default(false),
  locale: Locale.default('da'),
  roles: z.array(RoleGrantInput).max(100).default([]),
});

export const UserUpdate = z.object({
  name: z.string().trim().min(1).max(200),
  isAdmin: z.boolean(),
  locale: Locale,
  disabled: z.boolean(),
  password: Password.optional(),
  roles: z.array(RoleGrantInput).max(100),
});

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  locale: Locale,
  disabled: z.boolean(),
  roles: z.array(RoleGrant),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const Me = z.object({
  user: User,
  csrfToken: z.string(),
  /** Coarse capabilities the web app uses to show or hide menu items. */
  can: z.object({
    administer: z.boolean(),
    createPlan: z.boolean(),
    readAllPlans: z.boolean(),
    /** The portfolio: the fund, area secretariats, organisation members and administrators. */
    portfolio: z.boolean(),
    /** Process evaluation: administrators and evaluators (the team of a study reads its data). */
    evaluation: z.boolean(),
  }),
});
export type Me = z.infer<typeof Me>;

export const LocaleInput = z.object({ locale: Locale });

export const AuditQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.union([Id, z.literal('')]).optional(),
  planId: z.union([Id, z.literal('')]).optional(),
  userId: z.union([Id, z.literal('')]).optional(),
  action: z.string().max(60).optional(),
  from: z.union([z.iso.date(), z.literal('')]).optional(),
  to: z.union([z.iso.date(), z.literal('')]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  planId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number() });
