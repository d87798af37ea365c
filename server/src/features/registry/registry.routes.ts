import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AreaSecretariat,
  AreaSecretariatInput,
  AreaSecretariatUpdate,
  ExportQuery,
  FocusAreaCatalogueInput,
  FundingPool,
  FundingPoolInput,
  FundingPoolUpdate,
  HousingArea,
  HousingAreaInput,
  HousingAreaUpdate,
  HousingOrganisation,
  HousingOrganisationInput,
  HousingOrganisationUpdate,
  IdParams,
  Municipality,
  MunicipalityInput,
  MunicipalityUpdate,
  MunicipalService,
  MunicipalServiceInput,
  MunicipalServiceUpdate,
  type ErrorCode,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import type { RequestContext } from '../../http/context.js';
import { ADMIN, AUTHENTICATED } from '../../http/permissions.js';
import { notFound } from '../../errors.js';
import type { Db } from '../../db/database.js';
import { sendExport, type ExportColumn } from '../exports/export.js';
import * as repo from './registry.repository.js';
import * as svc from './registry.service.js';

interface Resource<T, I, U> {
  path: string;
  tag: string;
  exportName: string;
  output: z.ZodType<T>;
  input: z.ZodType<I>;
  update: z.ZodType<U>;
  notFound: ErrorCode;
  list: (db: Db, ids?: string[]) => Promise<T[]>;
  create: (db: Db, ctx: RequestContext, input: I) => Promise<T>;
  modify: (db: Db, ctx: RequestContext, id: string, input: U) => Promise<T>;
  remove: (db: Db, ctx: RequestContext, id: string) => Promise<void>;
  columns: ExportColumn<T>[];
}

