import { useState } from 'react';
import { Button, NativeSelect, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useCreateRegistryItem, useRegistryList, useUpdateRegistryItem } from '../../api/registry';
import type { HousingOrganisation } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { fieldErrors } from '../../lib/errors';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from './FormModal';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';

export default function HousingOrganisationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRegistryList('housing-organisations');
  const [editing, setEditing] = useState<HousingOrganisation | 'new' | null>(null);

  return (
    <Page
      title={t('admin.housingOrganisations.title')}
      crumbs={adminCrumbs(t)}
      actions={
        <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={18} aria-hidden="true" />}>
          {t('admin.housingOrganisations.create')}
        </Button>
      }
    >
      <RegistryList<HousingOrganisation>
        resource="housing-organisations"
        query={list}
        defaultSort="name"
        caption={t('admin.housingOrganisations.title')}
        exportPath="/api/housing-organisations/export"
        itemName={(o) => o.name}
        searchText={(o) => [o.name, o.municipalityName]}
        countLabel={(n) =>
          t('admin.housingOrganisations.count', { count: n, formatted: formatNumber(n, locale) })
        }
        empty={{
          title: t('admin.housingOrganisations.emptyTitle'),
          text: t('admin.housingOrganisations.emptyText'),
        }}
        onEdit={(o) => setEditing(o)}
        columns={[
          {
            key: 'name',
            label: t('admin.housingOrganisations.name'),
            sortValue: (o) => o.name,
            isRowHeader: true,
            render: (o) => (
              <>
                {o.name} {o.isExample && <ExampleBadge />}
              </>
            ),
          },
          {
            key: 'municipality',
            label: t('admin.housingOrganisations.municipality'),
            sortValue: (o) => o.municipalityName,
            render: (o) => o.municipalityName ?? '',
          },
        ]}
      />
      {editing && (
        <HousingOrganisationForm
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Page>
  );
}

function HousingOrganisationForm({ item, onClose }: { item?: HousingOrganisation; onClose: () => void }) {
  const { t } = useTranslation();
  const municipalities = useRegistryList('municipalities');
  const create = useCreateRegistryItem('housing-organisations');
  const update = useUpdateRegistryItem('housing-organisations');
  const mutation = item ? update : create;
  const [name, setName] = useState(item?.name ?? '');
  const [municipalityId, setMunicipalityId] = useState(item?.municipalityId ?? '');
  const errors = fieldErrors(mutation.error);

  const onSubmit = () => {
    const input = { name: name.trim(), municipalityId: municipalityId || null };
    const done = (saved: HousingOrganisation) => {
      notifySuccess(t(item ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
    };
    if (item) update.mutate({ id: item.id, input: { ...input, version: item.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormModal
      opened
      title={item ? t('admin.housingOrganisations.editTitle') : t('admin.housingOrganisations.create')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => p === 'name' || p === 'municipalityId'}
    >
      <TextInput
        label={t('admin.housingOrganisations.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <NativeSelect
        label={t('admin.housingOrganisations.municipality')}
        description={t('admin.housingOrganisations.municipalityHelp')}
        value={municipalityId}
        onChange={(e) => setMunicipalityId(e.currentTarget.value)}
        data={[
          { value: '', label: t('common.none') },
          ...sortBy(municipalities.data ?? [], (m) => m.name, 'asc').map((m) => ({
            value: m.id,
            label: m.name,
          })),
        ]}
        error={errors.municipalityId}
      />
    </FormModal>
  );
}
