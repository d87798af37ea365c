import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  usePortfolioIndicators,
  useSharedIndicators,
  type AggregateValue,
  type PortfolioIndicators,
  type SharedIndicator,
} from '../../api/portfolio';
import { Chart } from '../../components/Chart';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { compareText, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { formatIndicatorNumber, periodText, TargetStatusBadge } from '../results/shared';
import { GROUP_BYS, PERIOD_KINDS } from './codes';
import { PortfolioFilterPanel } from './PortfolioFilterPanel';
import { PortfolioPage } from './PortfolioShell';
import { useParam, usePortfolioFilters } from './usePortfolioFilters';

/** More groups than this and the chart shows the whole portfolio only; the table shows every group. */
const MAX_CHART_GROUPS = 6;

/** Portefølje › Indikatorer: shared indicators summed or weighted across plans, by group and period. */
export default function PortfolioIndicatorsPage() {
  const { t } = useTranslation();
  const f = usePortfolioFilters();
  const shared = useSharedIndicators();
  const [sharedIndicatorId, setIndicator] = useParam('sharedIndicatorId');
  const [groupBy, setGroupBy] = useParam('groupBy');
  const [periodKind, setPeriodKind] = useParam('periodKind');
  const [fromYear, setFromYear] = useParam('fromYear');
  const [toYear, setToYear] = useParam('toYear');
  const choices = {
    sharedIndicatorId: sharedIndicatorId || undefined,
    groupBy: groupBy || undefined,
    periodKind: periodKind || undefined,
    fromYear: fromYear || undefined,
    toYear: toYear || undefined,
  };
  const data = usePortfolioIndicators(f.filters, choices);

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 4 - 2000 }, (_, i) => String(thisYear + 3 - i));
  // Without a choice the server picks the years; show the ones it picked.
  const shownYears = data.data?.periods.map((p) => p.slice(0, 4)) ?? [];
  const indicatorOptions = [
    { value: '', label: t('portfolio.indicators.allIndicators') },
    ...[...(shared.data?.items ?? [])]
      .sort((a, b) => compareText(a.name, b.name))
      .map((i) => ({ value: i.id, label: i.name })),
  ];

  return (
    <PortfolioPage title={t('portfolio.indicators.title')} intro={t('portfolio.indicators.intro')}>
      <PortfolioFilterPanel {...f} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="indicator-choices">
        <Text component="h2" fw={700} id="indicator-choices" mb="sm">
          {t('portfolio.indicators.choices')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <NativeSelect
            label={t('portfolio.indicators.indicator')}
            value={sharedIndicatorId}
            onChange={(e) => setIndicator(e.currentTarget.value)}
            data={indicatorOptions}
          />
          <NativeSelect
            label={t('portfolio.indicators.groupBy')}
            value={groupBy || 'focusArea'}
            onChange={(e) => setGroupBy(e.currentTarget.value)}
            data={GROUP_BYS.map((g) => ({ value: g, label: t(`portfolio.indicators.groupBys.${g}`) }))}
          />
          <NativeSelect
            label={t('portfolio.indicators.periodKind')}
            value={periodKind || 'year'}
            onChange={(e) => setPeriodKind(e.currentTarget.value)}
            data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`portfolio.indicators.periodKinds.${k}`) }))}
          />
          <NativeSelect
            label={t('portfolio.indicators.fromYear')}
            value={fromYear || shownYears[0] || String(thisYear - 3)}
            onChange={(e) => setFromYear(e.currentTarget.value)}
            data={years}
          />
          <NativeSelect
            label={t('portfolio.indicators.toYear')}
            value={toYear || shownYears[shownYears.length - 1] || String(thisYear)}
            onChange={(e) => setToYear(e.currentTarget.value)}
            data={years}
          />
        </SimpleGrid>
      </Paper>
      {data.isPending ? (
        <LoadingState />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : data.data.indicators.length === 0 ? (
        <EmptyState title={t('portfolio.indicators.emptyTitle')}>
          {t('portfolio.indicators.emptyText')}
        </EmptyState>
      ) : (
        <Stack gap="lg" aria-busy={data.isFetching}>
          <Group justify="flex-end">
            <ExportButtons path="/api/portfolio/indicators/export" query={{ ...f.filters, ...choices }} />
          </Group>
          {data.data.indicators.map((ind) => (
            <IndicatorSection key={ind.sharedIndicator.id} item={ind} data={data.data} />
          ))}
        </Stack>
      )}
    </PortfolioPage>
  );
}

type Item = PortfolioIndicators['indicators'][number];

