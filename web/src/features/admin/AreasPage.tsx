import { Anchor, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegistryList } from '../../api/registry';
import type { HousingArea } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';

export default function AreasPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const list = useRegistryList('areas');

  return (
    <Page
      title={t('admin.areas.title')}
      crumbs={adminCrumbs(t)}
      actions={
        <Button
          component={Link}
          to="/admin/areas/new"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
        >
          {t('admin.areas.create')}
        </Button>
      }
    >
      <RegistryList<HousingArea>
        resource="areas"
        query={list}
        defaultSort="name"
        caption={t('admin.areas.title')}
        exportPath="/api/areas/export"
        itemName={(a) => a.name}
        searchText={(a) => [
          a.name,
          a.municipalityName,
          ...a.departments.flatMap((d) => [d.departmentNumber, d.name, d.housingOrganisationName]),
        ]}
        countLabel={(n) => t('admin.areas.count', { count: n, formatted: formatNumber(n, locale) })}
        empty={{ title: t('admin.areas.emptyTitle'), text: t('admin.areas.emptyText') }}
        onEdit={(a) => void navigate(`/admin/areas/${a.id}`)}
        columns={[
          {
            key: 'name',
            label: t('admin.areas.name'),
            sortValue: (a) => a.name,
            isRowHeader: true,
            render: (a) => (
              <>
                <Anchor component={Link} to={`/admin/areas/${a.id}`}>
                  {a.name}
                </Anchor>{' '}
                {a.isExample && <ExampleBadge />}
              </>
            ),
          },
          {
            key: 'municipality',
            label: t('admin.areas.municipality'),
            sortValue: (a) => a.municipalityName,
            render: (a) => a.municipalityName,
          },
          {
            key: 'departments',
            label: t('admin.areas.departmentCount'),
            sortValue: (a) => a.departments.length,
            align: 'right',
            render: (a) => formatNumber(a.departments.length, locale),
          },
          {
            key: 'dwellings',
            label: t('admin.areas.dwellings'),
            sortValue: (a) => a.dwellings,
            align: 'right',
            render: (a) => formatNumber(a.dwellings, locale),
          },
        ]}
      />
    </Page>
  );
}
