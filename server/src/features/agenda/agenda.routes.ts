import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Agenda, isPlanRole } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import type { Executor } from '../../db/database.js';
import { todayInDenmark } from '../../domain/periods.js';
import { overdueSince, type Frequency } from '../../domain/registrations.js';
import type { Principal } from '../../http/context.js';
import { AUTHENTICATED } from '../../http/permissions.js';

/**
 * What needs the user, from the plans they hold a role on (editor, viewer, approver): submitted
 * reports they may approve, and running activities whose registrations are overdue. The fund's
 * and administrators' view of every plan is the portfolio, not this list.
 */
export async function agendaOf(db: Executor, p: Principal): Promise<Agenda> {
  const planIds = [...new Set(p.roles.filter((r) => isPlanRole(r.role) && r.planId).map((r) => r.planId!))];
  const approverOf = new Set(p.roles.filter((r) => r.role === 'plan_approver').map((r) => r.planId));
  if (planIds.length === 0) return { reportsToApprove: [], overdue: [] };
  const [reports, activities, last] = await Promise.all([
    db
      .selectFrom('statusReports as r')
      .innerJoin('plans as p', 'p.id', 'r.planId')
      .select(['r.id', 'r.planId', 'r.title', 'r.period', 'p.name as planName'])
      .where('r.status', '=', 'submitted')
      .where('r.planId', 'in', planIds)
      .orderBy('p.name')
      .orderBy('r.period')
      .execute(),
    db
      .selectFrom('activities as a')
      .innerJoin('plans as p', 'p.id', 'a.planId')
      .select([
        'a.id',
        'a.name',
        'a.planId',
        'a.status',
        'a.registrationFrequency',
        'a.periodStart',
        'a.periodEnd',
        'p.name as planName',
      ])
      .where('a.planId', 'in', planIds)
      .where('a.status', '=', 'running')
      .where('a.registrationFrequency', '!=', 'none')
      .orderBy('p.name')
      .orderBy('a.name')
      .execute(),
    db
      .selectFrom('registrations')
      .select((eb) => ['activityId', eb.fn.max('date').as('last')])
      .where('planId', 'in', planIds)
      .groupBy('activityId')
      .execute(),
  ]);
  const today = todayInDenmark();
  const lastOf = new Map(last.map((l) => [l.activityId, l.last as string | null]));
  return {
    reportsToApprove: reports
      .filter((r) => approverOf.has(r.planId))
      .map((r) => ({
        planId: r.planId,
        planName: r.planName,
        reportId: r.id,
        title: r.title,
        period: r.period,
      })),
    overdue: activities.flatMap((a) => {
      const since = overdueSince(
        {
          status: a.status,
          frequency: a.registrationFrequency as Frequency,
          periodStart: a.periodStart,
          periodEnd: a.periodEnd,
          lastRegistration: lastOf.get(a.id) ?? null,
        },
        today,
      );
      return since
        ? [{ planId: a.planId, planName: a.planName, activityId: a.id, activityName: a.name, since }]
        : [];
    }),
  };
}

export const agendaRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/agenda',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags: ['agenda'],
        summary: 'What needs the signed-in user: reports to approve, overdue registrations in their plans',
        response: { 200: Agenda },
      },
    },
    async (req) => agendaOf(deps.db, req.principal!),
  );
};
