import type { ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  rollupPath,
  useSharedGoalRollup,
  type AggregateValue,
  type PeriodKind,
  type PlanPart,
  type SharedGoalRollup,
  type SharedIndicator,
} from '../../api/sharedGoals';
import { ExampleBadge } from '../../components/badges';
import { Chart } from '../../components/Chart';
import { ExportButtons } from '../../components/ExportButtons';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { formatIndicatorNumber, periodText, TargetStatusBadge } from '../results/shared';
import { ScrollTable } from './ScrollTable';

const PERIOD_KINDS: PeriodKind[] = ['year', 'half', 'quarter'];

/** The years offered: from well before the oldest plans to a few years ahead. */
function yearOptions(): string[] {
  const now = new Date().getFullYear();
  const out: string[] = [];
  for (let y = now + 5; y >= 2005; y--) out.push(String(y));
  return out;
}

/**
 * A shared goal's roll-up (/secretariats/:id/shared-goals/:goalId): per shared indicator the
 * whole over periods as a chart with its table, each plan's part per period, and the plans not
 * yet linked. The period kind and years live in the URL, so a link shows the same roll-up.
 */
export default function SharedGoalRollupPage() {
  const { id = '', goalId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const periodKind = (PERIOD_KINDS as string[]).includes(params.get('periodKind') ?? '')
    ? (params.get('periodKind') as PeriodKind)
    : 'year';
  const fromYear = Number(params.get('fromYear')) || undefined;
  const toYear = Number(params.get('toYear')) || undefined;
  const yearsInvalid = fromYear !== undefined && toYear !== undefined && fromYear > toYear;
  const query = { periodKind, fromYear, toYear };
  const rollup = useSharedGoalRollup(id, goalId, query);

  const set = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  if (rollup.isPending) return <LoadingState />;
  if (rollup.isError && !rollup.data) {
    if (rollup.error instanceof ApiError && rollup.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />;
  }
  const r = rollup.data;
  // The years shown: the URL's, or those the server chose (its periods' first and last year).
  const years = r.periods.map((p) => p.slice(0, 4)).filter((y) => /^\d{4}$/.test(y));
  const shownFrom = fromYear ? String(fromYear) : (years[0] ?? '');
  const shownTo = toYear ? String(toYear) : (years[years.length - 1] ?? '');
  const yearData = yearOptions();

  return (
    <Page
      title={r.goal.title}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        { label: t('secretariats.title'), to: '/secretariats' },
        { label: r.areaSecretariatName, to: `/secretariats/${id}` },
      ]}
      intro={t('sharedGoals.rollup.intro')}
      badges={r.goal.isExample && <ExampleBadge />}
      actions={
        <ExportButtons path={`${rollupPath(id, goalId)}/export`} query={{ periodKind, fromYear, toYear }} />
      }
    >
      {r.goal.description && <Text className="pre-wrap">{r.goal.description}</Text>}
      <Group align="flex-end" gap="md" role="group" aria-label={t('sharedGoals.rollup.controls')}>
        <NativeSelect
          label={t('sharedGoals.rollup.periodKind')}
          value={periodKind}
          onChange={(e) =>
            set({ periodKind: e.currentTarget.value === 'year' ? null : e.currentTarget.value })
          }
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`sharedGoals.rollup.periodKinds.${k}`) }))}
          w={180}
        />
        <NativeSelect
          label={t('sharedGoals.rollup.fromYear')}
          value={shownFrom}
          onChange={(e) => set({ fromYear: e.currentTarget.value })}
          data={yearData}
          error={yearsInvalid ? t('sharedGoals.rollup.yearsInvalid') : undefined}
          w={140}
        />
        <NativeSelect
          label={t('sharedGoals.rollup.toYear')}
          value={shownTo}
          onChange={(e) => set({ toYear: e.currentTarget.value })}
          data={yearData}
          w={140}
        />
        <Anchor component={Link} to={`/secretariats/${id}#shared-goal-${goalId}`} pb={8}>
          {t('sharedGoals.rollup.backToSecretariat', { name: r.areaSecretariatName })}
        </Anchor>
      </Group>
      {rollup.isError && <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />}
      {r.indicators.length === 0 ? (
        <EmptyState title={t('sharedGoals.rollup.noIndicatorsTitle')}>
          {t('sharedGoals.rollup.noIndicatorsText')}
        </EmptyState>
      ) : r.periods.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('sharedGoals.rollup.noPeriods')}
        </Alert>
      ) : (
        <Stack gap="lg" aria-busy={rollup.isFetching}>
          {r.indicators.map((x) => (
            <IndicatorRollup key={x.sharedIndicator.id} item={x} periods={r.periods} />
          ))}
        </Stack>
      )}
    </Page>
  );
}

