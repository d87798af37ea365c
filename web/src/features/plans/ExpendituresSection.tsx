import { useState } from 'react';
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useExpenditures, useSaveExpenditures, type Expenditures } from '../../api/expenditures';
import { Facts } from '../../components/Facts';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatKroner, formatMoney, formatNumber, parseKronerToOre, sortBy } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';

/** Økonomi on a plan's Overblik tab: spent per year against granted and committed. */
export function ExpendituresSection({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useExpenditures(planId);
  const [editing, setEditing] = useState(false);
  const e = query.data;
  return (
    <Section
      title={t('sharedGoals.expenditures.title')}
      id="expenditures"
      actions={
        e?.canEdit && (
          <Button
            variant="default"
            leftSection={<IconPencil size={18} aria-hidden="true" />}
            onClick={() => setEditing(true)}
          >
            {t('sharedGoals.expenditures.edit')}
          </Button>
        )
      }
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('sharedGoals.expenditures.intro')}</Text>
          <Summary e={query.data} />
          {query.data.items.length === 0 ? (
            <Text>
              {query.data.canEdit
                ? t('sharedGoals.expenditures.emptyEdit')
                : t('sharedGoals.expenditures.empty')}
            </Text>
          ) : (
            <Table withTableBorder striped verticalSpacing="xs" maw={760}>
              <caption className="visually-hidden">{t('sharedGoals.expenditures.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sharedGoals.expenditures.year')}</Table.Th>
                  <Table.Th ta="right">{t('sharedGoals.expenditures.spent')}</Table.Th>
                  <Table.Th>{t('sharedGoals.expenditures.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sortBy(query.data.items, (x) => x.year, 'asc').map((x) => (
                  <Table.Tr key={x.year}>
                    <Table.Th scope="row">{x.year}</Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatKroner(x.amountOre, locale)}
                    </Table.Td>
                    <Table.Td>{x.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('sharedGoals.expenditures.total')}</Table.Th>
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {formatKroner(spentOf(query.data), locale)}
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
        </Stack>
      )}
      {editing && e && <ExpendituresForm planId={planId} e={e} onClose={() => setEditing(false)} />}
    </Section>
  );
}

const spentOf = (e: Expenditures) => e.items.reduce((sum, x) => sum + x.amountOre, 0);

function Summary({ e }: { e: Expenditures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const spent = spentOf(e);
  return (
    <Facts
      cols={4}
      items={[
        { label: t('sharedGoals.expenditures.granted'), value: formatMoney(e.grantedOre, locale) },
        { label: t('sharedGoals.expenditures.committed'), value: formatMoney(e.committedOre, locale) },
        {
          label: t('sharedGoals.expenditures.spent'),
          value:
            formatMoney(spent, locale) +
            (e.grantedOre > 0 ? ` (${formatNumber((spent * 100) / e.grantedOre, locale)} %)` : ''),
        },
        { label: t('sharedGoals.expenditures.remaining'), value: formatMoney(e.grantedOre - spent, locale) },
      ]}
    />
  );
}

interface Row {
  key: number;
  year: string;
  amount: string;
  note: string;
}

let rowCounter = 0;

function ExpendituresForm({ planId, e, onClose }: { planId: string; e: Expenditures; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveExpenditures(planId);
  const kroner = (ore: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 2 }).format(
      ore / 100,
    );
  const [rows, setRows] = useState<Row[]>(
    sortBy(e.items, (x) => x.year, 'asc').map((x) => ({
      key: ++rowCounter,
      year: String(x.year),
      amount: kroner(x.amountOre),
      note: x.note ?? '',
    })),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const setRow = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = () => {
    const problems: Record<string, string> = {};
    const seen = new Set<number>();
    const items = rows.map((r, i) => {
      const year = Number(r.year.trim());
      if (!/^\d{4}$/.test(r.year.trim()) || year < 1990 || year > 2100)
        problems[`items.${i}.year`] = t('sharedGoals.expenditures.invalidYear');
      else if (seen.has(year)) problems[`items.${i}.year`] = t('sharedGoals.expenditures.duplicateYear');
      seen.add(year);
      const ore = parseKronerToOre(r.amount, locale);
      if (ore === null || ore < 0)
        problems[`items.${i}.amountOre`] = t('sharedGoals.expenditures.invalidAmount');
      return { year, amountOre: ore ?? 0, note: r.note.trim() || null };
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
      { items },
      {
        onSuccess: () => {
          notifySuccess(t('sharedGoals.expenditures.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened
      size="xl"
      title={t('sharedGoals.expenditures.edit')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      message={Object.keys(local).length ? t('common.saveFailedHint') : undefined}
      isPlaced={(p) => /^items\.\d+\.(year|amountOre|note)$/.test(p)}
    >
      <Stack gap="xs">
        {rows.length === 0 && <Text size="sm">{t('sharedGoals.expenditures.emptyEdit')}</Text>}
        {rows.map((r, i) => {
          const n = i + 1;
          return (
            <Group key={r.key} align="flex-start" wrap="nowrap">
              <TextInput
                label={t('sharedGoals.expenditures.yearN', { n })}
                inputMode="numeric"
                value={r.year}
                onChange={(ev) => setRow(r.key, { year: ev.currentTarget.value })}
                error={errors[`items.${i}.year`]}
                w={110}
                required
              />
              <TextInput
                label={t('sharedGoals.expenditures.amountN', { n })}
                description={t('sharedGoals.expenditures.amountHelp')}
                inputMode="decimal"
                value={r.amount}
                onChange={(ev) => setRow(r.key, { amount: ev.currentTarget.value })}
                error={errors[`items.${i}.amountOre`]}
                w={220}
                required
              />
              <TextInput
                label={t('sharedGoals.expenditures.noteN', { n })}
                value={r.note}
                onChange={(ev) => setRow(r.key, { note: ev.currentTarget.value })}
                error={errors[`items.${i}.note`]}
                style={{ flex: 1 }}
              />
              <div style={{ paddingTop: 24 }}>
                <RemoveRowButton
                  label={t('sharedGoals.expenditures.removeYear', { n })}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                />
              </div>
            </Group>
          );
        })}
        <AddRowButton
          onClick={() =>
            setRows((rs) => {
              const years = rs.map((r) => Number(r.year)).filter((y) => y > 0);
              const next = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
              return [...rs, { key: ++rowCounter, year: String(next), amount: '', note: '' }];
            })
          }
        >
          {t('sharedGoals.expenditures.addYear')}
        </AddRowButton>
      </Stack>
    </FormModal>
  );
}
