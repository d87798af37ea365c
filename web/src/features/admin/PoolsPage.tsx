import { useState } from 'react';
import { Anchor, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegistryList } from '../../api/registry';
import type { FundingPool } from '../../api/types';
import { Page } from '../../components/Page';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { PoolForm } from './PoolForm';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';

export default function PoolsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const list = useRegistryList('pools');
  const [editing, setEditing] = useState<FundingPool | 'new' | null>(null);

  return (
    <Page
      title={t('admin.pools.title')}
      crumbs={adminCrumbs(t)}
      actions={
        <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={18} aria-hidden="true" />}>
          {t('admin.pools.create')}
        </Button>
      }
    >
      <RegistryList<FundingPool>
        resource="pools"
        query={list}
        defaultSort="name"
        caption={t('admin.pools.title')}
        exportPath="/api/pools/export"
        itemName={(p) => p.name}
        searchText={(p) => [p.name, p.description]}
        countLabel={(n) => t('admin.pools.count', { count: n, formatted: formatNumber(n, locale) })}
        empty={{ title: t('admin.pools.emptyTitle'), text: t('admin.pools.emptyText') }}
        onEdit={(p) => setEditing(p)}
        columns={[
          {
            key: 'name',
            label: t('admin.pools.name'),
            sortValue: (p) => p.name,
            isRowHeader: true,
            render: (p) => (
              <Anchor component={Link} to={`/admin/pools/${p.id}`}>
                {p.name}
              </Anchor>
            ),
          },
          {
            key: 'years',
            label: t('admin.pools.years'),
            sortValue: (p) => p.startYear,
            render: (p) => `${p.startYear}-${p.endYear}`,
          },
          {
            key: 'catalogues',
            label: t('admin.pools.catalogueCount'),
            sortValue: (p) => p.catalogues.length,
            align: 'right',
            render: (p) => formatNumber(p.catalogues.length, locale),
          },
          {
            key: 'planCount',
            label: t('admin.pools.planCount'),
            sortValue: (p) => p.planCount,
            align: 'right',
            render: (p) => formatNumber(p.planCount, locale),
          },
        ]}
      />
      {editing && (
        <PoolForm
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            if (editing === 'new') void navigate(`/admin/pools/${p.id}`);
          }}
        />
      )}
    </Page>
  );
}
