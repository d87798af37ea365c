import { useEffect, type ReactNode } from 'react';
import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { clearChunkReloadMark } from '../lib/chunkReload';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export interface Crumb {
  label: string;
  to?: string;
}

interface PageProps {
  title: string;
  /** Crumbs before the current page; the page's own title is added last. */
  crumbs?: Crumb[];
  /** Shown beside the title, e.g. an "Example data" badge. */
  badges?: ReactNode;
  actions?: ReactNode;
  intro?: ReactNode;
  children?: ReactNode;
}

/** Every page: breadcrumb, one h1 (also the document title), actions, then content. */
export function Page({ title, crumbs = [], badges, actions, intro, children }: PageProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  useEffect(() => clearChunkReloadMark(), []);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <nav aria-label={t('app.breadcrumbs')}>
          <Breadcrumbs separator="›" separatorMargin={6}>
            {crumbs.map((c) =>
              c.to ? (
                <Anchor component={Link} to={c.to} key={c.label + c.to} size="sm">
                  {c.label}
                </Anchor>
              ) : (
                <Text key={c.label} size="sm" span>
                  {c.label}
                </Text>
              ),
            )}
            <Text size="sm" span aria-current="page" fw={600}>
              {title}
            </Text>
          </Breadcrumbs>
        </nav>
        <Group justify="space-between" align="flex-start" gap="md">
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {title}
            </Title>
            {badges}
          </Group>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
        {intro && (
          <Text c="dimmed" maw={760}>
            {intro}
          </Text>
        )}
      </Stack>
      {children}
    </Stack>
  );
}
