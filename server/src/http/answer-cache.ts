import type { FastifyReply } from 'fastify';
import type { ZodType } from 'zod';
import type { Executor } from '../db/database.js';
import { todayInDenmark } from '../domain/periods.js';
import { planRevision, revisionsTotal } from '../features/audit/audit.service.js';

/**
 * What a route answered (a plan's results framework, its registrations per quarter, a portfolio
 * view), kept by one server process while the revision it was computed at and the day stay the
 * same. Revisions are raised in the transaction of every audited change (audit.service.ts), so the
 * answer is recomputed on the first request after any change, by whichever process gets it;
 * otherwise a request costs one read of the revision. Answers are kept up to a total size, the
 * least recently used going first.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { revision: number; day: string; body: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 24 * 1024 * 1024) {}

  get(key: string, revision: number, day: string): string | null {
    const e = this.entries.get(key);
    if (!e || e.revision !== revision || e.day !== day) return null;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.body;
  }

  set(key: string, revision: number, day: string, body: string): void {
    this.drop(key);
    if (body.length > this.maxBytes) return;
    this.entries.set(key, { revision, day, body });
    this.bytes += body.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length;
    this.entries.delete(key);
  }
}

/**
 * The answer as JSON: kept, or computed, checked and stripped to the contract as the response
 * schema would, and kept. The revision is read before the data, so an answer is never kept under a
 * revision older than the data it was computed from.
 */
async function keptAnswer(
  cache: AnswerCache,
  key: string,
  revision: number,
  schema: ZodType,
  compute: () => Promise<unknown>,
): Promise<string> {
  const day = todayInDenmark();
  const kept = cache.get(key, revision, day);
  if (kept !== null) return kept;
  const body = JSON.stringify(schema.parse(await compute()));
  cache.set(key, revision, day, body);
  return body;
}

/** One plan's answer, kept while the plan's revision stands. */
export async function planAnswer(
  cache: AnswerCache,
  db: Executor,
  planId: string,
  schema: ZodType,
  compute: () => Promise<unknown>,
): Promise<string> {
  return keptAnswer(cache, planId, await planRevision(db, planId), schema, compute);
}

/**
 * An answer drawn from many plans and from data outside them (the registry, shared indicators,
 * users' roles), kept under `key` (which must name everything the answer depends on besides the
 * stored data: the route, the query, who asks) while no revision anywhere has risen.
 */
export async function wholeAnswer(
  cache: AnswerCache,
  db: Executor,
  key: string,
  schema: ZodType,
  compute: () => Promise<unknown>,
): Promise<string> {
  return keptAnswer(cache, key, await revisionsTotal(db), schema, compute);
}

/** Sends a kept answer: a string with a JSON content type goes out as it is, past the serializer. */
export const sendKept = (reply: FastifyReply, body: string) =>
  reply.type('application/json; charset=utf-8').send(body as never);
