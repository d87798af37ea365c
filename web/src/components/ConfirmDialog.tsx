import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { AppModal } from './AppModal';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';

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