type RollupIndicator = SharedGoalRollup['indicators'][number];

/** A plan's or the whole's number in the indicator's own terms: `62,5 %`, `120 personer`, `2 af 3 (66,7 %)`. */
function useShow(si: SharedIndicator) {
  const { t } = useTranslation();
  const locale = useLocale();
  const part = (v: number | null) =>
    v === null ? '' : formatIndicatorNumber(si, v, locale, t('common.yes'), t('common.no'));
  const whole = (v: AggregateValue) => {
    if (v.value === null) return '';
    if (si.kind === 'yes_no')
      return t('sharedGoals.rollup.yesShare', {
        yes: formatNumber(v.numerator ?? 0, locale),
        n: formatNumber(v.denominator ?? v.n, locale),
        share: `${formatNumber(v.value, locale)} %`,
      });
    return part(v.value);
  };
  const wholeTarget = (v: number | null) =>
    v === null ? '' : si.kind === 'yes_no' ? `${formatNumber(v, locale)} %` : part(v);
  return { part, whole, wholeTarget };
}

function StateText({ state, children }: { state: 'value' | 'missing' | 'suppressed'; children: ReactNode }) {
  const { t } = useTranslation();
  if (state === 'value') return <>{children}</>;
  return (
    <Text span size="sm" fs="italic">
      {state === 'suppressed' ? t('sharedGoals.rollup.suppressed') : t('sharedGoals.rollup.missing')}
    </Text>
  );
}

