import { useMemo } from 'react';
import {
  Anchor,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  compareQuery,
  usePortfolioCompare,
  usePortfolioOverview,
  useSharedIndicators,
  type PortfolioCompare,
  type SharedIndicator,
} from '../../api/portfolio';
import { Chart } from '../../components/Chart';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { compareText, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { formatIndicatorNumber, periodText, TargetStatusBadge } from '../results/shared';
import { COHERENCE_KINDS } from './codes';
import { shareText, ScrollTable } from './parts';
import { PortfolioPage } from './PortfolioShell';
import { useParam, usePortfolioFilters } from './usePortfolioFilters';

const MAX_PLANS = 12;
const MAX_INDICATORS = 10;
const split = (s: string) => s.split(',').filter((x) => x.length > 0);

type ComparePlan = PortfolioCompare['plans'][number];
type CompareValue = ComparePlan['values'][number];

/** Portefølje › Sammenlign: 2-12 plans side by side on shared indicators and their coherence. */
export default function PortfolioComparePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { filters } = usePortfolioFilters();
  // The plans to choose from follow the portfolio's filters.
  const overview = usePortfolioOverview(filters);
  const shared = useSharedIndicators();
  const [planParam, setPlanParam] = useParam('planIds');
  const [indicatorParam, setIndicatorParam] = useParam('sharedIndicatorIds');
  const [year, setYear] = useParam('year');
  const choices = useMemo(
    () => ({
      planIds: split(planParam).slice(0, MAX_PLANS),
      sharedIndicatorIds: split(indicatorParam).slice(0, MAX_INDICATORS),
      year: year || undefined,
    }),
    [planParam, indicatorParam, year],
  );
  const data = usePortfolioCompare(choices);

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 1 - 2000 }, (_, i) => String(thisYear - i));
  const planOptions = useMemo(
    () =>
      [...(overview.data?.plans ?? [])]
        .sort((a, b) => compareText(a.name, b.name))
        .map((p) => ({ value: p.id, label: `${p.name} (${p.municipalityName})` })),
    [overview.data],
  );
  const indicatorOptions = useMemo(
    () =>
      [...(shared.data?.items ?? [])]
        .sort((a, b) => compareText(a.name, b.name))
        .map((i) => ({ value: i.id, label: i.name })),
    [shared.data],
  );
  // Plans chosen before a filter changed stay chosen, and stay in the list.
  const planData = [
    ...planOptions,
    ...choices.planIds
      .filter((id) => !planOptions.some((o) => o.value === id))
      .map((id) => ({ value: id, label: data.data?.plans.find((p) => p.planId === id)?.planName ?? id })),
  ];

  const results = () => {
    if (choices.planIds.length < 2)
      return (
        <EmptyState title={t('portfolio.compare.chooseTitle')}>
          {t('portfolio.compare.chooseText')}
        </EmptyState>
      );
    if (data.isPending) return <LoadingState />;
    if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
    return (
      <Stack gap="lg" aria-busy={data.isFetching}>
        <Group justify="space-between">
          <Text fw={600} role="status" aria-live="polite">
            {t('portfolio.compare.summary', {
              plans: formatNumber(data.data.plans.length, locale),
              period: periodText(data.data.period, locale),
            })}
          </Text>
          <ExportButtons path="/api/portfolio/compare/export" query={compareQuery(choices)} />
        </Group>
        <SideBySide data={data.data} />
        {data.data.indicators.map((ind) => (
          <Ranking key={ind.id} indicator={ind} data={data.data} />
        ))}
        <Coherence data={data.data} />
        <Markers data={data.data} />
      </Stack>
    );
  };

  return (
    <PortfolioPage title={t('portfolio.compare.title')} intro={t('portfolio.compare.intro')}>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="compare-choices">
        <Text component="h2" fw={700} id="compare-choices" mb="sm">
          {t('portfolio.compare.choices')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <MultiSelect
            label={t('portfolio.compare.plans')}
            description={t('portfolio.compare.plansHelp', { max: MAX_PLANS })}
            placeholder={choices.planIds.length ? undefined : t('portfolio.compare.pickPlans')}
            data={planData}
            value={choices.planIds}
            onChange={(v) => setPlanParam(v.join(','))}
            maxValues={MAX_PLANS}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('common.nothingFound')}
          />
          <MultiSelect
            label={t('portfolio.compare.indicators')}
            description={t('portfolio.compare.indicatorsHelp', { max: MAX_INDICATORS })}
            placeholder={
              choices.sharedIndicatorIds.length ? undefined : t('portfolio.compare.pickIndicators')
            }
            data={indicatorOptions}
            value={choices.sharedIndicatorIds}
            onChange={(v) => setIndicatorParam(v.join(','))}
            maxValues={MAX_INDICATORS}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('common.nothingFound')}
          />
          <NativeSelect
            label={t('portfolio.compare.year')}
            value={year || data.data?.period.slice(0, 4) || String(thisYear - 1)}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={years}
            maw={200}
          />
        </SimpleGrid>
      </Paper>
      {results()}
    </PortfolioPage>
  );
}

