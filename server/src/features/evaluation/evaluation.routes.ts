import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementOut,
  AgreementQuery,
  CaseCodeMatrix,
  CaseInput,
  CaseCandidates,
  CaseUpdate,
  CodeInput,
  CodeList,
  CodeMergeInput,
  CodeMergeResult,
  CodeMoveInput,
  CodeUpdate,
  CoderList,
  CodingInput,
  CodingList,
  CodingOut,
  CodingQuery,
  CodingUpdate,
  CoOccurrenceOut,
  DataCollection,
  DataCollectionInput,
  DataCollectionList,
  DataCollectionUpdate,
  DriversBarriers,
  EvaluatorList,
  ExchangeReport,
  Framework,
  FrameworkCell,
  FrameworkCellInput,
  FrameworkCellParams,
  ImportQdpxQuery,
  MatrixQuery,
  MemoInput,
  MemoList,
  MemoOut,
  MemoUpdate,
  PurposeQuery,
  QuoteList,
  QuoteQuery,
  SourceDetail,
  SourceList,
  SourceSummary,
  SourceUpdate,
  SourceUpload,
  SpeakerLinksInput,
  SpeakerList,
  StudyCaseList,
  StudyCaseOut,
  StudyCaseParams,
  StudyCodeOut,
  StudyCodeParams,
  StudyCodingParams,
  StudyCollectionParams,
  StudyDetail,
  StudyInput,
  StudyList,
  StudyMemoParams,
  StudyParams,
  StudySourceParams,
  StudyUpdate,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AUTHENTICATED } from '../../http/permissions.js';
import * as analysis from './analysis.service.js';
import * as svc from './evaluation.service.js';
import { caseCandidates, listEvaluators } from './selection.service.js';
import { listSpeakers, saveSpeakers } from './speakers.service.js';
import { exportStudyQdc, exportStudyQdpx, importStudyQdc, importStudyQdpx } from './exchange.service.js';

/** The largest .qdpx or .qdc accepted as an upload. */
export const MAX_EXCHANGE_BYTES = 200 * 1024 * 1024;
/** A transcript upload: the file as base64 (20 MB of file) plus its pseudonym list. */
const MAX_SOURCE_BODY = 32 * 1024 * 1024;

const FILE_TYPES = [
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
  'application/xml',
  'text/xml',
];

function attachment(reply: FastifyReply, filename: string, type: string) {
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.header('cache-control', 'no-store');
  return reply.type(type);
}

/**
 * Process evaluation under /api/evaluation. Every route is for signed-in callers, and the
 * service decides the rest (evaluation.access.ts): starting a study takes an administrator or an
 * evaluator; everything inside a study takes its team; administrators also manage a study's name
 * and team without reading its text. Reads of transcripts and coded text are audited with their
 * purpose. Positions are code points (see contracts/src/evaluation.ts).
 */
