import type { ReactNode } from 'react';
import { ActionIcon, Button } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

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
