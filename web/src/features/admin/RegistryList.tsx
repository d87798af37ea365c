import { useMemo, useState, type ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, Table, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useDeleteRegistryItem, type RegistryResource } from '../../api/registry';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ExportButtons } from '../../components/ExportButtons';
import { ListToolbar } from '../../components/ListToolbar';
import { SortableTh } from '../../components/SortableTh';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { matchesSearch, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';

export interface Column<T> {
  key: string;
  label: string;
  render: (item: T) => ReactNode;
  /** Present when the column sorts; text sorts in Danish order, numbers numerically. */
  sortValue?: (item: T) => string | number | null;
  align?: 'left' | 'right';
  /** The row's header cell (its name), announced with every cell of the row. */
  isRowHeader?: boolean;
}

interface RegistryListProps<T extends { id: string }> {
  resource?: RegistryResource;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T[]; refetch: () => unknown };
  columns: Column<T>[];
  searchText: (item: T) => (string | null | undefined)[];
  itemName: (item: T) => string;
  countLabel: (count: number) => string;
  caption: string;
  exportPath: string;
  onEdit?: (item: T) => void;
  canDelete?: (item: T) => boolean;
  /** Extra buttons at the end of a row. */
  rowActions?: (item: T) => ReactNode;
  empty: { title: string; text: string };
  defaultSort: string;
}

/** A registry list: search, sortable columns, count, CSV/Excel export, empty state, edit and delete. */
export function RegistryList<T extends { id: string }>(props: RegistryListProps<T>) {
  const { t } = useTranslation();
  const { q, sort, dir, setQ, toggleSort } = useListParams(props.defaultSort);
  const [deleting, setDeleting] = useState<T | null>(null);
  const del = useDeleteRegistryItem(props.resource ?? 'municipalities');
  const { data } = props.query;

  const rows = useMemo(() => {
    const items = (data ?? []).filter((i) => matchesSearch(q, ...props.searchText(i)));
    const col = props.columns.find((c) => c.key === sort && c.sortValue);
    return col?.sortValue ? sortBy(items, col.sortValue, dir) : items;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, q, sort, dir]);

  const onDelete = () => {
    if (!deleting) return;
    const name = props.itemName(deleting);
    del.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('common.deleted', { name }));
        setDeleting(null);
      },
    });
  };

  const withActions = !!(props.onEdit || props.resource || props.rowActions);

  return (
    <>
      <ListToolbar q={q} onSearch={setQ} count={props.countLabel(rows.length)}>
        <ExportButtons path={props.exportPath} />
      </ListToolbar>
      {props.query.isPending ? (
        <LoadingState />
      ) : props.query.isError ? (
        <ErrorState error={props.query.error} onRetry={() => void props.query.refetch()} />
      ) : (data ?? []).length === 0 ? (
        <EmptyState title={props.empty.title}>{props.empty.text}</EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState
          title={t('common.noMatches')}
          action={
            <Button variant="default" onClick={() => setQ('')}>
              {t('common.clearFilters')}
            </Button>
          }
        >
          {t('common.noMatchesHint')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption className="visually-hidden">{props.caption}</caption>
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((c) =>
                  c.sortValue ? (
                    <SortableTh
                      key={c.key}
                      sortKey={c.key}
                      sort={sort}
                      dir={dir}
                      onSort={toggleSort}
                      align={c.align}
                    >
                      {c.label}
                    </SortableTh>
                  ) : (
                    <Table.Th key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                      {c.label}
                    </Table.Th>
                  ),
                )}
                {withActions && (
                  <Table.Th style={{ textAlign: 'right' }}>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.id}>
                  {props.columns.map((c) =>
                    c.isRowHeader ? (
                      <Table.Th key={c.key} scope="row" fw={400} style={{ textAlign: c.align ?? 'left' }}>
                        {c.render(item)}
                      </Table.Th>
                    ) : (
                      <Table.Td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                        {c.render(item)}
                      </Table.Td>
                    ),
                  )}
                  {withActions && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {props.rowActions?.(item)}
                        {props.onEdit && (
                          <Tooltip label={t('common.editItem', { name: props.itemName(item) })} withinPortal>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('common.editItem', { name: props.itemName(item) })}
                              onClick={() => props.onEdit?.(item)}
                            >
                              <IconPencil size={18} aria-hidden="true" />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {props.resource && (props.canDelete?.(item) ?? true) && (
                          <Tooltip
                            label={t('common.deleteItem', { name: props.itemName(item) })}
                            withinPortal
                          >
                            <ActionIcon
                              variant="subtle"
                              color="red.9"
                              aria-label={t('common.deleteItem', { name: props.itemName(item) })}
                              onClick={() => {
                                del.reset();
                                setDeleting(item);
                              }}
                            >
                              <IconTrash size={18} aria-hidden="true" />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('common.confirmDeleteTitle', { name: deleting ? props.itemName(deleting) : '' })}
        onClose={() => setDeleting(null)}
        onConfirm={onDelete}
        loading={del.isPending}
        error={del.error}
      />
    </>
  );
}
