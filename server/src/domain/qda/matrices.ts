/**
 * Cross-case analysis over plain arrays: the case × code matrix, code co-occurrence, and
 * drivers and barriers by theme × case. Each cell carries the ids of the codings behind it, so
 * a screen can show the coded text of any cell. Positions are code points, end exclusive.
 */

/** Appends `value` to the list under `key`, making the list when it is missing. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface MatrixCode {
  id: string;
  parentId: string | null;
}

export interface MatrixSource {
  id: string;
  caseId: string | null;
}

export interface MatrixCase {
  id: string;
}

export interface MatrixCoding {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
}

export interface CountCell {
  count: number;
  codingIds: string[];
}

/** Each code with itself and every code below it in the hierarchy. */
export function descendants(codes: readonly MatrixCode[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const c of codes) {
    if (c.parentId) pushTo(children, c.parentId, c.id);
  }
  const out = new Map<string, Set<string>>();
  for (const c of codes) {
    const seen = new Set<string>();
    const stack = [c.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue; // a cycle in imported data stops here
      seen.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    out.set(c.id, seen);
  }
  return out;
}

function emptyCell(): CountCell {
  return { count: 0, codingIds: [] };
}

/**
 * Case × code: per case and code, the codings of that code in the case's sources. With
 * `aggregate`, a code's cell also holds the codings of the codes below it (as NVivo's
 * "aggregate coding from children"); a coding is counted once per cell. Sources without a case
 * are left out.
 */
export function caseCodeMatrix(
  cases: readonly MatrixCase[],
  codes: readonly MatrixCode[],
  sources: readonly MatrixSource[],
  codings: readonly MatrixCoding[],
  options: { aggregate?: boolean } = {},
): { caseId: string; cells: { codeId: string; cell: CountCell }[] }[] {
  const caseOf = new Map(sources.map((s) => [s.id, s.caseId]));
  const below = descendants(codes);
  const byCaseAndCode = new Map<string, string[]>();
  for (const coding of codings) {
    const caseId = caseOf.get(coding.sourceId);
    if (!caseId) continue;
    const key = `${caseId}\u0000${coding.codeId}`;
    pushTo(byCaseAndCode, key, coding.id);
  }
  return cases.map((c) => ({
    caseId: c.id,
    cells: codes.map((code) => {
      const counted = options.aggregate ? [...(below.get(code.id) ?? [code.id])] : [code.id];
      const ids = counted.flatMap((id) => byCaseAndCode.get(`${c.id}\u0000${id}`) ?? []);
      return { codeId: code.id, cell: { count: ids.length, codingIds: ids } };
    }),
  }));
}

function overlaps(a: MatrixCoding, b: MatrixCoding): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface CoOccurrence {
  /** The earlier of the two codes in the codebook's order. */
  codeA: string;
  codeB: string;
  /** Pairs of codings, one of each code, in the same source whose ranges overlap. */
  count: number;
  pairs: [string, string][];
}

/**
 * Code co-occurrence: two codings of different codes overlap when they share at least one
 * character of one source (touching ranges, [0,5) and [5,9), do not). Only pairs that occur are
 * returned, ordered by the codes' order in `codes`; codes not in `codes` are ignored.
 */
export function coOccurrence(codes: readonly MatrixCode[], codings: readonly MatrixCoding[]): CoOccurrence[] {
  const order = new Map(codes.map((c, i) => [c.id, i]));
  const bySource = new Map<string, MatrixCoding[]>();
  for (const c of codings) {
    if (!order.has(c.codeId) || c.end <= c.start) continue;
    pushTo(bySource, c.sourceId, c);
  }
  const cells = new Map<string, CoOccurrence>();
  for (const list of bySource.values()) {
    list.sort((x, y) => x.start - y.start);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && list[j]!.start < a.end; j++) {
        const b = list[j]!;
        if (a.codeId === b.codeId || !overlaps(a, b)) continue;
        const [first, second] = order.get(a.codeId)! < order.get(b.codeId)! ? [a, b] : [b, a];
        const key = `${first.codeId}\u0000${second.codeId}`;
        const cell = cells.get(key) ?? { codeA: first.codeId, codeB: second.codeId, count: 0, pairs: [] };
        cell.count++;
        cell.pairs.push([first.id, second.id]);
        cells.set(key, cell);
      }
    }
  }
  return [...cells.values()].sort(
    (x, y) => order.get(x.codeA)! - order.get(y.codeA)! || order.get(x.codeB)! - order.get(y.codeB)!,
  );
}

export interface DriverBarrierCell {
  drivers: CountCell;
  barriers: CountCell;
}

/**
 * Drivers and barriers by theme × case. A driver (barrier) coding counts in a theme's cell of a
 * case when, in one of the case's sources, it overlaps a coding of the theme or of a code below
 * the theme; each driver or barrier coding counts once per cell, however many theme codings it
 * overlaps. Codes below the driver and barrier codes count as drivers and barriers.
 */
export function driversAndBarriers(input: {
  cases: readonly MatrixCase[];
  codes: readonly MatrixCode[];
  sources: readonly MatrixSource[];
  codings: readonly MatrixCoding[];
  themeCodeIds: readonly string[];
  driverCodeId: string;
  barrierCodeId: string;
}): { themeCodeId: string; cases: { caseId: string; cell: DriverBarrierCell }[] }[] {
  const below = descendants(input.codes);
  const caseOf = new Map(input.sources.map((s) => [s.id, s.caseId]));
  const driverCodes = below.get(input.driverCodeId) ?? new Set([input.driverCodeId]);
  const barrierCodes = below.get(input.barrierCodeId) ?? new Set([input.barrierCodeId]);
  const bySource = new Map<string, MatrixCoding[]>();
  for (const c of input.codings) pushTo(bySource, c.sourceId, c);

  return input.themeCodeIds.map((themeCodeId) => {
    const themeCodes = below.get(themeCodeId) ?? new Set([themeCodeId]);
    const cells = new Map(input.cases.map((c) => [c.id, { drivers: emptyCell(), barriers: emptyCell() }]));
    for (const [sourceId, list] of bySource) {
      const caseId = caseOf.get(sourceId);
      const cell = caseId ? cells.get(caseId) : undefined;
      if (!cell) continue;
      const themed = list.filter((c) => themeCodes.has(c.codeId));
      if (themed.length === 0) continue;
      for (const c of list) {
        const target = driverCodes.has(c.codeId)
          ? cell.drivers
          : barrierCodes.has(c.codeId)
            ? cell.barriers
            : null;
        if (!target || !themed.some((t) => t.id !== c.id && overlaps(t, c))) continue;
        target.count++;
        target.codingIds.push(c.id);
      }
    }
    return { themeCodeId, cases: input.cases.map((c) => ({ caseId: c.id, cell: cells.get(c.id)! })) };
  });
}
