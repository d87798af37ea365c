import { useMemo } from 'react';
import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MARKER_LEVELS, usePortfolioMarkers, type PortfolioMarkers } from '../../api/markers';
import { ExampleBadge } from '../../components/badges';
import { Chart } from '../../components/Chart';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { CountBar, NoPlans, ScrollTable } from '../portfolio/parts';
import { PortfolioFilterPanel } from '../portfolio/PortfolioFilterPanel';
import { PortfolioPage } from '../portfolio/PortfolioShell';
import { usePortfolioFilters } from '../portfolio/usePortfolioFilters';
import { LevelBadge } from './parts';

const LEVEL_COLOURS = { strong: '#2e7d32', partial: '#c2590a', weak: '#b3261e', no_data: '#9e9e9e' };

/** Portefølje › Pejlemærker: every visible plan's five markers for a year, data and questionnaire. */
export default function PortfolioMarkersPage() {
  const { t } = useTranslation();
  const f = usePortfolioFilters();
  const [params, setParams] = useSearchParams();
  const now = new Date().getFullYear();
  const chosen = params.get('period');
  const period = chosen && /^\d{4}$/.test(chosen) ? chosen : String(now);
  const years = Array.from({ length: 12 }, (_, i) => String(now - i));
  if (!years.includes(period)) years.push(period);
  const data = usePortfolioMarkers(f.filters, period);

  const body = () => {
    if (data.isPending) return <LoadingState />;
    if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
    if (data.data.plans.length === 0)
      return <NoPlans hasFilters={f.hasFilters} clearFilters={f.clearFilters} />;
    return (
      <Stack gap="lg" aria-busy={data.isFetching}>
        <Totals data={data.data} />
        <Plans data={data.data} />
      </Stack>
    );
  };

  return (
    <PortfolioPage title={t('markers.portfolio.title')} intro={t('markers.portfolio.intro')}>
      <PortfolioFilterPanel {...f} />
      <NativeSelect
        label={t('markers.period')}
        value={period}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('period', v);
              return next;
            },
            { replace: true },
          );
        }}
        data={years}
        w={140}
      />
      {body()}
    </PortfolioPage>
  );
}

function Totals({ data: d }: { data: PortfolioMarkers }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = d.totals.map((m, i) => `${i + 1}. ${m.label[locale]}`);
  const option = useMemo(
    () => ({
      color: MARKER_LEVELS.map((l) => LEVEL_COLOURS[l]),
      grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: [...names].reverse(),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: MARKER_LEVELS.map((l) => ({
        name: t(`markers.levels.${l}`),
        type: 'bar',
        stack: 'plans',
        barMaxWidth: 28,
        data: [...d.totals].reverse().map((m) => m.evidence[l] ?? 0),
      })),
    }),
    [d, names, t],
  );
  const n = (x: number | undefined) => formatNumber(x ?? 0, locale);
  return (
    <Section title={t('markers.portfolio.totalsTitle')} id="markers-totals">
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <Chart height={300} label={t('markers.portfolio.totalsChart')} option={option} />
        <ScrollTable minWidth={640} label={t('markers.portfolio.totalsCaption')}>
          <Table withTableBorder striped verticalSpacing={4} fz="sm">
            <caption className="visually-hidden">{t('markers.portfolio.totalsCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2}>{t('markers.marker')}</Table.Th>
                <Table.Th colSpan={4} ta="center">
                  {t('markers.evidence')}
                </Table.Th>
                <Table.Th colSpan={4} ta="center">
                  {t('markers.questionnaire')}
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {[...MARKER_LEVELS, ...MARKER_LEVELS].map((l, i) => (
                  <Table.Th key={i} ta="right">
                    {t(`markers.levels.${l}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.totals.map((m, i) => (
                <Table.Tr key={m.key}>
                  <Table.Th scope="row" fw={500}>
                    {names[i]}
                  </Table.Th>
                  {MARKER_LEVELS.map((l) => (
                    <Table.Td key={`e-${l}`} ta="right">
                      {n(m.evidence[l])}
                    </Table.Td>
                  ))}
                  {MARKER_LEVELS.map((l) => (
                    <Table.Td key={`q-${l}`} ta="right">
                      {n(m.questionnaire[l])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </SimpleGrid>
    </Section>
  );
}

function Plans({ data: d }: { data: PortfolioMarkers }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('markers.portfolio.plansTitle')} id="markers-plans">
      <CountBar
        count={t('markers.portfolio.count', {
          count: d.plans.length,
          formatted: formatNumber(d.plans.length, locale),
        })}
      />
      <ScrollTable minWidth={1100} label={t('markers.portfolio.plansCaption')}>
        <Table withTableBorder striped verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('markers.portfolio.plansCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portfolio.plan')}</Table.Th>
              {d.totals.map((m, i) => (
                <Table.Th key={m.key}>
                  {i + 1}. {m.label[locale]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.plans.map((p) => (
              <Table.Tr key={p.planId} data-plan={p.planId}>
                <Table.Th scope="row" fw={500}>
                  <Stack gap={2} align="flex-start">
                    <Anchor
                      component={Link}
                      to={`/plans/${p.planId}/markers?period=${d.period}`}
                      size="sm"
                      fw={600}
                    >
                      {p.planName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {p.municipalityName}
                      {!p.hasSurvey && ` · ${t('markers.portfolio.noSurvey')}`}
                    </Text>
                    {p.isExample && <ExampleBadge />}
                  </Stack>
                </Table.Th>
                {p.markers.map((m) => (
                  <Table.Td key={m.key}>
                    <Stack gap={4} align="flex-start">
                      <Group gap={4} wrap="nowrap">
                        <Text span size="xs" fw={600} w={88}>
                          {t('markers.evidence')}
                        </Text>
                        <LevelBadge level={m.evidence} size="sm" />
                      </Group>
                      <Group gap={4} wrap="nowrap">
                        <Text span size="xs" fw={600} w={88}>
                          {t('markers.questionnaire')}
                        </Text>
                        <LevelBadge level={m.questionnaire} size="sm" />
                      </Group>
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}
