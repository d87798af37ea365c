import type { GroupBy, PeriodKind } from '../../api/portfolio';
import type { OrganisationTypeCode, SecretariatTypeCode } from '@pejling/contracts';
import type { z } from 'zod';

// The codes as values for the web app (the contracts' arrays would bring zod into the bundle).
export const ORGANISATION_TYPES = [
  'centrally_anchored_professional',
  'locally_anchored_professional',
  'locally_anchored_semi_professional',
  'not_determined',
] as const satisfies readonly z.infer<typeof OrganisationTypeCode>[];
export const SECRETARIAT_TYPES = [
  'large_housing_team',
  'cross_organisational_team',
  'split_team',
  'one_person',
  'not_determined',
] as const satisfies readonly z.infer<typeof SecretariatTypeCode>[];
export const GROUP_BYS = ['none', 'focusArea', 'pool', 'municipality'] as const satisfies readonly GroupBy[];
export const PERIOD_KINDS = ['year', 'half', 'quarter'] as const satisfies readonly PeriodKind[];
export const COHERENCE_KINDS = [
  'goal_without_activity',
  'goal_without_indicator',
  'indicator_without_baseline',
  'indicator_without_target',
  'activity_without_goal',
  'registrations_overdue',
  'only_activity_goals_measured',
] as const;
