import type { Me } from '../api/types';
import type { Messages } from '../i18n/da';

export interface NavItem {
  key: keyof Messages['nav'];
  to: string;
  /** Paths under this prefix mark the item as the current place. */
  match: string;
  /** Current only on exactly `match`, not below it. */
  exact?: boolean;
  children?: NavItem[];
}

/** The left menu, per SCREENS.md; a role sees only what it may open. */
export function navItems(me: Me): NavItem[] {
  const items: NavItem[] = [{ key: 'overview', to: '/', match: '/' }];
  if (me.can.portfolio) {
    // The fund, area secretariats and organisations: the whole portfolio (features/portfolio).
    items.push({
      key: 'portfolio',
      to: '/portfolio',
      match: '/portfolio',
      children: [
        { key: 'portfolioOverview', to: '/portfolio', match: '/portfolio', exact: true },
        { key: 'portfolioIndicators', to: '/portfolio/indicators', match: '/portfolio/indicators' },
        { key: 'portfolioCompliance', to: '/portfolio/compliance', match: '/portfolio/compliance' },
        { key: 'portfolioGrants', to: '/portfolio/grants', match: '/portfolio/grants' },
        { key: 'portfolioCompare', to: '/portfolio/compare', match: '/portfolio/compare' },
        {
          key: 'portfolioSharedIndicators',
          to: '/portfolio/shared-indicators',
          match: '/portfolio/shared-indicators',
        },
        { key: 'caseMatrix', to: '/portfolio/case-matrix', match: '/portfolio/case-matrix' },
        { key: 'typology', to: '/portfolio/typology', match: '/portfolio/typology' },
        { key: 'portfolioMarkers', to: '/portfolio/markers', match: '/portfolio/markers' },
      ],
    });
  } else if (me.can.readAllPlans || me.can.administer) {
    items.push({
      key: 'portfolio',
      to: '/portfolio',
      match: '/portfolio',
      children: [
        { key: 'caseMatrix', to: '/portfolio/case-matrix', match: '/portfolio/case-matrix' },
        { key: 'typology', to: '/portfolio/typology', match: '/portfolio/typology' },
      ],
    });
  } else if (seesSeveralPlans(me)) {
    // Members of an organisation, and editors or viewers of several plans, compare their own plans.
    items.push({
      key: 'portfolio',
      to: '/portfolio/typology',
      match: '/portfolio',
      children: [{ key: 'typology', to: '/portfolio/typology', match: '/portfolio/typology' }],
    });
  }
  items.push({ key: 'plans', to: '/plans', match: '/plans' });
  // Whoever sees several plans searches their theories of change across them (features/theory).
  if (me.can.portfolio || me.can.readAllPlans || me.can.administer || seesSeveralPlans(me)) {
    items.push({ key: 'theorySearch', to: '/theories/search', match: '/theories' });
  }
  // Members of an area secretariat reach their secretariat's page and its shared goals from here.
  if (
    me.can.readAllPlans ||
    me.can.administer ||
    me.user.roles.some((r) => r.role === 'secretariat_member')
  ) {
    items.push({ key: 'secretariats', to: '/secretariats', match: '/secretariats' });
  }
  // The process evaluation: administrators and evaluators (features/evaluation).
  if (me.can.evaluation) items.push({ key: 'evaluation', to: '/evaluation', match: '/evaluation' });
  if (me.can.administer) {
    items.push({
      key: 'admin',
      to: '/admin',
      match: '/admin',
      children: [
        { key: 'municipalities', to: '/admin/municipalities', match: '/admin/municipalities' },
        {
          key: 'housingOrganisations',
          to: '/admin/housing-organisations',
          match: '/admin/housing-organisations',
        },
        { key: 'areas', to: '/admin/areas', match: '/admin/areas' },
        { key: 'pools', to: '/admin/pools', match: '/admin/pools' },
        { key: 'areaSecretariats', to: '/admin/area-secretariats', match: '/admin/area-secretariats' },
        { key: 'municipalServices', to: '/admin/municipal-services', match: '/admin/municipal-services' },
        { key: 'users', to: '/admin/users', match: '/admin/users' },
        { key: 'audit', to: '/admin/audit', match: '/admin/audit' },
      ],
    });
  }
  return items;
}

/** Whether a user without the fund's view may still see several plans. */
function seesSeveralPlans(me: Me): boolean {
  const roles = me.user.roles;
  return (
    roles.some((r) => r.role === 'org_member') ||
    roles.filter((r) => r.role === 'plan_editor' || r.role === 'plan_viewer' || r.role === 'plan_approver')
      .length > 1
  );
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.match === '/' || item.exact) return pathname === item.match;
  return pathname === item.match || pathname.startsWith(item.match + '/');
}
