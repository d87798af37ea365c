import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TheoryComparison, TheoryDetail, TheoryList, TheorySearchResult } from '@pejling/contracts';
import { seedDemo } from '../src/seed/demo.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  await seedDemo(t.db);
});
afterAll(async () => t?.close());

describe('example theories of change', () => {
  it('give three example plans a drafted diagram with assumptions and an external factor', async () => {
    const rows = await t.db.selectFrom('theories').selectAll().execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.isExample === 1)).toBe(true);
    for (const row of rows) {
      const list = (await admin.get(`/api/plans/${row.planId}/theories`)).json() as TheoryList;
      expect(list.items[0]!.isExample).toBe(true);
      const th = (await admin.get(`/api/plans/${row.planId}/theories/${row.id}`)).json() as TheoryDetail;
      expect(th.nodes.filter((n) => n.kind === 'assumption')).toHaveLength(2);
      expect(th.nodes.filter((n) => n.kind === 'externalFactor')).toHaveLength(1);
      expect(th.nodes.some((n) => n.kind === 'activity' && n.live?.type === 'activity')).toBe(true);
      expect(th.edges.length).toBeGreaterThan(3);
      const cmp = (
        await admin.get(`/api/plans/${row.planId}/theories/${row.id}/comparison`)
      ).json() as TheoryComparison;
      // Drafted from the whole framework: nothing of it is missing.
      expect(cmp.missingActivities).toEqual([]);
      expect(cmp.missingGoals).toEqual([]);
    }
    const found = (
      await admin.get('/api/theories/search?kind=assumption&text=beboerne')
    ).json() as TheorySearchResult;
    expect(found.nodes).toHaveLength(3);
  });

  it('seeds once', async () => {
    await seedDemo(t.db);
    expect(await t.db.selectFrom('theories').select('id').execute()).toHaveLength(3);
  });
});
