import { useState } from 'react';
import { ActionIcon, Button, Group, List, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconPencil, IconTrash, IconUserMinus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/auth';
import { DeleteDialog } from '../../../components/ConfirmDialog';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { Section } from '../../../components/Section';
import { formatNumber } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useLocale } from '../../../lib/useLocale';
import { studyUrl, useDeleteStudy, useEvaluators, useUpdateStudy, type StudyDetail } from '../api';
import { CreateStudyForm } from './CreateStudyForm';
import { StudyShell } from './StudyShell';

/** /evaluation/studies/:studyId: the question, the team, the figures, exports. */
export default function StudyOverviewPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <StudyShell
      tab="overview"
      actions={() => (
        <Button
          variant="default"
          leftSection={<IconPencil size={18} aria-hidden="true" />}
          onClick={() => setEditing(true)}
        >
          {t('evalStudies.overview.edit')}
        </Button>
      )}
    >
      {(s) => (
        <>
          <Overview study={s} />
          {editing && <CreateStudyForm study={s} onClose={() => setEditing(false)} />}
        </>
      )}
    </StudyShell>
  );
}

function Overview({ study }: { study: StudyDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const remove = useDeleteStudy();
  const [deleting, setDeleting] = useState(false);
  const figures: [string, number][] = [
    [t('evalStudies.casesCol'), study.caseCount],
    [t('evalStudies.sourcesCol'), study.sourceCount],
    [t('evalStudies.team'), study.memberCount],
  ];
  return (
    <Stack gap="lg">
      <Section title={t('evalStudies.question')} id="study-question">
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          {study.question ?? t('evalStudies.overview.questionNone')}
        </Text>
      </Section>
      <Section title={t('evalStudies.overview.figures')} id="study-figures">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {figures.map(([label, n]) => (
            <Stack gap={0} key={label}>
              <Text size="sm" c="dimmed">
                {label}
              </Text>
              <Text fz="xl" fw={700}>
                {formatNumber(n, locale)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <Button
            component="a"
            href={`${studyUrl(study.id)}/export/qdpx`}
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden="true" />}
          >
            {t('evalStudies.overview.exportQdpx')}
          </Button>
          <Button
            component="a"
            href={`${studyUrl(study.id)}/export/qdc`}
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden="true" />}
          >
            {t('evalStudies.overview.exportQdc')}
          </Button>
        </Group>
      </Section>
      <Team study={study} />
      <Group>
        <Button
          color="red.9"
          variant="outline"
          leftSection={<IconTrash size={18} aria-hidden="true" />}
          onClick={() => setDeleting(true)}
        >
          {t('evalStudies.overview.delete')}
        </Button>
      </Group>
      {deleting && (
        <DeleteDialog
          title={t('evalStudies.overview.delete')}
          name={study.name}
          id={study.id}
          remove={remove}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate('/evaluation')}
        >
          {t('evalStudies.overview.deleteText')}
        </DeleteDialog>
      )}
    </Stack>
  );
}

function Team({ study }: { study: StudyDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const evaluators = useEvaluators();
  const update = useUpdateStudy(study.id);
  const [pick, setPick] = useState<string | null>(null);
  const memberIds = study.members.map((m) => m.userId);
  const options = (evaluators.data?.items ?? [])
    .filter((u) => !memberIds.includes(u.userId))
    .map((u) => ({ value: u.userId, label: `${u.name} (${u.email})` }));
  const save = (ids: string[], message: string) =>
    update.mutate(
      { name: study.name, question: study.question, memberIds: ids, version: study.version },
      {
        onSuccess: () => {
          notifySuccess(message);
          setPick(null);
        },
      },
    );
  return (
    <Section title={t('evalStudies.overview.teamTitle')} id="study-team">
      <Text size="sm" c="dimmed">
        {t('evalStudies.overview.teamIntro')}
      </Text>
      <FormErrorAlert error={update.error} />
      <List spacing="xs" listStyleType="none" p={0}>
        {study.members.map((m) => (
          <List.Item key={m.userId}>
            <Group gap="xs">
              <Text>
                {m.name}{' '}
                <Text span c="dimmed" size="sm">
                  ({m.email})
                </Text>
              </Text>
              {m.userId !== me.data?.user.id && (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t('evalStudies.overview.removeMember', { name: m.name })}
                  title={t('evalStudies.overview.removeMember', { name: m.name })}
                  onClick={() =>
                    save(
                      memberIds.filter((id) => id !== m.userId),
                      t('evalStudies.overview.memberRemoved', { name: m.name }),
                    )
                  }
                >
                  <IconUserMinus size={18} aria-hidden="true" />
                </ActionIcon>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('evalStudies.overview.addMember')}
          placeholder={t('evalStudies.overview.addMemberPlaceholder')}
          data={options}
          value={pick}
          onChange={setPick}
          searchable
          w={360}
        />
        <Button
          variant="default"
          disabled={!pick}
          loading={update.isPending}
          onClick={() => {
            const u = evaluators.data?.items.find((x) => x.userId === pick);
            if (u) save([...memberIds, u.userId], t('evalStudies.overview.memberAdded', { name: u.name }));
          }}
        >
          {t('common.add')}
        </Button>
      </Group>
    </Section>
  );
}
