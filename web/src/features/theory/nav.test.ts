import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { navItems } from '../../app/nav';

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

const search = (m: Me) => navItems(m).find((i) => i.key === 'theorySearch');

describe('navItems: Forandringsteorier', () => {
  it('whoever sees several plans reaches the search across theories of change', () => {
    expect(search(me([], { portfolio: true }))?.to).toBe('/theories/search');
    expect(search(me([], { readAllPlans: true }))).toBeDefined();
    const two = me([
      { role: 'plan_editor', planId: 'a' },
      { role: 'plan_viewer', planId: 'b' },
    ] as Me['user']['roles']);
    expect(search(two)).toBeDefined();
  });

  it('a user of one plan does not see it', () => {
    expect(search(me([{ role: 'plan_editor', planId: 'a' }] as Me['user']['roles']))).toBeUndefined();
  });
});
