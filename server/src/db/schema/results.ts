/** Tables of the results capability; merged into Database in ../schema.ts. */
export interface GoalsTable {
  id: string;
  planId: string;
  level: string;
  focusAreaId: string;
  parentId: string | null;
  title: string;
  description: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface IndicatorsTable {
  id: string;
  planId: string;
  goalId: string;
  name: string;
  definition: string | null;
  unit: string | null;
  kind: string;
  direction: string;
  dataSource: string;
  combineRule: string;
  breakdownsJson: string;
  baselineValue: number | null;
  baselineDate: string | null;
  baselineSource: string | null;
  registrationMeasure: string | null;
  outcomeKind: string | null;
  definitionVersion: number;
  sharedIndicatorId: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface IndicatorDefinitionVersionsTable {
  id: string;
  indicatorId: string;
  definitionVersion: number;
  definitionJson: string;
  reason: string | null;
  replacedAt: string;
  replacedBy: string | null;
}
export interface IndicatorTargetsTable {
  id: string;
  indicatorId: string;
  period: string;
  breakdownKey: string;
  breakdownJson: string | null;
  value: number;
}
export interface IndicatorValuesTable {
  id: string;
  indicatorId: string;
  definitionVersion: number;
  period: string;
  breakdownKey: string;
  breakdownJson: string | null;
  state: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sum: number | null;
  count: number | null;
  source: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface ActivitiesTable {
  id: string;
  planId: string;
  name: string;
  description: string | null;
  focusAreaId: string | null;
  ownerOrganisation: string | null;
  responsiblePerson: string | null;
  partners: string | null;
  targetGroup: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  status: string;
  budgetOre: number | null;
  milestonesJson: string;
  registrationFrequency: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface ActivityGoalsTable {
  activityId: string;
  goalId: string;
}

export interface RegistrationsTable {
  id: string;
  planId: string;
  activityId: string;
  date: string;
  participants: number;
  countsJson: string;
  hours: number | null;
  note: string | null;
  source: string;
  importKey: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface ParticipantsTable {
  id: string;
  planId: string;
  code: string;
  birthYear: number | null;
  gender: string | null;
  postcode: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EnrolmentsTable {
  id: string;
  participantId: string;
  activityId: string;
  startedOn: string;
  endedOn: string | null;
}
export interface OutcomeEventsTable {
  id: string;
  participantId: string;
  kind: string;
  date: string;
  activityId: string | null;
  note: string | null;
}

export interface ResultsTables {
  goals: GoalsTable;
  indicators: IndicatorsTable;
  indicatorDefinitionVersions: IndicatorDefinitionVersionsTable;
  indicatorTargets: IndicatorTargetsTable;
  indicatorValues: IndicatorValuesTable;
  activities: ActivitiesTable;
  activityGoals: ActivityGoalsTable;
  registrations: RegistrationsTable;
  participants: ParticipantsTable;
  enrolments: EnrolmentsTable;
  outcomeEvents: OutcomeEventsTable;
}
