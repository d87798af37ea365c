import { useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UploadProgress } from './UploadProgress';
import type { SourceDetail } from '@pejling/contracts';
import { AppModal } from '../../../components/AppModal';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import {
  fetchSourceDetail,
  uploadSource,
  useInvalidateEvaluation,
  type DataCollectionOut,
  type SourceSummary,
  type StudyCaseOut,
} from '../api';
import { parsePseudonyms } from './pseudonyms';

/** The pseudonym list as a file on the person's own computer, never sent to be stored. */
function downloadList(entries: { name: string; pseudonym: string }[], sourceName: string) {
  const text = entries.map((e) => `${e.name} = ${e.pseudonym}`).join('\n') + '\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `pseudonymliste-${sourceName.replace(/[^\p{L}\p{N}]+/gu, '-')}.txt`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Imports a transcript or document (.txt in UTF-8 or Windows-1252, .docx) with its pseudonym
 * list: names and CPR-like numbers are replaced on the server before the text is stored, and the
 * list is either kept apart (downloaded here) or not kept at all. Then the import report.
 */
export function SourceUploadDialog({
  studyId,
  cases,
  collections,
  onClose,
}: {
  studyId: string;
  cases: StudyCaseOut[];
  collections: DataCollectionOut[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateEvaluation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'transcript' | 'document'>('transcript');
  const [name, setName] = useState('');
  const [caseId, setCaseId] = useState<string | null>(cases[0]?.id ?? null);
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [list, setList] = useState('');
  const [keep, setKeep] = useState<'apart' | 'not'>('not');
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | undefined>();
  const [done, setDone] = useState<{ summary: SourceSummary; detail: SourceDetail | null } | null>(null);
  const parsed = parsePseudonyms(list);
  const busy = sent !== null && !done && !error;
  const caseCollections = collections.filter((c) => !caseId || c.caseId === caseId || c.caseId === null);

  const submit = async () => {
    setMessage(undefined);
    if (!file) return setMessage(`${t('evalStudies.upload.file')}: ${t('common.required')}`);
    if (parsed.badLine) return setMessage(t('evalStudies.upload.pseudonymsBad', { line: parsed.badLine }));
    setError(null);
    setSent(0);
    try {
      const summary = await uploadSource(
        studyId,
        {
          file,
          kind,
          name: name.trim() || undefined,
          description: null,
          caseId,
          dataCollectionId: collectionId,
          pseudonyms: parsed.entries,
        },
        setSent,
      );
      const detail = await fetchSourceDetail(studyId, summary.id).catch(() => null);
      setDone({ summary, detail });
      await invalidate();
    } catch (e) {
      setError(e);
      setSent(null);
    }
  };

  if (done) {
    const p = done.summary.pseudonymisation;
    const speakers = [...new Set(done.detail?.turns.map((x) => x.speaker) ?? [])];
    return (
      <AppModal opened onClose={onClose} title={t('evalStudies.upload.reportTitle')} size="lg">
        <Stack gap="md">
          <Alert color="green" variant="light" role="status" title={done.summary.name}>
            <List size="sm" spacing={2}>
              {done.detail && (
                <List.Item>{t('evalStudies.upload.turns', { count: done.detail.turns.length })}</List.Item>
              )}
              {speakers.length > 0 && (
                <List.Item>{t('evalStudies.upload.speakers', { speakers: speakers.join(', ') })}</List.Item>
              )}
              {p && <List.Item>{t('evalStudies.upload.names', { count: p.names })}</List.Item>}
              {p && <List.Item>{t('evalStudies.upload.replacements', { count: p.replacements })}</List.Item>}
              {p && <List.Item>{t('evalStudies.upload.cpr', { count: p.cprNumbers })}</List.Item>}
              {done.summary.encoding && (
                <List.Item>{t('evalStudies.upload.encoding', { encoding: done.summary.encoding })}</List.Item>
              )}
            </List>
          </Alert>
          <Group justify="flex-end" gap="sm">
            {keep === 'apart' && parsed.entries.length > 0 && (
              <Button
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden="true" />}
                onClick={() => downloadList(parsed.entries, done.summary.name)}
              >
                {t('evalStudies.upload.downloadList')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button component={Link} to={`/evaluation/studies/${studyId}/sources/${done.summary.id}`}>
              {t('evalStudies.upload.open')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    );
  }

  return (
    <AppModal opened onClose={onClose} title={t('evalStudies.upload.title')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('evalStudies.upload.intro')}</Text>
          {error != null && (
            <Alert color="red" variant="light" title={t('evalStudies.upload.refused')} role="alert">
              <FormErrorAlertText error={error} />
            </Alert>
          )}
          {message && <FormErrorAlert message={message} />}
          <FileInput
            label={t('evalStudies.upload.file')}
            placeholder={t('evalStudies.upload.filePlaceholder')}
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            value={file}
            onChange={setFile}
            required
            clearable
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('evalStudies.upload.kind')}
              data={(['transcript', 'document'] as const).map((k) => ({
                value: k,
                label: t(`evalStudies.sources.kinds.${k}`),
              }))}
              value={kind}
              onChange={(v) => setKind(v === 'document' ? 'document' : 'transcript')}
              allowDeselect={false}
            />
            <TextInput
              label={t('evalStudies.upload.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Select
              label={t('evalStudies.upload.case')}
              data={cases.map((c) => ({ value: c.id, label: c.name }))}
              value={caseId}
              onChange={(v) => {
                setCaseId(v);
                setCollectionId(null);
              }}
              clearable
              placeholder={t('evalStudies.collections.noCase')}
            />
            <Select
              label={t('evalStudies.upload.collection')}
              data={caseCollections.map((c) => ({ value: c.id, label: c.title }))}
              value={collectionId}
              onChange={setCollectionId}
              clearable
              placeholder={t('evalStudies.upload.noCollection')}
            />
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('evalStudies.upload.pseudonymsTitle')}
          </Title>
          <Textarea
            label={t('evalStudies.upload.pseudonyms')}
            description={t('evalStudies.upload.pseudonymsIntro')}
            placeholder={t('evalStudies.upload.pseudonymsPlaceholder')}
            value={list}
            onChange={(e) => setList(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            spellCheck={false}
            error={
              parsed.badLine ? t('evalStudies.upload.pseudonymsBad', { line: parsed.badLine }) : undefined
            }
          />
          <Radio.Group
            label={t('evalStudies.upload.keepList')}
            value={keep}
            onChange={(v) => setKeep(v === 'apart' ? 'apart' : 'not')}
          >
            <Stack gap={6} mt={4}>
              <Radio value="apart" label={t('evalStudies.upload.keepApart')} />
              <Radio value="not" label={t('evalStudies.upload.keepNot')} />
            </Stack>
          </Radio.Group>
          {busy && (
            <UploadProgress
              sent={sent ?? 0}
              label={t('evalStudies.upload.title')}
              sending={(percent) => t('evalStudies.upload.sending', { percent })}
              reading={t('evalStudies.upload.reading')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconFileImport size={18} aria-hidden="true" />}
            >
              {t('evalStudies.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function FormErrorAlertText({ error }: { error: unknown }) {
  const details =
    error && typeof error === 'object' && 'details' in error
      ? ((error as { details: { path: string; message: string }[] }).details ?? [])
      : [];
  return (
    <Stack gap={4}>
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {details.length > 0 && (
        <List size="sm">
          {details.map((d, i) => (
            <List.Item key={i}>{d.message}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
