import { Anchor, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePortfolioGrants, type GrantUseRow, type PortfolioGrantUse } from '../../api/portfolio';
import { Chart } from '../../components/Chart';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Section';
import { SortableTh } from '../../components/SortableTh';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatMoney, formatNumber, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { CountBar, Figure, Figures, NoPlans, shareText, ScrollTable } from './parts';
import { PortfolioFilterPanel } from './PortfolioFilterPanel';
import { PortfolioPage } from './PortfolioShell';
import { usePortfolioFilters } from './usePortfolioFilters';

const SORTS: Record<string, (r: GrantUseRow) => string | number | null> = {
  plan: (r) => r.planName,
  pool: (r) => r.poolName,
  granted: (r) => r.grantedOre,
  committed: (r) => r.committedOre,
  spent: (r) => r.spentOre,
  spentShare: (r) => r.spentShare,
  timeShare: (r) => r.timeElapsedShare,
  monthsLeft: (r) => r.monthsLeft,
};

/** Portefølje › Økonomi: granted, committed and spent per pool and plan, against the time gone. */
export default function PortfolioGrantsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = usePortfolioFilters();
  const data = usePortfolioGrants(f.filters);

  const body = () => {
    if (data.isPending) return <LoadingState />;
    if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
    const d = data.data;
    if (d.plans.length === 0) return <NoPlans hasFilters={f.hasFilters} clearFilters={f.clearFilters} />;
    const total = d.total;
    return (
      <Stack gap="lg" aria-busy={data.isFetching}>
        <Figures id="grant-totals" label={t('portfolio.grants.totals')}>
          <Figure label={t('portfolio.grants.granted')} value={formatMoney(total.grantedOre, locale)} />
          <Figure
            label={t('portfolio.grants.committed')}
            value={formatMoney(total.committedOre, locale)}
            hint={t('portfolio.grants.ofGranted', {
              share: shareText(ratio(total.committedOre, total.grantedOre), locale),
            })}
          />
          <Figure
            label={t('portfolio.grants.spent')}
            value={formatMoney(total.spentOre, locale)}
            hint={t('portfolio.grants.ofGranted', {
              share: shareText(ratio(total.spentOre, total.grantedOre), locale),
            })}
          />
          <Figure label={t('portfolio.overview.plans')} value={formatNumber(total.plans, locale)} />
        </Figures>
        <PoolSection data={d} />
        <PlanSection plans={d.plans} filters={f.filters} today={d.today} />
      </Stack>
    );
  };

  return (
    <PortfolioPage title={t('portfolio.grants.title')} intro={t('portfolio.grants.intro')}>
      <PortfolioFilterPanel {...f} />
      {body()}
    </PortfolioPage>
  );
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function PoolSection({ data }: { data: PortfolioGrantUse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pools = data.pools;
  const mio = (ore: number) => Math.round(ore / 1_000_000) / 100;
  return (
    <Section title={t('portfolio.grants.poolsTitle')} id="grant-pools">
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <Chart
          label={t('portfolio.grants.chart')}
          height={Math.max(240, 70 * pools.length + 60)}
          option={{
            grid: { left: 8, right: 24, top: 32, bottom: 32 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: {
              type: 'value',
              name: t('portfolio.grants.axisMillions'),
              nameLocation: 'middle',
              nameGap: 24,
            },
            yAxis: {
              type: 'category',
              data: [...pools].reverse().map((p) => p.label[locale]),
              axisLabel: { width: 150, overflow: 'truncate' },
            },
            series: (['granted', 'committed', 'spent'] as const).map((k, i) => ({
              name: t(`portfolio.grants.${k}`),
              type: 'bar',
              barMaxWidth: 24,
              data: [...pools].reverse().map((p) => mio(p[`${k}Ore`])),
              itemStyle:
                i === 2 ? { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3] } } : undefined,
            })),
          }}
        />
        <ScrollTable minWidth={480} label={t('portfolio.grants.poolsCaption')}>
          <Table withTableBorder striped verticalSpacing={4} fz="sm">
            <caption className="visually-hidden">{t('portfolio.grants.poolsCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.columns.pool')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('portfolio.overview.plans')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('portfolio.grants.granted')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('portfolio.grants.committed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('portfolio.grants.spent')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pools.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Th scope="row" fw={500}>
                    {p.label[locale]}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(p.plans, locale)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(p.grantedOre, locale)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(p.committedOre, locale)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(p.spentOre, locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('plans.detail.total')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatNumber(data.total.plans, locale)}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(data.total.grantedOre, locale)}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(data.total.committedOre, locale)}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(data.total.spentOre, locale)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollTable>
      </SimpleGrid>
    </Section>
  );
}

