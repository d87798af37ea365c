import { Anchor, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePortfolioOverview, type PortfolioOverview, type PortfolioPlan } from '../../api/portfolio';
import type { PlanStatus } from '../../api/types';
import { ExampleBadge, StatusBadge } from '../../components/badges';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Section';
import { SortableTh } from '../../components/SortableTh';
import { ErrorState, LoadingState } from '../../components/states';
import { formatMoney, formatNumber, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { CountBar, Distribution, Figure, Figures, NoPlans, ScrollTable } from './parts';
import { PortfolioFilterPanel } from './PortfolioFilterPanel';
import { PortfolioPage } from './PortfolioShell';
import { usePortfolioFilters } from './usePortfolioFilters';

const DISTRIBUTIONS = [
  'pool',
  'focusArea',
  'municipality',
  'status',
  'organisationType',
  'secretariatType',
] as const satisfies readonly (keyof PortfolioOverview['distributions'])[];

/** Portefølje › Overblik: the totals, distributions and plans that follow the filters. */
export default function PortfolioOverviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = usePortfolioFilters();
  const overview = usePortfolioOverview(f.filters);

  return (
    <PortfolioPage title={t('portfolio.overview.title')} intro={t('portfolio.overview.intro')}>
      <PortfolioFilterPanel {...f} />
      {overview.isPending ? (
        <LoadingState />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Stack gap="lg" aria-busy={overview.isFetching}>
          <Figures id="portfolio-totals" label={t('portfolio.overview.totals')}>
            <Figure
              label={t('portfolio.overview.plans')}
              value={formatNumber(overview.data.totals.plans, locale)}
            />
            <Figure
              label={t('portfolio.overview.dwellings')}
              value={formatNumber(overview.data.totals.dwellings, locale)}
            />
            <Figure
              label={t('portfolio.overview.grant')}
              value={formatMoney(overview.data.totals.grantOre, locale)}
            />
            <Figure
              label={t('portfolio.overview.activeActivities')}
              value={formatNumber(overview.data.totals.activeActivities, locale)}
            />
            <Figure
              label={t('portfolio.overview.participants')}
              value={formatNumber(overview.data.totals.participants, locale)}
            />
          </Figures>
          {overview.data.totals.plans === 0 ? (
            <NoPlans hasFilters={f.hasFilters} clearFilters={f.clearFilters} />
          ) : (
            <>
              <Stack gap="md" component="section" aria-labelledby="portfolio-distributions">
                <Title order={2} size="h3" id="portfolio-distributions">
                  {t('portfolio.overview.distributions')}
                </Title>
                <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
                  {DISTRIBUTIONS.map((d) => (
                    <Distribution
                      key={d}
                      id={`distribution-${d}`}
                      title={t(`portfolio.overview.by.${d}`)}
                      buckets={overview.data.distributions[d]}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
              <PlanTable plans={overview.data.plans} filters={f.filters} busy={overview.isFetching} />
            </>
          )}
        </Stack>
      )}
    </PortfolioPage>
  );
}

const SORTS: Record<string, (p: PortfolioPlan) => string | number | null> = {
  name: (p) => p.name,
  municipality: (p) => p.municipalityName,
  pool: (p) => p.poolName,
  status: (p) => p.status,
  dwellings: (p) => p.dwellings,
  grant: (p) => p.grantTotalOre,
  activeActivities: (p) => p.activeActivities,
  participants: (p) => p.participants,
  secretariat: (p) => p.areaSecretariatName,
};

function PlanTable({
  plans,
  filters,
  busy,
}: {
  plans: PortfolioPlan[];
  filters: Record<string, string | undefined>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sort, dir, toggleSort } = useListParams('name');
  const key = SORTS[sort] ?? SORTS.name!;
  const rows = sortBy(plans, key, dir);
  const th = (k: string, label: string, align: 'left' | 'right' = 'left') => (
    <SortableTh sortKey={k} sort={sort in SORTS ? sort : 'name'} dir={dir} onSort={toggleSort} align={align}>
      {label}
    </SortableTh>
  );
  return (
    <Section title={t('portfolio.overview.plansTitle')} id="portfolio-plans">
      <CountBar
        count={t('plans.count', { count: plans.length, formatted: formatNumber(plans.length, locale) })}
      >
        <ExportButtons path="/api/portfolio/overview/export" query={filters} />
      </CountBar>
      <ScrollTable minWidth={960} label={t('portfolio.overview.plansCaption')}>
        <Table withTableBorder striped highlightOnHover verticalSpacing="xs" fz="sm" aria-busy={busy}>
          <caption className="visually-hidden">{t('portfolio.overview.plansCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              {th('name', t('portfolio.plan'))}
              {th('municipality', t('plans.columns.municipality'))}
              {th('pool', t('plans.columns.pool'))}
              {th('status', t('plans.columns.status'))}
              {th('dwellings', t('portfolio.overview.dwellings'), 'right')}
              {th('grant', t('portfolio.overview.grant'), 'right')}
              {th('activeActivities', t('portfolio.overview.activeActivities'), 'right')}
              {th('participants', t('portfolio.overview.participants'), 'right')}
              {th('secretariat', t('portfolio.overview.areaSecretariat'))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Anchor component={Link} to={`/plans/${p.id}`} fw={600} size="sm">
                      {p.name}
                    </Anchor>
                    {p.isExample && <ExampleBadge />}
                  </Stack>
                </Table.Td>
                <Table.Td>{p.municipalityName}</Table.Td>
                <Table.Td>{p.poolName}</Table.Td>
                <Table.Td>
                  <StatusBadge status={p.status as PlanStatus} />
                </Table.Td>
                <Table.Td ta="right">{formatNumber(p.dwellings, locale)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(p.grantTotalOre, locale)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(p.activeActivities, locale)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.participants, locale)}</Table.Td>
                <Table.Td>{p.areaSecretariatName ?? t('portfolio.overview.noSecretariat')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}
