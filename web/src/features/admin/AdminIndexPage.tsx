import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import type { Messages } from '../../i18n/da';

type Key = keyof Messages['admin']['sections'];
const registry: { key: Key; to: string }[] = [
  { key: 'municipalities', to: '/admin/municipalities' },
  { key: 'housingOrganisations', to: '/admin/housing-organisations' },
  { key: 'areas', to: '/admin/areas' },
  { key: 'pools', to: '/admin/pools' },
  { key: 'areaSecretariats', to: '/admin/area-secretariats' },
  { key: 'municipalServices', to: '/admin/municipal-services' },
];
const access: { key: Key; to: string }[] = [
  { key: 'users', to: '/admin/users' },
  { key: 'audit', to: '/admin/audit' },
];

export default function AdminIndexPage() {
  const { t } = useTranslation();
  const group = (title: string, id: string, items: { key: Key; to: string }[]) => (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((i) => (
          <Paper withBorder p="md" radius="md" key={i.key}>
            <Stack gap={4}>
              <Anchor component={Link} to={i.to} fw={700}>
                {t(`nav.${i.key}`)}
              </Anchor>
              <Text size="sm">{t(`admin.sections.${i.key}`)}</Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
  return (
    <Page title={t('admin.title')} crumbs={[{ label: t('nav.overview'), to: '/' }]} intro={t('admin.intro')}>
      {group(t('admin.registry'), 'admin-registry', registry)}
      {group(t('admin.access'), 'admin-access', access)}
    </Page>
  );
}
