import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegistryList } from '../../api/registry';
import type { AreaSecretariat } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { RegistryList } from '../admin/RegistryList';

export default function SecretariatListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRegistryList('area-secretariats');
  return (
    <Page
      title={t('secretariats.title')}
      crumbs={[{ label: t('nav.overview'), to: '/' }]}
      intro={t('secretariats.intro')}
    >
      <RegistryList<AreaSecretariat>
        query={list}
        defaultSort="name"
        caption={t('secretariats.title')}
        exportPath="/api/area-secretariats/export"
        itemName={(s) => s.name}
        searchText={(s) => [s.name, s.municipalityName, ...s.plans.map((p) => p.name)]}
        countLabel={(n) => t('secretariats.count', { count: n, formatted: formatNumber(n, locale) })}
        empty={{ title: t('secretariats.emptyTitle'), text: t('secretariats.emptyText') }}
        columns={[
          {
            key: 'name',
            label: t('common.name'),
            sortValue: (s) => s.name,
            isRowHeader: true,
            render: (s) => (
              <>
                <Anchor component={Link} to={`/secretariats/${s.id}`}>
                  {s.name}
                </Anchor>{' '}
                {s.isExample && <ExampleBadge />}
              </>
            ),
          },
          {
            key: 'municipality',
            label: t('common.municipality'),
            sortValue: (s) => s.municipalityName,
            render: (s) => s.municipalityName,
          },
          {
            key: 'plans',
            label: t('secretariats.plansServed'),
            sortValue: (s) => s.plans.length,
            render: (s) =>
              s.plans.length === 0 ? (
                t('secretariats.noPlans')
              ) : (
                <Group gap="xs" component="span">
                  {sortBy(s.plans, (p) => p.name, 'asc').map((p) => (
                    <Anchor component={Link} to={`/plans/${p.id}`} key={p.id} size="sm">
                      {p.name}
                    </Anchor>
                  ))}
                </Group>
              ),
          },
        ]}
      />
    </Page>
  );
}
