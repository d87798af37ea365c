import { useState } from 'react';
import { Group, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSaveReport, type Report } from '../../api/reports';
import { fieldErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../admin/FormModal';

const AUDIENCES = ['steering_group', 'fund'] as const;
const FIELDS = ['summary', 'progress', 'deviations', 'nextSteps'] as const;

/** Create a draft status report, or edit a draft's title, period, audience and texts. */
export function ReportForm({
  planId,
  report,
  onClose,
}: {
  planId: string;
  report?: Report;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveReport(planId);
  const [title, setTitle] = useState(report?.title ?? '');
  const [period, setPeriod] = useState(report?.period ?? String(new Date().getFullYear()));
  const [audience, setAudience] = useState<(typeof AUDIENCES)[number]>(report?.audience ?? 'steering_group');
  const [texts, setTexts] = useState<Record<(typeof FIELDS)[number], string>>({
    summary: report?.narrative.summary ?? '',
    progress: report?.narrative.progress ?? '',
    deviations: report?.narrative.deviations ?? '',
    nextSteps: report?.narrative.nextSteps ?? '',
  });
  const errors = fieldErrors(save.error);

  const onSubmit = () => {
    const input = {
      title: title.trim(),
      period: period.trim(),
      audience,
      narrative: Object.fromEntries(FIELDS.map((f) => [f, texts[f].trim() || null])),
    };
    save.mutate(
      { id: report?.id, input: report ? { ...input, version: report.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(t(report ? 'common.saved' : 'common.created', { name: saved.title }));
          onClose();
          if (!report) void navigate(`/plans/${planId}/reports/${saved.id}`);
        },
      },
    );
  };

  return (
    <FormModal
      opened
      size="xl"
      title={report ? t('reports.editTitle') : t('reports.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => ['title', 'period', 'audience'].includes(p) || p.startsWith('narrative.')}
    >
      <TextInput
        label={t('reports.name')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('reports.period')}
          description={t('reports.periodHelp')}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          error={errors.period}
          required
        />
        <NativeSelect
          label={t('reports.audience')}
          value={audience}
          onChange={(e) => setAudience(e.currentTarget.value as typeof audience)}
          data={AUDIENCES.map((a) => ({ value: a, label: t(`reports.audiences.${a}`) }))}
          error={errors.audience}
          required
        />
      </Group>
      {FIELDS.map((f) => (
        <Textarea
          key={f}
          label={t(`reports.narrative.${f}`)}
          value={texts[f]}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setTexts((all) => ({ ...all, [f]: v }));
          }}
          error={errors[`narrative.${f}`]}
          autosize
          minRows={3}
        />
      ))}
    </FormModal>
  );
}
