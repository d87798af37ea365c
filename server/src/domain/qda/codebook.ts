/**
 * Changing the codebook without losing codings: moving a code under another, and merging one
 * code into another. Pure functions over plain arrays; the caller stores the result in one
 * transaction.
 */

export interface CodebookCode {
  id: string;
  parentId: string | null;
}

export interface CodebookCoding {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  userId: string | null;
}

export type CodebookRefusal = 'unknown_code' | 'unknown_parent' | 'into_itself' | 'into_descendant';

/** True when `candidate` is `ancestorId` or lies below it. */
export function isWithin<C extends CodebookCode>(
  codes: readonly C[],
  candidate: string,
  ancestorId: string,
): boolean {
  const parent = new Map(codes.map((c) => [c.id, c.parentId]));
  const seen = new Set<string>();
  for (let id: string | null | undefined = candidate; id && !seen.has(id); id = parent.get(id)) {
    if (id === ancestorId) return true;
    seen.add(id);
  }
  return false;
}

/**
 * Moves a code (with everything below it) under `newParentId`, or to the top level with null.
 * Refused when the new parent is the code itself or below it (the tree would become a cycle).
 */
export function moveCode<C extends CodebookCode>(
  codes: readonly C[],
  codeId: string,
  newParentId: string | null,
): { ok: true; codes: C[] } | { ok: false; reason: CodebookRefusal } {
  if (!codes.some((c) => c.id === codeId)) return { ok: false, reason: 'unknown_code' };
  if (newParentId !== null) {
    if (!codes.some((c) => c.id === newParentId)) return { ok: false, reason: 'unknown_parent' };
    if (newParentId === codeId) return { ok: false, reason: 'into_itself' };
    if (isWithin(codes, newParentId, codeId)) return { ok: false, reason: 'into_descendant' };
  }
  return { ok: true, codes: codes.map((c) => (c.id === codeId ? { ...c, parentId: newParentId } : c)) };
}

/**
 * Merges code `fromId` into `intoId`: its codings become codings of `intoId`, its child codes
 * move under `intoId`, and the code goes. A coding that would repeat one `intoId` already has
 * (same source, range and coder) is dropped, and listed, rather than counted twice. Refused when
 * `intoId` lies below `fromId` (its children would move under their own descendant).
 */
export function mergeCodes<C extends CodebookCode, K extends CodebookCoding>(
  codes: readonly C[],
  codings: readonly K[],
  fromId: string,
  intoId: string,
):
  | { ok: true; codes: C[]; codings: K[]; moved: string[]; droppedDuplicates: string[] }
  | { ok: false; reason: CodebookRefusal } {
  if (!codes.some((c) => c.id === fromId) || !codes.some((c) => c.id === intoId)) {
    return { ok: false, reason: 'unknown_code' };
  }
  if (fromId === intoId) return { ok: false, reason: 'into_itself' };
  if (isWithin(codes, intoId, fromId)) return { ok: false, reason: 'into_descendant' };
  const key = (c: CodebookCoding) => `${c.sourceId}\u0000${c.start}\u0000${c.end}\u0000${c.userId ?? ''}`;
  const existing = new Set(codings.filter((c) => c.codeId === intoId).map(key));
  const moved: string[] = [];
  const droppedDuplicates: string[] = [];
  const nextCodings: K[] = [];
  for (const c of codings) {
    if (c.codeId !== fromId) {
      nextCodings.push(c);
      continue;
    }
    const k = key(c);
    if (existing.has(k)) {
      droppedDuplicates.push(c.id);
      continue;
    }
    existing.add(k);
    moved.push(c.id);
    nextCodings.push({ ...c, codeId: intoId });
  }
  const nextCodes = codes
    .filter((c) => c.id !== fromId)
    .map((c) => (c.parentId === fromId ? { ...c, parentId: intoId } : c));
  return { ok: true, codes: nextCodes, codings: nextCodings, moved, droppedDuplicates };
}
