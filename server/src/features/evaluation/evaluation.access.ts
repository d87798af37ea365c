import { isPlanRole } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import type { Principal } from '../../http/context.js';
import { findStudy, isMember } from './evaluation.repository.js';

/**
 * Who sees a study. Transcripts and coded text are personal data, often sensitive: only the
 * study's team reads them, and a team member must be an administrator or hold the `evaluator`
 * role. A caller who holds the fund role or any role on a single plan never reads them, even when
 * on a team, so nothing of a study reaches the fund or a plan's own people through any route.
 */

/** Administrators and evaluators start studies and may be on a team. */
export const canEvaluate = (p: Principal): boolean =>
  p.isAdmin || p.roles.some((r) => r.role === 'evaluator');

/** Fund and plan roles never read a study's content. */
export const holdsExcludedRole = (p: Principal): boolean =>
  p.roles.some((r) => r.role === 'fund' || isPlanRole(r.role));

export const teamRefused = () => new AppError('evaluation_not_on_team', 403);

/** The study, when the caller is on its team (404 without a study, 403 off the team). */
export async function requireTeam(db: Executor, p: Principal, studyId: string) {
  const study = await findStudy(db, studyId);
  if (!study) throw notFound('study_not_found');
  if (!canEvaluate(p) || holdsExcludedRole(p) || !(await isMember(db, studyId, p.userId)))
    throw teamRefused();
  return study;
}

/** The study, when the caller is on its team or an administrator (who manages, but reads no text). */
export async function requireManager(db: Executor, p: Principal, studyId: string) {
  const study = await findStudy(db, studyId);
  if (!study) throw notFound('study_not_found');
  if (p.isAdmin && !holdsExcludedRole(p)) return study;
  if (!canEvaluate(p) || holdsExcludedRole(p) || !(await isMember(db, studyId, p.userId)))
    throw teamRefused();
  return study;
}
