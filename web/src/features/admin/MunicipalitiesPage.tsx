import { useState } from 'react';
import { Button, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useCreateRegistryItem, useRegistryList, useUpdateRegistryItem } from '../../api/registry';
import type { Municipality } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { fieldErrors } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from './FormModal';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';

export default function MunicipalitiesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRegistryList('municipalities');
  const [editing, setEditing] = useState<Municipality | 'new' | null>(null);

  return (
    <Page
      title={t('admin.municipalities.title')}
      crumbs={adminCrumbs(t)}
      actions={
        <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={18} aria-hidden="true" />}>
          {t('admin.municipalities.create')}
        </Button>
      }
    >
      <RegistryList<Municipality>
        resource="municipalities"
        query={list}
        defaultSort="name"
        caption={t('admin.municipalities.title')}
        exportPath="/api/municipalities/export"
        itemName={(m) => m.name}
        searchText={(m) => [m.name, m.code?.toString()]}
        countLabel={(n) => t('admin.municipalities.count', { count: n, formatted: formatNumber(n, locale) })}
        empty={{ title: t('admin.municipalities.emptyTitle'), text: t('admin.municipalities.emptyText') }}
        onEdit={(m) => setEditing(m)}
        columns={[
          {
            key: 'name',
            label: t('admin.municipalities.name'),
            sortValue: (m) => m.name,
            isRowHeader: true,
            render: (m) => (
              <>
                {m.name} {m.isExample && <ExampleBadge />}
              </>
            ),
          },
          {
            key: 'code',
            label: t('admin.municipalities.code'),
            sortValue: (m) => m.code,
            render: (m) => m.code ?? '',
          },
          {
            key: 'planCount',
            label: t('admin.municipalities.planCount'),
            sortValue: (m) => m.planCount,
            align: 'right',
            render: (m) => formatNumber(m.planCount, locale),
          },
        ]}
      />
      {editing && (
        <MunicipalityForm item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Page>
  );
}

function MunicipalityForm({ item, onClose }: { item?: Municipality; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRegistryItem('municipalities');
  const update = useUpdateRegistryItem('municipalities');
  const mutation = item ? update : create;
  const [name, setName] = useState(item?.name ?? '');
  const [code, setCode] = useState(item?.code?.toString() ?? '');
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...localError };

  const onSubmit = () => {
    const trimmed = code.trim();
    const codeNum = trimmed === '' ? null : Number(trimmed);
    if (codeNum !== null && !Number.isInteger(codeNum)) {
      setLocalError({ code: t('common.invalidNumber') });
      return;
    }
    setLocalError({});
    const input = { name: name.trim(), code: codeNum };
    const done = (saved: Municipality) => {
      notifySuccess(t(item ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
    };
    if (item) update.mutate({ id: item.id, input: { ...input, version: item.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormModal
      opened
      title={item ? t('admin.municipalities.editTitle') : t('admin.municipalities.create')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => p === 'name' || p === 'code'}
    >
      <TextInput
        label={t('admin.municipalities.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <TextInput
        label={t('admin.municipalities.code')}
        description={t('admin.municipalities.codeHelp')}
        inputMode="numeric"
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={errors.code}
        maw={320}
      />
    </FormModal>
  );
}
