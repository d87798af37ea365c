import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useCreateRegistryItem, useRegistryList, useUpdateRegistryItem } from '../../api/registry';
import type { MunicipalService } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { fieldErrors } from '../../lib/errors';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from './FormModal';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';

/**
 * The municipalities' catalogues of ordinary services. Deleting an entry that an agreement
 * links is refused by the server, whose message the confirmation dialog shows.
 */
export default function MunicipalServicesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRegistryList('municipal-services');
  const [editing, setEditing] = useState<MunicipalService | 'new' | null>(null);

  return (
    <Page
      title={t('admin.municipalServices.title')}
      crumbs={adminCrumbs(t)}
      intro={t('admin.municipalServices.intro')}
      actions={
        <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={18} aria-hidden="true" />}>
          {t('admin.municipalServices.create')}
        </Button>
      }
    >
      <RegistryList<MunicipalService>
        resource="municipal-services"
        query={list}
        defaultSort="municipality"
        caption={t('admin.municipalServices.title')}
        exportPath="/api/municipal-services/export"
        itemName={(s) => `${s.name} (${s.municipalityName})`}
        searchText={(s) => [
          s.name,
          s.municipalityName,
          s.department,
          s.targetGroup,
          ...s.plans.map((p) => p.name),
        ]}
        countLabel={(n) =>
          t('admin.municipalServices.count', { count: n, formatted: formatNumber(n, locale) })
        }
        empty={{
          title: t('admin.municipalServices.emptyTitle'),
          text: t('admin.municipalServices.emptyText'),
        }}
        onEdit={(s) => setEditing(s)}
        columns={[
          {
            key: 'name',
            label: t('admin.municipalServices.name'),
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
            label: t('admin.municipalServices.municipality'),
            sortValue: (s) => s.municipalityName,
            render: (s) => s.municipalityName,
          },
          {
            key: 'department',
            label: t('admin.municipalServices.department'),
            sortValue: (s) => s.department ?? '',
            render: (s) => s.department ?? '',
          },
          {
            key: 'targetGroup',
            label: t('admin.municipalServices.targetGroup'),
            sortValue: (s) => s.targetGroup ?? '',
            render: (s) => s.targetGroup ?? '',
          },
          {
            key: 'plans',
            label: t('admin.municipalServices.plans'),
            sortValue: (s) => s.plans.length,
            render: (s) =>
              s.plans.length === 0 ? (
                t('admin.municipalServices.notUsed')
              ) : (
                <Group gap="xs" component="span">
                  {s.plans.map((p) => (
                    <Anchor
                      component={Link}
                      to={`/plans/${p.id}/organisation/agreement`}
                      key={p.id}
                      size="sm"
                    >
                      {p.name}
                    </Anchor>
                  ))}
                </Group>
              ),
          },
        ]}
      />
      {editing && (
        <ServiceForm item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Page>
  );
}

function ServiceForm({ item, onClose }: { item?: MunicipalService; onClose: () => void }) {
  const { t } = useTranslation();
  const municipalities = useRegistryList('municipalities');
  const create = useCreateRegistryItem('municipal-services');
  const update = useUpdateRegistryItem('municipal-services');
  const mutation = item ? update : create;
  const [municipalityId, setMunicipalityId] = useState(item?.municipalityId ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [department, setDepartment] = useState(item?.department ?? '');
  const [targetGroup, setTargetGroup] = useState(item?.targetGroup ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...localErrors };
  // An agreement links only services of its plan's municipality, so a linked entry stays where it is.
  const locked = !!item && item.plans.length > 0;

  const onSubmit = () => {
    if (!municipalityId) {
      setLocalErrors({ municipalityId: t('common.required') });
      return;
    }
    setLocalErrors({});
    const input = {
      municipalityId,
      name: name.trim(),
      department: department.trim() || null,
      targetGroup: targetGroup.trim() || null,
    };
    const done = (saved: MunicipalService) => {
      notifySuccess(t(item ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
    };
    if (item) update.mutate({ id: item.id, input: { ...input, version: item.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormModal
      opened
      title={item ? t('admin.municipalServices.editTitle') : t('admin.municipalServices.create')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => ['municipalityId', 'name', 'department', 'targetGroup'].includes(p)}
    >
      <NativeSelect
        label={t('admin.municipalServices.municipality')}
        required
        value={municipalityId}
        disabled={locked}
        description={locked ? t('admin.municipalServices.municipalityLocked') : undefined}
        onChange={(e) => setMunicipalityId(e.currentTarget.value)}
        data={[
          { value: '', label: t('plans.form.choose') },
          ...sortBy(municipalities.data ?? [], (m) => m.name, 'asc').map((m) => ({
            value: m.id,
            label: m.name,
          })),
        ]}
        error={errors.municipalityId}
        data-autofocus
      />
      <TextInput
        label={t('admin.municipalServices.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <TextInput
        label={t('admin.municipalServices.department')}
        value={department}
        onChange={(e) => setDepartment(e.currentTarget.value)}
        error={errors.department}
      />
      <TextInput
        label={t('admin.municipalServices.targetGroup')}
        value={targetGroup}
        onChange={(e) => setTargetGroup(e.currentTarget.value)}
        error={errors.targetGroup}
      />
    </FormModal>
  );
}
