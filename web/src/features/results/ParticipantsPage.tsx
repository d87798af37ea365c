import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResults } from '../../api/results';
import { useDeleteParticipant, useParticipants, type Participant } from '../../api/registrations';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { ListToolbar } from '../../components/ListToolbar';
import { RowActions } from '../../components/RowButtons';
import { Section } from '../../components/Section';
import { SortableTh } from '../../components/SortableTh';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber, matchesSearch, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';
import { ParticipantForm } from './ParticipantForm';

/** Aktiviteter › Deltagere: the plan's pseudonymous participants, enrolments and outcomes. */
export default function ParticipantsPage() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useResults(plan.id);
  const list = useParticipants(plan.id);
  const { q, sort, dir, setQ, toggleSort, params, set } = useListParams('code');
  const [deleting, setDeleting] = useState<Participant | null>(null);

  if (results.isPending || list.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const activities = results.data.activities;
  const activityName = (id: string | null) => activities.find((a) => a.id === id)?.name ?? '';
  const keys: Record<string, (p: Participant) => string | number | null> = {
    code: (p) => p.code,
    birthYear: (p) => p.birthYear,
    enrolments: (p) => p.enrolments.length,
    outcomes: (p) => p.outcomes.length,
  };
  const rows = sortBy(
    list.data.items.filter((p) =>
      matchesSearch(q, p.code, p.postcode, ...p.enrolments.map((e) => activityName(e.activityId))),
    ),
    keys[sort] ?? keys.code!,
    dir,
  );
  const editing = list.data.items.find((p) => p.id === params.get('edit'));
  const creating = params.get('new') === '1';
  const th = (key: string, label: string) => (
    <SortableTh sortKey={key} sort={sort} dir={dir} onSort={toggleSort}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/plans/${plan.id}/activities`}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('results.registrations.back')}
        </Group>
      </Anchor>
      <Section
        title={t('results.participants.title')}
        id="participants"
        actions={
          plan.canEdit && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => set({ new: '1' })}>
              {t('results.participants.add')}
            </Button>
          )
        }
      >
        <Text mb="sm">{t('results.participants.intro')}</Text>
        {list.data.items.length === 0 ? (
          <EmptyState title={t('results.participants.emptyTitle')} headingOrder={3}>
            {t('results.participants.emptyText')}
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <ListToolbar
              q={q}
              onSearch={setQ}
              placeholder={t('results.participants.searchHint')}
              count={t('results.participants.count', {
                count: rows.length,
                formatted: formatNumber(rows.length, locale),
              })}
            />
            <Table.ScrollContainer minWidth={800}>
              <Table withTableBorder striped verticalSpacing="xs">
                <caption className="visually-hidden">{t('results.participants.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    {th('code', t('results.participants.code'))}
                    {th('birthYear', t('results.participants.birthYear'))}
                    <Table.Th>{t('results.participants.gender')}</Table.Th>
                    <Table.Th>{t('results.participants.postcode')}</Table.Th>
                    {th('enrolments', t('results.participants.enrolments'))}
                    {th('outcomes', t('results.participants.outcomes'))}
                    {plan.canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                        {p.code}
                      </Table.Th>
                      <Table.Td>{p.birthYear ?? ''}</Table.Td>
                      <Table.Td>{p.gender ? t(`results.participants.genders.${p.gender}`) : ''}</Table.Td>
                      <Table.Td>{p.postcode ?? ''}</Table.Td>
                      <Table.Td>
                        {p.enrolments.map((e, i) => (
                          <Text size="sm" key={i}>
                            {activityName(e.activityId)}: {formatDate(e.startedOn)} –{' '}
                            {e.endedOn ? formatDate(e.endedOn) : t('results.participants.ongoing')}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {p.outcomes.map((o, i) => (
                          <Text size="sm" key={i}>
                            {t(`results.registrations.outcomes.${o.kind}`)} {formatDate(o.date)}
                          </Text>
                        ))}
                      </Table.Td>
                      {plan.canEdit && (
                        <Table.Td>
                          <RowActions
                            name={p.code}
                            onEdit={() => set({ edit: p.id })}
                            onDelete={() => setDeleting(p)}
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
        <ParticipantForm
          key={editing?.id ?? 'new'}
          planId={plan.id}
          activities={activities}
          participant={editing}
          onClose={() => set({ new: null, edit: null })}
        />
      )}
      {deleting && (
        <DeleteParticipant planId={plan.id} participant={deleting} onClose={() => setDeleting(null)} />
      )}
    </Stack>
  );
}

function DeleteParticipant({
  planId,
  participant,
  onClose,
}: {
  planId: string;
  participant: Participant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteParticipant(planId);
  return (
    <DeleteDialog
      title={t('results.participants.deleteTitle', { code: participant.code })}
      name={participant.code}
      id={participant.id}
      remove={del}
      onClose={onClose}
    />
  );
}
