import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useCreateRegistryItem, useRegistryList, useUpdateRegistryItem } from '../../api/registry';
import type { AreaSecretariat } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { fieldErrors } from '../../lib/errors';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from './FormModal';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';

export default function AreaSecretariatsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRegistryList('area-secretariats');
  const [editing, setEditing] = useState<AreaSecretariat | 'new' | null>(null);

  return (
    <Page
      title={t('admin.areaSecretariats.title')}
      crumbs={adminCrumbs(t)}
      actions={
        <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={18} aria-hidden="true" />}>
          {t('admin.areaSecretariats.create')}
        </Button>
      }
    >
      <RegistryList<AreaSecretariat>
        resource="area-secretariats"
        query={list}
        defaultSort="name"
        caption={t('admin.areaSecretariats.title')}
        exportPath="/api/area-secretariats/export"
        itemName={(s) => s.name}
        searchText={(s) => [s.name, s.municipalityName, ...s.plans.map((p) => p.name)]}
        countLabel={(n) =>
          t('admin.areaSecretariats.count', { count: n, formatted: formatNumber(n, locale) })
        }
        empty={{ title: t('admin.areaSecretariats.emptyTitle'), text: t('admin.areaSecretariats.emptyText') }}
        onEdit={(s) => setEditing(s)}
        columns={[
          {
            key: 'name',
            label: t('admin.areaSecretariats.name'),
            sortValue: (s) => s.name,
            isRowHeader: true,
            render: (s) => (
              <>
                {s.name} {s.isExample && <ExampleBadge />}
              </>
            ),
          },
          {
            key: 'municipality',
            label: t('admin.areaSecretariats.municipality'),
            sortValue: (s) => s.municipalityName,
            render: (s) => s.municipalityName,
          },
          {
            key: 'plans',
            label: t('admin.areaSecretariats.plans'),
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
      {editing && (
        <SecretariatForm item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Page>
  );
}

function SecretariatForm({ item, onClose }: { item?: AreaSecretariat; onClose: () => void }) {
  const { t } = useTranslation();
  const municipalities = useRegistryList('municipalities');
  const create = useCreateRegistryItem('area-secretariats');
  const update = useUpdateRegistryItem('area-secretariats');
  const mutation = item ? update : create;
  const [name, setName] = useState(item?.name ?? '');
  const [municipalityId, setMunicipalityId] = useState(item?.municipalityId ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...localErrors };

  const onSubmit = () => {
    if (!municipalityId) {
      setLocalErrors({ municipalityId: t('common.required') });
      return;
    }
    setLocalErrors({});
    const input = { name: name.trim(), municipalityId, description: description.trim() ? description : null };
    const done = (saved: AreaSecretariat) => {
      notifySuccess(t(item ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
    };
    if (item) update.mutate({ id: item.id, input: { ...input, version: item.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormModal
      opened
      title={item ? t('admin.areaSecretariats.editTitle') : t('admin.areaSecretariats.create')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => ['name', 'municipalityId', 'description'].includes(p)}
    >
      <TextInput
        label={t('admin.areaSecretariats.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <NativeSelect
        label={t('admin.areaSecretariats.municipality')}
        required
        value={municipalityId}
        onChange={(e) => setMunicipalityId(e.currentTarget.value)}
        data={[
          { value: '', label: t('plans.form.choose') },
          ...sortBy(municipalities.data ?? [], (m) => m.name, 'asc').map((m) => ({
            value: m.id,
            label: m.name,
          })),
        ]}
        error={errors.municipalityId}
      />
      <Textarea
        label={t('admin.areaSecretariats.description')}
        autosize
        minRows={3}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
      <Text size="sm" c="dimmed">
        {t('admin.areaSecretariats.plansHelp')}
      </Text>
    </FormModal>
  );
}
