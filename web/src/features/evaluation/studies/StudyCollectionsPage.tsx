import { useState } from 'react';
import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { DeleteDialog } from '../../../components/ConfirmDialog';
import { RowActions } from '../../../components/RowButtons';
import { Section } from '../../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { fieldErrors } from '../../../lib/errors';
import { formatDate, parseDateInput } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { FormModal } from '../../admin/FormModal';
import {
  useCases,
  useCollections,
  useDeleteCollection,
  useSaveCollection,
  useSources,
  type DataCollectionOut,
  type StudyCaseOut,
} from '../api';
import { studyPath, StudyShell } from './StudyShell';

export const KINDS = ['interview', 'focus_group', 'phone_follow_up', 'workshop'] as const;
export const GROUPS = [
  'project_leader',
  'project_staff',
  'steering_group',
  'municipal_partners',
  'housing_organisation',
  'resident_board',
  'other',
] as const;
type Group = (typeof GROUPS)[number];

/** /evaluation/studies/:studyId/data-collection: interviews and focus groups per case, and desk research. */
export default function StudyCollectionsPage() {
  return <StudyShell tab="collections">{(s) => <Collections studyId={s.id} />}</StudyShell>;
}

function Collections({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const collections = useCollections(studyId);
  const cases = useCases(studyId);
  const sources = useSources(studyId);
  const remove = useDeleteCollection(studyId);
  const [editing, setEditing] = useState<DataCollectionOut | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DataCollectionOut | null>(null);
  if (collections.isPending || cases.isPending) return <LoadingState />;
  if (collections.isError)
    return <ErrorState error={collections.error} onRetry={() => void collections.refetch()} />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  const caseName = (id: string | null) =>
    cases.data.items.find((c) => c.id === id)?.name ?? t('evalStudies.collections.noCase');
  const documents = (sources.data?.items ?? []).filter((s) => s.kind === 'document');
  const participantsText = (c: DataCollectionOut) =>
    GROUPS.filter((g) => (c.participants[g] ?? 0) > 0)
      .map((g) => `${t(`evalStudies.collections.groups.${g}`)}: ${c.participants[g]}`)
      .join(', ') || '–';

  return (
    <Stack gap="lg">
      <Section
        title={t('evalStudies.collections.title')}
        id="collections"
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('evalStudies.collections.add')}
          </Button>
        }
      >
        <Text size="sm" c="dimmed">
          {t('evalStudies.collections.intro')}
        </Text>
        {collections.data.items.length === 0 ? (
          <EmptyState title={t('evalStudies.collections.emptyTitle')} headingOrder={3}>
            {t('evalStudies.collections.emptyText')}
          </EmptyState>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="sm" miw={720}>
              <caption className="visually-hidden">{t('evalStudies.collections.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evalStudies.collections.titleField')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.collections.kind')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.collections.date')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.collections.case')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.collections.participants')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.collections.consent')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {collections.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={600}>
                      {c.title}
                    </Table.Th>
                    <Table.Td>{t(`evalStudies.collections.kinds.${c.kind}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.date ? formatDate(c.date) : '–'}</Table.Td>
                    <Table.Td>{caseName(c.caseId)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{participantsText(c)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {c.consentRecorded ? (
                          <IconCircleCheck
                            size={16}
                            aria-hidden="true"
                            color="var(--mantine-color-green-8)"
                          />
                        ) : (
                          <IconCircleX size={16} aria-hidden="true" color="var(--mantine-color-red-8)" />
                        )}
                        <Text size="sm">
                          {c.consentRecorded
                            ? t('evalStudies.collections.consentYes')
                            : t('evalStudies.collections.consentNo')}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        name={c.title}
                        onEdit={() => setEditing(c)}
                        onDelete={() => setDeleting(c)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Section>
      <Section title={t('evalStudies.collections.documentsTitle')} id="documents">
        <Text size="sm" c="dimmed">
          {t('evalStudies.collections.documentsIntro')}{' '}
          <Anchor component={Link} to={studyPath(studyId, 'sources')}>
            {t('evalStudies.tabs.sources')}
          </Anchor>
        </Text>
        {documents.length > 0 && (
          <List size="sm">
            {documents.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/evaluation/studies/${studyId}/sources/${d.id}`}>
                  {d.name}
                </Anchor>{' '}
                ({caseName(d.caseId)})
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      {editing && (
        <CollectionForm
          studyId={studyId}
          cases={cases.data.items}
          existing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <DeleteDialog
          title={t('common.deleteItem', { name: deleting.title })}
          name={deleting.title}
          id={deleting.id}
          remove={remove}
          onClose={() => setDeleting(null)}
        >
          {t('evalStudies.collections.deleteText')}
        </DeleteDialog>
      )}
    </Stack>
  );
}

function CollectionForm({
  studyId,
  cases,
  existing,
  onClose,
}: {
  studyId: string;
  cases: StudyCaseOut[];
  existing?: DataCollectionOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCollection(studyId);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? 'interview');
  const [date, setDate] = useState(existing?.date ? formatDate(existing.date) : '');
  const [caseId, setCaseId] = useState<string | null>(existing?.caseId ?? cases[0]?.id ?? null);
  const [participants, setParticipants] = useState<Partial<Record<Group, number>>>(
    existing?.participants ?? {},
  );
  const [consent, setConsent] = useState(existing?.consentRecorded ?? false);
  const [consentNote, setConsentNote] = useState(existing?.consentNote ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };

  const onSubmit = () => {
    const iso = parseDateInput(date);
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t('common.required');
    if (iso === null) problems.date = t('common.invalidDate');
    if (Object.keys(problems).length) return setLocal(problems);
    setLocal({});
    const clean = Object.fromEntries(Object.entries(participants).filter(([, n]) => (n ?? 0) > 0));
    const input = {
      title: title.trim(),
      kind: kind as (typeof KINDS)[number],
      date: iso || null,
      caseId,
      participants: clean,
      consentRecorded: consent,
      consentNote: consentNote.trim() || null,
    };
    save.mutate(
      { id: existing?.id, input: existing ? { ...input, version: existing.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('evalStudies.collections.saved', { name: saved.title }));
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened
      title={
        existing
          ? t('evalStudies.collections.editTitle', { name: existing.title })
          : t('evalStudies.collections.newTitle')
      }
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) =>
        ['title', 'kind', 'date', 'caseId', 'consentNote'].includes(p) || p.startsWith('participants')
      }
    >
      <TextInput
        label={t('evalStudies.collections.titleField')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('evalStudies.collections.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`evalStudies.collections.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'interview')}
          allowDeselect={false}
          error={errors.kind}
        />
        <DateField
          label={t('evalStudies.collections.date')}
          value={date}
          onChange={setDate}
          error={errors.date}
        />
        <Select
          label={t('evalStudies.collections.case')}
          data={cases.map((c) => ({ value: c.id, label: c.name }))}
          value={caseId}
          onChange={setCaseId}
          clearable
          placeholder={t('evalStudies.collections.noCase')}
          error={errors.caseId}
        />
      </SimpleGrid>
      <Fieldset legend={t('evalStudies.collections.participantsLegend')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {GROUPS.map((g) => (
            <NumberInput
              key={g}
              label={t(`evalStudies.collections.groups.${g}`)}
              min={0}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              value={participants[g] ?? 0}
              onChange={(v) =>
                setParticipants((p) => ({ ...p, [g]: typeof v === 'number' ? v : Number(v) || 0 }))
              }
              error={errors[`participants.${g}`]}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Checkbox
        label={t('evalStudies.collections.consent')}
        checked={consent}
        onChange={(e) => setConsent(e.currentTarget.checked)}
      />
      <Textarea
        label={t('evalStudies.collections.consentNote')}
        value={consentNote}
        onChange={(e) => setConsentNote(e.currentTarget.value)}
        error={errors.consentNote}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
