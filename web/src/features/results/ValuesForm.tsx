import { useState } from 'react';
import { Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  useIndicatorValues,
  useSaveIndicatorValues,
  type Indicator,
  type IndicatorValue,
} from '../../api/results';
import { fieldErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';
import { decimalText, formatIndicatorNumber, parseDecimal, periodText } from './shared';

type Field = 'value' | 'numerator' | 'denominator' | 'sum' | 'count';
const FIELDS: Record<Indicator['kind'], Field[]> = {
  count: ['value'],
  percentage: ['numerator', 'denominator'],
  average: ['sum', 'count'],
  yes_no: ['value'],
};

interface Row {
  breakdown: Record<string, string> | null;
  label: string;
  state: '' | 'value' | 'missing' | 'suppressed';
  numbers: Partial<Record<Field, string>>;
}

function sameBreakdown(a: Record<string, string> | null, b: Record<string, string> | null) {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** Values of one period entered by hand: the total and each breakdown category, each as value, missing or suppressed. */
export function ValuesForm({
  planId,
  indicator,
  onClose,
}: {
  planId: string;
  indicator: Indicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stored = useIndicatorValues(planId, indicator.id);
  const save = useSaveIndicatorValues(planId);
  const [period, setPeriod] = useState(indicator.targets[0]?.period ?? String(new Date().getFullYear()));
  const [edits, setEdits] = useState<Record<string, Row>>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const fields = FIELDS[indicator.kind];
  const current = (stored.data?.items ?? []).filter(
    (v) => v.definitionVersion === indicator.definitionVersion,
  );

  const baseRows: Row[] = [
    { breakdown: null, label: t('results.values.total'), state: '', numbers: {} },
    ...indicator.breakdowns.flatMap((b) =>
      b.categories.map((c) => ({
        breakdown: { [b.key]: c },
        label: `${b.label}: ${c}`,
        state: '' as const,
        numbers: {},
      })),
    ),
  ];
  const rows = baseRows.map((r, i) => {
    const edited = edits[`${period}|${i}`];
    if (edited) return edited;
    const v = current.find((x) => x.period === period && sameBreakdown(x.breakdown, r.breakdown));
    if (!v) return r;
    return {
      ...r,
      state: v.state,
      numbers: Object.fromEntries(fields.map((f) => [f, decimalText(v[f], locale)])),
    };
  });
  const setRow = (i: number, row: Row) => setEdits((e) => ({ ...e, [`${period}|${i}`]: row }));

  const onSubmit = () => {
    const problems: Record<string, string> = {};
    const values = rows.flatMap((r, i) => {
      if (r.state === '') return [];
      const numbers: Partial<Record<Field, number | null>> = {};
      if (r.state === 'value') {
        for (const f of fields) {
          const n = parseDecimal(r.numbers[f] ?? '', locale);
          if (Number.isNaN(n)) problems[`rows.${i}.${f}`] = t('common.invalidNumber');
          numbers[f] = n;
        }
      }
      return [{ period: period.trim(), breakdown: r.breakdown, state: r.state, ...numbers }];
    });
    setLocal(problems);
    if (Object.keys(problems).length || values.length === 0) return;
    // The API names rows by their place among the rows sent; map them back to the form's rows.
    save.mutate(
      { id: indicator.id, input: { values } },
      {
        onSuccess: () => {
          notifySuccess(t('results.values.saved'));
          setEdits({});
        },
      },
    );
  };
  const sentIndex = rows.map((r, i) =>
    r.state === '' ? -1 : rows.slice(0, i).filter((x) => x.state !== '').length,
  );
  const errorOf = (i: number, f: string) =>
    errors[`rows.${i}.${f}`] ?? (sentIndex[i]! >= 0 ? errors[`values.${sentIndex[i]}.${f}`] : undefined);

  return (
    <FormModal
      opened
      size="xl"
      title={t('results.indicators.valuesTitle', { name: indicator.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      submitLabel={t('results.values.save')}
      isPlaced={(p) => /^values\.\d+\.(value|numerator|denominator|sum|count|state)$/.test(p)}
    >
      <TextInput
        label={t('results.indicators.period')}
        description={t('results.indicators.targetsHelp')}
        value={period}
        onChange={(e) => setPeriod(e.currentTarget.value)}
        error={errors['values.0.period']}
        maw={320}
      />
      {rows.map((r, i) => (
        <Group key={i} align="flex-end" wrap="wrap" gap="sm">
          <NativeSelect
            label={`${r.label}: ${t('results.values.state')}`}
            value={r.state}
            onChange={(e) => setRow(i, { ...r, state: e.currentTarget.value as Row['state'] })}
            data={[
              { value: '', label: t('common.notSet') },
              ...(['value', 'missing', 'suppressed'] as const).map((s) => ({
                value: s,
                label: t(`results.values.states.${s}`),
              })),
            ]}
            error={errorOf(i, 'state')}
            miw={220}
          />
          {r.state === 'value' &&
            fields.map((f) => (
              <TextInput
                key={f}
                label={`${r.label}: ${t(`results.values.${f}`)}`}
                inputMode="decimal"
                value={r.numbers[f] ?? ''}
                onChange={(e) => setRow(i, { ...r, numbers: { ...r.numbers, [f]: e.currentTarget.value } })}
                error={errorOf(i, f)}
                maw={200}
              />
            ))}
        </Group>
      ))}
      <StoredValues indicator={indicator} items={stored.data?.items ?? []} />
    </FormModal>
  );
}

function StoredValues({ indicator, items }: { indicator: Indicator; items: IndicatorValue[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('results.values.stored')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('results.values.none')}</Text>
      ) : (
        <Table withTableBorder verticalSpacing={4}>
          <caption className="visually-hidden">
            {t('results.values.caption', { name: indicator.name })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('results.indicators.period')}</Table.Th>
              <Table.Th>{t('results.values.breakdown')}</Table.Th>
              <Table.Th>{t('results.values.value')}</Table.Th>
              <Table.Th>{t('results.values.version')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{periodText(v.period, locale)}</Table.Td>
                <Table.Td>
                  {v.breakdown ? Object.values(v.breakdown).join(', ') : t('results.values.total')}
                </Table.Td>
                <Table.Td>
                  {v.state !== 'value'
                    ? t(`results.values.states.${v.state}`)
                    : indicator.kind === 'percentage'
                      ? `${formatIndicatorNumber(indicator, v.denominator ? ((v.numerator ?? 0) * 100) / v.denominator : null, locale, t('common.yes'), t('common.no'))} (${v.numerator}/${v.denominator})`
                      : indicator.kind === 'average'
                        ? `${formatIndicatorNumber(indicator, v.count ? (v.sum ?? 0) / v.count : null, locale, t('common.yes'), t('common.no'))}`
                        : formatIndicatorNumber(indicator, v.value, locale, t('common.yes'), t('common.no'))}
                </Table.Td>
                <Table.Td>{t('common.version', { version: v.definitionVersion })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
