import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconTargetArrow } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Coherence, CoherenceFlag, CoherenceFlagKind } from '../../api/results';
import { useResults } from '../../api/results';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';

const KINDS: CoherenceFlagKind[] = [
  'goal_without_activity',
  'goal_without_indicator',
  'indicator_without_baseline',
  'indicator_without_target',
  'activity_without_goal',
  'registrations_overdue',
];

/** Where a flag is fixed: the form that closes the gap. */
export function fixLink(planId: string, flag: CoherenceFlag): string {
  switch (flag.kind) {
    case 'goal_without_activity':
      return `/plans/${planId}/activities?new=1&goal=${flag.entityId}`;
    case 'goal_without_indicator':
      return `/plans/${planId}/goals?addIndicator=${flag.entityId}`;
    case 'indicator_without_baseline':
    case 'indicator_without_target':
      return `/plans/${planId}/goals?editIndicator=${flag.entityId}`;
    case 'activity_without_goal':
      return `/plans/${planId}/activities?edit=${flag.entityId}`;
    case 'registrations_overdue':
      return `/plans/${planId}/activities/${flag.entityId}?new=1`;
    default:
      return `/plans/${planId}/goals`;
  }
}

/**
 * The plan's coherence: counts, how much of what is measured is results rather than activities,
 * and each gap with a link to the place to fix it. `limit` shortens the lists (overview tab).
 */
export function CoherenceView({
  planId,
  coherence: c,
  limit,
  headingOrder = 3,
}: {
  planId: string;
  coherence: Coherence;
  limit?: number;
  headingOrder?: 3 | 4;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  const m = c.measurement;
  const gaps = KINDS.filter((k) => c.flagCounts[k] > 0);
  const onlyActivities = c.flagCounts.only_activity_goals_measured > 0;

  return (
    <Stack gap="sm">
      <Text>
        {t('results.coherence.counts', {
          goals: n(c.counts.goals),
          impact: n(c.counts.impactGoals),
          result: n(c.counts.resultGoals),
          activity: n(c.counts.activityGoals),
          indicators: n(c.counts.indicators),
          activities: n(c.counts.activities),
        })}
      </Text>
      <Text>
        {t('results.coherence.measured', {
          outcome: n(m.outcomeGoalsMeasured),
          outcomeTotal: n(m.outcomeGoals),
          activity: n(m.activityGoalsMeasured),
          activityTotal: n(m.activityGoals),
        })}{' '}
        {m.outcomeShareOfMeasured === null
          ? t('results.coherence.noMeasured')
          : t('results.coherence.share', {
              share: `${formatNumber(m.outcomeShareOfMeasured * 100, locale, 0)} %`,
            })}
      </Text>
      {onlyActivities && (
        <Alert color="orange" variant="light" icon={<IconTargetArrow aria-hidden="true" />}>
          <Text size="sm" fw={700}>
            {t('results.coherence.kinds.only_activity_goals_measured')}
          </Text>
          <Text size="sm">{t('results.coherence.onlyActivities')}</Text>
        </Alert>
      )}
      {c.counts.goals === 0 ? (
        <Group>
          <Text>{t('results.coherence.noGoals')}</Text>
          <Button component={Link} to={`/plans/${planId}/goals`} variant="light" size="xs">
            {t('results.coherence.startGoals')}
          </Button>
        </Group>
      ) : gaps.length === 0 ? (
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={20} aria-hidden="true" color="var(--mantine-color-green-8)" />
          <Text>{t('results.coherence.allGood')}</Text>
        </Group>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={t('results.coherence.flagsLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {gaps.map((kind) => {
            const flags = c.flags.filter((f) => f.kind === kind);
            const shown = limit ? flags.slice(0, limit) : flags;
            return (
              <li key={kind} data-flag={kind}>
                <Group gap="xs" wrap="nowrap" align="center">
                  <IconAlertTriangle size={18} aria-hidden="true" color="var(--mantine-color-orange-9)" />
                  <Text fw={700} component={headingOrder === 3 ? 'h3' : 'h4'} size="md" m={0}>
                    {t(`results.coherence.kinds.${kind}`)}: {n(flags.length)}
                  </Text>
                </Group>
                <List size="sm" ml="xl" mt={4}>
                  {shown.map((f) => (
                    <List.Item key={f.entityId}>
                      <Anchor component={Link} to={fixLink(planId, f)}>
                        {f.goalLevel && f.entity === 'goal' ? `${t(`results.level.${f.goalLevel}`)}: ` : ''}
                        {f.name}
                      </Anchor>
                      {f.since && ` (${t('results.registrations.overdue', { date: formatDate(f.since) })})`}
                    </List.Item>
                  ))}
                  {shown.length < flags.length && (
                    <List.Item>
                      <Anchor component={Link} to={`/plans/${planId}/goals#coherence`}>
                        {t('results.coherence.showAll')} (+{n(flags.length - shown.length)})
                      </Anchor>
                    </List.Item>
                  )}
                </List>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

/** The coherence summary at the top of the plan's Overblik tab. */
export function CoherenceSummary({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const results = useResults(planId);
  return (
    <Section title={t('results.coherence.title')} id="coherence">
      <Text c="dimmed" size="sm">
        {t('results.coherence.intro')}
      </Text>
      {results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <CoherenceView planId={planId} coherence={results.data.coherence} limit={3} />
      )}
    </Section>
  );
}
