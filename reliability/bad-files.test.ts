import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/src/db/database.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD } from '../bench/generate/index.js';
import { databaseConfig, type ScratchDatabase } from '../bench/lib/database.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer, type ServerProcess } from '../bench/lib/server.js';
import { postRaw } from './lib/crash.js';
import { generatedDatabase, suiteDialect } from './lib/setup.js';

/**
 * Bad files through a running server: every file of bench/bad-files/ (hostile and broken CSV,
 * .xlsx, .docx, .txt and .qdpx files: zip bombs, entity expansion, formula payloads, `__proto__`
 * headers, huge cells, wrong encodings, truncated files) sent to the route that takes its kind
 * (a plan's registrations import, a study's sources, the .qdpx import), as the administrator.
 * Each is refused with a 4xx whose message (Danish) says what is wrong, without stack trace or SQL;
 * nothing is stored (registrations, import audit entries, studies, sources); and the server's
 * memory stays bounded. The one project the corpus holds that is readable with parts skipped is
 * imported, naming each part it skipped.
 */
const dir = new URL('../bench/bad-files/', import.meta.url);
const tableFiles = JSON.parse(fs.readFileSync(new URL('expected.json', dir), 'utf8')) as Record<
  string,
  string
>;
const evaluationFiles = JSON.parse(
  fs.readFileSync(new URL('evaluation-expected.json', dir), 'utf8'),
) as Record<string, string>;
const read = (name: string) => fs.readFileSync(new URL(name, dir));

/** Largest rise of the server's resident memory over the whole corpus. */
const MEMORY_RISE_MB = 150;

let scratch: ScratchDatabase;
let server: ServerProcess;
let headers: Record<string, string>;
let planId: string;

beforeAll(async () => {
  let out;
  ({ scratch, out } = await generatedDatabase(suiteDialect(), 'badfiles'));
  planId = out.plans[0]!.id;
  server = await startServer({ databaseUrl: scratch.url });
  headers = { ...sessionHeaders(await login(server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD)) };
});
afterAll(async () => {
  await server?.stop();
  await scratch?.drop();
});

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

function expectRefusal(name: string, status: number, text: string) {
  expect(status, `${name}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${name}: ${text.slice(0, 300)}`).toBeLessThan(500);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.message.length, name).toBeGreaterThan(15);
  expect(text, name).not.toMatch(
    /\bat .+\.(js|ts):\d+|node_modules|SQLITE_|syntax error|\bselect\b.+\bfrom\b/i,
  );
  return body.error;
}

describe('bad files through the server', () => {
  it('are each refused with a clear message, store nothing and keep memory bounded', async () => {
    const handle = openDatabase(databaseConfig(scratch));
    const client = httpClient(server.url, 2);
    const pid = server.child.pid!;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    try {
      const count = async (table: 'registrations' | 'evaluationStudies' | 'evaluationSources') =>
        Number(
          (
            await handle.db
              .selectFrom(table)
              .select((e) => e.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const importAudits = async () =>
        Number(
          (
            await handle.db
              .selectFrom('auditLog')
              .select((e) => e.fn.countAll<number>().as('n'))
              .where('entityType', '=', 'import_registrations')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const study = await client.request('POST', '/api/evaluation/studies', headers, {
        name: 'Dårlige filer',
      });
      expect(study.status, study.text).toBe(201);
      const studyId = (JSON.parse(study.text) as { id: string }).id;

      const before = {
        registrations: await count('registrations'),
        imports: await importAudits(),
        studies: await count('evaluationStudies'),
        sources: await count('evaluationSources'),
      };
      const startMb = rssMb(pid);
      const seen: string[] = [];

      // Tables, to a plan's registrations import: refused when read, or (the two files the reader
      // accepts: `__proto__` headers, formula text) for columns a registrations file does not have.
      for (const [name, outcome] of Object.entries(tableFiles)) {
        const r = await postRaw(
          server.url,
          `/api/plans/${planId}/imports/registrations?filename=${encodeURIComponent(name)}`,
          headers,
          read(name),
          name.endsWith('.xlsx') ? 'application/octet-stream' : 'text/csv',
        );
        expect(r, name).not.toBeNull();
        const error = expectRefusal(name, r!.status, r!.text);
        expect(error.code, name).toBe(
          outcome === 'accepted' ? 'import_unknown_columns' : 'import_file_refused',
        );
        seen.push(`${name} → ${r!.status} ${error.code}`);
      }

      // Transcripts and documents, to a study's sources.
      for (const [name, outcome] of Object.entries(evaluationFiles)) {
        if (name.endsWith('.qdpx')) continue;
        const r = await client.request('POST', `/api/evaluation/studies/${studyId}/sources`, headers, {
          filename: name,
          contentBase64: read(name).toString('base64'),
        });
        const error = expectRefusal(name, r.status, r.text);
        expect(error.code, `${name} (${outcome})`).toBe('evaluation_file_refused');
        seen.push(`${name} → ${r.status} ${error.code}`);
      }

      // REFI-QDA projects, to the .qdpx import.
      let imported = 0;
      for (const [name, outcome] of Object.entries(evaluationFiles)) {
        if (!name.endsWith('.qdpx')) continue;
        const r = await postRaw(
          server.url,
          '/api/evaluation/import-qdpx',
          headers,
          read(name),
          'application/octet-stream',
        );
        expect(r, name).not.toBeNull();
        if (outcome.startsWith('skipped:')) {
          expect(r!.status, r!.text).toBe(201);
          const report = JSON.parse(r!.text) as { skipped: { reason: string; message: string }[] };
          expect(report.skipped.map((s) => s.reason)).toContain(outcome.slice('skipped:'.length));
          expect(report.skipped.every((s) => s.message.length > 10)).toBe(true);
          imported++;
          seen.push(`${name} → ${r!.status}, ${report.skipped.length} parts skipped`);
          continue;
        }
        const error = expectRefusal(name, r!.status, r!.text);
        expect(error.code, `${name} (${outcome})`).toBe('evaluation_file_refused');
        seen.push(`${name} → ${r!.status} ${error.code}`);
      }

      expect(await count('registrations')).toBe(before.registrations);
      expect(await importAudits()).toBe(before.imports);
      expect(await count('evaluationStudies')).toBe(before.studies + imported);
      expect(await count('evaluationSources')).toBe(before.sources + imported);
      const health = await client.request('GET', '/api/health', {});
      expect(health.status).toBe(200);
      clearInterval(sampler);
      console.log(
        `${seen.length} bad files: server memory ${startMb.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB\n  ${seen.join('\n  ')}`,
      );
      expect(peak - startMb).toBeLessThan(MEMORY_RISE_MB);
    } finally {
      clearInterval(sampler);
      client.close();
      await handle.close();
    }
  });
});
