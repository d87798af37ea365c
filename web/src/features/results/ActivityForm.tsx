import { useState } from 'react';
import { Checkbox, Fieldset, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../api/types';
import { useSaveActivity, type Activity, type Goal } from '../../api/results';
import { DateField } from '../../components/DateField';
import { fieldErrors } from '../../lib/errors';
import { formatDate, parseDateInput, parseKronerToOre, sortBy } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons';

const STATUSES = ['planned', 'running', 'paused', 'ended'] as const;
const FREQUENCIES = ['none', 'weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
const LEVEL_RANK = { impact: 0, result: 1, activity: 2 } as const;

interface MilestoneRow {
  title: string;
  date: string;
  done: boolean;
}

/** Create or edit an activity and choose the goals of the plan it serves. */
export function ActivityForm({
  plan,
  goals,
  activity,
  goalId,
  onClose,
}: {
  plan: PlanDetail;
  goals: Goal[];
  activity?: Activity;
  goalId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveActivity(plan.id);
  const preset = goals.find((g) => g.id === goalId);
  const [name, setName] = useState(activity?.name ?? '');
  const [description, setDescription] = useState(activity?.description ?? '');
  const [focusAreaId, setFocusAreaId] = useState(activity?.focusAreaId ?? preset?.focusAreaId ?? '');
  const [goalIds, setGoalIds] = useState<string[]>(activity?.goalIds ?? (preset ? [preset.id] : []));
  const [owner, setOwner] = useState(activity?.ownerOrganisation ?? plan.housingOrganisationName);
  const [responsible, setResponsible] = useState(activity?.responsiblePerson ?? '');
  const [partners, setPartners] = useState(activity?.partners ?? '');
  const [targetGroup, setTargetGroup] = useState(activity?.targetGroup ?? '');
  const [start, setStart] = useState(activity?.periodStart ? formatDate(activity.periodStart) : '');
  const [end, setEnd] = useState(activity?.periodEnd ? formatDate(activity.periodEnd) : '');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>(activity?.status ?? 'planned');
  const [budget, setBudget] = useState(
    activity?.budgetOre != null
      ? String(activity.budgetOre / 100).replace('.', locale === 'da' ? ',' : '.')
      : '',
  );
  const [milestones, setMilestones] = useState<MilestoneRow[]>(
    (activity?.milestones ?? []).map((m) => ({
      title: m.title,
      date: m.date ? formatDate(m.date) : '',
      done: m.done,
    })),
  );
  const [frequency, setFrequency] = useState<(typeof FREQUENCIES)[number]>(
    activity?.registrationFrequency ?? 'none',
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const sortedGoals = [...goals].sort(
    (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.sortOrder - b.sortOrder,
  );

  const onSubmit = () => {
    const problems: Record<string, string> = {};
    const periodStart = parseDateInput(start);
    const periodEnd = parseDateInput(end);
    if (periodStart === null) problems.periodStart = t('common.invalidDate');
    if (periodEnd === null) problems.periodEnd = t('common.invalidDate');
    const budgetOre = budget.trim() === '' ? null : parseKronerToOre(budget, locale);
    if (budget.trim() !== '' && (budgetOre === null || budgetOre < 0))
      problems.budgetOre = t('results.activities.invalidBudget');
    const ms = milestones.map((m, i) => {
      const d = parseDateInput(m.date);
      if (d === null) problems[`milestones.${i}.date`] = t('common.invalidDate');
      return { title: m.title.trim(), date: d || null, done: m.done };
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const input = {
      name: name.trim(),
      description: description.trim() || null,
      focusAreaId: focusAreaId || null,
      goalIds,
      ownerOrganisation: owner.trim() || null,
      responsiblePerson: responsible.trim() || null,
      partners: partners.trim() || null,
      targetGroup: targetGroup.trim() || null,
      periodStart: periodStart || null,
      periodEnd: periodEnd || null,
      status,
      budgetOre,
      milestones: ms,
      registrationFrequency: frequency,
    };
    save.mutate(
      { id: activity?.id, input: activity ? { ...input, version: activity.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(t(activity ? 'common.saved' : 'common.created', { name: saved.name }));
          onClose();
        },
      },
    );
  };

  const placed = (p: string) =>
    [
      'name',
      'description',
      'focusAreaId',
      'ownerOrganisation',
      'responsiblePerson',
      'partners',
      'targetGroup',
      'periodStart',
      'periodEnd',
      'status',
      'budgetOre',
      'registrationFrequency',
    ].includes(p) ||
    p.startsWith('goalIds') ||
    /^milestones\.\d+\.(title|date)$/.test(p);
  const goalError = Object.entries(errors).find(([k]) => k.startsWith('goalIds'))?.[1];

  return (
    <FormModal
      opened
      size="xl"
      title={activity ? t('results.activities.editTitle') : t('results.activities.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={placed}
    >
      <TextInput
        label={t('results.activities.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <Textarea
        label={t('results.activities.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
      />
      <Checkbox.Group
        label={t('results.activities.goals')}
        description={t('results.activities.goalsHelp')}
        value={goalIds}
        onChange={setGoalIds}
        error={goalError}
      >
        <Stack gap={6} mt="xs">
          {sortedGoals.length === 0 && <span>{t('results.goals.emptyTitle')}</span>}
          {sortedGoals.map((g) => (
            <Checkbox key={g.id} value={g.id} label={`${t(`results.level.${g.level}`)}: ${g.title}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('results.activities.focusArea')}
          value={focusAreaId}
          onChange={(e) => setFocusAreaId(e.currentTarget.value)}
          data={[
            { value: '', label: t('results.activities.noFocusArea') },
            ...sortBy(plan.focusAreas, (x) => x.sortOrder, 'asc').map((x) => ({
              value: x.id,
              label: locale === 'en' ? x.nameEn : x.nameDa,
            })),
          ]}
          error={errors.focusAreaId}
        />
        <NativeSelect
          label={t('results.activities.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
          data={STATUSES.map((s) => ({ value: s, label: t(`results.activities.statuses.${s}`) }))}
          error={errors.status}
          required
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('results.activities.owner')}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          error={errors.ownerOrganisation}
        />
        <TextInput
          label={t('results.activities.responsible')}
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
          error={errors.responsiblePerson}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('results.activities.partners')}
          value={partners}
          onChange={(e) => setPartners(e.currentTarget.value)}
          error={errors.partners}
        />
        <TextInput
          label={t('results.activities.targetGroup')}
          value={targetGroup}
          onChange={(e) => setTargetGroup(e.currentTarget.value)}
          error={errors.targetGroup}
        />
      </Group>
      <Group grow align="flex-start">
        <DateField
          label={t('results.activities.periodStart')}
          value={start}
          onChange={setStart}
          error={errors.periodStart}
        />
        <DateField
          label={t('results.activities.periodEnd')}
          value={end}
          onChange={setEnd}
          error={errors.periodEnd}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('results.activities.budget')}
          inputMode="decimal"
          value={budget}
          onChange={(e) => setBudget(e.currentTarget.value)}
          error={errors.budgetOre}
        />
        <NativeSelect
          label={t('results.activities.frequency')}
          value={frequency}
          onChange={(e) => setFrequency(e.currentTarget.value as typeof frequency)}
          data={FREQUENCIES.map((s) => ({ value: s, label: t(`results.activities.frequencies.${s}`) }))}
          error={errors.registrationFrequency}
        />
      </Group>
      <Fieldset legend={t('results.activities.milestones')}>
        <Stack gap="xs">
          {milestones.map((m, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextInput
                label={`${t('results.activities.milestoneTitle')} ${i + 1}`}
                value={m.title}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setMilestones((rows) => rows.map((r, j) => (j === i ? { ...r, title: v } : r)));
                }}
                error={errors[`milestones.${i}.title`]}
              />
              <DateField
                label={`${t('results.activities.milestoneDate')} ${i + 1}`}
                value={m.date}
                onChange={(v) =>
                  setMilestones((rows) => rows.map((r, j) => (j === i ? { ...r, date: v } : r)))
                }
                error={errors[`milestones.${i}.date`]}
              />
              <Checkbox
                mb={10}
                label={`${t('results.activities.milestoneDone')} ${i + 1}`}
                checked={m.done}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  setMilestones((rows) => rows.map((r, j) => (j === i ? { ...r, done: v } : r)));
                }}
              />
              <RemoveRowButton
                label={t('results.activities.removeMilestone', { n: i + 1 })}
                onClick={() => setMilestones((rows) => rows.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
          <AddRowButton
            onClick={() => setMilestones((rows) => [...rows, { title: '', date: '', done: false }])}
          >
            {t('results.activities.addMilestone')}
          </AddRowButton>
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
