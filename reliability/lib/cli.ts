import { execFile } from 'node:child_process';
import { PEJLING_BIN, assertBuilt } from '../../bench/lib/server.js';

/** Runs the built `pejling` command with DATABASE_URL set; rejects with its output on failure. */
export function pejling(args: string[], databaseUrl: string): Promise<string> {
  assertBuilt();
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [PEJLING_BIN, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`pejling ${args.join(' ')} failed: ${stderr || stdout || err.message}`))
          : resolve(stdout),
    ),
  );
}
