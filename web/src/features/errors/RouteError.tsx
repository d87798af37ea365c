import { useEffect } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BareLayout } from '../../app/BareLayout';
import { reloadOnceForNewVersion } from '../../lib/chunkReload';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const isChunkError = (e: unknown) =>
  e instanceof Error &&
  /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(e.message);

/** Shown when a page cannot be drawn; after a new release it reloads once to fetch the new files. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  useDocumentTitle(t('common.errorTitle'));
  const chunk = isChunkError(error);

  useEffect(() => {
    if (chunk) reloadOnceForNewVersion();
  }, [chunk]);

  return (
    <BareLayout>
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('common.errorTitle')}</Title>
        <Text>{chunk ? t('errors.newVersion') : t('errors.unexpected')}</Text>
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
      </Stack>
    </BareLayout>
  );
}
