import type { Locale, RoleName } from '@pejling/contracts';
import type { Permission } from './permissions.js';

export interface RoleGrantRow {
  role: RoleName;
  organisationKind: string | null;
  organisationId: string | null;
  planId: string | null;
}

/** The logged-in caller, loaded from the session cookie. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: Locale;
  roles: RoleGrantRow[];
  sessionId: string;
  csrfToken: string;
}

/** What a service needs to know about the request: who, for the audit log and permission checks. */
export interface RequestContext {
  principal: Principal | null;
  requestId: string;
  locale: Locale;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    permission?: Permission;
  }
}
