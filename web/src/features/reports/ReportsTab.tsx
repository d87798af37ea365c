import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReports, type ReportStatus } from '../../api/reports';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';
import { periodText } from '../results/numbers';
import { ReportForm } from './ReportForm';

const statusColour: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'orange',
  approved: 'green',
  sent: 'blue',
};

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColour[status]} variant="light" style={{ textTransform: 'none' }}>
      {t(`reports.statuses.${status}`)}
    </Badge>
  );
}

/** Rapporter: the plan's status reports and their approval. */
export default function ReportsTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useReports(plan.id);
  const { params, set } = useListParams('period');

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  return (
    <Stack gap="lg">
      <Section
        title={t('reports.title')}
        id="reports"
        actions={
          plan.canEdit && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => set({ new: '1' })}>
              {t('reports.add')}
            </Button>
          )
        }
      >
        <Text>{t('reports.intro')}</Text>
        {items.length === 0 ? (
          <EmptyState title={t('reports.emptyTitle')} headingOrder={3}>
            {t('reports.emptyText')}
          </EmptyState>
        ) : (
          <Stack gap="xs">
            <Text fw={600}>{t('reports.count', { count: items.length })}</Text>
            <Table.ScrollContainer minWidth={700}>
              <Table withTableBorder striped verticalSpacing="xs">
                <caption className="visually-hidden">{t('reports.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.name')}</Table.Th>
                    <Table.Th>{t('reports.period')}</Table.Th>
                    <Table.Th>{t('reports.audience')}</Table.Th>
                    <Table.Th>{t('reports.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/plans/${plan.id}/reports/${r.id}`}>
                          {r.title}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{periodText(r.period, locale)}</Table.Td>
                      <Table.Td>{t(`reports.audiences.${r.audience}`)}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <ReportStatusBadge status={r.status} />
                          {r.approvedAt && (
                            <Text size="xs">
                              {t('reports.approved', {
                                name: r.approvedByName ?? '',
                                date: formatDate(r.approvedAt.slice(0, 10)),
                              })}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Section>
      {plan.canEdit && params.get('new') === '1' && (
        <ReportForm planId={plan.id} onClose={() => set({ new: null })} />
      )}
    </Stack>
  );
}
