import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResults } from '../../api/results';
import { useDeleteRegistration, useRegistrations, type Registration } from '../../api/registrations';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { Facts } from '../../components/Facts';
import { RowActions } from '../../components/RowButtons';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber, formatPeriod } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { usePlanContext } from '../plans/planTabs';
import { RegistrationForm } from './RegistrationForm';
import { ActivityStatusBadge } from './shared';

/** Aktiviteter › one activity: its facts, the indicators it feeds, and its registrations. */
export default function ActivityDetailPage() {
  const { plan } = usePlanContext();
  const { activityId = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useResults(plan.id);
  const regs = useRegistrations(plan.id, activityId);
  const { params, set } = useListParams('date');
  const [deleting, setDeleting] = useState<Registration | null>(null);

  if (results.isPending || regs.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (regs.isError) return <ErrorState error={regs.error} onRetry={() => void regs.refetch()} />;
  const f = results.data;
  const activity = f.activities.find((a) => a.id === activityId);
  if (!activity) return <NotFoundPage />;
  const n = (v: number) => formatNumber(v, locale, 2);
  const goals = f.goals.filter((g) => activity.goalIds.includes(g.id));
  // The indicators computed from registrations that this activity's registrations count towards.
  const served = new Set<string>();
  for (const id of activity.goalIds)
    for (
      let g = f.goals.find((x) => x.id === id);
      g && !served.has(g.id);
      g = f.goals.find((x) => x.id === g!.parentId)
    )
      served.add(g.id);
  const feeds = f.indicators.filter((i) => i.dataSource === 'registrations' && served.has(i.goalId));
  const editing = regs.data.items.find((r) => r.id === params.get('edit'));
  const creating = params.get('new') === '1';
  const breakdownText = (r: Registration) =>
    Object.entries(r.counts)
      .map(([key, byCategory]) => {
        const label = activity.registrationBreakdowns.find((b) => b.key === key)?.label ?? key;
        return `${label}: ${Object.entries(byCategory)
          .map(([c, v]) => `${c} ${n(v)}`)
          .join(', ')}`;
      })
      .join('; ');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/plans/${plan.id}/activities#activity-${activity.id}`}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('results.registrations.back')}
        </Group>
      </Anchor>
      <Section title={activity.name} id="activity">
        <Stack gap="md">
          {activity.overdueSince && (
            <Alert
              color="orange"
              icon={<IconAlertTriangle aria-hidden="true" />}
              title={t('results.registrations.overdueShort')}
            >
              {t('results.registrations.overdue', { date: formatDate(activity.overdueSince) })}
            </Alert>
          )}
          <Facts
            items={[
              {
                label: t('results.registrations.facts.status'),
                value: <ActivityStatusBadge status={activity.status} />,
              },
              {
                label: t('results.registrations.facts.period'),
                value: formatPeriod(activity.periodStart, activity.periodEnd),
              },
              {
                label: t('results.registrations.facts.frequency'),
                value: t(`results.activities.frequencies.${activity.registrationFrequency}`),
              },
              {
                label: t('results.registrations.facts.goals'),
                value: goals.length ? (
                  <List size="sm" spacing={2}>
                    {goals.map((g) => (
                      <List.Item key={g.id}>
                        {t(`results.level.${g.level}`)}:{' '}
                        <Anchor component={Link} to={`/plans/${plan.id}/goals#goal-${g.id}`}>
                          {g.title}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  t('results.registrations.facts.none')
                ),
              },
              {
                label: t('results.registrations.facts.feeds'),
                value: feeds.length ? (
                  <List size="sm" spacing={2}>
                    {feeds.map((i) => (
                      <List.Item key={i.id}>
                        <Anchor component={Link} to={`/plans/${plan.id}/goals#indicator-${i.id}`}>
                          {i.name}
                        </Anchor>
                        {i.registrationMeasure &&
                          ` (${t(`results.registrations.measures.${i.registrationMeasure}`)})`}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  t('results.registrations.facts.none')
                ),
              },
            ]}
          />
        </Stack>
      </Section>
      <Section
        title={t('results.registrations.title')}
        id="registrations"
        actions={
          plan.canEdit && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => set({ new: '1' })}>
              {t('results.registrations.add')}
            </Button>
          )
        }
      >
        <Text mb="sm">{t('results.registrations.intro')}</Text>
        {regs.data.items.length === 0 ? (
          <EmptyState title={t('results.registrations.emptyTitle')} headingOrder={3}>
            {t('results.registrations.emptyText')}
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {t('results.registrations.totals', {
                count: regs.data.total,
                participants: n(regs.data.participants),
                hours: n(regs.data.hours),
              })}
            </Text>
            <Table.ScrollContainer minWidth={700}>
              <Table withTableBorder striped verticalSpacing="xs">
                <caption className="visually-hidden">{t('results.registrations.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('results.registrations.date')}</Table.Th>
                    <Table.Th ta="right">{t('results.registrations.participants')}</Table.Th>
                    <Table.Th>{t('results.registrations.breakdown')}</Table.Th>
                    <Table.Th ta="right">{t('results.registrations.hours')}</Table.Th>
                    <Table.Th>{t('results.registrations.note')}</Table.Th>
                    <Table.Th>{t('results.registrations.source')}</Table.Th>
                    {plan.canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {regs.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(r.date)}
                      </Table.Th>
                      <Table.Td ta="right">{n(r.participants)}</Table.Td>
                      <Table.Td>{breakdownText(r)}</Table.Td>
                      <Table.Td ta="right">{r.hours === null ? '' : n(r.hours)}</Table.Td>
                      <Table.Td>{r.note}</Table.Td>
                      <Table.Td>{t(`results.registrations.sources.${r.source}`)}</Table.Td>
                      {plan.canEdit && (
                        <Table.Td>
                          <RowActions
                            name={formatDate(r.date)}
                            onEdit={() => set({ edit: r.id })}
                            onDelete={() => setDeleting(r)}
                          />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Section>
      {plan.canEdit && (creating || editing) && (
        <RegistrationForm
          key={editing?.id ?? 'new'}
          planId={plan.id}
          activity={activity}
          registration={editing}
          onClose={() => set({ new: null, edit: null })}
        />
      )}
      {deleting && (
        <DeleteRegistration planId={plan.id} registration={deleting} onClose={() => setDeleting(null)} />
      )}
    </Stack>
  );
}

function DeleteRegistration({
  planId,
  registration,
  onClose,
}: {
  planId: string;
  registration: Registration;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteRegistration(planId);
  const date = formatDate(registration.date);
  return (
    <DeleteDialog
      title={t('results.registrations.deleteTitle', { date })}
      name={date}
      id={registration.id}
      remove={del}
      onClose={onClose}
    />
  );
}
