import { describe, expect, it } from 'vitest';
import { parseCaseAreas } from '../seed/demo.js';
import { caseMatrix, grantBand, sizeBand, type BandedPlan } from './bands.js';

const kr = (amount: number) => Math.round(amount * 100);

describe('sizeBand: dwellings 0-700 / 700-1,500 / 1,500+ as half-open intervals', () => {
  it.each([
    [1, 'small'],
    [168, 'small'],
    [699, 'small'],
    [700, 'medium'],
    [1072, 'medium'],
    [1499, 'medium'],
    [1500, 'large'],
    [3625, 'large'],
  ] as const)('%i dwellings → %s', (dwellings, band) => {
    expect(sizeBand(dwellings)).toBe(band);
  });

  it('has no band for a plan without dwellings', () => {
    expect(sizeBand(0)).toBeNull();
    expect(sizeBand(-5)).toBeNull();
    expect(sizeBand(Number.NaN)).toBeNull();
  });
});

describe('grantBand: under 5 / 5-15 / over 15 mio. kr., in øre', () => {
  it.each([
    [kr(1), 'under5'],
    [kr(4_999_999.99), 'under5'],
    [kr(5_000_000), 'from5to15'],
    [kr(9_750_000), 'from5to15'],
    [kr(15_000_000), 'from5to15'],
    [kr(15_000_000.01), 'over15'],
    [kr(40_000_000), 'over15'],
  ] as const)('%i øre → %s', (ore, band) => {
    expect(grantBand(ore, 1)).toBe(band);
  });

  it('works on øre, so 4,999,999.99 kr. is exactly 499,999,999 øre', () => {
    expect(kr(4_999_999.99)).toBe(499_999_999);
    expect(kr(15_000_000.01)).toBe(1_500_000_001);
  });

  it('has no band for a plan without grants', () => {
    expect(grantBand(0, 0)).toBeNull();
    expect(grantBand(kr(8_000_000), 0)).toBeNull();
  });

  it('bands a plan whose grants add up to zero kroner as under 5 mio.', () => {
    expect(grantBand(0, 2)).toBe('under5');
  });
});

/** Report table 2.1: the 13 case areas of the 2006-2010 pool by size and grant. */
const TABLE_2_1: Record<string, Record<string, string[]>> = {
  small: {
    under5: ['Brønderslev', 'Påskeløkken'],
    from5to15: ['Akacieparken', 'Albertslund Nord'],
    over15: [],
  },
  medium: {
    under5: [],
    from5to15: [
      'Bispehaven',
      'Charlottekvarteret',
      'Finlandsparken',
      'Høje Kolstrup',
      'Solbjerg Have og Søndermarken',
    ],
    over15: ['Randers Nordby'],
  },
  large: {
    under5: [],
    from5to15: ['Viby Syd'],
    over15: ['Aalborg Øst', 'Vollsmose'],
  },
};

const REPORT_GRANT_BAND = {
  'under 5 mio.': 'under5',
  '5-15 mio.': 'from5to15',
  'over 15 mio.': 'over15',
} as const;
/** One amount inside each of the report's grant bands. */
const AMOUNT_IN_BAND = { under5: kr(3_500_000), from5to15: kr(9_000_000), over15: kr(22_000_000) } as const;

describe('caseMatrix on the report’s 13 case areas', () => {
  const areas = parseCaseAreas();

  it('reads all 13 case areas', () => {
    expect(areas).toHaveLength(13);
  });

  it.each(parseCaseAreas().map((a) => [a.area, a.dwellings, a.sizeBand]))(
    '%s (%i dwellings) gets the size band the report gives: %s',
    (_area, dwellings, band) => {
      expect(sizeBand(dwellings as number)).toBe(band);
    },
  );

  it('places every area in the cell of table 2.1', () => {
    const plans: BandedPlan[] = areas.map((a, i) => ({
      id: String(i),
      name: a.area,
      dwellings: a.dwellings,
      grantTotalOre: AMOUNT_IN_BAND[REPORT_GRANT_BAND[a.grantBand]],
      grantCount: 1,
    }));
    const m = caseMatrix(plans);
    expect(m.unbanded).toEqual([]);
    expect(m.cells).toHaveLength(9);
    for (const cell of m.cells) {
      const names = cell.plans.map((p) => p.name).sort();
      expect({ cell: `${cell.sizeBand}/${cell.grantBand}`, names }).toEqual({
        cell: `${cell.sizeBand}/${cell.grantBand}`,
        names: [...TABLE_2_1[cell.sizeBand]![cell.grantBand]!].sort(),
      });
    }
    expect(m.cells.reduce((n, c) => n + c.plans.length, 0)).toBe(13);
  });

  it('lists plans without dwellings or without grants apart, with the reason', () => {
    const m = caseMatrix([
      { id: 'a', name: 'Ingen lejemål', dwellings: 0, grantTotalOre: kr(6_000_000), grantCount: 1 },
      { id: 'b', name: 'Ingen bevilling', dwellings: 900, grantTotalOre: 0, grantCount: 0 },
      { id: 'c', name: 'Ingen af delene', dwellings: 0, grantTotalOre: 0, grantCount: 0 },
      { id: 'd', name: 'Medium', dwellings: 900, grantTotalOre: kr(6_000_000), grantCount: 2 },
    ]);
    expect(m.unbanded.map((u) => [u.plan.id, u.reason])).toEqual([
      ['a', 'no_dwellings'],
      ['b', 'no_grants'],
      ['c', 'no_dwellings'],
    ]);
    expect(
      m.cells.find((c) => c.sizeBand === 'medium' && c.grantBand === 'from5to15')!.plans.map((p) => p.id),
    ).toEqual(['d']);
  });

  it('orders the nine cells size band first, then grant band', () => {
    expect(caseMatrix([]).cells.map((c) => `${c.sizeBand}/${c.grantBand}`)).toEqual([
      'small/under5',
      'small/from5to15',
      'small/over15',
      'medium/under5',
      'medium/from5to15',
      'medium/over15',
      'large/under5',
      'large/from5to15',
      'large/over15',
    ]);
  });
});
