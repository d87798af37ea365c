/**
 * `pejling evaluation …`: list studies and exchange them as REFI-QDA files from the command line,
 * as the operator of the server (no session): the same reading, writing and checks as the API's
 * routes, each import in one transaction, and every export of transcripts in the audit log.
 *
 *   pejling evaluation studies
 *   pejling evaluation export-qdpx --study ID --out FILE
 *   pejling evaluation export-qdc --study ID --out FILE
 *   pejling evaluation import-qdpx FILE [--study ID] [--name NAME] [--member EMAIL …]
 *   pejling evaluation import-qdc FILE --study ID
 *
 * An import's last line of output is the study's id.
 */
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { Locale } from '@pejling/contracts';
import { errorMessage } from '@pejling/contracts';
import type { Db } from '../db/database.js';
import { exportQdc, exportQdpx } from '../evaluation/refi-qda-export.js';
import { AppError, notFound } from '../errors.js';
import type { RequestContext } from '../http/context.js';
import { recordAudit } from '../features/audit/audit.service.js';
import { findStudy, listStudies } from '../features/evaluation/evaluation.repository.js';
import { loadStudyModel, storeQdc, storeQdpx } from '../features/evaluation/exchange.service.js';
import type { ExchangeReport } from '@pejling/contracts';

export interface Out {
  write(s: string): void;
}

const operator = (locale: Locale): RequestContext => ({ principal: null, requestId: 'cli', locale });

async function requireStudy(db: Db, studyId: string) {
  const study = await findStudy(db, studyId);
  if (!study) throw notFound('study_not_found');
  return study;
}

/** Each study's id and name, one per line (tab between). */
export async function listStudiesCommand(db: Db, out: Out): Promise<number> {
  for (const s of await listStudies(db, '', true)) out.write(`${s.id}\t${s.name}\n`);
  return 0;
}

export async function exportCommand(
  db: Db,
  o: { studyId: string; out: string; format: 'qdpx' | 'qdc' },
  out: Out,
): Promise<number> {
  await requireStudy(db, o.studyId);
  const model = await loadStudyModel(db, o.studyId);
  if (o.format === 'qdc') {
    if (model.codes.length === 0) throw new AppError('evaluation_codebook_empty', 409);
    fs.writeFileSync(o.out, exportQdc(model.codes));
    out.write(`${model.codes.length} codes → ${o.out}\n`);
    return 0;
  }
  const { bytes, warnings } = exportQdpx(model);
  fs.writeFileSync(o.out, bytes);
  await recordAudit(db, null, {
    action: 'read',
    entityType: 'evaluation_study',
    entityId: o.studyId,
    after: {
      purpose: 'export',
      format: 'qdpx',
      via: 'cli',
      sources: model.sources.length,
      codings: model.codings.length,
    },
  });
  for (const w of warnings) out.write(`warning: ${w.code} (${w.count})\n`);
  out.write(
    `${model.sources.length} sources, ${model.codes.length} codes, ${model.codings.length} codings → ${o.out}\n`,
  );
  return 0;
}

function writeReport(r: ExchangeReport, out: Out) {
  const i = r.imported;
  out.write(
    `imported: ${i.codes} codes, ${i.cases} cases, ${i.sources} sources, ${i.codings} codings, ${i.memos} memos, ${i.users} coders\n`,
  );
  for (const s of r.skipped) out.write(`skipped ${s.kind}${s.name ? ` "${s.name}"` : ''}: ${s.message}\n`);
  for (const w of r.warnings) out.write(`warning: ${w.code} ${JSON.stringify(w.detail)}\n`);
  out.write(`${r.studyId}\n`);
}

export async function importCommand(
  db: Db,
  o: {
    file: string;
    format: 'qdpx' | 'qdc';
    studyId?: string;
    name?: string;
    members?: string[];
    locale: Locale;
  },
  out: Out,
): Promise<number> {
  const bytes = fs.readFileSync(o.file);
  const ctx = operator(o.locale);
  if (o.format === 'qdc') {
    const studyId = o.studyId!;
    writeReport(
      await storeQdc(db, ctx, studyId, bytes, async (trx) => void (await requireStudy(trx as Db, studyId))),
      out,
    );
    return 0;
  }
  const memberIds: string[] = [];
  for (const email of o.members ?? []) {
    const u = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    if (!u)
      throw new Error(
        o.locale === 'da' ? `Ingen bruger med e-mail ${email}.` : `No user with e-mail ${email}.`,
      );
    memberIds.push(u.id);
  }
  const report = await storeQdpx(
    db,
    ctx,
    bytes,
    { studyId: o.studyId, name: o.name, memberIds },
    async (trx, id) => {
      await requireStudy(trx as Db, id);
    },
  );
  writeReport(report, out);
  return 0;
}

