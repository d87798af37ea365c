import type { ReactNode } from 'react';
import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SharedIndicator } from '../../api/sharedGoals';
import { ExampleBadge } from '../../components/badges';
import { RowActions } from '../../components/RowButtons';
import { SortableTh } from '../../components/SortableTh';
import { formatNumber } from '../../lib/format';
import { ScrollTable } from './ScrollTable';
import { useLocale } from '../../lib/useLocale';

interface Sorting {
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (key: string) => void;
}

/** Shared indicators as a table: what each one is, how many plan indicators link to it, and its buttons. */
export function SharedIndicatorTable({
  items,
  caption,
  onEdit,
  onDelete,
  sorting,
  extraColumn,
}: {
  items: SharedIndicator[];
  caption: string;
  onEdit: (i: SharedIndicator) => void;
  onDelete: (i: SharedIndicator) => void;
  /** Sortable column headers (the rows come sorted). */
  sorting?: Sorting;
  /** A column of the caller's own after the name, e.g. the owning secretariat. */
  extraColumn?: { label: string; sortKey?: string; render: (i: SharedIndicator) => ReactNode };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const anyEditable = items.some((i) => i.canEdit);
  const th = (key: string, label: string, align?: 'right') =>
    sorting ? (
      <SortableTh sortKey={key} sort={sorting.sort} dir={sorting.dir} onSort={sorting.onSort} align={align}>
        {label}
      </SortableTh>
    ) : (
      <Table.Th ta={align}>{label}</Table.Th>
    );
  return (
    <ScrollTable label={caption} minWidth={720}>
      <Table withTableBorder striped verticalSpacing="xs">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {th('name', t('sharedGoals.indicator.name'))}
            <Table.Th>{t('sharedGoals.indicator.definition')}</Table.Th>
            {extraColumn && th(extraColumn.sortKey ?? 'extra', extraColumn.label)}
            {th('kind', t('sharedGoals.indicator.kind'))}
            <Table.Th>{t('sharedGoals.indicator.unit')}</Table.Th>
            {th('linked', t('sharedGoals.indicator.linked'), 'right')}
            {anyEditable && (
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope="row" fw={400} miw={180}>
                <Group gap="xs" align="center">
                  <Text fw={600} size="sm">
                    {i.name}
                  </Text>
                  {i.isExample && <ExampleBadge />}
                </Group>
              </Table.Th>
              <Table.Td miw={220}>
                {i.definition && (
                  <Text size="sm" className="pre-wrap">
                    {i.definition}
                  </Text>
                )}
                <Text size="xs">
                  {t(`results.indicators.directions.${i.direction}`)} · {t('sharedGoals.indicator.combine')}:{' '}
                  {t(`results.indicators.combines.${i.combine}`)}
                </Text>
              </Table.Td>
              {extraColumn && <Table.Td>{extraColumn.render(i)}</Table.Td>}
              <Table.Td>{t(`results.indicators.kinds.${i.kind}`)}</Table.Td>
              <Table.Td>{i.unit ?? ''}</Table.Td>
              <Table.Td ta="right">{formatNumber(i.linkedIndicators, locale)}</Table.Td>
              {anyEditable && (
                <Table.Td>
                  {i.canEdit && (
                    <RowActions name={i.name} onEdit={() => onEdit(i)} onDelete={() => onDelete(i)} />
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
