import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UploadProgress } from './UploadProgress';
import { AppModal } from '../../../components/AppModal';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { importQdpx, useInvalidateEvaluation, type ExchangeReport } from '../api';
import { studyPath } from './StudyShell';

/** Imports a .qdpx as a new study: upload with progress, then the report of what could not be mapped. */
export function ImportQdpxDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateEvaluation();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<ExchangeReport | null>(null);
  const busy = sent !== null && !report && !error;

  const submit = async () => {
    if (!file) return setError(new Error(t('common.required')));
    setError(null);
    setSent(0);
    try {
      const r = await importQdpx(file, name.trim() || undefined, setSent);
      setReport(r);
      await invalidate();
    } catch (e) {
      setError(e);
      setSent(null);
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('evalStudies.import.title')} size="xl">
      {report ? (
        <ImportReport report={report} onOpen={() => void navigate(studyPath(report.studyId))} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <Stack gap="md">
            <Text size="sm">{t('evalStudies.import.intro')}</Text>
            <FormErrorAlert error={error} />
            <FileInput
              label={t('evalStudies.import.file')}
              placeholder={t('evalStudies.import.filePlaceholder')}
              accept=".qdpx,application/zip"
              value={file}
              onChange={setFile}
              required
              clearable
            />
            <TextInput
              label={t('evalStudies.import.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            {busy && (
              <UploadProgress
                sent={sent ?? 0}
                label={t('evalStudies.import.title')}
                sending={(percent) => t('evalStudies.import.sending', { percent })}
                reading={t('evalStudies.import.reading')}
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
                {t('evalStudies.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}

function ImportReport({ report, onOpen }: { report: ExchangeReport; onOpen: () => void }) {
  const { t } = useTranslation();
  const i = report.imported;
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" title={t('evalStudies.import.done')} role="status">
        {t('evalStudies.import.imported', i)}
      </Alert>
      <Title order={3} size="h5">
        {t('evalStudies.import.skippedTitle', { count: report.skipped.length })}
      </Title>
      {report.skipped.length === 0 ? (
        <Text size="sm">{t('evalStudies.import.skippedNone')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evalStudies.import.kind')}</Table.Th>
              <Table.Th scope="col">{t('evalStudies.import.what')}</Table.Th>
              <Table.Th scope="col">{t('evalStudies.import.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.skipped.map((s, n) => (
              <Table.Tr key={n}>
                <Table.Td>{s.kind}</Table.Td>
                <Table.Td>{s.name ?? '–'}</Table.Td>
                <Table.Td>{s.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.warnings.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('evalStudies.import.warningsTitle', { count: report.warnings.length })}
          </Title>
          <List size="sm">
            {report.warnings.map((w, n) => (
              <List.Item key={n}>
                {w.code}
                {Object.keys(w.detail).length > 0 &&
                  `: ${Object.entries(w.detail)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onOpen}>{t('evalStudies.import.open')}</Button>
      </Group>
    </Stack>
  );
}
