import { useState } from 'react';
import { MultiSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/auth';
import { fieldErrors } from '../../../lib/errors';
import { notifySuccess } from '../../../lib/notify';
import { FormModal } from '../../admin/FormModal';
import { useCreateStudy, useEvaluators, useUpdateStudy, type StudyDetail } from '../api';
import { studyPath } from './StudyShell';

/** Start a study (name, question, team), or edit one. */
export function CreateStudyForm({ study, onClose }: { study?: StudyDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateStudy();
  const update = useUpdateStudy(study?.id ?? '');
  const save = study ? update : create;
  const evaluators = useEvaluators();
  const [name, setName] = useState(study?.name ?? '');
  const [question, setQuestion] = useState(study?.question ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(study?.members.map((m) => m.userId) ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const myId = me.data?.user.id;
  const options = (evaluators.data?.items ?? [])
    .filter((u) => study || u.userId !== myId)
    .map((u) => ({ value: u.userId, label: `${u.name} (${u.email})` }));

  const onSubmit = () => {
    if (!name.trim()) return setLocal({ name: t('common.required') });
    setLocal({});
    const input = { name: name.trim(), question: question.trim() || null, memberIds };
    if (study)
      update.mutate(
        { ...input, version: study.version },
        {
          onSuccess: (s) => {
            notifySuccess(t('common.saved', { name: s.name }));
            onClose();
          },
        },
      );
    else
      create.mutate(input, {
        onSuccess: (s) => {
          notifySuccess(t('evalStudies.created', { name: s.name }));
          onClose();
          void navigate(studyPath(s.id));
        },
      });
  };
  return (
    <FormModal
      opened
      title={study ? t('evalStudies.overview.editTitle') : t('evalStudies.createTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => p === 'name' || p === 'question' || p.startsWith('memberIds')}
      submitLabel={study ? undefined : t('common.create')}
    >
      {!study && (
        <Text size="sm" c="dimmed">
          {t('evalStudies.createIntro')}
        </Text>
      )}
      <TextInput
        label={t('evalStudies.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <Textarea
        label={t('evalStudies.question')}
        value={question}
        onChange={(e) => setQuestion(e.currentTarget.value)}
        error={errors.question}
        autosize
        minRows={2}
      />
      <MultiSelect
        label={t('evalStudies.members')}
        description={t('evalStudies.membersHint')}
        data={options}
        value={memberIds}
        onChange={setMemberIds}
        searchable
        clearable
        error={
          errors.memberIds ??
          Object.entries(errors).find(([k]) => k.startsWith('memberIds.'))?.[1] ??
          undefined
        }
      />
    </FormModal>
  );
}
