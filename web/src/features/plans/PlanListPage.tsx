import { Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChartGridDots, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { usePlans } from '../../api/plans';
import { ExampleBadge, StatusBadge } from '../../components/badges';
import { ExportButtons } from '../../components/ExportButtons';
import { ListToolbar } from '../../components/ListToolbar';
import { Page } from '../../components/Page';
import { SortableTh } from '../../components/SortableTh';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatMoney, formatNumber, formatPeriod } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { PlanFilterPanel } from './PlanFilterPanel';
import { filtersToSearch, usePlanFilters } from './usePlanFilters';

export default function PlanListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { filters, setFilters, clearFilters, hasFilters } = usePlanFilters();
  const sort = filters.sort ?? 'name';
  const dir = filters.dir === 'desc' ? 'desc' : 'asc';
  const plans = usePlans({ ...filters, sort, dir });
  const canCreate = !!me.data?.can.createPlan;
  const { sort: _s, dir: _d, ...exportFilters } = filters;

  const onSort = (key: string) =>
    setFilters({ sort: key, dir: key === sort && dir === 'asc' ? 'desc' : 'asc' });

  const total = plans.data?.total ?? 0;
  const createButton = canCreate && (
    <Button component={Link} to="/plans/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
      {t('plans.create')}
    </Button>
  );

  return (
    <Page
      title={t('plans.title')}
      crumbs={[{ label: t('nav.overview'), to: '/' }]}
      actions={
        <>
          <Button
            component={Link}
            to={`/portfolio/case-matrix${filtersToSearch(exportFilters)}`}
            variant="default"
            leftSection={<IconChartGridDots size={18} aria-hidden="true" />}
          >
            {t('plans.showMatrix')}
          </Button>
          {createButton}
        </>
      }
    >
      <PlanFilterPanel
        filters={filters}
        setFilters={setFilters}
        clearFilters={clearFilters}
        hasFilters={hasFilters}
      />
      <ListToolbar
        q={filters.q ?? ''}
        onSearch={(q) => setFilters({ q })}
        count={t('plans.count', { count: total, formatted: formatNumber(total, locale) })}
        placeholder={t('plans.searchPlaceholder')}
        debounceMs={300}
      >
        <ExportButtons path="/api/plans/export" query={{ ...exportFilters, sort, dir }} />
      </ListToolbar>

      {plans.isPending ? (
        <LoadingState />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        hasFilters ? (
          <EmptyState
            title={t('plans.emptyFilteredTitle')}
            action={
              <Button variant="default" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            }
          >
            {t('plans.emptyFilteredText')}
          </EmptyState>
        ) : (
          <EmptyState title={t('plans.emptyTitle')}>
            {canCreate ? t('plans.emptyCreate') : t('plans.emptyNoCreate')}
          </EmptyState>
        )
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={plans.isFetching}>
            <caption className="visually-hidden">{t('plans.tableCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <SortableTh sortKey="name" sort={sort} dir={dir} onSort={onSort}>
                  {t('plans.columns.name')}
                </SortableTh>
                <SortableTh sortKey="status" sort={sort} dir={dir} onSort={onSort}>
                  {t('plans.columns.status')}
                </SortableTh>
                <SortableTh sortKey="pool" sort={sort} dir={dir} onSort={onSort}>
                  {t('plans.columns.pool')}
                </SortableTh>
                <SortableTh sortKey="municipality" sort={sort} dir={dir} onSort={onSort}>
                  {t('plans.columns.municipality')}
                </SortableTh>
                <Table.Th>{t('plans.columns.housingOrganisation')}</Table.Th>
                <SortableTh sortKey="dwellings" sort={sort} dir={dir} onSort={onSort} align="right">
                  {t('plans.columns.dwellings')}
                </SortableTh>
                <SortableTh sortKey="grant" sort={sort} dir={dir} onSort={onSort} align="right">
                  {t('plans.columns.grant')}
                </SortableTh>
                <SortableTh sortKey="periodStart" sort={sort} dir={dir} onSort={onSort}>
                  {t('plans.columns.period')}
                </SortableTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Anchor component={Link} to={`/plans/${p.id}`} fw={600}>
                        {p.name}
                      </Anchor>
                      {p.isExample && <ExampleBadge />}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>{p.poolName}</Table.Td>
                  <Table.Td>{p.municipalityName}</Table.Td>
                  <Table.Td>{p.housingOrganisationName}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.dwellings, locale)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {p.grantCount > 0 ? formatMoney(p.grantTotalOre, locale) : <Text span>–</Text>}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatPeriod(p.periodStart, p.periodEnd)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Page>
  );
}
