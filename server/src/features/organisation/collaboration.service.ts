import type { z } from 'zod';
import type { Agreement, AgreementInput, ErrorCode } from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromJson, newId, nowIso, toJson } from '../../db/portable.js';
import { agreementFlags, type MatrixRole } from '../../domain/collaboration.js';
import { danishCollator } from '../../domain/danish.js';
import { AppError, type FieldError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanFocusAreas } from '../plans/plan.repository.js';

type AgreementIn = z.output<typeof AgreementInput>;

/** A plan's collaboration agreement with its matrix and flags; a fresh draft when none is saved. */
export async function getAgreement(db: Executor, planId: string): Promise<Agreement> {
  const plan = await db
    .selectFrom('plans')
    .select('municipalityId')
    .where('id', '=', planId)
    .executeTakeFirst();
  const [row, parties, cells, commitments, focus, services, links, activities, activityCells] =
    await Promise.all([
      db.selectFrom('collabAgreements').selectAll().where('planId', '=', planId).executeTakeFirst(),
      db.selectFrom('collabParties').selectAll().where('planId', '=', planId).orderBy('sortOrder').execute(),
      db.selectFrom('collabResponsibilities').selectAll().where('planId', '=', planId).execute(),
      db
        .selectFrom('collabCommitments')
        .selectAll()
        .where('planId', '=', planId)
        .orderBy('sortOrder')
        .execute(),
      findPlanFocusAreas(db, planId),
      db
        .selectFrom('municipalServices')
        .select(['id', 'name', 'department', 'targetGroup'])
        .where('municipalityId', '=', plan?.municipalityId ?? '')
        .execute(),
      db
        .selectFrom('collabServiceLinks')
        .selectAll()
        .where('planId', '=', planId)
        .orderBy('sortOrder')
        .execute(),
      db
        .selectFrom('activities')
        .select(['id', 'name', 'focusAreaId'])
        .where('planId', '=', planId)
        .execute(),
      db.selectFrom('collabActivityResponsibilities').selectAll().where('planId', '=', planId).execute(),
    ]);
  const focusAreas = [...focus]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((f) => ({ id: f.id, nameDa: f.nameDa, nameEn: f.nameEn }));
  const ps = parties.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind as Agreement['parties'][number]['kind'],
    contactPerson: p.contactPerson,
  }));
  const responsibilities = cells
    .filter((c) => focusAreas.some((f) => f.id === c.focusAreaId))
    .map((c) => ({ focusAreaId: c.focusAreaId, partyId: c.partyId, role: c.role as MatrixRole }));
  // Rows of focus areas the plan no longer has are kept but not shown, so that a save is not refused for them.
  const cs = commitments
    .filter((c) => focusAreas.some((f) => f.id === c.focusAreaId))
    .map((c) => ({
      id: c.id,
      focusAreaId: c.focusAreaId,
      partyId: c.partyId,
      text: c.text,
    }));
  const acts = [...activities]
    .sort((a, b) => danishCollator.compare(a.name, b.name))
    .map((a) => ({ id: a.id, name: a.name, focusAreaId: a.focusAreaId }));
  const activityResponsibilities = activityCells.map((c) => ({
    activityId: c.activityId,
    partyId: c.partyId,
    role: c.role as MatrixRole,
  }));
  const activityIds = new Set(acts.map((a) => a.id));
  const cellsForFlags = [
    ...responsibilities.map((c) => ({ rowId: c.focusAreaId, partyId: c.partyId, role: c.role })),
    ...activityResponsibilities.map((c) => ({ rowId: c.activityId, partyId: c.partyId, role: c.role })),
  ];
  // Activities are flagged once the matrix has parties: before that, the focus areas' flags say enough.
  const activityRows = ps.length ? acts : [];
  const flagsDa = agreementFlags(
    [
      ...focusAreas.map((f) => ({ id: f.id, name: f.nameDa })),
      ...activityRows.map((a) => ({ id: a.id, name: `aktiviteten ${a.name}` })),
    ],
    ps,
    cellsForFlags,
    cs.map((c) => ({ rowId: c.focusAreaId, partyId: c.partyId, text: c.text })),
  );
  const flagsEn = agreementFlags(
    [
      ...focusAreas.map((f) => ({ id: f.id, name: f.nameEn })),
      ...activityRows.map((a) => ({ id: a.id, name: `the activity ${a.name}` })),
    ],
    ps,
    cellsForFlags,
    cs.map((c) => ({ rowId: c.focusAreaId, partyId: c.partyId, text: c.text })),
  );
  return {
    planId,
    status: (row?.status as Agreement['status']) ?? 'draft',
    signedOn: row?.signedOn ?? null,
    attachments: fromJson<string[]>(row?.attachmentsJson) ?? [],
    parties: ps,
    focusAreas,
    responsibilities,
    activities: acts,
    activityResponsibilities,
    commitments: cs,
    flags: flagsDa.map((f, i) => ({
      code: f.code,
      focusAreaId: 'rowId' in f && !activityIds.has(f.rowId) ? f.rowId : null,
      activityId: 'rowId' in f && activityIds.has(f.rowId) ? f.rowId : null,
      partyId: 'partyId' in f ? f.partyId : null,
      message: { da: f.da, en: flagsEn[i]!.en },
    })),
    municipalServices: services.sort((a, b) => danishCollator.compare(a.name, b.name)),
    serviceLinks: links
      .filter((l) => focusAreas.some((f) => f.id === l.focusAreaId))
      .map((l) => ({
        focusAreaId: l.focusAreaId,
        serviceId: l.serviceId,
        relation: l.relation as 'overlap' | 'synergy',
        note: l.note,
      })),
    version: row?.version ?? 0,
  };
}

