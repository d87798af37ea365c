import type { ReactNode } from 'react';
import { Anchor, Box, Container, Group } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { SkipLink } from './SkipLink';

/** The frame of pages outside the app shell (login, loading): header, language, main. */
export function BareLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <Anchor href="/" underline="never" c="petrol.8" fw={750} fz="xl" aria-label={t('app.home')}>
            <Group gap={8} wrap="nowrap">
              <IconBuildingCommunity size={26} aria-hidden="true" />
              <span>{t('app.name')}</span>
            </Group>
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} bg="gray.0" mih="calc(100vh - 60px)">
        <Container size="xs" py={48}>
          {children}
        </Container>
      </Box>
    </>
  );
}
