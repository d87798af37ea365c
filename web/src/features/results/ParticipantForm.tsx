import { useState } from 'react';
import { Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeKind } from '@pejling/contracts';
import { OUTCOME_KINDS } from './registrations.i18n';
import type { Activity } from '../../api/results';
import { useSaveParticipant, type Participant } from '../../api/registrations';
import { DateField } from '../../components/DateField';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons';
import { fieldErrors } from '../../lib/errors';
import { formatDate, localToday, parseDateInput } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../admin/FormModal';

const GENDERS = ['', 'female', 'male', 'other'] as const;

interface EnrolmentRow {
  activityId: string;
  startedOn: string;
  endedOn: string;
}
interface OutcomeRow {
  kind: OutcomeKind;
  date: string;
  activityId: string;
}

/** Create or edit a pseudonymous participant with enrolments in activities and outcome events. */
export function ParticipantForm({
  planId,
  activities,
  participant,
  onClose,
}: {
  planId: string;
  activities: Activity[];
  participant?: Participant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveParticipant(planId);
  const [code, setCode] = useState(participant?.code ?? '');
  const [birthYear, setBirthYear] = useState(participant?.birthYear ? String(participant.birthYear) : '');
  const [gender, setGender] = useState<(typeof GENDERS)[number]>(participant?.gender ?? '');
  const [postcode, setPostcode] = useState(participant?.postcode ?? '');
  const [enrolments, setEnrolments] = useState<EnrolmentRow[]>(
    (participant?.enrolments ?? []).map((e) => ({
      activityId: e.activityId,
      startedOn: formatDate(e.startedOn),
      endedOn: e.endedOn ? formatDate(e.endedOn) : '',
    })),
  );
  const [outcomes, setOutcomes] = useState<OutcomeRow[]>(
    (participant?.outcomes ?? []).map((o) => ({
      kind: o.kind,
      date: formatDate(o.date),
      activityId: o.activityId ?? '',
    })),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const activityOptions = activities.map((a) => ({ value: a.id, label: a.name }));

  const onSubmit = () => {
    const problems: Record<string, string> = {};
    if (birthYear.trim() && !/^\d{4}$/.test(birthYear.trim()))
      problems.birthYear = t('results.participants.invalidYear');
    const es = enrolments.map((e, i) => {
      const s = parseDateInput(e.startedOn);
      const end = parseDateInput(e.endedOn);
      if (!s) problems[`enrolments.${i}.startedOn`] = t('common.invalidDate');
      if (end === null) problems[`enrolments.${i}.endedOn`] = t('common.invalidDate');
      return { activityId: e.activityId, startedOn: s ?? '', endedOn: end || null };
    });
    const os = outcomes.map((o, i) => {
      const d = parseDateInput(o.date);
      if (!d) problems[`outcomes.${i}.date`] = t('common.invalidDate');
      return { kind: o.kind, date: d ?? '', activityId: o.activityId || null };
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const input = {
      code: code.trim(),
      birthYear: birthYear.trim() ? Number(birthYear.trim()) : null,
      gender: gender || null,
      postcode: postcode.trim() || null,
      enrolments: es,
      outcomes: os,
    };
    save.mutate(
      { id: participant?.id, input: participant ? { ...input, version: participant.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(t(participant ? 'common.saved' : 'common.created', { name: saved.code }));
          onClose();
        },
      },
    );
  };

  const placed = (p: string) =>
    ['code', 'birthYear', 'gender', 'postcode'].includes(p) ||
    /^enrolments\.\d+\.(activityId|startedOn|endedOn)$/.test(p) ||
    /^outcomes\.\d+\.(kind|date|activityId)$/.test(p);

  return (
    <FormModal
      opened
      size="xl"
      title={
        participant
          ? t('results.participants.editTitle', { code: participant.code })
          : t('results.participants.add')
      }
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={placed}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('results.participants.code')}
          description={t('results.participants.codeHelp')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          required
          autoComplete="off"
          data-autofocus
        />
        <TextInput
          label={t('results.participants.birthYear')}
          value={birthYear}
          onChange={(e) => setBirthYear(e.currentTarget.value)}
          inputMode="numeric"
          error={errors.birthYear}
        />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('results.participants.gender')}
          value={gender}
          onChange={(e) => setGender(e.currentTarget.value as typeof gender)}
          data={GENDERS.map((g) => ({ value: g, label: t(`results.participants.genders.${g}`) }))}
          error={errors.gender}
        />
        <TextInput
          label={t('results.participants.postcode')}
          value={postcode}
          onChange={(e) => setPostcode(e.currentTarget.value)}
          inputMode="numeric"
          error={errors.postcode}
        />
      </Group>
      <Fieldset legend={t('results.participants.enrolments')}>
        <Stack gap="xs">
          {enrolments.map((e, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <NativeSelect
                label={`${t('results.participants.activity')} ${i + 1}`}
                value={e.activityId}
                onChange={(ev) => {
                  const v = ev.currentTarget.value;
                  setEnrolments((rows) => rows.map((r, j) => (j === i ? { ...r, activityId: v } : r)));
                }}
                data={activityOptions}
                error={errors[`enrolments.${i}.activityId`]}
              />
              <DateField
                label={`${t('results.participants.startedOn')} ${i + 1}`}
                value={e.startedOn}
                onChange={(v) =>
                  setEnrolments((rows) => rows.map((r, j) => (j === i ? { ...r, startedOn: v } : r)))
                }
                error={errors[`enrolments.${i}.startedOn`]}
              />
              <DateField
                label={`${t('results.participants.endedOn')} ${i + 1}`}
                value={e.endedOn}
                onChange={(v) =>
                  setEnrolments((rows) => rows.map((r, j) => (j === i ? { ...r, endedOn: v } : r)))
                }
                error={errors[`enrolments.${i}.endedOn`]}
              />
              <RemoveRowButton
                label={t('results.participants.removeEnrolment', { n: i + 1 })}
                onClick={() => setEnrolments((rows) => rows.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
          {activities.length > 0 && (
            <AddRowButton
              onClick={() =>
                setEnrolments((rows) => [
                  ...rows,
                  {
                    activityId: activities[0]!.id,
                    startedOn: formatDate(localToday()),
                    endedOn: '',
                  },
                ])
              }
            >
              {t('results.participants.addEnrolment')}
            </AddRowButton>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('results.participants.outcomes')}>
        <Stack gap="xs">
          {outcomes.map((o, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <NativeSelect
                label={`${t('results.participants.kind')} ${i + 1}`}
                value={o.kind}
                onChange={(ev) => {
                  const v = ev.currentTarget.value as OutcomeKind;
                  setOutcomes((rows) => rows.map((r, j) => (j === i ? { ...r, kind: v } : r)));
                }}
                data={OUTCOME_KINDS.map((k) => ({
                  value: k,
                  label: t(`results.registrations.outcomes.${k}`),
                }))}
                error={errors[`outcomes.${i}.kind`]}
              />
              <DateField
                label={`${t('results.participants.date')} ${i + 1}`}
                value={o.date}
                onChange={(v) => setOutcomes((rows) => rows.map((r, j) => (j === i ? { ...r, date: v } : r)))}
                error={errors[`outcomes.${i}.date`]}
              />
              <NativeSelect
                label={`${t('results.participants.activity')} ${i + 1}`}
                value={o.activityId}
                onChange={(ev) => {
                  const v = ev.currentTarget.value;
                  setOutcomes((rows) => rows.map((r, j) => (j === i ? { ...r, activityId: v } : r)));
                }}
                data={[{ value: '', label: '—' }, ...activityOptions]}
                error={errors[`outcomes.${i}.activityId`]}
              />
              <RemoveRowButton
                label={t('results.participants.removeOutcome', { n: i + 1 })}
                onClick={() => setOutcomes((rows) => rows.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
          <AddRowButton
            onClick={() =>
              setOutcomes((rows) => [
                ...rows,
                {
                  kind: 'started_education',
                  date: formatDate(localToday()),
                  activityId: '',
                },
              ])
            }
          >
            {t('results.participants.addOutcome')}
          </AddRowButton>
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
