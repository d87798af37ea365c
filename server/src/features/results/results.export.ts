import type { Activity, FocusArea, Goal, Locale, ResultsFramework } from '@pejling/contracts';
import type { ExportColumn } from '../exports/export.js';

const h = (da: string, en: string) => ({ da, en });
const LEVEL = {
  impact: h('Effektmål', 'Impact goal'),
  result: h('Resultatmål', 'Result goal'),
  activity: h('Aktivitetsmål', 'Activity goal'),
};
const STATUS = {
  planned: h('Planlagt', 'Planned'),
  running: h('I gang', 'Running'),
  paused: h('På pause', 'Paused'),
  ended: h('Afsluttet', 'Ended'),
};
const FREQUENCY = {
  none: h('Ikke fast', 'Not fixed'),
  weekly: h('Hver uge', 'Every week'),
  monthly: h('Hver måned', 'Every month'),
  quarterly: h('Hvert kvartal', 'Every quarter'),
  half_yearly: h('Hvert halve år', 'Every half-year'),
  yearly: h('Hvert år', 'Every year'),
};

function focusName(focusAreas: FocusArea[], id: string | null, locale: Locale): string | null {
  const f = focusAreas.find((x) => x.id === id);
  return f ? (locale === 'en' ? f.nameEn : f.nameDa) : null;
}

/** Columns of the goals export: each goal with its place in the hierarchy, indicators and activities. */
export function goalColumns(
  locale: Locale,
  f: ResultsFramework,
  focusAreas: FocusArea[],
): ExportColumn<Goal>[] {
  const byId = new Map(f.goals.map((g) => [g.id, g]));
  return [
    { header: h('Mål', 'Goal'), value: (g) => g.title, width: 45 },
    { header: h('Niveau', 'Level'), value: (g) => LEVEL[g.level][locale], width: 15 },
    {
      header: h('Indsatsområde', 'Focus area'),
      value: (g) => focusName(focusAreas, g.focusAreaId, locale),
      width: 30,
    },
    {
      header: h('Overordnet mål', 'Parent goal'),
      value: (g) => (g.parentId ? byId.get(g.parentId)?.title : null),
      width: 40,
    },
    {
      header: h('Indikatorer', 'Indicators'),
      value: (g) =>
        f.indicators
          .filter((i) => i.goalId === g.id)
          .map((i) => i.name)
          .join('; '),
      width: 45,
    },
    {
      header: h('Aktiviteter', 'Activities'),
      value: (g) =>
        f.activities
          .filter((a) => a.goalIds.includes(g.id))
          .map((a) => a.name)
          .join('; '),
      width: 45,
    },
    { header: h('Beskrivelse', 'Description'), value: (g) => g.description, width: 45 },
  ];
}

/** Columns of the activities export; every activity with the goals it serves. */
export function activityColumns(
  locale: Locale,
  f: ResultsFramework,
  focusAreas: FocusArea[],
): ExportColumn<Activity>[] {
  const byId = new Map(f.goals.map((g) => [g.id, g]));
  return [
    { header: h('Aktivitet', 'Activity'), value: (a) => a.name, width: 35 },
    { header: h('Status', 'Status'), value: (a) => STATUS[a.status][locale], width: 12 },
    {
      header: h('Mål, aktiviteten tjener', 'Goals served'),
      value: (a) =>
        a.goalIds
          .map((id) => byId.get(id))
          .filter((g): g is Goal => !!g)
          .map((g) => `${LEVEL[g.level][locale]}: ${g.title}`)
          .join('; '),
      width: 60,
    },
    {
      header: h('Indsatsområde', 'Focus area'),
      value: (a) => focusName(focusAreas, a.focusAreaId, locale),
      width: 30,
    },
    { header: h('Start', 'Start'), value: (a) => a.periodStart, width: 12 },
    { header: h('Slut', 'End'), value: (a) => a.periodEnd, width: 12 },
    { header: h('Ejer', 'Owner'), value: (a) => a.ownerOrganisation, width: 25 },
    { header: h('Ansvarlig', 'Responsible'), value: (a) => a.responsiblePerson, width: 25 },
    { header: h('Partnere', 'Partners'), value: (a) => a.partners, width: 30 },
    { header: h('Målgruppe', 'Target group'), value: (a) => a.targetGroup, width: 30 },
    {
      header: h('Budget (kr.)', 'Budget (DKK)'),
      value: (a) => (a.budgetOre === null ? null : a.budgetOre / 100),
      width: 14,
    },
    {
      header: h('Registreringer forfalder', 'Registrations due'),
      value: (a) => FREQUENCY[a.registrationFrequency][locale],
      width: 18,
    },
  ];
}
