import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Indicator, PlanDetail, Report } from '@pejling/contracts';
import { buildPlan, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let editor: TestClient;
let approver: TestClient;
let viewer: TestClient;
let plan: PlanDetail;
let activity: Activity;
let indicator: Indicator;

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/**
 * A plan with a result goal measured by an indicator computed from registrations (target 2024:
 * 30 participants), an activity serving it with one registration of 12, an editor, an approver
 * (a steering-group member) and a viewer.
 */
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  plan = await buildPlan(t.db);
  const users = await Promise.all(
    (['plan_editor', 'plan_approver', 'plan_viewer'] as const).map((role, i) =>
      buildUser(t.db, {
        name: ['Projektleder Pia', 'Formand Frede', 'Læser Lis'][i],
        roles: [{ role, planId: plan.id }],
      }),
    ),
  );
  const clients = await Promise.all(users.map((u) => t.sessionClient(u.id)));
  [editor, approver, viewer] = [clients[0]!, clients[1]!, clients[2]!];
  const goal = await ok<{ id: string }>(
    admin.post(`/api/plans/${plan.id}/goals`, {
      level: 'result',
      focusAreaId: plan.focusAreas[0]!.id,
      title: 'Flere unge i lektiecaféen',
    }),
    201,
  );
  indicator = await ok<Indicator>(
    admin.post(`/api/plans/${plan.id}/indicators`, {
      goalId: goal.id,
      name: 'Fremmøde',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'participants',
      combine: 'sum',
      baselineValue: 0,
      targets: [{ period: '2024', value: 30 }],
    }),
    201,
  );
  activity = await ok<Activity>(
    admin.post(`/api/plans/${plan.id}/activities`, {
      name: 'Lektiecafé',
      goalIds: [goal.id],
      status: 'running',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    }),
    201,
  );
  await ok(
    admin.post(`/api/plans/${plan.id}/registrations`, {
      activityId: activity.id,
      date: '2024-03-01',
      participants: 12,
    }),
    201,
  );
});
afterAll(async () => t?.close());

const valueOf = (r: Report) =>
  r.figures.goals.flatMap((g) => g.indicators).find((i) => i.id === indicator.id)!;

