import { useState } from 'react';
import { Fieldset, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeKind, RegistrationMeasure } from '@pejling/contracts';
import { OUTCOME_KINDS, REGISTRATION_MEASURES } from './registrations.i18n';
import { useSaveIndicator, type Goal, type Indicator } from '../../api/results';
import { useLinkableSharedIndicators } from '../../api/sharedGoals';
import { DateField } from '../../components/DateField';
import { fieldErrors } from '../../lib/errors';
import { formatDate, parseDateInput } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';
import { decimalText, parseDecimal } from './shared';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons';

const KINDS = ['count', 'percentage', 'average', 'yes_no'] as const;
const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
const SOURCES = ['registrations', 'questionnaire', 'register', 'manual'] as const;
const COMBINES = ['sum', 'latest', 'non_cumulative'] as const;

interface TargetRow {
  period: string;
  value: string;
  /** `key=category` for a breakdown category's own target; '' for the total. */
  breakdown: string;
}
interface BreakdownRow {
  key: string;
  label: string;
  categories: string;
}

/** Create or edit an indicator: definition, kind, direction, source, baseline, targets, breakdowns. */
export function IndicatorForm({
  planId,
  goals,
  indicator,
  goalId,
  onClose,
}: {
  planId: string;
  goals: Goal[];
  indicator?: Indicator;
  goalId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveIndicator(planId);
  const [goal, setGoal] = useState(indicator?.goalId ?? goalId ?? goals[0]?.id ?? '');
  const [name, setName] = useState(indicator?.name ?? '');
  const [definition, setDefinition] = useState(indicator?.definition ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [kind, setKind] = useState<(typeof KINDS)[number]>(indicator?.kind ?? 'count');
  const [direction, setDirection] = useState<(typeof DIRECTIONS)[number]>(
    indicator?.direction ?? 'higher_is_better',
  );
  const [dataSource, setDataSource] = useState<(typeof SOURCES)[number]>(indicator?.dataSource ?? 'manual');
  const [measure, setMeasure] = useState<RegistrationMeasure | ''>(indicator?.registrationMeasure ?? '');
  const [outcomeKind, setOutcomeKind] = useState<OutcomeKind | ''>(indicator?.outcomeKind ?? '');
  const [combine, setCombine] = useState<(typeof COMBINES)[number]>(indicator?.combine ?? 'sum');
  const [baselineValue, setBaselineValue] = useState(decimalText(indicator?.baselineValue, locale));
  const [baselineDate, setBaselineDate] = useState(
    indicator?.baselineDate ? formatDate(indicator.baselineDate) : '',
  );
  const [baselineSource, setBaselineSource] = useState(indicator?.baselineSource ?? '');
  const [targets, setTargets] = useState<TargetRow[]>(
    (indicator?.targets ?? []).map((x) => {
      const [entry] = Object.entries(x.breakdown ?? {});
      return {
        period: x.period,
        value: decimalText(x.value, locale),
        breakdown: entry ? `${entry[0]}=${entry[1]}` : '',
      };
    }),
  );
  const [breakdowns, setBreakdowns] = useState<BreakdownRow[]>(
    (indicator?.breakdowns ?? []).map((b) => ({
      key: b.key,
      label: b.label,
      categories: b.categories.join(', '),
    })),
  );
  const [changeReason, setChangeReason] = useState('');
  const linkable = useLinkableSharedIndicators(planId);
  const [shared, setShared] = useState(indicator?.sharedIndicatorId ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const categoryOptions = breakdowns.flatMap((b) =>
    b.categories
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => ({ value: `${b.key.trim()}=${c}`, label: `${b.label.trim() || b.key}: ${c}` })),
  );

  const onSubmit = () => {
    const problems: Record<string, string> = {};
    const base = parseDecimal(baselineValue, locale);
    if (Number.isNaN(base)) problems.baselineValue = t('common.invalidNumber');
    const date = parseDateInput(baselineDate);
    if (date === null) problems.baselineDate = t('common.invalidDate');
    const parsedTargets = targets.map((row, i) => {
      const v = parseDecimal(row.value, locale);
      if (v === null || Number.isNaN(v)) problems[`targets.${i}.value`] = t('common.invalidNumber');
      const [key, category] = row.breakdown ? row.breakdown.split('=') : [];
      return {
        period: row.period.trim(),
        value: v ?? 0,
        breakdown: key && category ? { [key]: category } : null,
      };
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const input = {
      goalId: goal,
      name: name.trim(),
      definition: definition.trim() || null,
      unit: unit.trim() || null,
      kind,
      direction,
      dataSource,
      registrationMeasure: dataSource === 'registrations' ? measure || null : null,
      outcomeKind: dataSource === 'registrations' && measure === 'outcome' ? outcomeKind || null : null,
      combine,
      breakdowns: breakdowns.map((b) => ({
        key: b.key.trim(),
        label: b.label.trim(),
        categories: b.categories
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      })),
      baselineValue: base,
      baselineDate: date || null,
      baselineSource: baselineSource.trim() || null,
      targets: parsedTargets,
      // Left out while the shared indicators are unknown, so a failed read never unlinks.
      ...(linkable.data ? { sharedIndicatorId: shared || null } : {}),
    };
    save.mutate(
      {
        id: indicator?.id,
        input: indicator
          ? { ...input, version: indicator.version, changeReason: changeReason.trim() || null }
          : input,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t(indicator ? 'common.saved' : 'common.created', { name: saved.name }));
          onClose();
        },
      },
    );
  };

  const placed = (p: string) =>
    [
      'goalId',
      'name',
      'definition',
      'unit',
      'kind',
      'direction',
      'dataSource',
      'registrationMeasure',
      'outcomeKind',
      'combine',
      'baselineValue',
      'baselineDate',
      'baselineSource',
      'changeReason',
      'sharedIndicatorId',
    ].includes(p) ||
    /^targets\.\d+\.(period|value|breakdown)/.test(p) ||
    /^breakdowns\.\d+\.(key|label|categories)/.test(p);

  return (
    <FormModal
      opened
      size="xl"
      title={indicator ? t('results.indicators.editTitle') : t('results.indicators.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={placed}
    >
      {indicator && indicator.valueCount > 0 && (
        <Textarea
          label={t('results.indicators.changeReason')}
          description={t('results.indicators.changeReasonHelp')}
          value={changeReason}
          onChange={(e) => setChangeReason(e.currentTarget.value)}
          error={errors.changeReason}
          autosize
          minRows={2}
        />
      )}
      <NativeSelect
        label={t('results.indicators.goal')}
        value={goal}
        onChange={(e) => setGoal(e.currentTarget.value)}
        data={goals.map((g) => ({ value: g.id, label: `${t(`results.level.${g.level}`)}: ${g.title}` }))}
        error={errors.goalId}
        required
      />
      <TextInput
        label={t('results.indicators.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <Textarea
        label={t('results.indicators.definition')}
        description={t('results.indicators.definitionHelp')}
        value={definition}
        onChange={(e) => setDefinition(e.currentTarget.value)}
        error={errors.definition}
        autosize
        minRows={2}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('results.indicators.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
          data={KINDS.map((k) => ({ value: k, label: t(`results.indicators.kinds.${k}`) }))}
          error={errors.kind}
          required
        />
        <TextInput
          label={t('results.indicators.unit')}
          description={t('results.indicators.unitHelp')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          error={errors.unit}
        />
      </Group>
      <SharedIndicatorSelect
        kind={kind}
        value={shared}
        onChange={setShared}
        linkable={linkable}
        current={indicator}
        error={errors.sharedIndicatorId}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('results.indicators.direction')}
          value={direction}
          onChange={(e) => setDirection(e.currentTarget.value as typeof direction)}
          data={DIRECTIONS.map((k) => ({ value: k, label: t(`results.indicators.directions.${k}`) }))}
          error={errors.direction}
          required
        />
        <NativeSelect
          label={t('results.indicators.dataSource')}
          value={dataSource}
          onChange={(e) => setDataSource(e.currentTarget.value as typeof dataSource)}
          data={SOURCES.map((k) => ({ value: k, label: t(`results.indicators.dataSources.${k}`) }))}
          error={errors.dataSource}
          required
        />
      </Group>
      {dataSource === 'registrations' && (
        <Group grow align="flex-start">
          <NativeSelect
            label={t('results.registrations.measure')}
            description={t('results.registrations.measureHelp')}
            value={measure}
            onChange={(e) => setMeasure(e.currentTarget.value as typeof measure)}
            data={[
              { value: '', label: '—' },
              ...REGISTRATION_MEASURES.map((k) => ({
                value: k,
                label: t(`results.registrations.measures.${k}`),
              })),
            ]}
            error={errors.registrationMeasure}
            required
          />
          {measure === 'outcome' && (
            <NativeSelect
              label={t('results.registrations.outcomeKind')}
              value={outcomeKind}
              onChange={(e) => setOutcomeKind(e.currentTarget.value as typeof outcomeKind)}
              data={[
                { value: '', label: '—' },
                ...OUTCOME_KINDS.map((k) => ({ value: k, label: t(`results.registrations.outcomes.${k}`) })),
              ]}
              error={errors.outcomeKind}
              required
            />
          )}
        </Group>
      )}
      <NativeSelect
        label={t('results.indicators.combine')}
        description={t('results.indicators.combineHelp')}
        value={combine}
        onChange={(e) => setCombine(e.currentTarget.value as typeof combine)}
        data={COMBINES.map((k) => ({ value: k, label: t(`results.indicators.combines.${k}`) }))}
        error={errors.combine}
        required
      />
      <Fieldset legend={t('results.indicators.baseline')}>
        <Group grow align="flex-start">
          <TextInput
            label={t('results.indicators.baselineValue')}
            description={t('results.indicators.baselineValueHelp')}
            inputMode="decimal"
            value={baselineValue}
            onChange={(e) => setBaselineValue(e.currentTarget.value)}
            error={errors.baselineValue}
          />
          <DateField
            label={t('results.indicators.baselineDate')}
            value={baselineDate}
            onChange={setBaselineDate}
            error={errors.baselineDate}
          />
        </Group>
        <TextInput
          mt="sm"
          label={t('results.indicators.baselineSource')}
          value={baselineSource}
          onChange={(e) => setBaselineSource(e.currentTarget.value)}
          error={errors.baselineSource}
        />
      </Fieldset>
      <Fieldset legend={t('results.indicators.targets')}>
        <Stack gap="xs">
          <Text size="sm">{t('results.indicators.targetsHelp')}</Text>
          {targets.map((row, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextInput
                label={`${t('results.indicators.period')} ${i + 1}`}
                value={row.period}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setTargets((rows) => rows.map((r, j) => (j === i ? { ...r, period: v } : r)));
                }}
                error={errors[`targets.${i}.period`]}
              />
              <TextInput
                label={`${t('results.indicators.targetValue')} ${i + 1}`}
                inputMode="decimal"
                value={row.value}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setTargets((rows) => rows.map((r, j) => (j === i ? { ...r, value: v } : r)));
                }}
                error={errors[`targets.${i}.value`]}
              />
              {(categoryOptions.length > 0 || row.breakdown) && (
                <NativeSelect
                  label={`${t('results.values.breakdown')} ${i + 1}`}
                  value={row.breakdown}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setTargets((rows) => rows.map((r, j) => (j === i ? { ...r, breakdown: v } : r)));
                  }}
                  data={[
                    { value: '', label: t('results.values.total') },
                    ...categoryOptions,
                    ...(row.breakdown && !categoryOptions.some((o) => o.value === row.breakdown)
                      ? [{ value: row.breakdown, label: row.breakdown }]
                      : []),
                  ]}
                  error={errors[`targets.${i}.breakdown.${row.breakdown.split('=')[0]}`]}
                />
              )}
              <RemoveRowButton
                label={t('results.indicators.removeTarget', { n: i + 1 })}
                onClick={() => setTargets((rows) => rows.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
          <AddRowButton
            onClick={() =>
              setTargets((rows) => [
                ...rows,
                { period: String(new Date().getFullYear() + rows.length), value: '', breakdown: '' },
              ])
            }
          >
            {t('results.indicators.addTarget')}
          </AddRowButton>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('results.indicators.breakdowns')}>
        <Stack gap="xs">
          <Text size="sm">{t('results.indicators.breakdownsHelp')}</Text>
          {breakdowns.map((row, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextInput
                label={`${t('results.indicators.breakdownKey')} ${i + 1}`}
                description={t('results.indicators.breakdownKeyHelp')}
                value={row.key}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setBreakdowns((rows) => rows.map((r, j) => (j === i ? { ...r, key: v } : r)));
                }}
                error={errors[`breakdowns.${i}.key`]}
              />
              <TextInput
                label={`${t('results.indicators.breakdownLabel')} ${i + 1}`}
                value={row.label}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setBreakdowns((rows) => rows.map((r, j) => (j === i ? { ...r, label: v } : r)));
                }}
                error={errors[`breakdowns.${i}.label`]}
              />
              <TextInput
                label={`${t('results.indicators.breakdownCategories')} ${i + 1}`}
                value={row.categories}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setBreakdowns((rows) => rows.map((r, j) => (j === i ? { ...r, categories: v } : r)));
                }}
                error={errors[`breakdowns.${i}.categories`] ?? errors[`breakdowns.${i}.categories.0`]}
              />
              <RemoveRowButton
                label={t('results.indicators.removeBreakdown', { n: i + 1 })}
                onClick={() => setBreakdowns((rows) => rows.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
          <AddRowButton
            onClick={() => setBreakdowns((rows) => [...rows, { key: '', label: '', categories: '' }])}
          >
            {t('results.indicators.addBreakdown')}
          </AddRowButton>
        </Stack>
      </Fieldset>
    </FormModal>
  );
}

/**
 * Fælles indikator: the shared indicator (the fund's or the plan's area secretariat's) this one
 * counts towards in the portfolio; only those of the indicator's kind are offered.
 */
function SharedIndicatorSelect({
  kind,
  value,
  onChange,
  linkable,
  current,
  error,
}: {
  kind: Indicator['kind'];
  value: string;
  onChange: (value: string) => void;
  linkable: ReturnType<typeof useLinkableSharedIndicators>;
  current?: Indicator;
  error?: string;
}) {
  const { t } = useTranslation();
  if (linkable.isError) {
    return (
      <Text size="sm" c="red.9" role="alert">
        {t('sharedGoals.link.loadFailed', { message: linkable.error.message })}
      </Text>
    );
  }
  const items = linkable.data?.items ?? [];
  const ofKind = items.filter((s) => s.kind === kind);
  const chosen = items.find((s) => s.id === value);
  const fund = ofKind.filter((s) => s.areaSecretariatId === null);
  const bySecretariat = new Map<string, typeof ofKind>();
  for (const s of ofKind.filter((x) => x.areaSecretariatId !== null)) {
    const name = s.areaSecretariatName ?? '';
    bySecretariat.set(name, [...(bySecretariat.get(name) ?? []), s]);
  }
  const option = (s: { id: string; name: string; unit: string | null }) => ({
    value: s.id,
    label: s.unit ? `${s.name} (${s.unit})` : s.name,
  });
  // A link of another kind stays visible (and flagged) rather than silently dropped.
  const stray =
    value && !ofKind.some((s) => s.id === value)
      ? [{ value, label: chosen?.name ?? current?.sharedIndicatorName ?? value }]
      : [];
  const data = [
    { value: '', label: t('sharedGoals.link.none') },
    ...stray,
    ...(fund.length ? [{ group: t('sharedGoals.link.fundGroup'), items: fund.map(option) }] : []),
    ...[...bySecretariat].map(([name, list]) => ({
      group: t('sharedGoals.link.secretariatGroup', { name }),
      items: list.map(option),
    })),
  ];
  const help =
    linkable.data && ofKind.length === 0
      ? `${t('sharedGoals.link.help')} ${t('sharedGoals.link.noneOfKind', {
          kind: t(`results.indicators.kinds.${kind}`),
        })}`
      : t('sharedGoals.link.help');
  return (
    <NativeSelect
      label={t('sharedGoals.link.label')}
      description={help}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={data}
      disabled={linkable.isPending}
      error={error ?? (stray.length > 0 ? t('sharedGoals.link.otherKind') : undefined)}
    />
  );
}
