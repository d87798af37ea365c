import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { AppModal } from './AppModal';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { notifySuccess } from '../lib/notify';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  /** A failed attempt, e.g. the server's 409 "in use" message. */
  error?: unknown;
  errorTitle?: string;
}

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  loading,
  error,
  errorTitle,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title} centered size="md">
      <Stack gap="md">
        <Text>{children ?? t('common.confirmDeleteText')}</Text>
        {error != null && (
          <Alert color="red" variant="light" title={errorTitle ?? t('common.deleteFailed')} role="alert">
            {errorText(error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={loading}>
            {confirmLabel ?? t('common.confirmDelete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** What DeleteDialog needs of a delete mutation (TanStack Query's useMutation result). */
interface Remover {
  mutate(id: string, options: { onSuccess: () => void }): void;
  isPending: boolean;
  error: unknown;
}

/**
 * Asks before deleting one thing by its id, shows why a delete was refused, and says when it is
 * gone. `onDeleted` runs after the dialog closes (e.g. to leave the deleted thing's page).
 */
export function DeleteDialog({
  title,
  name,
  id,
  remove,
  onClose,
  onDeleted,
  children,
}: {
  title: string;
  name: string;
  id: string;
  remove: Remover;
  onClose: () => void;
  onDeleted?: () => void;
  /** What deleting means, when more than the usual question. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened
      title={title}
      onClose={onClose}
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(id, {
          onSuccess: () => {
            notifySuccess(t('common.deleted', { name }));
            onClose();
            onDeleted?.();
          },
        })
      }
    >
      {children ?? t('common.confirmDeleteText')}
    </ConfirmDialog>
  );
}
