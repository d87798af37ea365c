import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../lib/errors';

interface FormErrorAlertProps {
  error?: unknown;
  /** A message of the form's own (checks made before sending). */
  message?: string;
  /** True for paths a field on the form shows beside itself. */
  isPlaced?: (path: string) => boolean;
}

/** The summary at the top of a form after a failed save; field errors also sit beside their fields. */
export function FormErrorAlert({ error, message, isPlaced = () => false }: FormErrorAlertProps) {
  const { t } = useTranslation();
  if (message) {
    return (
      <Alert
        color="red"
        variant="light"
        title={t('common.saveFailed')}
        icon={<IconAlertCircle aria-hidden="true" />}
        role="alert"
      >
        <Text size="sm">{message}</Text>
      </Alert>
    );
  }
  if (error == null) return null;
  const details = error instanceof ApiError ? error.details.filter((d) => !isPlaced(d.path)) : [];
  return (
    <Alert
      color="red"
      variant="light"
      title={t('common.saveFailed')}
      icon={<IconAlertCircle aria-hidden="true" />}
      role="alert"
    >
      <Text size="sm">{errorText(error)}</Text>
      {error instanceof ApiError && error.status === 400 && (
        <Text size="sm" mt={4}>
          {t('common.saveFailedHint')}
        </Text>
      )}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={d.path + d.message}>
              {d.path ? `${d.path}: ` : ''}
              {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
