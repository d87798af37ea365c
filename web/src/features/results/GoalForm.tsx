import { useState } from 'react';
import { NativeSelect, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../api/types';
import { useSaveGoal, type Goal, type GoalLevel } from '../../api/results';
import { fieldErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';

const LEVELS: GoalLevel[] = ['impact', 'result', 'activity'];
const UP: Record<GoalLevel, GoalLevel | null> = { impact: null, result: 'impact', activity: 'result' };

/** Create or edit a goal: level, focus area (one of the plan's), parent one level up, title. */
export function GoalForm({
  plan,
  goals,
  goal,
  preset,
  onClose,
}: {
  plan: PlanDetail;
  goals: Goal[];
  goal?: Goal;
  preset?: { level?: GoalLevel; focusAreaId?: string; parentId?: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveGoal(plan.id);
  const focusAreas = sortBy(plan.focusAreas, (f) => f.sortOrder, 'asc');
  const [level, setLevel] = useState<GoalLevel>(goal?.level ?? preset?.level ?? 'impact');
  const [focusAreaId, setFocusAreaId] = useState(
    goal?.focusAreaId ?? preset?.focusAreaId ?? focusAreas[0]?.id ?? '',
  );
  const [parentId, setParentId] = useState(goal?.parentId ?? preset?.parentId ?? '');
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const errors = fieldErrors(save.error);
  const parentLevel = UP[level];
  const parents = goals.filter(
    (g) => parentLevel && g.level === parentLevel && g.focusAreaId === focusAreaId && g.id !== goal?.id,
  );

  const onSubmit = () => {
    const input = {
      level,
      focusAreaId,
      parentId: parentLevel && parentId && parents.some((p) => p.id === parentId) ? parentId : null,
      title: title.trim(),
      description: description.trim() || null,
    };
    save.mutate(
      { id: goal?.id, input: goal ? { ...input, version: goal.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(t(goal ? 'common.saved' : 'common.created', { name: saved.title }));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened
      title={goal ? t('results.goals.editTitle') : t('results.goals.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => ['level', 'focusAreaId', 'parentId', 'title', 'description'].includes(p)}
    >
      <NativeSelect
        label={t('results.goals.level')}
        description={t(`results.levelHelp.${level}`)}
        value={level}
        onChange={(e) => setLevel(e.currentTarget.value as GoalLevel)}
        data={LEVELS.map((l) => ({ value: l, label: t(`results.level.${l}`) }))}
        error={errors.level}
        required
      />
      <NativeSelect
        label={t('results.goals.focusArea')}
        description={t('results.goals.focusAreaHelp')}
        value={focusAreaId}
        onChange={(e) => setFocusAreaId(e.currentTarget.value)}
        data={focusAreas.map((f) => ({ value: f.id, label: locale === 'en' ? f.nameEn : f.nameDa }))}
        error={errors.focusAreaId}
        required
      />
      {parentLevel && (
        <NativeSelect
          label={t('results.goals.parent')}
          description={t('results.goals.parentHelp')}
          value={parents.some((p) => p.id === parentId) ? parentId : ''}
          onChange={(e) => setParentId(e.currentTarget.value)}
          data={[
            { value: '', label: t('results.goals.noParent') },
            ...parents.map((p) => ({ value: p.id, label: p.title })),
          ]}
          error={errors.parentId}
        />
      )}
      <TextInput
        label={t('results.goals.titleField')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
      />
      <Textarea
        label={t('results.goals.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
