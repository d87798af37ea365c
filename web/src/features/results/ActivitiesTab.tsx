import { useEffect, useState } from 'react';
import { Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDeleteActivity, useResults, type Activity } from '../../api/results';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { ExportButtons } from '../../components/ExportButtons';
import { ListToolbar } from '../../components/ListToolbar';
import { RowActions } from '../../components/RowButtons';
import { Section } from '../../components/Section';
import { SortableTh } from '../../components/SortableTh';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import {
  formatDate,
  formatKroner,
  formatNumber,
  formatPeriod,
  matchesSearch,
  sortBy,
} from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';
import { ActivityForm } from './ActivityForm';
import { ActivityStatusBadge } from './shared';

const STATUS_RANK = { running: 0, paused: 1, planned: 2, ended: 3 } as const;

/** Aktiviteter: every activity of the plan with the goals it serves. */
export default function ActivitiesTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useResults(plan.id);
  const { q, sort, dir, setQ, toggleSort, params, set } = useListParams('name');
  const { hash } = useLocation();
  const [deleting, setDeleting] = useState<Activity | null>(null);

  useEffect(() => {
    if (!results.data || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [results.data, hash]);

  if (results.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const f = results.data;
  const goalsById = new Map(f.goals.map((g) => [g.id, g]));
  const faName = (id: string | null) => {
    const fa = plan.focusAreas.find((x) => x.id === id);
    return fa ? (locale === 'en' ? fa.nameEn : fa.nameDa) : '';
  };
  const keys: Record<string, (a: Activity) => string | number | null> = {
    name: (a) => a.name,
    status: (a) => STATUS_RANK[a.status],
    goals: (a) => a.goalIds.length,
    focusArea: (a) => faName(a.focusAreaId),
    period: (a) => a.periodStart,
    budget: (a) => a.budgetOre,
    registrations: (a) => (a.overdueSince ? -1 : a.registrationCount),
  };
  const rows = sortBy(
    f.activities.filter((a) =>
      matchesSearch(
        q,
        a.name,
        a.responsiblePerson,
        a.targetGroup,
        ...a.goalIds.map((id) => goalsById.get(id)?.title),
      ),
    ),
    keys[sort] ?? keys.name!,
    dir,
  );
  const editing = f.activities.find((a) => a.id === params.get('edit'));
  const creating = params.get('new') === '1';
  const th = (key: string, label: string, align?: 'right') => (
    <SortableTh sortKey={key} sort={sort} dir={dir} onSort={toggleSort} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="lg">
      <Section
        title={t('results.activities.title')}
        id="activities"
        actions={
          plan.canEdit && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => set({ new: '1' })}>
              {t('results.activities.add')}
            </Button>
          )
        }
      >
        {f.activities.length === 0 ? (
          <EmptyState
            title={t('results.activities.emptyTitle')}
            headingOrder={3}
            action={
              f.goals.length === 0 && (
                <Button component={Link} to={`/plans/${plan.id}/goals`} variant="light">
                  {t('results.coherence.startGoals')}
                </Button>
              )
            }
          >
            {t('results.activities.emptyText')}
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <ListToolbar
              q={q}
              onSearch={setQ}
              count={t('results.activities.count', {
                count: rows.length,
                formatted: formatNumber(rows.length, locale),
              })}
            >
              <Button component={Link} to={`/plans/${plan.id}/activities/participants`} variant="light">
                {t('results.participants.linkPlain')}
              </Button>
              <ExportButtons path={`/api/plans/${plan.id}/activities/export`} />
            </ListToolbar>
            <Table.ScrollContainer minWidth={900}>
              <Table withTableBorder striped verticalSpacing="xs">
                <caption className="visually-hidden">{t('results.activities.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    {th('name', t('results.activities.name'))}
                    {th('status', t('results.activities.status'))}
                    {th('registrations', t('results.registrations.column'))}
                    {th('goals', t('results.activities.goals'))}
                    {th('focusArea', t('results.activities.focusArea'))}
                    {th('period', t('results.activities.period'))}
                    <Table.Th>{t('results.activities.responsible')}</Table.Th>
                    {th('budget', t('results.activities.budget'), 'right')}
                    {plan.canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.id} id={`activity-${a.id}`} tabIndex={-1}>
                      <Table.Th scope="row" fw={600}>
                        <Anchor component={Link} to={`/plans/${plan.id}/activities/${a.id}`}>
                          {a.name}
                        </Anchor>
                        {a.targetGroup && (
                          <Text size="xs" fw={400}>
                            {t('results.activities.targetGroup')}: {a.targetGroup}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>
                        <ActivityStatusBadge status={a.status} />
                      </Table.Td>
                      <Table.Td>
                        <RegistrationSummary activity={a} planId={plan.id} />
                      </Table.Td>
                      <Table.Td>
                        {a.goalIds.length === 0 ? (
                          <Group gap={4} wrap="nowrap">
                            <IconAlertTriangle
                              size={16}
                              aria-hidden="true"
                              color="var(--mantine-color-orange-9)"
                            />
                            <Text size="sm">{t('results.activities.noGoals')}</Text>
                          </Group>
                        ) : (
                          <List size="sm" spacing={2}>
                            {a.goalIds.map((id) => {
                              const g = goalsById.get(id);
                              return g ? (
                                <List.Item key={id}>
                                  {t(`results.level.${g.level}`)}:{' '}
                                  <Anchor component={Link} to={`/plans/${plan.id}/goals#goal-${g.id}`}>
                                    {g.title}
                                  </Anchor>
                                </List.Item>
                              ) : null;
                            })}
                          </List>
                        )}
                      </Table.Td>
                      <Table.Td>{faName(a.focusAreaId)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatPeriod(a.periodStart, a.periodEnd)}
                      </Table.Td>
                      <Table.Td>
                        {[a.responsiblePerson, a.ownerOrganisation].filter(Boolean).join(', ')}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {a.budgetOre === null ? '' : formatKroner(a.budgetOre, locale)}
                      </Table.Td>
                      {plan.canEdit && (
                        <Table.Td>
                          <RowActions
                            name={a.name}
                            onEdit={() => set({ edit: a.id })}
                            onDelete={() => setDeleting(a)}
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
        <ActivityForm
          key={editing?.id ?? 'new'}
          plan={plan}
          goals={f.goals}
          activity={editing}
          goalId={params.get('goal') ?? undefined}
          onClose={() => set({ new: null, edit: null, goal: null })}
        />
      )}
      {deleting && <DeleteActivity planId={plan.id} activity={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

/** How many registrations, the latest, and whether they are overdue (as a word and an icon). */
function RegistrationSummary({ activity: a, planId }: { activity: Activity; planId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/plans/${planId}/activities/${a.id}#registrations`} size="sm">
        {a.registrationCount === 0
          ? t('results.registrations.none')
          : t('results.registrations.count', { count: a.registrationCount })}
      </Anchor>
      {a.lastRegistration && (
        <Text size="xs">{t('results.registrations.last', { date: formatDate(a.lastRegistration) })}</Text>
      )}
      {a.overdueSince && (
        <Group gap={4} wrap="nowrap">
          <IconAlertTriangle size={14} aria-hidden="true" color="var(--mantine-color-orange-9)" />
          <Text size="xs">{t('results.registrations.overdue', { date: formatDate(a.overdueSince) })}</Text>
        </Group>
      )}
    </Stack>
  );
}

function DeleteActivity({
  planId,
  activity,
  onClose,
}: {
  planId: string;
  activity: Activity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteActivity(planId);
  return (
    <DeleteDialog
      title={t('results.activities.deleteTitle', { name: activity.name })}
      name={activity.name}
      id={activity.id}
      remove={del}
      onClose={onClose}
    />
  );
}
