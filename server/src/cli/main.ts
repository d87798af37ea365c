import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Argument, Command, Option } from 'commander';
import { UserInput } from '@pejling/contracts';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildApp } from '../app.js';
import { ensurePools, seedDemo } from '../seed/demo.js';
import { joinExampleStudies } from '../seed/example-evaluation.js';
import { createUser } from '../features/users/user.service.js';
import { findUserByEmail } from '../features/users/user.repository.js';
import { hashPassword } from '../features/auth/password.js';
import { nowIso } from '../db/portable.js';
import { classifyFileText } from '../features/organisation/classify-file.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { importCommand } from './import.js';
import { exportPortfolio, PORTFOLIO_VIEWS, type PortfolioView } from './export.js';
import { registerEvaluationCommands } from './evaluation.js';

const DEMO_ADMIN_EMAIL = 'admin@pejling.example';

/** The built web app sits beside the server bundle: server/dist → web/dist. */
function defaultWebDist(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, '../../web/dist'), path.resolve(process.cwd(), 'web/dist')]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

function describeDb(config: Config): string {
  return config.database.kind === 'postgres'
    ? `PostgreSQL (${config.database.url.replace(/\/\/[^@]*@/, '//***@')})`
    : `SQLite (${config.database.file})`;
}

async function withDatabase<T>(
  fn: (config: Config, h: ReturnType<typeof openDatabase>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    return await fn(config, handle);
  } finally {
    await handle.close();
  }
}

const program = new Command();
program
  .name('pejling')
  .description(
    'Pejling: planning, steering, documenting and evaluating boligsociale helhedsplaner.\nConfiguration: PORT (default 3000), DATABASE_URL (an SQLite file path or a postgres:// URL; default ./data/pejling.sqlite).',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the web server (migrates the database first)')
  .option('--demo', 'load the example data on first start and create a demo administrator')
  .addOption(new Option('--port <port>', 'port to listen on (overrides PORT)').argParser((v) => Number(v)))
  .action(async (opts: { demo?: boolean; port?: number }) => {
    const config = loadConfig(process.env, {
      ...(opts.port ? { port: opts.port } : {}),
    });
    config.webDist = config.webDist ?? defaultWebDist();
    const handle = openDatabase(config.database);
    const applied = await migrateToLatest(handle.db);
    if (applied.length) console.log(`Migrated: ${applied.join(', ')}`);
    await handle.db.transaction().execute((trx) => ensurePools(trx));
    if (opts.demo) {
      if (await seedDemo(handle.db))
        console.log('Loaded the example data (Eksempeldata): 13 case areas under the 2006-2010 pool.');
      const password = crypto.randomBytes(12).toString('base64url');
      const existing = await findUserByEmail(handle.db, DEMO_ADMIN_EMAIL);
      if (existing) {
        await handle.db
          .updateTable('users')
          .set({ passwordHash: await hashPassword(password), disabledAt: null, updatedAt: nowIso() })
          .where('id', '=', existing.id)
          .execute();
      } else {
        await createUser(
          handle.db,
          null,
          UserInput.parse({ email: DEMO_ADMIN_EMAIL, name: 'Demo-administrator', password, isAdmin: true }),
        );
      }
      // The demo administrator is on the example study's team, so its transcripts can be read.
      const demoAdmin = await findUserByEmail(handle.db, DEMO_ADMIN_EMAIL);
      if (demoAdmin) await joinExampleStudies(handle.db, demoAdmin.id);
      console.log('');
      console.log(`  Demo administrator: ${DEMO_ADMIN_EMAIL}`);
      console.log(`  One-time password for this start: ${password}`);
      console.log('');
    }
    const app = await buildApp({ config, handle, logger: true });
    const close = async () => {
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: config.port, host: config.host });
    console.log(
      `Pejling is running at http://localhost:${config.port} on ${describeDb(config)}${config.webDist ? '' : ' (API only: web app not built)'}`,
    );
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    await withDatabase(async (config, h) => {
      await h.db.transaction().execute((trx) => ensurePools(trx));
      console.log(`Database up to date: ${describeDb(config)}`);
    });
  });

program
  .command('seed')
  .description('Load data into the database')
  .option('--demo', 'the example data: the 13 case areas of the 2006-2010 pool with invented details')
  .action(async (opts: { demo?: boolean }) => {
    if (!opts.demo) {
      console.error('Nothing to load: use --demo for the example data.');
      process.exitCode = 2;
      return;
    }
    await withDatabase(async (_config, h) => {
      const loaded = await seedDemo(h.db);
      console.log(
        loaded ? 'Loaded the example data (Eksempeldata).' : 'The example data was already loaded.',
      );
    });
  });

program
  .command('backup')
  .description(
    'Write a consistent copy of the database to FILE while the server runs (SQLite online backup; pg_dump on PostgreSQL)',
  )
  .argument('<file>', 'the backup file to create')
  .action(async (file: string) => {
    const config = loadConfig();
    await backupDatabase(config.database, file);
    console.log(`Backed up ${describeDb(config)} to ${path.resolve(file)}`);
  });

program
  .command('restore')
  .description('Restore a backup FILE into the empty database DATABASE_URL points at, then migrate it')
  .argument('<file>', 'a file made by `pejling backup`')
  .action(async (file: string) => {
    const config = loadConfig();
    await restoreDatabase(config.database, file);
    console.log(`Restored ${path.resolve(file)} into ${describeDb(config)}`);
  });

