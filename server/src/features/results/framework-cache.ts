/**
 * What `GET /api/plans/:planId/results` answered for a plan, kept by one server process while the
 * plan's revision (raised in the transaction of every audited change to the plan, see
 * audit.service.ts) and the day stay the same. The plan's figures are recomputed on the first
 * request after any change, by whichever process answers it; a request costs one read of the
 * revision otherwise. The answers are kept up to a total size, the least recently used going first.
 */
export class FrameworkCache {
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