function PlanSection({
  plans,
  filters,
  today,
}: {
  plans: GrantUseRow[];
  filters: Record<string, string | undefined>;
  today: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sort, dir, toggleSort } = useListParams('plan');
  const sortKey = sort in SORTS ? sort : 'plan';
  const rows = sortBy(plans, SORTS[sortKey]!, dir);
  const th = (k: string, label: string, align: 'left' | 'right' = 'left') => (
    <SortableTh sortKey={k} sort={sortKey} dir={dir} onSort={toggleSort} align={align}>
      {label}
    </SortableTh>
  );
  const money = (ore: number) => (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      {formatMoney(ore, locale)}
    </Table.Td>
  );
  return (
    <Section title={t('portfolio.grants.plansTitle')} id="grant-plans">
      <Text size="sm">{t('portfolio.grants.plansIntro', { date: formatDate(today) })}</Text>
      <CountBar
        count={t('plans.count', { count: plans.length, formatted: formatNumber(plans.length, locale) })}
      >
        <ExportButtons path="/api/portfolio/grants/export" query={filters} />
      </CountBar>
      <ScrollTable minWidth={940} label={t('portfolio.grants.plansCaption')}>
        <Table withTableBorder striped highlightOnHover verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('portfolio.grants.plansCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              {th('plan', t('portfolio.plan'))}
              {th('pool', t('plans.columns.pool'))}
              {th('granted', t('portfolio.grants.granted'), 'right')}
              {th('committed', t('portfolio.grants.committed'), 'right')}
              {th('spent', t('portfolio.grants.spent'), 'right')}
              {th('spentShare', t('portfolio.grants.spentShare'))}
              {th('timeShare', t('portfolio.grants.timeShare'))}
              {th('monthsLeft', t('portfolio.grants.monthsLeft'), 'right')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.planId}>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${r.planId}`} size="sm" fw={600}>
                    {r.planName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.poolName}</Table.Td>
                {money(r.grantedOre)}
                {money(r.committedOre)}
                {money(r.spentOre)}
                <Table.Td miw={96}>
                  <ShareBar share={r.spentShare} label={t('portfolio.grants.spentShare')} />
                </Table.Td>
                <Table.Td miw={96}>
                  <ShareBar share={r.timeElapsedShare} label={t('portfolio.grants.timeShare')} muted />
                </Table.Td>
                <Table.Td ta="right">
                  {r.monthsLeft === null
                    ? t('portfolio.grants.noPeriod')
                    : r.monthsLeft === 0
                      ? t('portfolio.grants.ended')
                      : formatNumber(r.monthsLeft, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

/** A share as a number with a thin bar under it; the number carries the meaning. */
function ShareBar({ share, label, muted = false }: { share: number | null; label: string; muted?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (share === null) return <Text size="sm">{t('portfolio.grants.unknown')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">{shareText(share, locale)}</Text>
      <div aria-hidden="true" title={label}>
        <Progress value={Math.min(100, share * 100)} size="sm" color={muted ? 'gray.6' : 'petrol.7'} />
      </div>
    </Stack>
  );
}
