import { useState } from 'react';
import { Fieldset, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/results';
import { useSaveRegistration, type Registration } from '../../api/registrations';
import { DateField } from '../../components/DateField';
import { fieldErrors } from '../../lib/errors';
import { formatDate, localToday, parseDateInput } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';
import { decimalText, parseDecimal } from './numbers';

/** A count typed by a person: null when empty, NaN when not a whole number. */
const wholeNumber = (v: string) => (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

/**
 * Register one session or event of an activity: date, participants (with the breakdowns the
 * indicators it feeds ask for), hours and a note.
 */
export function RegistrationForm({
  planId,
  activity,
  registration,
  onClose,
}: {
  planId: string;
  activity: Activity;
  registration?: Registration;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRegistration(planId);
  // A new registration starts on today, or on the activity's last day once it has ended.
  const today = localToday();
  const latest = activity.periodEnd && activity.periodEnd < today ? activity.periodEnd : today;
  const [date, setDate] = useState(formatDate(registration?.date ?? latest));
  const locale = useLocale();
  const [participants, setParticipants] = useState(String(registration?.participants ?? ''));
  const [counts, setCounts] = useState<Record<string, Record<string, string>>>(
    Object.fromEntries(
      Object.entries(registration?.counts ?? {}).map(([k, byCategory]) => [
        k,
        Object.fromEntries(Object.entries(byCategory).map(([c, n]) => [c, String(n)])),
      ]),
    ),
  );
  const [hours, setHours] = useState(decimalText(registration?.hours, locale));
  const [note, setNote] = useState(registration?.note ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };

  const onSubmit = () => {
    const problems: Record<string, string> = {};
    const iso = parseDateInput(date);
    if (!iso) problems.date = t('common.invalidDate');
    const n = wholeNumber(participants);
    if (n === null || Number.isNaN(n)) problems.participants = t('results.registrations.invalidNumber');
    const h = parseDecimal(hours, locale);
    if (h !== null && (!Number.isFinite(h) || h < 0))
      problems.hours = t('results.registrations.invalidHours');
    const cleaned: Record<string, Record<string, number>> = {};
    for (const [key, byCategory] of Object.entries(counts)) {
      for (const [category, value] of Object.entries(byCategory)) {
        const c = wholeNumber(value);
        if (c === null) continue;
        if (Number.isNaN(c)) problems[`counts.${key}.${category}`] = t('results.registrations.invalidNumber');
        else (cleaned[key] ??= {})[category] = c;
      }
    }
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const input = {
      activityId: activity.id,
      date: iso!,
      participants: n!,
      counts: cleaned,
      hours: h,
      note: note.trim() || null,
    };
    save.mutate(
      {
        id: registration?.id,
        input: registration ? { ...input, version: registration.version } : input,
      },
      {
        onSuccess: () => {
          notifySuccess(t('results.registrations.saved'));
          onClose();
        },
      },
    );
  };

  const placed = (p: string) =>
    ['date', 'participants', 'hours', 'note'].includes(p) || p.startsWith('counts.');

  return (
    <FormModal
      opened
      title={
        registration
          ? t('results.registrations.editTitle')
          : t('results.registrations.addTitle', { name: activity.name })
      }
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={placed}
    >
      <Group grow align="flex-start">
        <DateField
          label={t('results.registrations.date')}
          value={date}
          onChange={setDate}
          error={errors.date}
          required
          data-autofocus
        />
        <TextInput
          label={t('results.registrations.participants')}
          value={participants}
          onChange={(e) => setParticipants(e.currentTarget.value)}
          inputMode="numeric"
          error={errors.participants}
          required
        />
        <TextInput
          label={t('results.registrations.hours')}
          value={hours}
          onChange={(e) => setHours(e.currentTarget.value)}
          inputMode="decimal"
          error={errors.hours}
        />
      </Group>
      {activity.registrationBreakdowns.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('results.registrations.noBreakdowns')}
        </Text>
      ) : (
        activity.registrationBreakdowns.map((b) => (
          <Fieldset key={b.key} legend={b.label}>
            <Stack gap="xs">
              <Text size="sm">{t('results.registrations.breakdownHelp')}</Text>
              {errors[`counts.${b.key}`] && (
                <Text size="sm" c="red.9" role="alert">
                  {errors[`counts.${b.key}`]}
                </Text>
              )}
              <Group grow align="flex-start">
                {b.categories.map((c) => (
                  <TextInput
                    key={c}
                    label={c}
                    value={counts[b.key]?.[c] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setCounts((all) => ({ ...all, [b.key]: { ...all[b.key], [c]: v } }));
                    }}
                    inputMode="numeric"
                    error={errors[`counts.${b.key}.${c}`]}
                  />
                ))}
              </Group>
            </Stack>
          </Fieldset>
        ))
      )}
      <Textarea
        label={t('results.registrations.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
