import type { ZodType } from 'zod';
import type { Executor } from '../../db/database.js';
import { todayInDenmark } from '../../domain/periods.js';
import { planRevision } from '../audit/audit.service.js';

/**
 * What a route answered for a plan (its results framework, its registrations per quarter), kept by
 * one server process while the plan's revision (raised in the transaction of every audited change
 * to the plan, see audit.service.ts) and the day stay the same. The answer is recomputed on the
 * first request after any change, by whichever process gets it; otherwise a request costs one read
 * of the revision. Answers are kept up to a total size, the least recently used going first.
 */
export class PlanAnswerCache {
  private readonly entries = new Map<string, { revision: number; day: string; body: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 24 * 1024 * 1024) {}

  get(planId: string, revision: number, day: string): string | null {
    const e = this.entries.get(planId);
    if (!e || e.revision !== revision || e.day !== day) return null;
    // Most recently used last.
    this.entries.delete(planId);
    this.entries.set(planId, e);
    return e.body;
  }

  set(planId: string, revision: number, day: string, body: string): void {
    this.drop(planId);
    if (body.length > this.maxBytes) return;
    this.entries.set(planId, { revision, day, body });
    this.bytes += body.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(planId: string): void {
    const e = this.entries.get(planId);
    if (!e) return;
    this.bytes -= e.body.length;
    this.entries.delete(planId);
  }
}

/**
 * The plan's answer as JSON: kept, or computed, checked and stripped to the contract as the
 * response schema would, and kept. The revision is read before the plan's data, so an answer is
 * never kept under a revision older than the data it was computed from.
 */
export async function planAnswer(
  cache: PlanAnswerCache,
  db: Executor,
  planId: string,
  schema: ZodType,
  compute: () => Promise<unknown>,
): Promise<string> {
  const revision = await planRevision(db, planId);
  const day = todayInDenmark();
  const kept = cache.get(planId, revision, day);
  if (kept !== null) return kept;
  const body = JSON.stringify(schema.parse(await compute()));
  cache.set(planId, revision, day, body);
  return body;
}
