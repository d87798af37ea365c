import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ErrorState, LoadingState } from '../../../components/states';
import { notifySuccess } from '../../../lib/notify';
import { useSaveSpeakers, useSpeakers, type SourceSummary, type StudyCaseOut } from '../api';
import { GROUPS } from './StudyCollectionsPage';

type Link = { respondentGroup: string | null; caseId: string | null };

/**
 * Links a transcript's speakers to participants (respondent group and case) and, if asked, codes
 * each linked speaker's turns to their case and group.
 */
export function SpeakersDialog({
  studyId,
  source,
  cases,
  onClose,
}: {
  studyId: string;
  source: SourceSummary;
  cases: StudyCaseOut[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const speakers = useSpeakers(studyId, source.id);
  const save = useSaveSpeakers(studyId, source.id);
  const [links, setLinks] = useState<Record<string, Link>>({});
  const [autoCode, setAutoCode] = useState(true);
  useEffect(() => {
    if (speakers.data)
      setLinks(
        Object.fromEntries(
          speakers.data.items.map((s) => [
            s.speaker,
            { respondentGroup: s.respondentGroup, caseId: s.caseId },
          ]),
        ),
      );
  }, [speakers.data]);
  const set = (speaker: string, patch: Partial<Link>) =>
    setLinks((l) => ({
      ...l,
      [speaker]: { ...(l[speaker] ?? { respondentGroup: null, caseId: null }), ...patch },
    }));

  const submit = () =>
    save.mutate(
      {
        links: Object.entries(links).map(([speaker, l]) => ({ speaker, ...l })),
        autoCode,
      },
      {
        onSuccess: (r) => {
          notifySuccess(t('evalStudies.speakers.saved', { count: r.codingsAdded }));
          onClose();
        },
      },
    );

  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('evalStudies.speakers.title', { name: source.name })}
      size="xl"
    >
      {speakers.isPending ? (
        <LoadingState />
      ) : speakers.isError ? (
        <ErrorState error={speakers.error} onRetry={() => void speakers.refetch()} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <Stack gap="md">
            <Text size="sm">{t('evalStudies.speakers.intro')}</Text>
            <FormErrorAlert error={save.error} />
            {speakers.data.items.length === 0 ? (
              <Text>{t('evalStudies.speakers.none')}</Text>
            ) : (
              <Table verticalSpacing="xs">
                <caption className="visually-hidden">{t('evalStudies.speakers.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('evalStudies.speakers.speaker')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('evalStudies.speakers.turns')}
                    </Table.Th>
                    <Table.Th scope="col">{t('evalStudies.speakers.group')}</Table.Th>
                    <Table.Th scope="col">{t('evalStudies.speakers.case')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {speakers.data.items.map((s) => (
                    <Table.Tr key={s.speaker}>
                      <Table.Th scope="row">{s.speaker}</Table.Th>
                      <Table.Td ta="right">{s.turns}</Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t('evalStudies.speakers.groupFor', { name: s.speaker })}
                          data={GROUPS.map((g) => ({
                            value: g,
                            label: t(`evalStudies.collections.groups.${g}`),
                          }))}
                          value={links[s.speaker]?.respondentGroup ?? null}
                          onChange={(v) => set(s.speaker, { respondentGroup: v })}
                          clearable
                          placeholder={t('evalStudies.speakers.noLink')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t('evalStudies.speakers.caseFor', { name: s.speaker })}
                          data={cases.map((c) => ({ value: c.id, label: c.name }))}
                          value={links[s.speaker]?.caseId ?? null}
                          onChange={(v) => set(s.speaker, { caseId: v })}
                          clearable
                          placeholder={t('evalStudies.speakers.noLink')}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Checkbox
              label={t('evalStudies.speakers.autoCode')}
              checked={autoCode}
              onChange={(e) => setAutoCode(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
