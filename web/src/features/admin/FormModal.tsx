import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { AppModal } from '../../components/AppModal';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';

interface FormModalProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  error: unknown;
  /** The form's own complaint before sending (shown instead of `error`). */
  message?: string;
  isPlaced?: (path: string) => boolean;
  submitLabel?: string;
  children: ReactNode;
  size?: string;
}

/** A create/edit form in a dialog; the form stays filled in when saving fails. */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  saving,
  error,
  message,
  isPlaced,
  submitLabel,
  children,
  size = 'lg',
}: FormModalProps) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert error={error} message={message} isPlaced={isPlaced} />
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
