import { Anchor, Button, List, Paper, Stack, Table, Text } from '@mantine/core';
import { IconList } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCaseMatrix } from '../../api/plans';
import type { CaseMatrix, GrantBand, SizeBand } from '../../api/types';
import { ExportButtons } from '../../components/ExportButtons';
import { ListToolbar } from '../../components/ListToolbar';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatMoney, formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { PlanFilterPanel } from '../plans/PlanFilterPanel';
import { filtersToSearch, usePlanFilters } from '../plans/usePlanFilters';
import { PortfolioTabs } from './PortfolioShell';
import { portfolioFiltersToSearch } from './usePortfolioFilters';

const sizeBands: SizeBand[] = ['small', 'medium', 'large'];
const grantBands: GrantBand[] = ['under5', 'from5to15', 'over15'];

export default function CaseMatrixPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { filters, setFilters, clearFilters, hasFilters } = usePlanFilters();
  const { sort: _s, dir: _d, ...planFilters } = filters;
  const matrix = useCaseMatrix(planFilters);
  const total = matrix.data?.total ?? 0;

  return (
    <Page
      title={t('caseMatrix.title')}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        { label: t('nav.portfolio'), to: `/portfolio${portfolioFiltersToSearch(filters)}` },
      ]}
      intro={t('caseMatrix.intro')}
      actions={
        <Button
          component={Link}
          to={`/plans${filtersToSearch(filters)}`}
          variant="default"
          leftSection={<IconList size={18} aria-hidden="true" />}
        >
          {t('caseMatrix.showList')}
        </Button>
      }
    >
      <PortfolioTabs />
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
        <ExportButtons path="/api/plans/export" query={planFilters} />
      </ListToolbar>
      {matrix.isPending ? (
        <LoadingState />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <>
          {total === 0 && (
            <EmptyState
              title={t('caseMatrix.empty')}
              action={
                hasFilters && (
                  <Button variant="default" onClick={clearFilters}>
                    {t('common.clearFilters')}
                  </Button>
                )
              }
            >
              {hasFilters ? t('plans.emptyFilteredText') : t('plans.emptyCreate')}
            </EmptyState>
          )}
          <MatrixTable matrix={matrix.data} busy={matrix.isFetching} />
          <Section title={t('caseMatrix.unbandedTitle')} id="unbanded">
            {matrix.data.unbanded.length === 0 ? (
              <Text>{t('caseMatrix.unbandedNone')}</Text>
            ) : (
              <Stack gap="xs">
                <Text>{t('caseMatrix.unbandedIntro')}</Text>
                <List spacing="xs">
                  {sortBy(matrix.data.unbanded, (p) => p.name, 'asc').map((p) => (
                    <List.Item key={p.id}>
                      <Anchor component={Link} to={`/plans/${p.id}`}>
                        {p.name}
                      </Anchor>
                      {': '}
                      {t(`caseMatrix.reasons.${p.reason}`)}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}

function MatrixTable({ matrix, busy }: { matrix: CaseMatrix; busy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cell = (s: SizeBand, g: GrantBand) =>
    matrix.cells.find((c) => c.sizeBand === s && c.grantBand === g)?.plans ?? [];
  const count = (n: number) => t('caseMatrix.cellCount', { count: n, formatted: formatNumber(n, locale) });
  const rowTotal = (s: SizeBand) => grantBands.reduce((sum, g) => sum + cell(s, g).length, 0);
  const colTotal = (g: GrantBand) => sizeBands.reduce((sum, s) => sum + cell(s, g).length, 0);
  const banded = sizeBands.reduce((sum, s) => sum + rowTotal(s), 0);

  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
      <Table
        withColumnBorders
        verticalSpacing="md"
        horizontalSpacing="md"
        aria-busy={busy}
        layout="fixed"
        miw={760}
      >
        <caption
          style={{
            captionSide: 'top',
            textAlign: 'left',
            padding: 'var(--mantine-spacing-md)',
            fontWeight: 700,
          }}
        >
          {t('caseMatrix.caption')}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={170}>
              {t('caseMatrix.corner')}
            </Table.Th>
            {grantBands.map((g) => (
              <Table.Th scope="col" key={g}>
                {t(`plans.grantBand.${g}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" w={110}>
              {t('plans.detail.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sizeBands.map((s) => (
            <Table.Tr key={s}>
              <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                {t(`plans.sizeBand.${s}`)}
              </Table.Th>
              {grantBands.map((g) => {
                const plans = sortBy(cell(s, g), (p) => p.name, 'asc');
                return (
                  <Table.Td key={g} style={{ verticalAlign: 'top' }}>
                    <Text fw={700} size="sm" mb={plans.length ? 6 : 0}>
                      {count(plans.length)}
                    </Text>
                    {plans.length > 0 && (
                      <List spacing={4} size="sm" listStyleType="none" p={0}>
                        {plans.map((p) => (
                          <List.Item key={p.id}>
                            <Anchor component={Link} to={`/plans/${p.id}`} size="sm">
                              {p.name}
                            </Anchor>
                            <Text span size="xs" c="dimmed">
                              {' '}
                              ({formatNumber(p.dwellings, locale)} · {formatMoney(p.grantTotalOre, locale)})
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td fw={700} style={{ verticalAlign: 'top' }}>
                {formatNumber(rowTotal(s), locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('plans.detail.total')}</Table.Th>
            {grantBands.map((g) => (
              <Table.Td key={g} fw={700}>
                {formatNumber(colTotal(g), locale)}
              </Table.Td>
            ))}
            <Table.Td fw={700}>{formatNumber(banded, locale)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}