const typology = program.command('typology').description("The report's typologies of project organisation");
typology
  .command('classify')
  .description(
    'Classify organisations given as JSON files (format: docs/typology.md) and print the types with their reasons as JSON; several files give an array of { file, typology }',
  )
  .argument('<files...>', 'one or more organisation files')
  .addOption(new Option('--lang <lang>', 'language of error messages').choices(['da', 'en']).default('da'))
  .action((files: string[], opts: { lang: 'da' | 'en' }) => {
    const results: { file: string; typology: unknown }[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        console.error(
          `${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)}`,
        );
        process.exitCode = 2;
        continue;
      }
      const r = classifyFileText(text.replace(/^\uFEFF/, ''), opts.lang);
      if (!r.ok) {
        for (const p of r.problems)
          console.error(`${file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
        process.exitCode = 2;
        continue;
      }
      results.push({ file, typology: r.typology });
    }
    if (files.length === 1) {
      if (results[0]) console.log(JSON.stringify(results[0].typology, null, 2));
    } else console.log(JSON.stringify(results, null, 2));
  });

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account (the first administrator comes from here)')
  .requiredOption('--email <email>', 'e-mail address (the login)')
  .requiredOption('--password <password>', 'password, at least 12 characters')
  .option('--name <name>', 'display name (default: the e-mail address)')
  .option('--admin', 'make the account a system administrator')
  .option('--fund', 'give the account the fund role (reads every plan)')
  .option('--locale <locale>', 'da or en', 'da')
  .action(
    async (opts: {
      email: string;
      password: string;
      name?: string;
      admin?: boolean;
      fund?: boolean;
      locale: string;
    }) => {
      const parsed = UserInput.safeParse({
        email: opts.email,
        name: opts.name ?? opts.email,
        password: opts.password,
        isAdmin: Boolean(opts.admin),
        locale: opts.locale,
        roles: opts.fund ? [{ role: 'fund' }] : [],
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (_config, h) => {
        if (await findUserByEmail(h.db, parsed.data.email)) {
          console.error(`A user with e-mail ${parsed.data.email} already exists.`);
          process.exitCode = 2;
          return;
        }
        const created = await createUser(h.db, null, parsed.data);
        console.log(`Created ${created.isAdmin ? 'administrator' : 'user'} ${created.email} (${created.id})`);
      });
    },
  );

program
  .command('import')
  .description(
    'Import registrations, participants or indicator values from a CSV or .xlsx file into a plan: every row is checked first, and the file is stored whole or not at all; importing it again adds nothing',
  )
  .addArgument(
    new Argument('<kind>', 'what the file holds').choices([
      'registrations',
      'participants',
      'indicator-values',
    ]),
  )
  .argument('<file>', 'the CSV (UTF-8 or Windows-1252, ; or ,) or .xlsx file')
  .requiredOption('--plan <id>', "the plan's id (from its address: /plans/<id>)")
  .option('--dry-run', 'check the file and count what it would add, store nothing')
  .addOption(new Option('--lang <lang>', 'language of messages').choices(['da', 'en']).default('da'))
  .action(
    async (
      kind: 'registrations' | 'participants' | 'indicator-values',
      file: string,
      opts: { plan: string; dryRun?: boolean; lang: 'da' | 'en' },
    ) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(opts.plan)) {
        console.error(
          opts.lang === 'da'
            ? `--plan skal være en plans id, ikke "${opts.plan}".`
            : `--plan must be a plan's id, not "${opts.plan}".`,
        );
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (_config, h) => {
        process.exitCode = await importCommand(
          h.db,
          { kind, file, planId: opts.plan, dryRun: Boolean(opts.dryRun), locale: opts.lang },
          { write: (s) => process.stdout.write(s) },
          { write: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY },
        );
      });
    },
  );

const exporter = program.command('export').description('Write views of the data to files');
exporter
  .command('portfolio')
  .description(
    'The portfolio of every plan, as the fund sees it: an .xlsx with a sheet per view (plans, shared indicators, reporting compliance, grant use), or one view as CSV',
  )
  .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).makeOptionMandatory())
  .requiredOption('--out <file>', 'the file to write')
  .addOption(
    new Option('--view <view>', 'one view only (a CSV holds the plans unless told otherwise)').choices([
      ...PORTFOLIO_VIEWS,
    ]),
  )
  .option('--area-secretariat <id>', 'only the plans an area secretariat serves (its id)')
  .option('--pool <id>', 'only the plans of a funding pool (its id)')
  .addOption(
    new Option('--lang <lang>', 'language of headers and labels').choices(['da', 'en']).default('da'),
  )
  .action(
    async (opts: {
      format: 'xlsx' | 'csv';
      out: string;
      view?: PortfolioView;
      areaSecretariat?: string;
      pool?: string;
      lang: 'da' | 'en';
    }) => {
      await withDatabase(async (_config, h) => {
        try {
          console.log(
            await exportPortfolio(h.db, {
              format: opts.format,
              out: opts.out,
              view: opts.view,
              locale: opts.lang,
              areaSecretariatId: opts.areaSecretariat,
              poolId: opts.pool,
            }),
          );
        } catch (err) {
          const fields = (err as { fields?: { path: string; code: string }[] }).fields;
          if (!fields) throw err;
          console.error(
            fields
              .map((f) =>
                opts.lang === 'da'
                  ? `--${f.path === 'areaSecretariatId' ? 'area-secretariat' : 'pool'}: værdien findes ikke.`
                  : `--${f.path === 'areaSecretariatId' ? 'area-secretariat' : 'pool'}: no such value.`,
              )
              .join('\n'),
          );
          process.exitCode = 2;
        }
      });
    },
  );

registerEvaluationCommands(program, withDatabase);

export async function run(argv: string[]): Promise<void> {
  await program.parseAsync(argv);
}
