import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * `pejling backup FILE` and `pejling restore FILE`. SQLite uses the engine's online backup (safe
 * while the server writes); PostgreSQL uses the client tools pg_dump (custom format, one
 * consistent snapshot) and pg_restore (one transaction). See docs/OPERATIONS.md.
 */

const SQLITE_MAGIC = 'SQLite format 3\0';
const PGDUMP_MAGIC = 'PGDMP';

function fileKind(file: string): 'sqlite' | 'postgres' | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
    if (head.subarray(0, 5).toString('latin1') === PGDUMP_MAGIC) return 'postgres';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'ENOENT'
            ? `${command} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`
            : err.message,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** Writes a consistent copy of the whole database to file (refuses to overwrite one). */
export async function backupDatabase(database: Config['database'], file: string): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (database.kind === 'postgres') {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--file',
      target,
      '--dbname',
      database.url,
    ]);
    return;
  }
  if (!fs.existsSync(database.file)) throw new Error(`No database at ${database.file}`);
  const source = new SqliteDatabase(database.file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    await source.backup(target);
  } finally {
    source.close();
  }
}

/**
 * Restores a backup into the configured database, which must be empty (a fresh file or a new
 * PostgreSQL database), then brings its schema up to date. Stop the servers first.
 */
export async function restoreDatabase(database: Config['database'], file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`No backup at ${source}`);
  const kind = fileKind(source);
  if (!kind) throw new Error(`${source} is neither a Pejling SQLite backup nor a pg_dump custom-format file`);
  if (kind !== database.kind)
    throw new Error(`${source} is a ${kind} backup, but DATABASE_URL points at ${database.kind}`);

  if (database.kind === 'sqlite') {
    if (fs.existsSync(database.file) && fs.statSync(database.file).size > 0)
      throw new Error(`${database.file} already exists; restore into a new file (set DATABASE_URL to it)`);
    const check = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`The backup fails SQLite's integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
    fs.copyFileSync(source, database.file, fs.constants.COPYFILE_EXCL);
  } else {
    const handle = openDatabase(database);
    try {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_schema = current_schema()`.execute(handle.db);
      if ((rows[0]?.n ?? 0) > 0)
        throw new Error(
          'The target PostgreSQL database is not empty; create a new database and point DATABASE_URL at it',
        );
    } finally {
      await handle.close();
    }
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--dbname',
      database.url,
      source,
    ]);
  }
  const handle = openDatabase(database);
  try {
    await migrateToLatest(handle.db);
    // pg_restore brings the rows but not the planner's statistics: without them PostgreSQL reads
    // whole tables where an index would do, until autovacuum gets to them.
    if (database.kind === 'postgres') await sql`analyze`.execute(handle.db);
  } finally {
    await handle.close();
  }
}