/**
 * Saves the whole agreement in one transaction: parties, matrix and commitments are replaced.
 * @throws validation_failed (400: a matrix role or commitment for a party not in the agreement,
 * a focus area the plan has not chosen, one party twice in one matrix cell, a missing signing
 * date), stale_version (409)
 */
export async function saveAgreement(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: AgreementIn,
): Promise<Agreement> {
  return db.transaction().execute(async (trx) => {
    const before = await getAgreement(trx, planId);
    const problems: FieldError[] = [];
    const add = (path: string, code: ErrorCode) => problems.push({ path, code });
    if (input.status !== 'draft' && !input.signedOn) add('signedOn', 'signed_on_required');
    const refs = new Set<string>();
    input.parties.forEach((p, i) => {
      if (refs.has(p.ref)) add(`parties.${i}.ref`, 'party_ref_twice');
      refs.add(p.ref);
    });
    const focus = new Set(before.focusAreas.map((f) => f.id));
    const cells = new Set<string>();
    input.responsibilities.forEach((r, i) => {
      if (!refs.has(r.partyRef)) add(`responsibilities.${i}.partyRef`, 'party_not_in_agreement');
      if (!focus.has(r.focusAreaId))
        add(`responsibilities.${i}.focusAreaId`, 'focus_area_not_chosen_by_plan');
      const key = `${r.focusAreaId}|${r.partyRef}`;
      if (cells.has(key)) add(`responsibilities.${i}.partyRef`, 'matrix_cell_twice');
      cells.add(key);
    });
    const planActivities = new Set(before.activities.map((a) => a.id));
    const activityCells = new Set<string>();
    input.activityResponsibilities.forEach((r, i) => {
      if (!refs.has(r.partyRef)) add(`activityResponsibilities.${i}.partyRef`, 'party_not_in_agreement');
      if (!planActivities.has(r.activityId))
        add(`activityResponsibilities.${i}.activityId`, 'activity_not_found');
      const key = `${r.activityId}|${r.partyRef}`;
      if (activityCells.has(key)) add(`activityResponsibilities.${i}.partyRef`, 'matrix_cell_twice');
      activityCells.add(key);
    });
    input.commitments.forEach((c, i) => {
      if (!refs.has(c.partyRef)) add(`commitments.${i}.partyRef`, 'party_not_in_agreement');
      if (!focus.has(c.focusAreaId)) add(`commitments.${i}.focusAreaId`, 'focus_area_not_chosen_by_plan');
    });
    const catalogue = new Set(before.municipalServices.map((m) => m.id));
    input.serviceLinks.forEach((l, i) => {
      if (!focus.has(l.focusAreaId)) add(`serviceLinks.${i}.focusAreaId`, 'focus_area_not_chosen_by_plan');
      if (Boolean(l.serviceId) === Boolean(l.newService))
        add(`serviceLinks.${i}.serviceId`, 'service_choice_required');
      else if (l.serviceId && !catalogue.has(l.serviceId))
        add(`serviceLinks.${i}.serviceId`, 'service_not_in_municipality');
    });
    if (problems.length) throw new AppError('validation_failed', 400, {}, problems);

    const now = nowIso();
    const columns = {
      status: input.status,
      signedOn: input.signedOn ?? null,
      attachmentsJson: toJson(input.attachments),
      updatedAt: now,
      version: input.version + 1,
    };
    if (input.version === 0) {
      if (before.version !== 0) throw new AppError('stale_version', 409);
      await trx
        .insertInto('collabAgreements')
        .values({ planId, ...columns, createdAt: now })
        .execute();
    } else {
      const res = await trx
        .updateTable('collabAgreements')
        .set(columns)
        .where('planId', '=', planId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    }
    // Existing parties keep their ids (a ref that is one of them); new ones get new ids.
    const kept = new Set(before.parties.map((p) => p.id));
    const ids = new Map(input.parties.map((p) => [p.ref, kept.has(p.ref) ? p.ref : newId()]));
    await trx.deleteFrom('collabCommitments').where('planId', '=', planId).execute();
    await trx.deleteFrom('collabResponsibilities').where('planId', '=', planId).execute();
    await trx.deleteFrom('collabActivityResponsibilities').where('planId', '=', planId).execute();
    await trx.deleteFrom('collabParties').where('planId', '=', planId).execute();
    if (input.parties.length)
      await trx
        .insertInto('collabParties')
        .values(
          input.parties.map((p, i) => ({
            id: ids.get(p.ref)!,
            planId,
            name: p.name,
            kind: p.kind,
            contactPerson: p.contactPerson?.trim() || null,
            sortOrder: i,
          })),
        )
        .execute();
    if (input.responsibilities.length)
      await trx
        .insertInto('collabResponsibilities')
        .values(
          input.responsibilities.map((r) => ({
            planId,
            focusAreaId: r.focusAreaId,
            partyId: ids.get(r.partyRef)!,
            role: r.role,
          })),
        )
        .execute();
    if (input.activityResponsibilities.length)
      await trx
        .insertInto('collabActivityResponsibilities')
        .values(
          input.activityResponsibilities.map((r) => ({
            planId,
            activityId: r.activityId,
            partyId: ids.get(r.partyRef)!,
            role: r.role,
          })),
        )
        .execute();
    if (input.commitments.length)
      await trx
        .insertInto('collabCommitments')
        .values(
          input.commitments.map((c, i) => ({
            id: newId(),
            planId,
            focusAreaId: c.focusAreaId,
            partyId: ids.get(c.partyRef)!,
            text: c.text,
            sortOrder: i,
          })),
        )
        .execute();
    await trx.deleteFrom('collabServiceLinks').where('planId', '=', planId).execute();
    const plan = await trx
      .selectFrom('plans')
      .select('municipalityId')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    for (const [i, l] of input.serviceLinks.entries()) {
      let serviceId = l.serviceId ?? null;
      // A "new" service the catalogue already has by name is that entry: names are unique per municipality.
      if (!serviceId && l.newService)
        serviceId =
          (
            await trx
              .selectFrom('municipalServices')
              .select('id')
              .where('municipalityId', '=', plan.municipalityId)
              .where('name', '=', l.newService.name)
              .executeTakeFirst()
          )?.id ?? null;
      if (!serviceId && l.newService) {
        serviceId = newId();
        // A new service joins the municipality's catalogue, for this and the municipality's other plans.
        await trx
          .insertInto('municipalServices')
          .values({
            id: serviceId,
            municipalityId: plan.municipalityId,
            name: l.newService.name,
            department: l.newService.department?.trim() || null,
            targetGroup: l.newService.targetGroup?.trim() || null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
      await trx
        .insertInto('collabServiceLinks')
        .values({
          id: newId(),
          planId,
          focusAreaId: l.focusAreaId,
          serviceId: serviceId!,
          relation: l.relation,
          note: l.note?.trim() || null,
          sortOrder: i,
        })
        .execute();
    }
    const after = await getAgreement(trx, planId);
    await recordAudit(trx, ctx, {
      action: input.version === 0 ? 'create' : 'update',
      entityType: 'collaboration_agreement',
      entityId: planId,
      planId,
      before: input.version === 0 ? undefined : before,
      after,
    });
    return after;
  });
}