describe('status reports', () => {
  it('go from draft to sent; approval by a steering-group member freezes the figures', async () => {
    const draft = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports`, {
        title: 'Statusrapport 2024',
        period: '2024',
        audience: 'steering_group',
        narrative: { summary: 'Lektiecaféen er godt i gang.' },
      }),
      201,
    );
    expect(draft).toMatchObject({ status: 'draft', frozen: false, canApprove: false });
    expect(valueOf(draft)).toMatchObject({ value: 12, target: 30, status: 'behind' });
    expect(draft.figures.activities[0]).toMatchObject({
      name: 'Lektiecafé',
      registrations: 1,
      participants: 12,
    });

    const submitted = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports/${draft.id}/submit`, { version: draft.version }),
    );
    expect(submitted.status).toBe('submitted');
    // Only a submitted report is approved, and only by an approver; the editor may not.
    const byEditor = await editor.post(`/api/plans/${plan.id}/reports/${draft.id}/approve`, {
      version: submitted.version,
    });
    expect(byEditor.statusCode).toBe(403);
    expect(byEditor.json().error.message).toMatch(/styregruppe eller bestyrelse/);
    const agenda = await ok<{ reportsToApprove: { reportId: string }[] }>(approver.get('/api/agenda'));
    expect(agenda.reportsToApprove.map((x) => x.reportId)).toContain(draft.id);
    const editorAgenda = await ok<{ reportsToApprove: unknown[] }>(editor.get('/api/agenda'));
    expect(editorAgenda.reportsToApprove).toEqual([]);
    const seen = await ok<Report>(approver.get(`/api/plans/${plan.id}/reports/${draft.id}`));
    expect(seen.canApprove).toBe(true);
    const approved = await ok<Report>(
      approver.post(`/api/plans/${plan.id}/reports/${draft.id}/approve`, { version: submitted.version }),
    );
    expect(approved).toMatchObject({ status: 'approved', frozen: true, approvedByName: 'Formand Frede' });
    expect(approved.approvedAt).not.toBeNull();

    // A later registration changes the plan's figures, not the approved report's.
    await ok(
      admin.post(`/api/plans/${plan.id}/registrations`, {
        activityId: activity.id,
        date: '2024-05-01',
        participants: 25,
      }),
      201,
    );
    const later = await ok<Report>(viewer.get(`/api/plans/${plan.id}/reports/${draft.id}`));
    expect(valueOf(later)).toMatchObject({ value: 12, status: 'behind' });
    const fresh = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports`, { title: 'Ny', period: '2024', audience: 'fund' }),
      201,
    );
    expect(valueOf(fresh)).toMatchObject({ value: 37, status: 'ahead' });

    // Approved: no more edits; sent with its recipients.
    const edit = await editor.put(`/api/plans/${plan.id}/reports/${draft.id}`, {
      title: 'Ændret',
      period: '2024',
      audience: 'fund',
      version: approved.version,
    });
    expect(edit.statusCode).toBe(409);
    const noRecipients = await editor.post(`/api/plans/${plan.id}/reports/${draft.id}/send`, {
      version: approved.version,
    });
    expect(noRecipients.statusCode).toBe(400);
    const sent = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports/${draft.id}/send`, {
        version: approved.version,
        note: 'Styregruppen og Landsbyggefonden',
      }),
    );
    expect(sent).toMatchObject({ status: 'sent', sentTo: 'Styregruppen og Landsbyggefonden', frozen: true });
    expect(sent.history.map((h) => [h.status, h.byName])).toEqual([
      ['draft', 'Projektleder Pia'],
      ['submitted', 'Projektleder Pia'],
      ['approved', 'Formand Frede'],
      ['sent', 'Projektleder Pia'],
    ]);
  });

  it('go back to draft with a reason, and refuse a move from the wrong status', async () => {
    const r = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports`, {
        title: 'Halvår',
        period: '2024-H1',
        audience: 'steering_group',
      }),
      201,
    );
    const early = await approver.post(`/api/plans/${plan.id}/reports/${r.id}/approve`, {
      version: r.version,
    });
    expect(early.statusCode).toBe(409);
    const s = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports/${r.id}/submit`, { version: r.version }),
    );
    const back = await ok<Report>(
      approver.post(`/api/plans/${plan.id}/reports/${r.id}/return`, {
        version: s.version,
        note: 'Skriv mere om afvigelserne',
      }),
    );
    expect(back.status).toBe('draft');
    expect(back.history.at(-1)).toMatchObject({
      status: 'draft',
      byName: 'Formand Frede',
      note: 'Skriv mere om afvigelserne',
    });
    const stale = await editor.post(`/api/plans/${plan.id}/reports/${r.id}/submit`, { version: s.version });
    expect(stale.statusCode).toBe(409);
  });

  it('refuse a period that is not one, or lies outside the plan, and store nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('statusReports')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const period of ['2024-Q5', 'sidste år', '2031']) {
      const res = await editor.post(`/api/plans/${plan.id}/reports`, {
        title: 'X',
        period,
        audience: 'fund',
      });
      expect(res.statusCode, period).toBe(400);
    }
    expect(await count()).toBe(before);
    const viewerTry = await viewer.post(`/api/plans/${plan.id}/reports`, {
      title: 'X',
      period: '2024',
      audience: 'fund',
    });
    expect(viewerTry.statusCode).toBe(403);
  });

  it('export as PDF and Word', async () => {
    const r = await ok<Report>(
      editor.post(`/api/plans/${plan.id}/reports`, { title: 'Eksport', period: '2024', audience: 'fund' }),
      201,
    );
    const pdf = await viewer.get(`/api/plans/${plan.id}/reports/${r.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await viewer.get(`/api/plans/${plan.id}/reports/${r.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
