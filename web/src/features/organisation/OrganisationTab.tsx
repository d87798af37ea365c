import { useState } from 'react';
import { ActionIcon, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOrganisation, useOrganisationWrite } from '../../api/organisation';
import type { Forum, Membership, Organisation, Person } from '../../api/organisation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';
import { ForumForm, PersonForm, SeatForm } from './forms';
import { OrgChart } from './OrgChart';
import { TypologyPanel } from './TypologyPanel';

type Editing =
  | { kind: 'forum'; forum?: Forum }
  | { kind: 'person'; person?: Person }
  | { kind: 'seat'; forum: Forum; seat?: Membership }
  | null;

type Deleting =
  | { kind: 'forums'; id: string; title: string; text?: string; done: string }
  | { kind: 'people'; id: string; title: string; text?: string; done: string }
  | { kind: 'memberships'; id: string; title: string; text?: string; done: string }
  | null;

/** The Organisering tab: typology first, then the chart, the forums with their seats, and the people. */
export default function OrganisationTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const org = useOrganisation(plan.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const writes = {
    forums: useOrganisationWrite(plan.id, 'forums').remove,
    people: useOrganisationWrite(plan.id, 'people').remove,
    memberships: useOrganisationWrite(plan.id, 'memberships').remove,
  };

  if (org.isPending) return <LoadingState />;
  if (org.isError) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  const o = org.data;
  const canEdit = plan.canEdit;
  const remove = deleting ? writes[deleting.kind] : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={760}>
          {t('organisation.intro')}
        </Text>
        <Button component={Link} to={`/plans/${plan.id}/organisation/agreement`} variant="default">
          {t('organisation.agreement.link')}
        </Button>
      </Group>
      <Section title={t('organisation.typology.title')} id="typology">
        <TypologyPanel typology={o.typology} />
      </Section>

      <Section title={t('organisation.chart.title')} id="chart">
        {o.forums.length === 0 ? (
          <Text>{t('organisation.forums.emptyText')}</Text>
        ) : (
          <OrgChart planName={plan.name} forums={o.forums} memberships={o.memberships} />
        )}
      </Section>

      <Section
        title={t('organisation.forums.title')}
        id="forums"
        actions={
          canEdit && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setEditing({ kind: 'forum' })}
            >
              {t('organisation.forums.add')}
            </Button>
          )
        }
      >
        {o.forums.length === 0 ? (
          <EmptyState title={t('organisation.forums.emptyTitle')} headingOrder={3}>
            {t('organisation.forums.emptyText')}
          </EmptyState>
        ) : (
          <Stack gap="xl">
            {o.forums.map((f) => (
              <ForumBlock
                key={f.id}
                forum={f}
                org={o}
                canEdit={canEdit}
                onEdit={() => setEditing({ kind: 'forum', forum: f })}
                onDelete={() =>
                  setDeleting({
                    kind: 'forums',
                    id: f.id,
                    title: t('organisation.forums.deleteTitle', { name: f.name }),
                    text: t('organisation.forums.deleteText'),
                    done: f.name,
                  })
                }
                onAddSeat={() => setEditing({ kind: 'seat', forum: f })}
                onEditSeat={(m) => setEditing({ kind: 'seat', forum: f, seat: m })}
                onDeleteSeat={(m, name) =>
                  setDeleting({
                    kind: 'memberships',
                    id: m.id,
                    title: t('organisation.seats.deleteTitle', { name, forum: f.name }),
                    done: name,
                  })
                }
              />
            ))}
          </Stack>
        )}
      </Section>

      <Section
        title={t('organisation.people.title')}
        id="people"
        actions={
          canEdit && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setEditing({ kind: 'person' })}
            >
              {t('organisation.people.add')}
            </Button>
          )
        }
      >
        <PeopleTable
          org={o}
          canEdit={canEdit}
          onEdit={(p) => setEditing({ kind: 'person', person: p })}
          onDelete={(p) =>
            setDeleting({
              kind: 'people',
              id: p.id,
              title: t('organisation.people.deleteTitle', { name: p.name }),
              text: t('organisation.people.deleteText'),
              done: p.name,
            })
          }
        />
      </Section>

      {editing?.kind === 'forum' && (
        <ForumForm
          planId={plan.id}
          forum={editing.forum}
          forums={o.forums}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'person' && (
        <PersonForm planId={plan.id} person={editing.person} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'seat' && (
        <SeatForm
          planId={plan.id}
          forum={editing.forum}
          seat={editing.seat}
          forums={o.forums}
          people={o.people}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={deleting?.title ?? ''}
        onClose={() => {
          remove?.reset();
          setDeleting(null);
        }}
        onConfirm={() =>
          deleting &&
          remove?.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(t('common.deleted', { name: deleting.done }));
              setDeleting(null);
            },
          })
        }
        loading={remove?.isPending}
        error={remove?.error}
      >
        {deleting?.text}
      </ConfirmDialog>
    </Stack>
  );
}

