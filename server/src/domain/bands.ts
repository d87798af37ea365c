import type { GrantBand, SizeBand } from '@pejling/contracts';

/**
 * The source report's case matrix (table 2.1) bands areas by dwellings (0-700, 700-1,500,
 * 1,500+) and grants (under 5, 5-15, over 15 mio. kr.). The report does not say where a value
 * that sits exactly on a boundary goes; Pejling reads the dwelling bands as half-open intervals
 * [0, 700), [700, 1500), [1500, ∞) and the grant bands literally: "under 5" is < 5 mio.,
 * "over 15" is > 15 mio., so 5 mio. and 15 mio. both fall in 5-15.
 */
export const SIZE_BANDS: readonly SizeBand[] = ['small', 'medium', 'large'];
export const GRANT_BANDS: readonly GrantBand[] = ['under5', 'from5to15', 'over15'];

const MIO_ORE = 1_000_000 * 100;

/** Null when the plan has no dwellings registered (the band cannot be decided). */
export function sizeBand(dwellings: number): SizeBand | null {
  if (!Number.isFinite(dwellings) || dwellings <= 0) return null;
  if (dwellings < 700) return 'small';
  if (dwellings < 1500) return 'medium';
  return 'large';
}

/** Null when the plan has no grants (the band cannot be decided). */
export function grantBand(totalOre: number, grantCount: number): GrantBand | null {
  if (grantCount === 0 || !Number.isFinite(totalOre) || totalOre < 0) return null;
  if (totalOre < 5 * MIO_ORE) return 'under5';
  if (totalOre <= 15 * MIO_ORE) return 'from5to15';
  return 'over15';
}

export interface BandedPlan {
  id: string;
  name: string;
  dwellings: number;
  grantTotalOre: number;
  grantCount: number;
}

export interface MatrixResult<P extends BandedPlan> {
  cells: { sizeBand: SizeBand; grantBand: GrantBand; plans: P[] }[];
  unbanded: { plan: P; reason: 'no_dwellings' | 'no_grants' }[];
}

/** Places each plan in its size × grant cell; plans lacking dwellings or grants are listed apart. */
export function caseMatrix<P extends BandedPlan>(plans: P[]): MatrixResult<P> {
  const cells = SIZE_BANDS.flatMap((s) =>
    GRANT_BANDS.map((g) => ({ sizeBand: s, grantBand: g, plans: [] as P[] })),
  );
  const unbanded: MatrixResult<P>['unbanded'] = [];
  for (const p of plans) {
    const s = sizeBand(p.dwellings);
    const g = grantBand(p.grantTotalOre, p.grantCount);
    if (!s) unbanded.push({ plan: p, reason: 'no_dwellings' });
    else if (!g) unbanded.push({ plan: p, reason: 'no_grants' });
    else cells.find((c) => c.sizeBand === s && c.grantBand === g)!.plans.push(p);
  }
  return { cells, unbanded };
}
