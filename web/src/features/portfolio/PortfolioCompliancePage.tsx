import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { IconClockExclamation, IconFileAlert } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePortfolioCompliance, type ComplianceRow } from '../../api/portfolio';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Section';
import { SortableTh } from '../../components/SortableTh';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { periodText } from '../results/shared';
import { CountBar, Figure, Figures, NoPlans, ScrollTable } from './parts';
import { PortfolioFilterPanel } from './PortfolioFilterPanel';
import { PortfolioPage } from './PortfolioShell';
import { usePortfolioFilters } from './usePortfolioFilters';

const SORTS: Record<string, (r: ComplianceRow) => string | number | null> = {
  daysLate: (r) => r.daysLate,
  plan: (r) => r.planName,
  municipality: (r) => r.municipalityName,
  kind: (r) => r.kind,
  subject: (r) => r.subject,
  due: (r) => r.due,
  responsible: (r) => r.responsible.join(', ') || null,
};

/** Portefølje › Rapportering: plans late with registrations or status reports, the latest first. */
export default function PortfolioCompliancePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = usePortfolioFilters();
  const data = usePortfolioCompliance(f.filters);
  const { sort, dir, toggleSort } = useListParams('daysLate', 'desc');
  const sortKey = sort in SORTS ? sort : 'daysLate';

  const body = () => {
    if (data.isPending) return <LoadingState />;
    if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
    const d = data.data;
    if (d.plansChecked === 0) return <NoPlans hasFilters={f.hasFilters} clearFilters={f.clearFilters} />;
    const rows = sortBy(d.rows, SORTS[sortKey]!, dir);
    const th = (k: string, label: string, align: 'left' | 'right' = 'left') => (
      <SortableTh sortKey={k} sort={sortKey} dir={dir} onSort={toggleSort} align={align}>
        {label}
      </SortableTh>
    );
    return (
      <Stack gap="lg" aria-busy={data.isFetching}>
        <Figures id="compliance-totals" label={t('portfolio.compliance.totals')}>
          <Figure
            label={t('portfolio.compliance.plansLate')}
            value={t('portfolio.compliance.ofChecked', {
              late: formatNumber(d.plansLate, locale),
              checked: formatNumber(d.plansChecked, locale),
            })}
          />
          <Figure
            label={t('portfolio.compliance.lateRegistrations')}
            value={formatNumber(d.rows.filter((r) => r.kind === 'registrations').length, locale)}
          />
          <Figure
            label={t('portfolio.compliance.lateReports')}
            value={formatNumber(d.rows.filter((r) => r.kind === 'status_report').length, locale)}
          />
          <Figure label={t('portfolio.compliance.today')} value={formatDate(d.today)} />
        </Figures>
        {d.rows.length === 0 ? (
          <EmptyState title={t('portfolio.compliance.emptyTitle')}>
            {t('portfolio.compliance.emptyText', {
              count: d.plansChecked,
              formatted: formatNumber(d.plansChecked, locale),
            })}
          </EmptyState>
        ) : (
          <Section title={t('portfolio.compliance.listTitle')} id="compliance-list">
            <CountBar
              count={t('portfolio.compliance.count', {
                count: d.rows.length,
                formatted: formatNumber(d.rows.length, locale),
              })}
            >
              <ExportButtons path="/api/portfolio/compliance/export" query={f.filters} />
            </CountBar>
            <ScrollTable minWidth={980} label={t('portfolio.compliance.caption')}>
              <Table withTableBorder striped highlightOnHover verticalSpacing="xs" fz="sm">
                <caption className="visually-hidden">{t('portfolio.compliance.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    {th('daysLate', t('portfolio.compliance.daysLate'), 'right')}
                    {th('plan', t('portfolio.plan'))}
                    {th('kind', t('portfolio.compliance.kind'))}
                    {th('subject', t('portfolio.compliance.subject'))}
                    {th('due', t('portfolio.compliance.due'))}
                    {th('responsible', t('portfolio.compliance.responsible'))}
                    {th('municipality', t('plans.columns.municipality'))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.planId}-${r.kind}-${r.subjectId ?? r.subject}`}>
                      <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                        {t('portfolio.compliance.days', {
                          count: r.daysLate,
                          formatted: formatNumber(r.daysLate, locale),
                        })}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/plans/${r.planId}`} size="sm" fw={600}>
                          {r.planName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <KindBadge kind={r.kind} />
                      </Table.Td>
                      <Table.Td>
                        <Subject row={r} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.due)}</Table.Td>
                      <Table.Td>
                        {r.responsible.length > 0 ? (
                          r.responsible.join(', ')
                        ) : (
                          <Text span size="sm" c="red.9">
                            {t('portfolio.compliance.noResponsible')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r.municipalityName}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Section>
        )}
      </Stack>
    );
  };

  return (
    <PortfolioPage title={t('portfolio.compliance.title')} intro={t('portfolio.compliance.intro')}>
      <PortfolioFilterPanel {...f} />
      {body()}
    </PortfolioPage>
  );
}

function KindBadge({ kind }: { kind: ComplianceRow['kind'] }) {
  const { t } = useTranslation();
  const Icon = kind === 'registrations' ? IconClockExclamation : IconFileAlert;
  return (
    <Badge
      variant="light"
      color={kind === 'registrations' ? 'orange' : 'grape'}
      leftSection={<Icon size={14} aria-hidden="true" />}
      styles={{
        root: { textTransform: 'none', flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
        label: { overflow: 'visible' },
      }}
    >
      {t(`portfolio.compliance.kinds.${kind}`)}
    </Badge>
  );
}

/** The late activity (a link to register), or the period a status report is missing for. */
function Subject({ row }: { row: ComplianceRow }) {
  const locale = useLocale();
  const { t } = useTranslation();
  if (row.kind === 'registrations' && row.subjectId)
    return (
      <Anchor component={Link} to={`/plans/${row.planId}/activities/${row.subjectId}`} size="sm">
        {row.subject}
      </Anchor>
    );
  if (row.kind === 'status_report')
    return (
      <Anchor component={Link} to={`/plans/${row.planId}/reports`} size="sm">
        {t('portfolio.compliance.reportFor', { period: periodText(row.subject, locale) })}
      </Anchor>
    );
  return <>{row.subject}</>;
}
