import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { isActive, navItems } from './nav';

function me(roles: Me['user']['roles'], can: Partial<Me['can']> = {}): Me {
  return {
    user: { roles } as Me['user'],
    csrfToken: 'x',
    can: {
      administer: false,
      createPlan: false,
      readAllPlans: false,
      portfolio: false,
      evaluation: false,
      ...can,
    },
  };
}

const portfolio = (m: Me) => navItems(m).find((i) => i.key === 'portfolio');

describe('navItems: Portefølje › Typologier', () => {
  it('the fund sees the case matrix and the typologies', () => {
    expect(portfolio(me([], { readAllPlans: true }))?.children?.map((c) => c.key)).toEqual([
      'caseMatrix',
      'typology',
    ]);
  });

  it('an organisation member or an editor of several plans sees the typologies of their plans', () => {
    const org = me([
      { role: 'org_member', organisationKind: 'municipality', organisationId: 'm' },
    ] as Me['user']['roles']);
    expect(portfolio(org)?.children?.map((c) => c.key)).toEqual(['typology']);
    const two = me([
      { role: 'plan_editor', planId: 'a' },
      { role: 'plan_viewer', planId: 'b' },
    ] as Me['user']['roles']);
    expect(portfolio(two)?.to).toBe('/portfolio/typology');
  });

  it('a user of one plan sees no portfolio', () => {
    expect(portfolio(me([{ role: 'plan_editor', planId: 'a' }] as Me['user']['roles']))).toBeUndefined();
  });

  it('a user with the portfolio sees its views, the overview current only on /portfolio itself', () => {
    const item = portfolio(me([], { readAllPlans: true, portfolio: true }));
    expect(item?.children?.map((c) => c.key)).toEqual([
      'portfolioOverview',
      'portfolioIndicators',
      'portfolioCompliance',
      'portfolioGrants',
      'portfolioCompare',
      'portfolioSharedIndicators',
      'caseMatrix',
      'typology',
      'portfolioMarkers',
    ]);
    const overview = item!.children![0]!;
    expect(isActive(overview, '/portfolio')).toBe(true);
    expect(isActive(overview, '/portfolio/grants')).toBe(false);
    expect(isActive(item!, '/portfolio/grants')).toBe(true);
  });
});