function ForumBlock({
  forum: f,
  org,
  canEdit,
  onEdit,
  onDelete,
  onAddSeat,
  onEditSeat,
  onDeleteSeat,
}: {
  forum: Forum;
  org: Organisation;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onAddSeat: () => void;
  onEditSeat: (m: Membership) => void;
  onDeleteSeat: (m: Membership, name: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const people = new Map(org.people.map((p) => [p.id, p]));
  const parent = org.forums.find((x) => x.id === f.reportsTo);
  const seats = org.memberships.filter((m) => m.forumId === f.id);
  const facts = [
    t(`organisation.forums.kinds.${f.kind}`),
    t(`organisation.forums.levels.${f.level}`),
    f.makesDecisions ? t('organisation.chart.decides') : null,
    parent ? t('organisation.chart.reportsTo', { name: parent.name }) : t('organisation.chart.top'),
    f.meetingsPerYear !== null
      ? `${t('organisation.forums.meetingsPerYear')}: ${formatNumber(f.meetingsPerYear, locale)}`
      : null,
    f.steering
      ? `${t('organisation.forums.steering')}: ${t(`organisation.forums.steerings.${f.steering}`)}`
      : null,
  ].filter(Boolean);

  return (
    <Stack gap="xs" component="article" aria-labelledby={`forum-${f.id}`}>
      <Group justify="space-between" align="center">
        <Title order={3} size="h5" id={`forum-${f.id}`}>
          {f.name}
        </Title>
        <Group gap="xs">
          <Button
            component="a"
            href={`/api/plans/${f.planId}/organisation/forums/${f.id}/terms-of-reference`}
            download
            variant="default"
            size="xs"
            leftSection={<IconFileTypeDocx size={16} aria-hidden="true" />}
          >
            {t('organisation.forums.termsOfReference')}
            <span className="visually-hidden"> ({f.name})</span>
          </Button>
          {canEdit && (
            <>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={onAddSeat}
              >
                <span aria-hidden="true">{t('organisation.seats.addShort')}</span>
                <span className="visually-hidden">{t('organisation.seats.add', { forum: f.name })}</span>
              </Button>
              <ActionIcon
                variant="subtle"
                aria-label={t('organisation.forums.edit', { name: f.name })}
                title={t('organisation.forums.edit', { name: f.name })}
                onClick={onEdit}
              >
                <IconPencil size={18} aria-hidden="true" />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                c="red.9"
                aria-label={t('organisation.forums.delete', { name: f.name })}
                title={t('organisation.forums.delete', { name: f.name })}
                onClick={onDelete}
              >
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </>
          )}
        </Group>
      </Group>
      <Text size="sm">{facts.join(' · ')}</Text>
      {f.mandate && (
        <Text size="sm" className="pre-wrap">
          {f.mandate}
        </Text>
      )}
      {seats.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organisation.seats.none')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <caption className="visually-hidden">{t('organisation.seats.caption', { forum: f.name })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organisation.seats.person')}</Table.Th>
              <Table.Th>{t('organisation.seats.role')}</Table.Th>
              <Table.Th>{t('organisation.seats.represents')}</Table.Th>
              <Table.Th>{t('organisation.seats.side')}</Table.Th>
              {canEdit && (
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {seats.map((m) => {
              const name = people.get(m.personId)?.name ?? '';
              return (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  <Table.Td>{t(`organisation.seats.roles.${m.role}`)}</Table.Td>
                  <Table.Td>
                    {t(`organisation.seats.representsValues.${m.represents}`)}
                    {m.localProfessionalKind
                      ? ` (${t(`organisation.seats.kinds.${m.localProfessionalKind}`)})`
                      : ''}
                  </Table.Td>
                  <Table.Td>{m.side ? t(`organisation.seats.sides.${m.side}`) : ''}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('organisation.seats.edit', { name })}
                          title={t('organisation.seats.edit', { name })}
                          onClick={() => onEditSeat(m)}
                        >
                          <IconPencil size={16} aria-hidden="true" />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          c="red.9"
                          aria-label={t('organisation.seats.delete', { name, forum: f.name })}
                          title={t('organisation.seats.delete', { name, forum: f.name })}
                          onClick={() => onDeleteSeat(m, name)}
                        >
                          <IconTrash size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function PeopleTable({
  org,
  canEdit,
  onEdit,
  onDelete,
}: {
  org: Organisation;
  canEdit: boolean;
  onEdit: (p: Person) => void;
  onDelete: (p: Person) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (org.people.length === 0)
    return (
      <EmptyState title={t('organisation.people.emptyTitle')} headingOrder={3}>
        {t('organisation.people.emptyText')}
      </EmptyState>
    );
  const forums = new Map(org.forums.map((f) => [f.id, f.name]));
  const staffText = (p: Person) => {
    if (!p.staff) return '';
    const s = p.staff;
    const time =
      s.fte !== null
        ? `${formatNumber(s.fte, locale, 2)} ${t('organisation.people.fte').toLocaleLowerCase(locale)}`
        : s.hoursPerWeek !== null
          ? `${formatNumber(s.hoursPerWeek, locale)} ${t('organisation.people.hoursPerWeek').toLocaleLowerCase(locale)}`
          : '';
    return [
      s.employer ? t(`organisation.people.employers.${s.employer}`) : '',
      time,
      s.task ? t(`organisation.people.tasks.${s.task}`) : '',
    ]
      .filter(Boolean)
      .join(', ');
  };
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder verticalSpacing="xs" fz="sm">
        <caption className="visually-hidden">{t('organisation.people.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('organisation.people.name')}</Table.Th>
            <Table.Th>{t('organisation.people.organisation')}</Table.Th>
            <Table.Th>{t('organisation.people.forums')}</Table.Th>
            <Table.Th>{t('organisation.people.staff')}</Table.Th>
            {canEdit && (
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {org.people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500}>
                {p.name}
                {p.title ? `, ${p.title}` : ''}
              </Table.Th>
              <Table.Td>{p.organisation ?? ''}</Table.Td>
              <Table.Td>
                {org.memberships
                  .filter((m) => m.personId === p.id)
                  .map(
                    (m) =>
                      `${forums.get(m.forumId) ?? ''} (${t(`organisation.seats.roles.${m.role}`).toLocaleLowerCase(locale)})`,
                  )
                  .join(', ')}
              </Table.Td>
              <Table.Td>{staffText(p)}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('organisation.people.edit', { name: p.name })}
                      title={t('organisation.people.edit', { name: p.name })}
                      onClick={() => onEdit(p)}
                    >
                      <IconPencil size={16} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      c="red.9"
                      aria-label={t('organisation.people.delete', { name: p.name })}
                      title={t('organisation.people.delete', { name: p.name })}
                      onClick={() => onDelete(p)}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
