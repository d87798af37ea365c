import { useState } from 'react';
import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useCreateRegistryItem, useUpdateRegistryItem } from '../../api/registry';
import type { FundingPool } from '../../api/types';
import { fieldErrors } from '../../lib/errors';
import { FormModal } from './FormModal';

/** Create or edit a pool's name, years and description (catalogues are added on the pool's page). */
export function PoolForm({
  item,
  onClose,
  onSaved,
}: {
  item?: FundingPool;
  onClose: () => void;
  onSaved?: (p: FundingPool) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRegistryItem('pools');
  const update = useUpdateRegistryItem('pools');
  const mutation = item ? update : create;
  const [name, setName] = useState(item?.name ?? '');
  const [startYear, setStartYear] = useState(item?.startYear.toString() ?? '');
  const [endYear, setEndYear] = useState(item?.endYear.toString() ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...localErrors };

  const onSubmit = () => {
    const errs: Record<string, string> = {};
    const s = Number(startYear);
    const e = Number(endYear);
    if (!startYear.trim() || !Number.isInteger(s)) errs.startYear = t('common.invalidNumber');
    if (!endYear.trim() || !Number.isInteger(e)) errs.endYear = t('common.invalidNumber');
    setLocalErrors(errs);
    if (Object.keys(errs).length) return;
    const input = {
      name: name.trim(),
      startYear: s,
      endYear: e,
      description: description.trim() ? description : null,
    };
    const done = (saved: FundingPool) => {
      notifySuccess(t(item ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
      onSaved?.(saved);
    };
    if (item) update.mutate({ id: item.id, input: { ...input, version: item.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormModal
      opened
      title={item ? t('admin.pools.editTitle') : t('admin.pools.create')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => ['name', 'startYear', 'endYear', 'description'].includes(p)}
    >
      <TextInput
        label={t('admin.pools.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('admin.pools.startYear')}
          required
          inputMode="numeric"
          value={startYear}
          onChange={(e) => setStartYear(e.currentTarget.value)}
          error={errors.startYear}
        />
        <TextInput
          label={t('admin.pools.endYear')}
          required
          inputMode="numeric"
          value={endYear}
          onChange={(e) => setEndYear(e.currentTarget.value)}
          error={errors.endYear}
        />
      </SimpleGrid>
      <Textarea
        label={t('admin.pools.description')}
        autosize
        minRows={3}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
    </FormModal>
  );
}
