import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../bench/lib/server.js';

/**
 * A PostgreSQL instance of the test's own (initdb into a temp folder, a free port on 127.0.0.1),
 * so that stopping it never touches a server other tests use. initdb refuses to run as root, so
 * as root it runs as the `postgres` OS user.
 */
export interface PrivatePostgres {
  url: string;
  start(): void;
  stop(): void;
  destroy(): void;
}

export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb')))
    .sort((x, y) => Number(y) - Number(x));
  return versions.length ? path.join(base, versions[0]!, 'bin') : null;
}

export async function createPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const as = (cmd: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const pgCtl = (action: string, extra: string[] = []) =>
    as('pg_ctl', [action, '-D', data, '-w', '-t', '30', ...extra]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => pgCtl('start', ['-o', options, '-l', path.join(dir, 'log')]),
    stop: () => pgCtl('stop', ['-m', 'fast']),
    destroy() {
      try {
        pgCtl('stop', ['-m', 'immediate']);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