function IndicatorRollup({ item, periods }: { item: RollupIndicator; periods: string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const si = item.sharedIndicator;
  const show = useShow(si);
  const byPeriod = new Map(item.whole.map((v) => [v.period, v]));
  const whole = periods.map((p) => byPeriod.get(p)).filter((v): v is AggregateValue => !!v);
  const sectionId = `rollup-${si.id}`;
  const meta = [
    t(`results.indicators.kinds.${si.kind}`),
    si.unit,
    t(`results.indicators.directions.${si.direction}`),
    t(`results.indicators.combines.${si.combine}`),
    t('sharedGoals.rollup.linkedPlans', { count: new Set(item.plans.map((p) => p.planId)).size }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Section title={si.name} id={sectionId}>
      <Text size="sm">{meta}</Text>
      {si.definition && (
        <Text size="sm" className="pre-wrap">
          {si.definition}
        </Text>
      )}

      <Title order={3} size="h5">
        {t('sharedGoals.rollup.whole')}
      </Title>
      {/* Side by side on a wide screen; the table goes below the chart on a narrower one. */}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <Chart
          label={t('sharedGoals.rollup.wholeChart', { name: si.name })}
          option={{
            grid: { left: 56, right: 16, top: 32, bottom: 32 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: whole.map((v) => periodText(v.period, locale)) },
            yAxis: { type: 'value' },
            series: [
              {
                name: t('sharedGoals.rollup.value'),
                type: 'bar',
                // Missing and suppressed periods are gaps, never 0.
                data: whole.map((v) => (v.state === 'value' ? v.value : null)),
              },
              {
                name: t('sharedGoals.rollup.target'),
                type: 'line',
                data: whole.map((v) => v.target),
                lineStyle: { type: 'dashed', width: 2 },
                symbol: 'diamond',
                symbolSize: 10,
              },
            ],
          }}
        />
        <ScrollTable label={t('sharedGoals.rollup.wholeCaption', { name: si.name })} minWidth={520}>
          <Table withTableBorder striped verticalSpacing={4} fz="sm">
            <caption className="visually-hidden">
              {t('sharedGoals.rollup.wholeCaption', { name: si.name })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sharedGoals.rollup.period')}</Table.Th>
                <Table.Th ta="right">{t('sharedGoals.rollup.value')}</Table.Th>
                <Table.Th ta="right">{t('sharedGoals.rollup.withValue')}</Table.Th>
                <Table.Th ta="right">{t('sharedGoals.rollup.missing')}</Table.Th>
                <Table.Th ta="right">{t('sharedGoals.rollup.suppressed')}</Table.Th>
                <Table.Th ta="right">{t('sharedGoals.rollup.target')}</Table.Th>
                <Table.Th>{t('sharedGoals.rollup.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {whole.map((v) => (
                <Table.Tr key={v.period}>
                  <Table.Th scope="row">{periodText(v.period, locale)}</Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <StateText state={v.state}>{show.whole(v)}</StateText>
                    {v.nPartial > 0 && (
                      <Text span size="xs">
                        {' '}
                        ({t('sharedGoals.rollup.partialCount', { count: v.nPartial })})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(v.n, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(v.nMissing, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(v.nSuppressed, locale)}</Table.Td>
                  <Table.Td ta="right">{v.target === null ? '–' : show.wholeTarget(v.target)}</Table.Td>
                  <Table.Td>
                    <TargetStatusBadge status={v.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </SimpleGrid>

      <Title order={3} size="h5">
        {t('sharedGoals.rollup.plansTitle')}
      </Title>
      {item.plans.length === 0 ? (
        <Text size="sm">{t('sharedGoals.rollup.noLinkedPlans')}</Text>
      ) : (
        <PlanParts item={item} periods={periods} show={show.part} />
      )}

      <Title order={3} size="h5">
        {t('sharedGoals.rollup.unlinkedTitle')}
      </Title>
      {item.unlinkedPlans.length === 0 ? (
        <Text size="sm">{t('sharedGoals.rollup.allLinked')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">{t('sharedGoals.rollup.unlinkedText', { name: si.name })}</Text>
          <List size="sm">
            {sortBy(item.unlinkedPlans, (p) => p.name, 'asc').map((p) => (
              <List.Item key={p.id}>
                <Anchor
                  component={Link}
                  to={`/plans/${p.id}/goals`}
                  aria-label={t('sharedGoals.rollup.openPlanGoals', { name: p.name })}
                >
                  {p.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Section>
  );
}

function PlanParts({
  item,
  periods,
  show,
}: {
  item: RollupIndicator;
  periods: string[];
  show: (v: number | null) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A plan may link more than one of its indicators; each is its own group of rows.
  const plans = sortBy(item.plans, (p) => `${p.planName}\u0000${p.indicatorName}`, 'asc');
  return (
    <ScrollTable
      label={t('sharedGoals.rollup.plansCaption', { name: item.sharedIndicator.name })}
      minWidth={640}
    >
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <caption className="visually-hidden">
          {t('sharedGoals.rollup.plansCaption', { name: item.sharedIndicator.name })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharedGoals.rollup.plan')}</Table.Th>
            <Table.Th>{t('sharedGoals.rollup.period')}</Table.Th>
            <Table.Th ta="right">{t('sharedGoals.rollup.value')}</Table.Th>
            <Table.Th ta="right">{t('sharedGoals.rollup.target')}</Table.Th>
            <Table.Th>{t('sharedGoals.rollup.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {/* One row group per plan: its name heads the group's rows. */}
        {plans.map((p) => {
          const byPeriod = new Map(p.values.map((v) => [v.period, v]));
          const rows = periods.map((period) => ({ period, v: byPeriod.get(period) }));
          return (
            <Table.Tbody
              key={`${p.planId}-${p.indicatorId}`}
              style={{ borderTop: '2px solid var(--mantine-color-gray-5)' }}
            >
              {rows.map(({ period, v }, k) => (
                <Table.Tr key={period}>
                  {k === 0 && (
                    <Table.Th
                      scope="rowgroup"
                      rowSpan={rows.length}
                      fw={400}
                      style={{ verticalAlign: 'top' }}
                    >
                      <Anchor
                        component={Link}
                        to={`/plans/${p.planId}/goals#indicator-${p.indicatorId}`}
                        fw={600}
                        size="sm"
                      >
                        {p.planName}
                      </Anchor>
                      <Text size="xs">
                        {t('sharedGoals.rollup.planIndicator')}: {p.indicatorName}
                      </Text>
                    </Table.Th>
                  )}
                  <Table.Td>{periodText(period, locale)}</Table.Td>
                  <PartCells part={v} show={show} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          );
        })}
      </Table>
    </ScrollTable>
  );
}

function PartCells({ part, show }: { part: PlanPart | undefined; show: (v: number | null) => string }) {
  const { t } = useTranslation();
  if (!part)
    return (
      <>
        <Table.Td ta="right">
          <StateText state="missing">{null}</StateText>
        </Table.Td>
        <Table.Td ta="right">–</Table.Td>
        <Table.Td>
          <TargetStatusBadge status="no_data" />
        </Table.Td>
      </>
    );
  return (
    <>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <StateText state={part.state}>{show(part.value)}</StateText>
        {part.state === 'value' && !part.complete && ` (${t('sharedGoals.rollup.partial')})`}
      </Table.Td>
      <Table.Td ta="right">{part.target === null ? '–' : show(part.target)}</Table.Td>
      <Table.Td>
        <TargetStatusBadge status={part.status} />
      </Table.Td>
    </>
  );
}