function useValueText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (ind: SharedIndicator, v: CompareValue | undefined) => {
    if (!v || v.state === 'missing') return t('portfolio.indicators.noData');
    if (v.state === 'suppressed') return t('portfolio.indicators.suppressed');
    const text = formatIndicatorNumber(ind, v.value, locale, t('common.yes'), t('common.no'));
    return v.complete ? text : `${text} (${t('portfolio.indicators.partial')})`;
  };
}

/** Every plan a column, every indicator a row; each value with its observations and rank. */
function SideBySide({ data }: { data: PortfolioCompare }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const ranked = (ind: SharedIndicator) =>
    data.plans.filter((p) => p.values.some((v) => v.sharedIndicatorId === ind.id && v.rank !== null)).length;
  return (
    <Section title={t('portfolio.compare.sideBySide')} id="compare-side-by-side">
      <ScrollTable minWidth={200 + 170 * data.plans.length} label={t('portfolio.compare.sideBySideCaption')}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('portfolio.compare.sideBySideCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={200}>
                {t('portfolio.compare.what')}
              </Table.Th>
              {data.plans.map((p) => (
                <Table.Th scope="col" key={p.planId}>
                  <Anchor component={Link} to={`/plans/${p.planId}`} size="sm" fw={700}>
                    {p.planName}
                  </Anchor>
                  <Text size="xs" c="dimmed" fw={400}>
                    {p.municipalityName} · {p.poolName}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.indicators.map((ind) => (
              <Table.Tr key={ind.id}>
                <Table.Th scope="row">{ind.name}</Table.Th>
                {data.plans.map((p) => {
                  const v = p.values.find((x) => x.sharedIndicatorId === ind.id);
                  return (
                    <Table.Td key={p.planId} style={{ verticalAlign: 'top' }}>
                      {!v || v.indicatorId === null ? (
                        <Text size="sm" c="dimmed">
                          {t('portfolio.compare.notLinked')}
                        </Text>
                      ) : (
                        <Stack gap={2} align="flex-start">
                          <Text size="sm" fw={700}>
                            {valueText(ind, v)}
                          </Text>
                          <Text size="xs">
                            {t('portfolio.compare.observations', {
                              count: v.observations,
                              formatted: formatNumber(v.observations, locale),
                            })}
                            {v.rank !== null &&
                              ` · ${t('portfolio.compare.rankOf', { rank: v.rank, of: ranked(ind) })}`}
                          </Text>
                          <TargetStatusBadge status={v.status} />
                        </Stack>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('portfolio.compare.flags')}</Table.Th>
              {data.plans.map((p) => (
                <Table.Td key={p.planId}>{formatNumber(p.coherence.flags, locale)}</Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('portfolio.compare.outcomeShare')}</Table.Th>
              {data.plans.map((p) => (
                <Table.Td key={p.planId}>
                  {p.coherence.outcomeShareOfMeasured === null
                    ? t('portfolio.compare.nothingMeasured')
                    : shareText(p.coherence.outcomeShareOfMeasured, locale)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {data.indicators.length === 0 && <Text size="sm">{t('portfolio.compare.noIndicators')}</Text>}
    </Section>
  );
}

/** One indicator's ranking: a chart and the table, each value beside the observations it rests on. */
function Ranking({ indicator, data }: { indicator: SharedIndicator; data: PortfolioCompare }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const rows = data.plans
    .map((p) => ({ plan: p, v: p.values.find((x) => x.sharedIndicatorId === indicator.id) }))
    .sort(
      (a, b) =>
        (a.v?.rank ?? Infinity) - (b.v?.rank ?? Infinity) || compareText(a.plan.planName, b.plan.planName),
    );
  const withValue = rows.filter((r) => r.v?.state === 'value' && r.v.value !== null);
  const axis = (r: (typeof rows)[number]) =>
    `${r.plan.planName} (n = ${formatNumber(r.v?.observations ?? 0, locale)})`;
  const id = `ranking-${indicator.id}`;
  return (
    <Section title={t('portfolio.compare.rankingTitle', { name: indicator.name })} id={id} order={2}>
      {withValue.length === 0 ? (
        <Text>{t('portfolio.compare.noValues')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <Chart
            label={t('portfolio.compare.rankingChart', { name: indicator.name })}
            height={Math.max(180, 40 * withValue.length + 60)}
            option={{
              grid: { left: 8, right: 48, top: 8, bottom: 24 },
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              xAxis: { type: 'value' },
              yAxis: {
                type: 'category',
                data: [...withValue].reverse().map(axis),
                axisLabel: { width: 220, overflow: 'truncate' },
              },
              series: [
                {
                  type: 'bar',
                  name: indicator.name,
                  data: [...withValue].reverse().map((r) => r.v!.value),
                  barMaxWidth: 28,
                  label: { show: true, position: 'right' },
                },
              ],
            }}
          />
          <ScrollTable minWidth={520} label={t('portfolio.compare.rankingCaption', { name: indicator.name })}>
            <Table withTableBorder striped verticalSpacing={4} fz="sm">
              <caption className="visually-hidden">
                {t('portfolio.compare.rankingCaption', { name: indicator.name })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.compare.rank')}
                  </Table.Th>
                  <Table.Th scope="col">{t('portfolio.plan')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.value')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.compare.n')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.indicators.target')}
                  </Table.Th>
                  <Table.Th scope="col">{t('portfolio.indicators.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ plan, v }) => (
                  <Table.Tr key={plan.planId}>
                    <Table.Td ta="right">{v?.rank ?? '–'}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {plan.planName}
                    </Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {v?.indicatorId === null ? t('portfolio.compare.notLinked') : valueText(indicator, v)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(v?.observations ?? 0, locale)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {v && v.target !== null
                        ? formatIndicatorNumber(indicator, v.target, locale, t('common.yes'), t('common.no'))
                        : ''}
                    </Table.Td>
                    <Table.Td>{v && <TargetStatusBadge status={v.status} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        {t('portfolio.compare.nHelp')}
      </Text>
    </Section>
  );
}

/**
 * The five implementation markers of each plan for the year: the level the data shows beside the
 * level the questionnaire gives (docs/implementation-markers.md).
 */
function Markers({ data }: { data: PortfolioCompare }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = data.plans[0]?.markers ?? [];
  if (rows.length === 0) return null;
  return (
    <Section title={t('portfolio.compare.markersTitle')} id="compare-markers">
      <Text size="sm" mb="xs">
        {t('portfolio.compare.markersIntro')}
      </Text>
      <ScrollTable minWidth={800} label={t('portfolio.compare.markersCaption')}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <caption className="visually-hidden">{t('portfolio.compare.markersCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portfolio.compare.marker')}</Table.Th>
              {data.plans.map((p) => (
                <Table.Th scope="col" key={p.planId}>
                  {p.planName}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m, i) => (
              <Table.Tr key={m.key}>
                <Table.Th scope="row">
                  {m.number}. {m.label[locale]}
                </Table.Th>
                {data.plans.map((p) => {
                  const cell = p.markers[i];
                  return (
                    <Table.Td key={p.planId}>
                      {cell ? (
                        <>
                          <Text size="sm">
                            {t('portfolio.compare.markerData')}:{' '}
                            {t(`portfolio.compare.levels.${cell.evidence}`)}
                          </Text>
                          <Text size="sm">
                            {t('portfolio.compare.markerQuestionnaire')}:{' '}
                            {t(`portfolio.compare.levels.${cell.questionnaire}`)}
                          </Text>
                        </>
                      ) : (
                        t('portfolio.compare.levels.no_data')
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

/** The coherence summary of each plan: the gaps by kind, and how much of what is measured is outcomes. */
function Coherence({ data }: { data: PortfolioCompare }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('portfolio.compare.coherenceTitle')} id="compare-coherence">
      <ScrollTable minWidth={1000} label={t('portfolio.compare.coherenceCaption')}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <caption className="visually-hidden">{t('portfolio.compare.coherenceCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portfolio.plan')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('portfolio.compare.flags')}
              </Table.Th>
              {COHERENCE_KINDS.map((k) => (
                <Table.Th scope="col" ta="right" key={k}>
                  {t(`results.coherence.kinds.${k}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('portfolio.compare.outcomeShare')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.plans.map((p) => (
              <Table.Tr key={p.planId}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/plans/${p.planId}/goals`} size="sm">
                    {p.planName}
                  </Anchor>
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatNumber(p.coherence.flags, locale)}
                </Table.Td>
                {COHERENCE_KINDS.map((k) => (
                  <Table.Td ta="right" key={k}>
                    {formatNumber(p.coherence.flagCounts[k] ?? 0, locale)}
                  </Table.Td>
                ))}
                <Table.Td ta="right">
                  {p.coherence.outcomeShareOfMeasured === null
                    ? t('portfolio.compare.nothingMeasured')
                    : shareText(p.coherence.outcomeShareOfMeasured, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}
