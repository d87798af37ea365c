import type { ReactNode } from 'react';
import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import classes from './SortableTh.module.css';

interface SortableThProps {
  sortKey: string;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (key: string) => void;
  children: ReactNode;
  align?: 'left' | 'right';
}

/** A column header that sorts; aria-sort tells screen readers the current order. */
export function SortableTh({ sortKey, sort, dir, onSort, children, align = 'left' }: SortableThProps) {
  const active = sort === sortKey;
  const Icon = !active ? IconArrowsSort : dir === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ textAlign: align }}
    >
      <UnstyledButton onClick={() => onSort(sortKey)} className={classes.button}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <span>{children}</span>
          <Icon size={16} aria-hidden="true" stroke={active ? 2.2 : 1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