function IndicatorSection({ item, data }: { item: Item; data: PortfolioIndicators }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ind = item.sharedIndicator;
  const grouped = data.groupBy !== 'none';
  const groups = grouped ? item.groups : [];
  const periods = data.periods;
  const at = (values: AggregateValue[], period: string) => values.find((v) => v.period === period);
  const plotted = (v: AggregateValue | undefined) => (v && v.state === 'value' ? v.value : null);
  const inChart =
    grouped && groups.length > 0 && groups.length <= MAX_CHART_GROUPS
      ? groups.map((g) => ({ name: g.label[locale], values: g.values }))
      : [{ name: t('portfolio.indicators.allPlans'), values: item.total }];
  const heading = `section-indicator-${ind.id}`;

  return (
    <Section title={ind.name} id={heading}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t(`portfolio.indicators.how.${ind.kind}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('portfolio.indicators.owner', {
              owner: ind.areaSecretariatName ?? t('portfolio.indicators.fund'),
            })}
            {' · '}
            {t('portfolio.indicators.linkedPlans', {
              count: item.linkedPlans,
              formatted: formatNumber(item.linkedPlans, locale),
            })}
          </Text>
        </Group>
        {ind.definition && <Text size="sm">{ind.definition}</Text>}
      </Stack>
      {item.linkedPlans === 0 ? (
        <Text>{t('portfolio.indicators.noLinked')}</Text>
      ) : (
        <Stack gap="lg">
          <Stack gap={4}>
            <Chart
              label={t('portfolio.indicators.chart', { name: ind.name })}
              option={{
                grid: { left: 48, right: 16, top: 40, bottom: 32 },
                legend: { top: 0, type: 'scroll' },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: periods.map((p) => periodText(p, locale)) },
                yAxis: { type: 'value' },
                series: [
                  ...inChart.map((s) => ({
                    name: s.name,
                    type: 'bar',
                    barMaxWidth: 48,
                    data: periods.map((p) => plotted(at(s.values, p))),
                  })),
                  ...(inChart.length === 1
                    ? [
                        {
                          name: t('portfolio.indicators.target'),
                          type: 'line',
                          data: periods.map((p) => at(inChart[0]!.values, p)?.target ?? null),
                          lineStyle: { type: 'dashed', width: 2 },
                          symbol: 'diamond',
                          symbolSize: 10,
                        },
                      ]
                    : []),
                ],
              }}
            />
            {grouped && groups.length > MAX_CHART_GROUPS && (
              <Text size="xs" c="dimmed">
                {t('portfolio.indicators.chartTotalOnly', { count: groups.length })}
              </Text>
            )}
          </Stack>
          <div
            tabIndex={0}
            role="region"
            aria-label={t('portfolio.indicators.caption', { name: ind.name })}
            style={{ maxHeight: 420, overflow: 'auto' }}
          >
            <Table withTableBorder striped verticalSpacing={4} fz="sm" stickyHeader miw={560}>
              <caption className="visually-hidden">
                {t('portfolio.indicators.caption', { name: ind.name })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {grouped && (
                    <Table.Th scope="col">{t(`portfolio.indicators.groupBys.${data.groupBy}`)}</Table.Th>
                  )}
                  <Table.Th scope="col">{t('portfolio.indicators.period')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.value')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.n')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.nMissing')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.nSuppressed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.target')}
                  </Table.Th>
                  <Table.Th scope="col">{t('portfolio.indicators.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((g) =>
                  g.values.map((v) => (
                    <ValueRow
                      key={`${g.key}-${v.period}`}
                      group={g.label[locale]}
                      v={v}
                      indicator={ind}
                      grouped
                    />
                  )),
                )}
                {item.total.map((v) => (
                  <ValueRow
                    key={`total-${v.period}`}
                    group={t('portfolio.indicators.allPlans')}
                    v={v}
                    indicator={ind}
                    grouped={grouped}
                    total
                  />
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Stack>
      )}
    </Section>
  );
}

/** An aggregated value: as the indicator shows it, except yes/no, which becomes the share of yes. */
function aggregateText(indicator: SharedIndicator, value: number | null, locale: 'da' | 'en'): string {
  if (value === null) return '';
  if (indicator.kind === 'yes_no') return `${formatNumber(value, locale)} %`;
  return formatIndicatorNumber(indicator, value, locale, '', '');
}

function ValueRow({
  group,
  v,
  indicator,
  grouped,
  total = false,
}: {
  group: string;
  v: AggregateValue;
  indicator: SharedIndicator;
  grouped: boolean;
  total?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (x: number | null) => aggregateText(indicator, x, locale);
  return (
    <Table.Tr fw={total ? 700 : undefined}>
      {grouped && <Table.Td>{group}</Table.Td>}
      <Table.Td>{periodText(v.period, locale)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {v.state === 'value'
          ? show(v.value) + (v.nPartial > 0 ? ` (${t('portfolio.indicators.partial')})` : '')
          : v.state === 'suppressed'
            ? t('portfolio.indicators.suppressed')
            : t('portfolio.indicators.noData')}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(v.n, locale)}</Table.Td>
      <Table.Td ta="right">{formatNumber(v.nMissing, locale)}</Table.Td>
      <Table.Td ta="right">{formatNumber(v.nSuppressed, locale)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {v.target === null ? '' : show(v.target)}
      </Table.Td>
      <Table.Td>
        <TargetStatusBadge status={v.status} />
      </Table.Td>
    </Table.Tr>
  );
}
