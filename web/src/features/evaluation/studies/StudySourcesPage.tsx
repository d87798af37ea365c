import { useState } from 'react';
import { Anchor, Button, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconFileImport, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DeleteDialog } from '../../../components/ConfirmDialog';
import { RowActions } from '../../../components/RowButtons';
import { Section } from '../../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { fieldErrors } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useLocale } from '../../../lib/useLocale';
import { FormModal } from '../../admin/FormModal';
import {
  useCases,
  useCollections,
  useDeleteSource,
  useSources,
  useUpdateSource,
  type DataCollectionOut,
  type SourceSummary,
  type StudyCaseOut,
} from '../api';
import { SourceUploadDialog } from './SourceUploadDialog';
import { SpeakersDialog } from './SpeakersDialog';
import { StudyShell } from './StudyShell';

/** /evaluation/studies/:studyId/sources: transcripts and documents; each title opens the coding view. */
export default function StudySourcesPage() {
  return <StudyShell tab="sources">{(s) => <Sources studyId={s.id} />}</StudyShell>;
}

function Sources({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sources = useSources(studyId);
  const cases = useCases(studyId);
  const collections = useCollections(studyId);
  const remove = useDeleteSource(studyId);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState<SourceSummary | null>(null);
  const [deleting, setDeleting] = useState<SourceSummary | null>(null);
  const [speakers, setSpeakers] = useState<SourceSummary | null>(null);
  if (sources.isPending || cases.isPending || collections.isPending) return <LoadingState />;
  if (sources.isError) return <ErrorState error={sources.error} onRetry={() => void sources.refetch()} />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  if (collections.isError)
    return <ErrorState error={collections.error} onRetry={() => void collections.refetch()} />;
  const caseName = (id: string | null) => cases.data.items.find((c) => c.id === id)?.name ?? '–';
  const collectionName = (id: string | null) => collections.data.items.find((c) => c.id === id)?.title ?? '–';
  const items = sources.data.items;

  return (
    <Section
      title={t('evalStudies.sources.title')}
      id="sources"
      actions={
        <Button
          leftSection={<IconFileImport size={18} aria-hidden="true" />}
          onClick={() => setUploading(true)}
        >
          {t('evalStudies.sources.upload')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t('evalStudies.sources.intro')}
      </Text>
      {items.length === 0 ? (
        <EmptyState title={t('evalStudies.sources.emptyTitle')} headingOrder={3}>
          {t('evalStudies.sources.emptyText')}
        </EmptyState>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" miw={820}>
            <caption className="visually-hidden">{t('evalStudies.sources.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evalStudies.sources.name')}</Table.Th>
                <Table.Th scope="col">{t('evalStudies.sources.kind')}</Table.Th>
                <Table.Th scope="col">{t('evalStudies.sources.case')}</Table.Th>
                <Table.Th scope="col">{t('evalStudies.sources.collection')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('evalStudies.sources.length')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('evalStudies.sources.codings')}
                </Table.Th>
                <Table.Th scope="col">{t('evalStudies.sources.pseudonymised')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/evaluation/studies/${studyId}/sources/${s.id}`} fw={600}>
                      {s.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`evalStudies.sources.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{caseName(s.caseId)}</Table.Td>
                  <Table.Td>{collectionName(s.dataCollectionId)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(s.length, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(s.codingCount, locale)}</Table.Td>
                  <Table.Td>
                    {s.pseudonymisation
                      ? t('evalStudies.sources.replacements', {
                          count: s.pseudonymisation.replacements + s.pseudonymisation.cprNumbers,
                        })
                      : '–'}
                  </Table.Td>
                  <Table.Td>
                    <RowActions name={s.name} onEdit={() => setEditing(s)} onDelete={() => setDeleting(s)}>
                      {s.kind === 'transcript' && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconUsers size={14} aria-hidden="true" />}
                          aria-label={t('evalStudies.speakers.open', { name: s.name })}
                          onClick={() => setSpeakers(s)}
                        >
                          {t('evalStudies.speakers.button')}
                        </Button>
                      )}
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {uploading && (
        <SourceUploadDialog
          studyId={studyId}
          cases={cases.data.items}
          collections={collections.data.items}
          onClose={() => setUploading(false)}
        />
      )}
      {speakers && (
        <SpeakersDialog
          studyId={studyId}
          source={speakers}
          cases={cases.data.items}
          onClose={() => setSpeakers(null)}
        />
      )}
      {editing && (
        <SourceForm
          studyId={studyId}
          source={editing}
          cases={cases.data.items}
          collections={collections.data.items}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <DeleteDialog
          title={t('common.deleteItem', { name: deleting.name })}
          name={deleting.name}
          id={deleting.id}
          remove={remove}
          onClose={() => setDeleting(null)}
        >
          {t('evalStudies.sources.deleteText')}
        </DeleteDialog>
      )}
    </Section>
  );
}

function SourceForm({
  studyId,
  source,
  cases,
  collections,
  onClose,
}: {
  studyId: string;
  source: SourceSummary;
  cases: StudyCaseOut[];
  collections: DataCollectionOut[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdateSource(studyId);
  const [name, setName] = useState(source.name);
  const [description, setDescription] = useState(source.description ?? '');
  const [caseId, setCaseId] = useState(source.caseId);
  const [collectionId, setCollectionId] = useState(source.dataCollectionId);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const onSubmit = () => {
    if (!name.trim()) return setLocal({ name: t('common.required') });
    setLocal({});
    save.mutate(
      {
        id: source.id,
        input: {
          name: name.trim(),
          description: description.trim() || null,
          caseId,
          dataCollectionId: collectionId,
          version: source.version,
        },
      },
      {
        onSuccess: (s) => {
          notifySuccess(t('common.saved', { name: s.name }));
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened
      title={t('evalStudies.sources.editTitle', { name: source.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => ['name', 'description', 'caseId', 'dataCollectionId'].includes(p)}
    >
      <Stack gap="md">
        <TextInput
          label={t('evalStudies.sources.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
        />
        <Textarea
          label={t('evalStudies.cases.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Select
          label={t('evalStudies.sources.case')}
          data={cases.map((c) => ({ value: c.id, label: c.name }))}
          value={caseId}
          onChange={setCaseId}
          clearable
          error={errors.caseId}
        />
        <Select
          label={t('evalStudies.sources.collection')}
          data={collections.map((c) => ({ value: c.id, label: c.title }))}
          value={collectionId}
          onChange={setCollectionId}
          clearable
          error={errors.dataCollectionId}
        />
      </Stack>
    </FormModal>
  );
}
