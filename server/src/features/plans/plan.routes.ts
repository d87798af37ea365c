import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CaseMatrix,
  IdParams,
  PlanDetail,
  PlanExportQuery,
  PlanInput,
  PlanList,
  PlanListQuery,
  PlanUpdate,
  type PlanSummary,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AUTHENTICATED, PLAN_CREATE, planRead, planWrite } from '../../http/permissions.js';
import { caseMatrix } from '../../domain/bands.js';
import { sendExport, type ExportColumn } from '../exports/export.js';
import { createPlan, deletePlan, getPlanDetail, listPlans, updatePlan } from './plan.service.js';

const h = (da: string, en: string) => ({ da, en });
const STATUS: Record<string, { da: string; en: string }> = {
  draft: h('Kladde', 'Draft'),
  active: h('Aktiv', 'Active'),
  ended: h('Afsluttet', 'Ended'),
};
const SIZE: Record<string, string> = { small: '0-700', medium: '700-1.500', large: '1.500+' };
const GRANT: Record<string, { da: string; en: string }> = {
  under5: h('under 5 mio. kr.', 'under DKK 5m'),
  from5to15: h('5-15 mio. kr.', 'DKK 5-15m'),
  over15: h('over 15 mio. kr.', 'over DKK 15m'),
};

function planColumns(locale: 'da' | 'en'): ExportColumn<PlanSummary>[] {
  return [
    { header: h('Helhedsplan', 'Plan'), value: (p) => p.name, width: 35 },
    { header: h('Status', 'Status'), value: (p) => STATUS[p.status]?.[locale] ?? p.status, width: 12 },
    { header: h('Pulje', 'Pool'), value: (p) => p.poolName, width: 12 },
    { header: h('Kommune', 'Municipality'), value: (p) => p.municipalityName, width: 25 },
    {
      header: h('Boligorganisation', 'Housing organisation'),
      value: (p) => p.housingOrganisationName,
      width: 35,
    },
    { header: h('Områdesekretariat', 'Area secretariat'), value: (p) => p.areaSecretariatName, width: 25 },
    { header: h('Lejemål', 'Dwellings'), value: (p) => p.dwellings, width: 10 },
    {
      header: h('Størrelse (lejemål)', 'Size (dwellings)'),
      value: (p) => (p.sizeBand ? SIZE[p.sizeBand] : null),
      width: 14,
    },
    { header: h('Bevilget (kr.)', 'Granted (DKK)'), value: (p) => p.grantTotalOre / 100, width: 16 },
    { header: h('Bevillinger', 'Grants'), value: (p) => p.grantCount, width: 10 },
    {
      header: h('Bevillingsstørrelse', 'Grant band'),
      value: (p) => (p.grantBand ? GRANT[p.grantBand]![locale] : null),
      width: 18,
    },
    { header: h('Periode start', 'Period start'), value: (p) => p.periodStart, width: 12 },
    { header: h('Periode slut', 'Period end'), value: (p) => p.periodEnd, width: 12 },
    { header: h('Eksempeldata', 'Example data'), value: (p) => p.isExample, width: 12 },
  ];
}

export const planRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['plans'];

  app.get(
    '/api/plans',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Plans the caller may see',
        querystring: PlanListQuery,
        response: { 200: PlanList },
      },
    },
    async (req) => {
      const items = await listPlans(db, req.principal!, req.query);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/plans/export',
    {
      config: { permission: AUTHENTICATED },
      schema: { tags, summary: 'The plan list as CSV or .xlsx', querystring: PlanExportQuery },
    },
    async (req, reply) => {
      const rows = await listPlans(db, req.principal!, req.query);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'helhedsplaner',
        rows,
        columns: planColumns(req.locale),
      });
    },
  );

  app.get(
    '/api/case-matrix',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Plans by size band × grant band (report table 2.1)',
        querystring: PlanListQuery,
        response: { 200: CaseMatrix },
      },
    },
    async (req) => {
      const plans = await listPlans(db, req.principal!, {
        ...req.query,
        sizeBand: undefined,
        grantBand: undefined,
      });
      const m = caseMatrix(plans);
      const slim = (p: PlanSummary) => ({
        id: p.id,
        name: p.name,
        dwellings: p.dwellings,
        grantTotalOre: p.grantTotalOre,
      });
      return {
        cells: m.cells.map((c) => ({
          sizeBand: c.sizeBand,
          grantBand: c.grantBand,
          plans: c.plans.map(slim),
        })),
        unbanded: m.unbanded.map((u) => ({ id: u.plan.id, name: u.plan.name, reason: u.reason })),
        total: plans.length,
      };
    },
  );

  app.post(
    '/api/plans',
    { config: { permission: PLAN_CREATE }, schema: { tags, body: PlanInput, response: { 201: PlanDetail } } },
    async (req, reply) => reply.status(201).send(await createPlan(db, req.ctx, req.body)),
  );

  app.get(
    '/api/plans/:id',
    {
      config: { permission: planRead('id') },
      schema: { tags, params: IdParams, response: { 200: PlanDetail } },
    },
    async (req) => getPlanDetail(db, req.principal, req.params.id),
  );

  app.put(
    '/api/plans/:id',
    {
      config: { permission: planWrite('id') },
      schema: { tags, params: IdParams, body: PlanUpdate, response: { 200: PlanDetail } },
    },
    async (req) => updatePlan(db, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/plans/:id',
    {
      config: { permission: planWrite('id') },
      schema: { tags, params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deletePlan(db, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