/** The registry lists share one shape: list, export, read, create, edit, delete. */
function registerResource<T, I, U>(app: FastifyInstance, db: Db, r: Resource<T, I, U>) {
  type IdReq = FastifyRequest<{ Params: { id: string } }>;
  const tags = [r.tag];
  app.get(
    r.path,
    { config: { permission: AUTHENTICATED }, schema: { tags, response: { 200: z.array(r.output) } } },
    async () => r.list(db),
  );
  app.get(
    `${r.path}/export`,
    { config: { permission: AUTHENTICATED }, schema: { tags, querystring: ExportQuery } },
    async (req: FastifyRequest<{ Querystring: { format: 'csv' | 'xlsx' } }>, reply) =>
      sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: r.exportName,
        rows: await r.list(db),
        columns: r.columns,
      }),
  );
  app.get(
    `${r.path}/:id`,
    {
      config: { permission: AUTHENTICATED },
      schema: { tags, params: IdParams, response: { 200: r.output } },
    },
    async (req: IdReq) => {
      const [row] = await r.list(db, [req.params.id]);
      if (!row) throw notFound(r.notFound);
      return row;
    },
  );
  app.post(
    r.path,
    { config: { permission: ADMIN }, schema: { tags, body: r.input, response: { 201: r.output } } },
    async (req, reply) => reply.status(201).send(await r.create(db, req.ctx, req.body as I)),
  );
  app.put(
    `${r.path}/:id`,
    {
      config: { permission: ADMIN },
      schema: { tags, params: IdParams, body: r.update, response: { 200: r.output } },
    },
    async (req: IdReq) => r.modify(db, req.ctx, req.params.id, req.body as U),
  );
  app.delete(
    `${r.path}/:id`,
    { config: { permission: ADMIN }, schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (req: IdReq, reply) => {
      await r.remove(db, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
}

const h = (da: string, en: string) => ({ da, en });

export const registryRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const { db } = deps;

  registerResource(base, db, {
    path: '/api/municipalities',
    tag: 'registry',
    exportName: 'kommuner',
    output: Municipality,
    input: MunicipalityInput,
    update: MunicipalityUpdate,
    notFound: 'municipality_not_found',
    list: repo.listMunicipalities,
    create: svc.createMunicipality,
    modify: svc.updateMunicipality,
    remove: svc.deleteMunicipality,
    columns: [
      { header: h('Kommune', 'Municipality'), value: (m) => m.name, width: 30 },
      { header: h('Kommunekode', 'Code'), value: (m) => m.code },
      { header: h('Planer', 'Plans'), value: (m) => m.planCount },
      { header: h('Eksempeldata', 'Example data'), value: (m) => m.isExample },
    ],
  });

  registerResource(base, db, {
    path: '/api/housing-organisations',
    tag: 'registry',
    exportName: 'boligorganisationer',
    output: HousingOrganisation,
    input: HousingOrganisationInput,
    update: HousingOrganisationUpdate,
    notFound: 'housing_organisation_not_found',
    list: repo.listHousingOrganisations,
    create: svc.createHousingOrganisation,
    modify: svc.updateHousingOrganisation,
    remove: svc.deleteHousingOrganisation,
    columns: [
      { header: h('Boligorganisation', 'Housing organisation'), value: (o) => o.name, width: 40 },
      { header: h('Kommune', 'Municipality'), value: (o) => o.municipalityName, width: 25 },
      { header: h('Eksempeldata', 'Example data'), value: (o) => o.isExample },
    ],
  });

  registerResource(base, db, {
    path: '/api/areas',
    tag: 'registry',
    exportName: 'boligomraader',
    output: HousingArea,
    input: HousingAreaInput,
    update: HousingAreaUpdate,
    notFound: 'area_not_found',
    list: repo.listAreas,
    create: svc.createArea,
    modify: svc.updateArea,
    remove: svc.deleteArea,
    columns: [
      { header: h('Boligområde', 'Housing area'), value: (a) => a.name, width: 35 },
      { header: h('Kommune', 'Municipality'), value: (a) => a.municipalityName, width: 25 },
      { header: h('Lejemål', 'Dwellings'), value: (a) => a.dwellings },
      {
        header: h('Afdelinger', 'Departments'),
        value: (a) =>
          a.departments
            .map((d) => `${d.housingOrganisationName} afd. ${d.departmentNumber} (${d.dwellings})`)
            .join('; '),
        width: 60,
      },
      { header: h('Eksempeldata', 'Example data'), value: (a) => a.isExample },
    ],
  });

  registerResource(base, db, {
    path: '/api/pools',
    tag: 'registry',
    exportName: 'puljer',
    output: FundingPool,
    input: FundingPoolInput,
    update: FundingPoolUpdate,
    notFound: 'pool_not_found',
    list: repo.listPools,
    create: svc.createPool,
    modify: svc.updatePool,
    remove: svc.deletePool,
    columns: [
      { header: h('Pulje', 'Pool'), value: (p) => p.name },
      { header: h('Startår', 'Start year'), value: (p) => p.startYear },
      { header: h('Slutår', 'End year'), value: (p) => p.endYear },
      { header: h('Katalogversioner', 'Catalogue versions'), value: (p) => p.catalogues.length },
      {
        header: h('Indsatsområder (nyeste version)', 'Focus areas (latest version)'),
        value: (p) => (p.catalogues.at(-1)?.focusAreas ?? []).map((f) => f.nameDa).join('; '),
        width: 80,
      },
      { header: h('Planer', 'Plans'), value: (p) => p.planCount },
    ],
  });

  registerResource(base, db, {
    path: '/api/area-secretariats',
    tag: 'registry',
    exportName: 'omraadesekretariater',
    output: AreaSecretariat,
    input: AreaSecretariatInput,
    update: AreaSecretariatUpdate,
    notFound: 'secretariat_not_found',
    list: repo.listSecretariats,
    create: svc.createSecretariat,
    modify: svc.updateSecretariat,
    remove: svc.deleteSecretariat,
    columns: [
      { header: h('Områdesekretariat', 'Area secretariat'), value: (s) => s.name, width: 35 },
      { header: h('Kommune', 'Municipality'), value: (s) => s.municipalityName, width: 25 },
      { header: h('Planer', 'Plans'), value: (s) => s.plans.map((p) => p.name).join('; '), width: 60 },
      { header: h('Eksempeldata', 'Example data'), value: (s) => s.isExample },
    ],
  });

  registerResource(base, db, {
    path: '/api/municipal-services',
    tag: 'registry',
    exportName: 'kommunale-tilbud',
    output: MunicipalService,
    input: MunicipalServiceInput,
    update: MunicipalServiceUpdate,
    notFound: 'municipal_service_not_found',
    list: repo.listMunicipalServices,
    create: svc.createMunicipalService,
    modify: svc.updateMunicipalService,
    remove: svc.deleteMunicipalService,
    columns: [
      { header: h('Tilbud', 'Service'), value: (s) => s.name, width: 35 },
      { header: h('Kommune', 'Municipality'), value: (s) => s.municipalityName, width: 25 },
      { header: h('Forvaltning', 'Department'), value: (s) => s.department, width: 25 },
      { header: h('Målgruppe', 'Target group'), value: (s) => s.targetGroup, width: 25 },
      { header: h('Planer', 'Plans'), value: (s) => s.plans.map((p) => p.name).join('; '), width: 50 },
      { header: h('Eksempeldata', 'Example data'), value: (s) => s.isExample },
    ],
  });

  const app = base.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/pools/:id/catalogues',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['registry'],
        summary: 'Add a new focus-area catalogue version',
        params: IdParams,
        body: FocusAreaCatalogueInput,
        response: { 201: FundingPool },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addCatalogue(db, req.ctx, req.params.id, req.body)),
  );
};
