import type { ReactNode } from 'react';
import { ActionIcon, Button, Group } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Removes one row of a repeated form section; the label names the row ("Fjern mål 2"). */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon
      variant="subtle"
      color="red.9"
      size="lg"
      mb={4}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <IconTrash size={18} aria-hidden="true" />
    </ActionIcon>
  );
}

/** Adds a row to a repeated form section. */
export function AddRowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button
      variant="default"
      size="xs"
      w="fit-content"
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

/** Edit and delete buttons of a table row; their labels name the row ("Rediger Lektiecafé"). */
export function RowActions({
  name,
  onEdit,
  onDelete,
  children,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Buttons of the row's own, before edit and delete. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {children}
      <ActionIcon
        variant="subtle"
        size="lg"
        aria-label={t('common.editItem', { name })}
        title={t('common.editItem', { name })}
        onClick={onEdit}
      >
        <IconPencil size={18} aria-hidden="true" />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red.9"
        size="lg"
        aria-label={t('common.deleteItem', { name })}
        title={t('common.deleteItem', { name })}
        onClick={onDelete}
      >
        <IconTrash size={18} aria-hidden="true" />
      </ActionIcon>
    </Group>
  );
}
