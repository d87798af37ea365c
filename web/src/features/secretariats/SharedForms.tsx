import { useState } from 'react';
import { Group, NativeSelect, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  useDeleteSharedGoal,
  useDeleteSharedIndicator,
  useSaveSharedGoal,
  useSaveSharedIndicator,
  type SharedGoal,
  type SharedIndicator,
} from '../../api/sharedGoals';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { fieldErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../admin/FormModal';

const KINDS = ['count', 'percentage', 'average', 'yes_no'] as const;
const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
const COMBINES = ['sum', 'latest', 'non_cumulative'] as const;

/** Create or edit a shared goal of an area secretariat. */
export function SharedGoalForm({
  secretariatId,
  goal,
  onClose,
}: {
  secretariatId: string;
  goal?: SharedGoal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSharedGoal(secretariatId);
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const onSubmit = () => {
    if (!title.trim()) {
      setLocal({ title: t('common.required') });
      return;
    }
    setLocal({});
    const input = { title: title.trim(), description: description.trim() || null };
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
      title={goal ? t('sharedGoals.editTitle') : t('sharedGoals.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => p === 'title' || p === 'description'}
    >
      <TextInput
        label={t('sharedGoals.titleField')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
      />
      <Textarea
        label={t('sharedGoals.description')}
        description={t('sharedGoals.descriptionHelp')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={3}
      />
    </FormModal>
  );
}

/**
 * Create or edit a shared indicator: the fund's (no secretariat) or an area secretariat's,
 * then optionally under one of its shared goals.
 */
export function SharedIndicatorForm({
  indicator,
  areaSecretariatId,
  goals,
  goalId,
  onClose,
}: {
  indicator?: SharedIndicator;
  /** The owning secretariat; null for the fund's own. */
  areaSecretariatId: string | null;
  /** The secretariat's shared goals to choose among (none for the fund). */
  goals?: SharedGoal[];
  goalId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSharedIndicator();
  const [name, setName] = useState(indicator?.name ?? '');
  const [definition, setDefinition] = useState(indicator?.definition ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [kind, setKind] = useState<(typeof KINDS)[number]>(indicator?.kind ?? 'count');
  const [direction, setDirection] = useState<(typeof DIRECTIONS)[number]>(
    indicator?.direction ?? 'higher_is_better',
  );
  const [combine, setCombine] = useState<(typeof COMBINES)[number]>(indicator?.combine ?? 'sum');
  const [goal, setGoal] = useState(indicator?.sharedGoalId ?? goalId ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };

  const onSubmit = () => {
    if (!name.trim()) {
      setLocal({ name: t('common.required') });
      return;
    }
    setLocal({});
    const input = {
      name: name.trim(),
      definition: definition.trim() || null,
      unit: unit.trim() || null,
      kind,
      direction,
      combine,
      areaSecretariatId: indicator ? indicator.areaSecretariatId : areaSecretariatId,
      sharedGoalId: goal || null,
    };
    save.mutate(
      { id: indicator?.id, input: indicator ? { ...input, version: indicator.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(t(indicator ? 'common.saved' : 'common.created', { name: saved.name }));
          onClose();
        },
      },
    );
  };

  const placed = (p: string) =>
    ['name', 'definition', 'unit', 'kind', 'direction', 'combine', 'sharedGoalId'].includes(p);

  return (
    <FormModal
      opened
      title={indicator ? t('sharedGoals.indicator.editTitle') : t('sharedGoals.indicator.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={placed}
    >
      {goals && (
        <NativeSelect
          label={t('sharedGoals.indicator.goal')}
          description={t('sharedGoals.indicator.goalHelp')}
          value={goal}
          onChange={(e) => setGoal(e.currentTarget.value)}
          data={[
            { value: '', label: t('sharedGoals.indicator.noGoal') },
            ...goals.map((g) => ({ value: g.id, label: g.title })),
          ]}
          error={errors.sharedGoalId}
        />
      )}
      <TextInput
        label={t('sharedGoals.indicator.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <Textarea
        label={t('sharedGoals.indicator.definition')}
        description={t('sharedGoals.indicator.definitionHelp')}
        value={definition}
        onChange={(e) => setDefinition(e.currentTarget.value)}
        error={errors.definition}
        autosize
        minRows={2}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('sharedGoals.indicator.kind')}
          description={t('sharedGoals.indicator.kindHelp')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
          data={KINDS.map((k) => ({ value: k, label: t(`results.indicators.kinds.${k}`) }))}
          error={errors.kind}
          required
        />
        <TextInput
          label={t('sharedGoals.indicator.unit')}
          description={t('sharedGoals.indicator.unitHelp')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          error={errors.unit}
        />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('sharedGoals.indicator.direction')}
          value={direction}
          onChange={(e) => setDirection(e.currentTarget.value as typeof direction)}
          data={DIRECTIONS.map((k) => ({ value: k, label: t(`results.indicators.directions.${k}`) }))}
          error={errors.direction}
          required
        />
        <NativeSelect
          label={t('sharedGoals.indicator.combine')}
          description={t('sharedGoals.indicator.combineHelp')}
          value={combine}
          onChange={(e) => setCombine(e.currentTarget.value as typeof combine)}
          data={COMBINES.map((k) => ({ value: k, label: t(`results.indicators.combines.${k}`) }))}
          error={errors.combine}
          required
        />
      </Group>
    </FormModal>
  );
}

export function DeleteSharedGoal({
  secretariatId,
  goal,
  onClose,
}: {
  secretariatId: string;
  goal: SharedGoal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteSharedGoal(secretariatId);
  return (
    <DeleteDialog
      title={t('sharedGoals.deleteTitle', { name: goal.title })}
      name={goal.title}
      id={goal.id}
      remove={del}
      onClose={onClose}
    >
      {t('sharedGoals.deleteText')}
    </DeleteDialog>
  );
}

export function DeleteSharedIndicator({
  indicator,
  onClose,
}: {
  indicator: SharedIndicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteSharedIndicator();
  return (
    <DeleteDialog
      title={t('sharedGoals.indicator.deleteTitle', { name: indicator.name })}
      name={indicator.name}
      id={indicator.id}
      remove={del}
      onClose={onClose}
    >
      {indicator.linkedIndicators > 0
        ? t('sharedGoals.indicator.deleteInUse', { count: indicator.linkedIndicators })
        : t('sharedGoals.indicator.deleteText')}
    </DeleteDialog>
  );
}