/** An error as the command line shows it: the API's message in the chosen language. */
export function describeCliError(err: unknown, locale: Locale): string | null {
  if (err instanceof AppError) {
    const fields = err.fields.map((f) => errorMessage(f.code, locale, f.params)).join(' ');
    return `${errorMessage(err.code, locale, err.params)}${fields ? ` ${fields}` : ''}`;
  }
  return null;
}

type WithDatabase = <T>(fn: (config: unknown, h: { db: Db }) => Promise<T>) => Promise<T>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Adds `pejling evaluation …` to the program. */
export function registerEvaluationCommands(program: Command, withDatabase: WithDatabase): void {
  const evaluation = program
    .command('evaluation')
    .description(
      'Process evaluation: studies, and their exchange with other tools as REFI-QDA (.qdpx, .qdc)',
    );
  const lang = () => new Option('--lang <lang>', 'language of messages').choices(['da', 'en']).default('da');
  const run = async (locale: Locale, studyId: string | undefined, fn: (db: Db) => Promise<number>) => {
    if (studyId !== undefined && !UUID.test(studyId)) {
      console.error(
        locale === 'da'
          ? `--study skal være et id, ikke "${studyId}".`
          : `--study must be an id, not "${studyId}".`,
      );
      process.exitCode = 2;
      return;
    }
    await withDatabase(async (_config, h) => {
      try {
        process.exitCode = await fn(h.db);
      } catch (err) {
        const message =
          describeCliError(err, locale) ??
          (err instanceof Error && !(err as { code?: unknown }).code ? err.message : null);
        if (message === null) throw err;
        console.error(message);
        process.exitCode = 1;
      }
    });
  };
  const stdout: Out = { write: (s) => process.stdout.write(s) };

  evaluation
    .command('studies')
    .description("Each study's id and name")
    .action(async () => run('da', undefined, (db) => listStudiesCommand(db, stdout)));

  for (const format of ['qdpx', 'qdc'] as const) {
    evaluation
      .command(`export-${format}`)
      .description(
        format === 'qdpx'
          ? 'The study as a REFI-QDA project (.qdpx)'
          : 'The study’s codebook as REFI-QDA (.qdc)',
      )
      .requiredOption('--study <id>', "the study's id")
      .requiredOption('--out <file>', 'the file to write')
      .addOption(lang())
      .action(async (o: { study: string; out: string; lang: Locale }) =>
        run(o.lang, o.study, (db) => exportCommand(db, { studyId: o.study, out: o.out, format }, stdout)),
      );
  }

  evaluation
    .command('import-qdpx')
    .description(
      'Import a REFI-QDA project: as a new study, or added to --study; the last line printed is the study’s id',
    )
    .argument('<file>', 'the .qdpx file')
    .option('--study <id>', 'add to this study instead of making a new one')
    .option('--name <name>', 'name of the new study (else the project’s own)')
    .option('--member <email...>', 'team members of the new study (administrators or evaluators)')
    .addOption(lang())
    .action(async (file: string, o: { study?: string; name?: string; member?: string[]; lang: Locale }) =>
      run(o.lang, o.study, (db) =>
        importCommand(
          db,
          { file, format: 'qdpx', studyId: o.study, name: o.name, members: o.member, locale: o.lang },
          stdout,
        ),
      ),
    );

  evaluation
    .command('import-qdc')
    .description(
      'Add a REFI-QDA codebook’s codes to a study (codes it already has are kept); the last line printed is the study’s id',
    )
    .argument('<file>', 'the .qdc file')
    .requiredOption('--study <id>', "the study's id")
    .addOption(lang())
    .action(async (file: string, o: { study: string; lang: Locale }) =>
      run(o.lang, o.study, (db) =>
        importCommand(db, { file, format: 'qdc', studyId: o.study, locale: o.lang }, stdout),
      ),
    );
}