export const evaluationRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['evaluation'];
  const config = { permission: AUTHENTICATED };
  const study = '/api/evaluation/studies/:studyId';

  // A REFI-QDA file as the raw request body.
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_EXCHANGE_BYTES },
    (_req, body, done) => done(null, body),
  );

  // ---------- studies ----------
  app.get(
    '/api/evaluation/studies',
    {
      config,
      schema: { tags, summary: 'Studies the caller is on the team of', response: { 200: StudyList } },
    },
    async (req) => svc.listStudies(db, req.principal!),
  );
  app.post(
    '/api/evaluation/studies',
    {
      config,
      schema: {
        tags,
        summary: 'Start a study (seeded codebook)',
        body: StudyInput,
        response: { 201: StudyDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createStudy(db, req.ctx, req.body)),
  );
  app.get(
    study,
    {
      config,
      schema: { tags, summary: 'A study with its team', params: StudyParams, response: { 200: StudyDetail } },
    },
    async (req) => svc.getStudy(db, req.ctx, req.params.studyId),
  );
  app.put(
    study,
    {
      config,
      schema: {
        tags,
        summary: 'Rename a study, change its team',
        params: StudyParams,
        body: StudyUpdate,
        response: { 200: StudyDetail },
      },
    },
    async (req) => svc.updateStudy(db, req.ctx, req.params.studyId, req.body),
  );
  app.delete(
    study,
    { config, schema: { tags, summary: 'Delete a study and all it holds', params: StudyParams } },
    async (req, reply) => {
      await svc.deleteStudy(db, req.ctx, req.params.studyId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/evaluation/evaluators',
    {
      config,
      schema: {
        tags,
        summary: 'Administrators and evaluators who may be on a team',
        response: { 200: EvaluatorList },
      },
    },
    async (req) => listEvaluators(db, req.principal!),
  );

  // ---------- cases ----------
  app.get(
    `${study}/case-candidates`,
    {
      config,
      schema: {
        tags,
        summary: 'Every plan in the case matrix and every area secretariat, with the study’s cases',
        params: StudyParams,
        response: { 200: CaseCandidates },
      },
    },
    async (req) => caseCandidates(db, req.ctx, req.params.studyId),
  );
  app.get(
    `${study}/cases`,
    { config, schema: { tags, params: StudyParams, response: { 200: StudyCaseList } } },
    async (req) => svc.listCases(db, req.ctx, req.params.studyId),
  );
  app.post(
    `${study}/cases`,
    { config, schema: { tags, params: StudyParams, body: CaseInput, response: { 201: StudyCaseOut } } },
    async (req, reply) =>
      reply.code(201).send(await svc.createCase(db, req.ctx, req.params.studyId, req.body)),
  );
  app.put(
    `${study}/cases/:caseId`,
    { config, schema: { tags, params: StudyCaseParams, body: CaseUpdate, response: { 200: StudyCaseOut } } },
    async (req) => svc.updateCase(db, req.ctx, req.params.studyId, req.params.caseId, req.body),
  );
  app.delete(
    `${study}/cases/:caseId`,
    { config, schema: { tags, params: StudyCaseParams } },
    async (req, reply) => {
      await svc.deleteCase(db, req.ctx, req.params.studyId, req.params.caseId);
      return reply.code(204).send();
    },
  );

  // ---------- data collections ----------
  app.get(
    `${study}/data-collections`,
    { config, schema: { tags, params: StudyParams, response: { 200: DataCollectionList } } },
    async (req) => svc.listCollections(db, req.ctx, req.params.studyId),
  );
  app.post(
    `${study}/data-collections`,
    {
      config,
      schema: { tags, params: StudyParams, body: DataCollectionInput, response: { 201: DataCollection } },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.createCollection(db, req.ctx, req.params.studyId, req.body)),
  );
  app.put(
    `${study}/data-collections/:collectionId`,
    {
      config,
      schema: {
        tags,
        params: StudyCollectionParams,
        body: DataCollectionUpdate,
        response: { 200: DataCollection },
      },
    },
    async (req) => svc.updateCollection(db, req.ctx, req.params.studyId, req.params.collectionId, req.body),
  );
  app.delete(
    `${study}/data-collections/:collectionId`,
    { config, schema: { tags, params: StudyCollectionParams } },
    async (req, reply) => {
      await svc.deleteCollection(db, req.ctx, req.params.studyId, req.params.collectionId);
      return reply.code(204).send();
    },
  );

  // ---------- sources ----------
  app.get(
    `${study}/sources`,
    {
      config,
      schema: {
        tags,
        summary: 'Sources without their text',
        params: StudyParams,
        response: { 200: SourceList },
      },
    },
    async (req) => svc.listSources(db, req.ctx, req.params.studyId),
  );
  app.post(
    `${study}/sources`,
    {
      config,
      bodyLimit: MAX_SOURCE_BODY,
      schema: {
        tags,
        summary:
          'Upload a transcript or document (.txt or .docx as base64), pseudonymised before it is stored',
        params: StudyParams,
        body: SourceUpload,
        response: { 201: SourceSummary },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.uploadSource(db, req.ctx, req.params.studyId, req.body)),
  );
  app.get(
    `${study}/sources/:sourceId`,
    {
      config,
      schema: {
        tags,
        summary: 'A source with its text and speaker turns (audited)',
        params: StudySourceParams,
        querystring: PurposeQuery,
        response: { 200: SourceDetail },
      },
    },
    async (req) => svc.getSource(db, req.ctx, req.params.studyId, req.params.sourceId, req.query.purpose),
  );
  app.put(
    `${study}/sources/:sourceId`,
    {
      config,
      schema: { tags, params: StudySourceParams, body: SourceUpdate, response: { 200: SourceSummary } },
    },
    async (req) => svc.updateSource(db, req.ctx, req.params.studyId, req.params.sourceId, req.body),
  );
  app.delete(
    `${study}/sources/:sourceId`,
    { config, schema: { tags, params: StudySourceParams } },
    async (req, reply) => {
      await svc.deleteSource(db, req.ctx, req.params.studyId, req.params.sourceId);
      return reply.code(204).send();
    },
  );

  app.get(
    `${study}/sources/:sourceId/speakers`,
    {
      config,
      schema: {
        tags,
        summary: 'The speakers of a transcript with their turns and participant links (audited)',
        params: StudySourceParams,
        querystring: PurposeQuery,
        response: { 200: SpeakerList },
      },
    },
    async (req) => listSpeakers(db, req.ctx, req.params.studyId, req.params.sourceId, req.query.purpose),
  );
  app.put(
    `${study}/sources/:sourceId/speakers`,
    {
      config,
      schema: {
        tags,
        summary:
          'Link speakers to participants (respondent group, case); optionally code their turns to their case and group',
        params: StudySourceParams,
        body: SpeakerLinksInput,
        response: { 200: SpeakerList },
      },
    },
    async (req) => saveSpeakers(db, req.ctx, req.params.studyId, req.params.sourceId, req.body),
  );

  // ---------- codes ----------
  app.get(
    `${study}/codes`,
    { config, schema: { tags, summary: 'The codebook', params: StudyParams, response: { 200: CodeList } } },
    async (req) => svc.listCodes(db, req.ctx, req.params.studyId),
  );
  app.post(
    `${study}/codes`,
    { config, schema: { tags, params: StudyParams, body: CodeInput, response: { 201: StudyCodeOut } } },
    async (req, reply) =>
      reply.code(201).send(await svc.createCode(db, req.ctx, req.params.studyId, req.body)),
  );
  app.put(
    `${study}/codes/:codeId`,
    { config, schema: { tags, params: StudyCodeParams, body: CodeUpdate, response: { 200: StudyCodeOut } } },
    async (req) => svc.updateCode(db, req.ctx, req.params.studyId, req.params.codeId, req.body),
  );
  app.delete(
    `${study}/codes/:codeId`,
    { config, schema: { tags, params: StudyCodeParams } },
    async (req, reply) => {
      await svc.deleteCode(db, req.ctx, req.params.studyId, req.params.codeId);
      return reply.code(204).send();
    },
  );
  app.post(
    `${study}/codes/:codeId/move`,
    {
      config,
      schema: {
        tags,
        summary: 'Move a code under another (null: top level)',
        params: StudyCodeParams,
        body: CodeMoveInput,
        response: { 200: StudyCodeOut },
      },
    },
    async (req) => svc.moveStudyCode(db, req.ctx, req.params.studyId, req.params.codeId, req.body.parentId),
  );
  app.post(
    `${study}/codes/:codeId/merge`,
    {
      config,
      schema: {
        tags,
        summary: 'Merge a code into another, keeping its codings',
        params: StudyCodeParams,
        body: CodeMergeInput,
        response: { 200: CodeMergeResult },
      },
    },
    async (req) => svc.mergeStudyCode(db, req.ctx, req.params.studyId, req.params.codeId, req.body.intoId),
  );

  // ---------- codings ----------
  app.get(
    `${study}/codings`,
    {
      config,
      schema: {
        tags,
        summary: 'Codings with their coded text (audited)',
        params: StudyParams,
        querystring: CodingQuery,
        response: { 200: CodingList },
      },
    },
    async (req) => svc.listCodings(db, req.ctx, req.params.studyId, req.query),
  );
  app.post(
    `${study}/codings`,
    {
      config,
      schema: {
        tags,
        summary: 'Apply codes to a range (code points)',
        params: StudyParams,
        body: CodingInput,
        response: { 201: CodingList },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.createCodings(db, req.ctx, req.params.studyId, req.body)),
  );
  app.put(
    `${study}/codings/:codingId`,
    { config, schema: { tags, params: StudyCodingParams, body: CodingUpdate, response: { 200: CodingOut } } },
    async (req) => svc.updateCoding(db, req.ctx, req.params.studyId, req.params.codingId, req.body),
  );
  app.delete(
    `${study}/codings/:codingId`,
    { config, schema: { tags, params: StudyCodingParams } },
    async (req, reply) => {
      await svc.deleteCoding(db, req.ctx, req.params.studyId, req.params.codingId);
      return reply.code(204).send();
    },
  );
  app.get(
    `${study}/coders`,
    { config, schema: { tags, summary: 'Who coded', params: StudyParams, response: { 200: CoderList } } },
    async (req) => svc.listCoders(db, req.ctx, req.params.studyId),
  );

  // ---------- memos and framework matrix ----------
  app.get(
    `${study}/memos`,
    { config, schema: { tags, params: StudyParams, response: { 200: MemoList } } },
    async (req) => svc.listMemos(db, req.ctx, req.params.studyId),
  );
  app.post(
    `${study}/memos`,
    { config, schema: { tags, params: StudyParams, body: MemoInput, response: { 201: MemoOut } } },
    async (req, reply) =>
      reply.code(201).send(await svc.createMemo(db, req.ctx, req.params.studyId, req.body)),
  );
  app.put(
    `${study}/memos/:memoId`,
    { config, schema: { tags, params: StudyMemoParams, body: MemoUpdate, response: { 200: MemoOut } } },
    async (req) => svc.updateMemo(db, req.ctx, req.params.studyId, req.params.memoId, req.body),
  );
  app.delete(
    `${study}/memos/:memoId`,
    { config, schema: { tags, params: StudyMemoParams } },
    async (req, reply) => {
      await svc.deleteMemo(db, req.ctx, req.params.studyId, req.params.memoId);
      return reply.code(204).send();
    },
  );
  app.get(
    `${study}/framework`,
    {
      config,
      schema: {
        tags,
        summary: 'The framework matrix (case × theme)',
        params: StudyParams,
        response: { 200: Framework },
      },
    },
    async (req) => svc.getFramework(db, req.ctx, req.params.studyId),
  );
  app.put(
    `${study}/framework/:caseId/:themeCodeId`,
    {
      config,
      schema: {
        tags,
        params: FrameworkCellParams,
        body: FrameworkCellInput,
        response: { 200: FrameworkCell },
      },
    },
    async (req) =>
      svc.saveFrameworkCell(
        db,
        req.ctx,
        req.params.studyId,
        req.params.caseId,
        req.params.themeCodeId,
        req.body,
      ),
  );

  // ---------- analysis ----------
  app.get(
    `${study}/analysis/matrix`,
    {
      config,
      schema: {
        tags,
        summary: 'Case × code matrix',
        params: StudyParams,
        querystring: MatrixQuery,
        response: { 200: CaseCodeMatrix },
      },
    },
    async (req) => analysis.matrix(db, req.ctx, req.params.studyId, req.query),
  );
  app.get(
    `${study}/analysis/co-occurrence`,
    {
      config,
      schema: {
        tags,
        summary: 'Code co-occurrence (counts)',
        params: StudyParams,
        response: { 200: CoOccurrenceOut },
      },
    },
    async (req) => analysis.coOccurrences(db, req.ctx, req.params.studyId),
  );
  app.get(
    `${study}/analysis/drivers-barriers`,
    {
      config,
      schema: {
        tags,
        summary: 'Drivers and barriers by theme × case',
        params: StudyParams,
        response: { 200: DriversBarriers },
      },
    },
    async (req) => analysis.driversBarriers(db, req.ctx, req.params.studyId),
  );
  app.get(
    `${study}/analysis/quotes`,
    {
      config,
      schema: {
        tags,
        summary: 'Quotes with filters (audited)',
        params: StudyParams,
        querystring: QuoteQuery,
        response: { 200: QuoteList },
      },
    },
    async (req) => analysis.quotes(db, req.ctx, req.params.studyId, req.query),
  );
  app.get(
    `${study}/analysis/agreement`,
    {
      config,
      schema: {
        tags,
        summary: 'Inter-coder agreement on one source',
        params: StudyParams,
        querystring: AgreementQuery,
        response: { 200: AgreementOut },
      },
    },
    async (req) => analysis.intercoderAgreement(db, req.ctx, req.params.studyId, req.query),
  );

  // ---------- REFI-QDA ----------
  app.get(
    `${study}/export/qdpx`,
    {
      config,
      schema: { tags, summary: 'The study as a REFI-QDA project (.qdpx, audited)', params: StudyParams },
    },
    async (req, reply) => {
      const r = await exportStudyQdpx(db, req.ctx, req.params.studyId);
      if (r.warnings.length)
        reply.header('x-export-warnings', r.warnings.map((w) => `${w.code}=${w.count}`).join(','));
      return attachment(reply, r.filename, 'application/zip').send(r.bytes);
    },
  );
  app.get(
    `${study}/export/qdc`,
    { config, schema: { tags, summary: 'The codebook as REFI-QDA (.qdc)', params: StudyParams } },
    async (req, reply) => {
      const r = await exportStudyQdc(db, req.ctx, req.params.studyId);
      return attachment(reply, r.filename, 'application/xml; charset=utf-8').send(r.xml);
    },
  );
  app.post(
    '/api/evaluation/import-qdpx',
    {
      config,
      bodyLimit: MAX_EXCHANGE_BYTES,
      schema: {
        tags,
        summary: 'Import a .qdpx (raw body) as a new study',
        querystring: ImportQdpxQuery,
        response: { 201: ExchangeReport },
      },
    },
    async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return reply.code(201).send(await importStudyQdpx(db, req.ctx, bytes, { name: req.query.name }));
    },
  );
  app.post(
    `${study}/import-qdpx`,
    {
      config,
      bodyLimit: MAX_EXCHANGE_BYTES,
      schema: {
        tags,
        summary: 'Add a .qdpx (raw body) to the study',
        params: StudyParams,
        response: { 200: ExchangeReport },
      },
    },
    async (req) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return importStudyQdpx(db, req.ctx, bytes, { studyId: req.params.studyId });
    },
  );
  app.post(
    `${study}/import-qdc`,
    {
      config,
      bodyLimit: MAX_EXCHANGE_BYTES,
      schema: {
        tags,
        summary: 'Add a .qdc codebook (raw body) to the study',
        params: StudyParams,
        response: { 200: ExchangeReport },
      },
    },
    async (req) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return importStudyQdc(db, req.ctx, req.params.studyId, bytes);
    },
  );
};
