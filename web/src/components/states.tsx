import type { ReactNode } from 'react';
import { Alert, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { ApiError } from '../api/client';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label ?? t('common.loading')}</Text>
    </Group>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('common.errorTitle')}
      icon={<IconAlertCircle aria-hidden="true" />}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorText(error)}</Text>
        {/* A refused request names what to fix (a filter value that does not exist, years outside every grant). */}
        {error instanceof ApiError && error.details.length > 0 && (
          <List size="sm">
            {error.details.map((d, i) => (
              <List.Item key={i}>{d.message}</List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingOrder?: 2 | 3;
}

/** Says that there is nothing, and what to do first. */
export function EmptyState({ title, children, action, headingOrder = 2 }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="md" bg="gray.0">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <IconInfoCircle aria-hidden="true" size={28} color="var(--mantine-color-petrol-7)" />
        <Stack gap="xs" align="flex-start">
          <Title order={headingOrder} size="h4">
            {title}
          </Title>
          {children && <Text>{children}</Text>}
          {action}
        </Stack>
      </Group>
    </Paper>
  );
}
