import { useMemo, useState } from 'react';
import { Anchor, List, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistrationSummary } from '@pejling/contracts';
import { api } from '../../api/client';
import { useResults, type Activity, type Indicator } from '../../api/results';
import { Chart } from '../../components/Chart';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { formatIndicatorNumber, periodText, TargetStatusBadge } from './shared';

const STATUSES: Activity['status'][] = ['planned', 'running', 'paused', 'ended'];

/** The kind of period a key names: whole, year, half (H) or quarter (Q). */
const kindOf = (key: string) =>
  key === 'whole' ? 'whole' : key.includes('-H') ? 'half' : key.includes('-Q') ? 'quarter' : 'year';

/**
 * The plan dashboard on the Overblik tab: progress against targets per indicator, the status of
 * the activities, registrations over time, and overdue registrations. Every chart has a table
 * beside it with the same numbers.
 */
export default function PlanDashboard({ planId }: { planId: string }) {
  const results = useResults(planId);
  const summary = useQuery({
    queryKey: ['registrations', planId, 'summary'],
    queryFn: ({ signal }) =>
      api.get<RegistrationSummary>(`/api/plans/${planId}/registrations/summary`, undefined, signal),
  });
  if (results.isPending || summary.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const f = results.data;
  return (
    <>
      <Progress indicators={f.indicators} planId={planId} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ActivityStatus activities={f.activities} />
        <Overdue activities={f.activities} planId={planId} />
      </SimpleGrid>
      <Registrations quarters={summary.data.quarters} />
    </>
  );
}

function Progress({ indicators, planId }: { indicators: Indicator[]; planId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Indicators with targets, the most measured first, so the first shown has something to show.
  const measured = (i: Indicator) => i.statuses.filter((s) => s.state === 'value').length;
  const withTargets = indicators
    .filter((i) => i.targets.some((x) => x.breakdown === null))
    .sort((a, b) => measured(b) - measured(a));
  const [chosen, setChosen] = useState<string>('');
  const indicator = withTargets.find((i) => i.id === chosen) ?? withTargets[0];
  const rows = useMemo(() => {
    if (!indicator) return [];
    const kinds = indicator.targets.filter((x) => x.breakdown === null).map((x) => kindOf(x.period));
    const kind = kinds.includes('year') ? 'year' : kinds[0];
    return indicator.statuses.filter((s) => kindOf(s.period) === kind);
  }, [indicator]);
  const show = (v: number | null) =>
    indicator ? formatIndicatorNumber(indicator, v, locale, t('common.yes'), t('common.no')) : '';

  return (
    <Section title={t('results.dashboard.progressTitle')} id="dashboard-progress">
      {!indicator ? (
        <Text>{t('results.dashboard.noTargets')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('results.dashboard.progressIntro')}</Text>
          <NativeSelect
            label={t('results.dashboard.indicator')}
            value={indicator.id}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={withTargets.map((i) => ({ value: i.id, label: i.name }))}
            maw={640}
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Chart
              label={t('results.dashboard.progressChart', { name: indicator.name })}
              option={{
                grid: { left: 48, right: 16, top: 32, bottom: 32 },
                legend: { top: 0 },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: rows.map((r) => periodText(r.period, locale)) },
                yAxis: { type: 'value' },
                series: [
                  {
                    name: t('results.dashboard.value'),
                    type: 'bar',
                    data: rows.map((r) => (r.state === 'value' ? r.value : null)),
                  },
                  {
                    name: t('results.dashboard.target'),
                    type: 'line',
                    data: rows.map((r) => r.target),
                    lineStyle: { type: 'dashed', width: 2 },
                    symbol: 'diamond',
                    symbolSize: 10,
                  },
                ],
              }}
            />
            <Table.ScrollContainer minWidth={360}>
              <Table withTableBorder striped verticalSpacing={4}>
                <caption className="visually-hidden">
                  {t('results.dashboard.progressCaption', { name: indicator.name })}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('results.dashboard.period')}</Table.Th>
                    <Table.Th ta="right">{t('results.dashboard.value')}</Table.Th>
                    <Table.Th ta="right">{t('results.dashboard.target')}</Table.Th>
                    <Table.Th>{t('results.dashboard.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.period}>
                      <Table.Th scope="row">{periodText(r.period, locale)}</Table.Th>
                      <Table.Td ta="right">
                        {r.state === 'value'
                          ? show(r.value)
                          : r.state === 'suppressed'
                            ? t('results.dashboard.suppressed')
                            : t('results.dashboard.noData')}
                      </Table.Td>
                      <Table.Td ta="right">{r.target === null ? '' : show(r.target)}</Table.Td>
                      <Table.Td>
                        <TargetStatusBadge status={r.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SimpleGrid>
          <Anchor component={Link} to={`/plans/${planId}/goals#indicator-${indicator.id}`} size="sm">
            {indicator.name}
          </Anchor>
        </Stack>
      )}
    </Section>
  );
}

function ActivityStatus({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = STATUSES.map((s) => ({ status: s, n: activities.filter((a) => a.status === s).length }));
  return (
    <Section title={t('results.dashboard.activitiesTitle')} id="dashboard-activities">
      {activities.length === 0 ? (
        <Text>{t('results.dashboard.noActivities')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Chart
            height={220}
            label={t('results.dashboard.activitiesChart')}
            option={{
              grid: { left: 32, right: 8, top: 8, bottom: 48 },
              tooltip: {},
              xAxis: {
                type: 'category',
                data: counts.map((c) => t(`results.activities.statuses.${c.status}`)),
                axisLabel: { interval: 0, rotate: 30 },
              },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: counts.map((c) => c.n), name: t('results.dashboard.count') }],
            }}
          />
          <Table withTableBorder verticalSpacing={4}>
            <caption className="visually-hidden">{t('results.dashboard.activitiesCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.dashboard.status')}</Table.Th>
                <Table.Th ta="right">{t('results.dashboard.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map((c) => (
                <Table.Tr key={c.status}>
                  <Table.Th scope="row">{t(`results.activities.statuses.${c.status}`)}</Table.Th>
                  <Table.Td ta="right">{formatNumber(c.n, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Section>
  );
}

function Overdue({ activities, planId }: { activities: Activity[]; planId: string }) {
  const { t } = useTranslation();
  const overdue = activities.filter((a) => a.overdueSince);
  return (
    <Section title={t('results.dashboard.overdueTitle')} id="dashboard-overdue">
      {overdue.length === 0 ? (
        <Text>{t('results.dashboard.noOverdue')}</Text>
      ) : (
        <List spacing={4}>
          {overdue.map((a) => (
            <List.Item key={a.id}>
              <Anchor component={Link} to={`/plans/${planId}/activities/${a.id}?new=1`}>
                {a.name}
              </Anchor>{' '}
              ({t('results.dashboard.since', { date: formatDate(a.overdueSince) })})
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

function Registrations({ quarters }: { quarters: RegistrationSummary['quarters'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale, 2);
  return (
    <Section title={t('results.dashboard.registrationsTitle')} id="dashboard-registrations">
      {quarters.length === 0 ? (
        <Text>{t('results.dashboard.noRegistrations')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Chart
            label={t('results.dashboard.registrationsChart')}
            option={{
              grid: { left: 48, right: 48, top: 32, bottom: 32 },
              legend: { top: 0 },
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: quarters.map((q) => periodText(q.period, locale)) },
              yAxis: [
                { type: 'value', name: t('results.dashboard.registrations'), minInterval: 1 },
                { type: 'value', name: t('results.dashboard.participants'), minInterval: 1 },
              ],
              series: [
                {
                  name: t('results.dashboard.registrations'),
                  type: 'bar',
                  data: quarters.map((q) => q.registrations),
                },
                {
                  name: t('results.dashboard.participants'),
                  type: 'line',
                  yAxisIndex: 1,
                  data: quarters.map((q) => q.participants),
                  lineStyle: { type: 'dashed', width: 2 },
                  symbol: 'triangle',
                  symbolSize: 8,
                },
              ],
            }}
          />
          <div
            tabIndex={0}
            role="region"
            aria-label={t('results.dashboard.registrationsCaption')}
            style={{ maxHeight: 300, overflow: 'auto' }}
          >
            <Table withTableBorder striped verticalSpacing={4} stickyHeader>
              <caption className="visually-hidden">{t('results.dashboard.registrationsCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('results.dashboard.period')}</Table.Th>
                  <Table.Th ta="right">{t('results.dashboard.registrations')}</Table.Th>
                  <Table.Th ta="right">{t('results.dashboard.participants')}</Table.Th>
                  <Table.Th ta="right">{t('results.dashboard.hours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...quarters].reverse().map((q) => (
                  <Table.Tr key={q.period}>
                    <Table.Th scope="row">{periodText(q.period, locale)}</Table.Th>
                    <Table.Td ta="right">{n(q.registrations)}</Table.Td>
                    <Table.Td ta="right">{n(q.participants)}</Table.Td>
                    <Table.Td ta="right">{n(q.hours)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </SimpleGrid>
      )}
    </Section>
  );
}
