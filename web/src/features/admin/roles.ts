import type { RoleGrant, RoleGrantInput, RoleName, OrganisationKind } from '../../api/types';

/** One role row in the user form; empty strings until chosen. */
export interface RoleRow {
  key: string;
  role: RoleName | '';
  organisationKind: OrganisationKind;
  organisationId: string;
  /** The area secretariat of a secretariat member. */
  areaSecretariatId: string;
  planId: string;
}

let counter = 0;
export const newRoleKey = () => `role-${++counter}`;

export const emptyRoleRow = (): RoleRow => ({
  key: newRoleKey(),
  role: '',
  organisationKind: 'housing_organisation',
  organisationId: '',
  areaSecretariatId: '',
  planId: '',
});

export function roleRowFromGrant(g: RoleGrant): RoleRow {
  // A secretariat member's grant names its secretariat as the organisation (area_secretariat).
  const secretariat = g.organisationKind === 'area_secretariat';
  return {
    key: newRoleKey(),
    role: g.role,
    organisationKind:
      g.organisationKind && g.organisationKind !== 'area_secretariat'
        ? g.organisationKind
        : 'housing_organisation',
    organisationId: secretariat ? '' : (g.organisationId ?? ''),
    areaSecretariatId: secretariat ? (g.organisationId ?? '') : '',
    planId: g.planId ?? '',
  };
}

/** The API's role input for a row, or null when the row is not complete. */
export function roleInputFromRow(r: RoleRow): RoleGrantInput | null {
  switch (r.role) {
    case 'fund':
      return { role: 'fund' };
    case 'evaluator':
      return { role: 'evaluator' };
    case 'org_member':
      return r.organisationId
        ? { role: 'org_member', organisationKind: r.organisationKind, organisationId: r.organisationId }
        : null;
    case 'secretariat_member':
      return r.areaSecretariatId
        ? { role: 'secretariat_member', areaSecretariatId: r.areaSecretariatId }
        : null;
    case 'plan_editor':
    case 'plan_viewer':
    case 'plan_approver':
      return r.planId ? { role: r.role, planId: r.planId } : null;
    default:
      return null;
  }
}
