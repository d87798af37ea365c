import { useState } from 'react';
import {
  Button,
  Fieldset,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { ApiError } from '../../api/client';
import { useAddCatalogue, useRegistryItem } from '../../api/registry';
import type { FocusAreaCatalogue, FundingPool } from '../../api/types';
import { DateField } from '../../components/DateField';
import { Facts } from '../../components/Facts';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatDate, formatNumber, parseDateInput, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { adminCrumbs } from './adminCrumbs';
import { FormModal } from './FormModal';
import { PoolForm } from './PoolForm';

export default function PoolDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const pool = useRegistryItem('pools', id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);

  if (pool.isPending) return <LoadingState />;
  if (pool.isError) {
    if (pool.error instanceof ApiError && pool.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={pool.error} onRetry={() => void pool.refetch()} />;
  }
  const p = pool.data;
  const catalogues = sortBy(p.catalogues, (c) => c.version, 'desc');

  return (
    <Page
      title={p.name}
      crumbs={[...adminCrumbs(t), { label: t('admin.pools.title'), to: '/admin/pools' }]}
      actions={
        <Button
          variant="default"
          leftSection={<IconPencil size={18} aria-hidden="true" />}
          onClick={() => setEditing(true)}
        >
          {t('admin.pools.editTitle')}
        </Button>
      }
    >
      <Paper withBorder p="lg" radius="md">
        <Facts
          items={[
            { label: t('admin.pools.years'), value: `${p.startYear}-${p.endYear}` },
            { label: t('admin.pools.planCount'), value: formatNumber(p.planCount, locale) },
            { label: t('admin.pools.catalogueCount'), value: formatNumber(p.catalogues.length, locale) },
          ]}
        />
        {p.description && (
          <Text mt="md" className="pre-wrap">
            {p.description}
          </Text>
        )}
      </Paper>

      <Section
        title={t('admin.pools.catalogues')}
        id="catalogues"
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('admin.pools.addCatalogue')}
          </Button>
        }
      >
        <Text size="sm" c="dimmed">
          {t('admin.pools.cataloguesHelp')}
        </Text>
        {catalogues.length === 0 ? (
          <Text>{t('admin.pools.noCatalogues')}</Text>
        ) : (
          catalogues.map((c) => <CatalogueView key={c.id} catalogue={c} />)
        )}
      </Section>
      {editing && <PoolForm item={p} onClose={() => setEditing(false)} />}
      {adding && <CatalogueForm pool={p} onClose={() => setAdding(false)} />}
    </Page>
  );
}

function CatalogueView({ catalogue: c }: { catalogue: FocusAreaCatalogue }) {
  const { t } = useTranslation();
  const title = t('admin.pools.catalogueTitle', { version: c.version, date: formatDate(c.validFrom) });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {c.note && (
        <Text size="sm" className="pre-wrap">
          {c.note}
        </Text>
      )}
      <Table withTableBorder verticalSpacing="xs">
        <caption className="visually-hidden">{title}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>#</Table.Th>
            <Table.Th>{t('admin.pools.focusAreaDa')}</Table.Th>
            <Table.Th>{t('admin.pools.focusAreaEn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortBy(c.focusAreas, (f) => f.sortOrder, 'asc').map((f, i) => (
            <Table.Tr key={f.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{f.nameDa}</Table.Td>
              <Table.Td lang="en">{f.nameEn}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

interface FocusRow {
  key: string;
  nameDa: string;
  nameEn: string;
}
let counter = 0;
const newKey = () => `fa-${++counter}`;

function CatalogueForm({ pool, onClose }: { pool: FundingPool; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCatalogue();
  const latest = sortBy(pool.catalogues, (c) => c.version, 'desc')[0];
  const [validFrom, setValidFrom] = useState('');
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<FocusRow[]>(
    latest
      ? sortBy(latest.focusAreas, (f) => f.sortOrder, 'asc').map((f) => ({
          key: newKey(),
          nameDa: f.nameDa,
          nameEn: f.nameEn,
        }))
      : [{ key: newKey(), nameDa: '', nameEn: '' }],
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = Object.keys(localErrors).length ? localErrors : fieldErrors(add.error);

  const setRow = (key: string, patch: Partial<FocusRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = () => {
    const errs: Record<string, string> = {};
    const iso = parseDateInput(validFrom);
    if (iso === null) errs.validFrom = t('common.invalidDate');
    else if (!iso) errs.validFrom = t('common.required');
    rows.forEach((r, i) => {
      if (!r.nameDa.trim()) errs[`focusAreas.${i}.nameDa`] = t('common.required');
      if (!r.nameEn.trim()) errs[`focusAreas.${i}.nameEn`] = t('common.required');
    });
    setLocalErrors(errs);
    if (Object.keys(errs).length) {
      add.reset();
      return;
    }
    add.mutate(
      {
        poolId: pool.id,
        input: {
          validFrom: iso ?? '',
          note: note.trim() || null,
          focusAreas: rows.map((r) => ({ nameDa: r.nameDa.trim(), nameEn: r.nameEn.trim() })),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved', { name: t('admin.pools.newCatalogue') }));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened
      size="xl"
      title={t('admin.pools.newCatalogue')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={add.isPending}
      error={add.error}
      message={Object.keys(localErrors).length ? t('common.saveFailedHint') : undefined}
      isPlaced={(p) => p === 'validFrom' || p === 'note' || /^focusAreas\.\d+\./.test(p)}
      submitLabel={t('admin.pools.saveCatalogue')}
    >
      {latest && (
        <Text size="sm" c="dimmed">
          {t('admin.pools.copyLatest')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('admin.pools.validFrom')}
          required
          value={validFrom}
          onChange={setValidFrom}
          error={errors.validFrom}
        />
      </SimpleGrid>
      <Textarea
        label={t('admin.pools.note')}
        description={t('admin.pools.noteHelp')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
      <Stack gap="xs">
        {rows.map((r, i) => {
          const n = i + 1;
          return (
            <Fieldset key={r.key} legend={t('admin.pools.focusAreaLegend', { n })} p="sm">
              <Group align="flex-start" gap="sm">
                <TextInput
                  label={t('admin.pools.focusAreaDa')}
                  required
                  value={r.nameDa}
                  onChange={(e) => setRow(r.key, { nameDa: e.currentTarget.value })}
                  error={errors[`focusAreas.${i}.nameDa`]}
                  style={{ flex: 1 }}
                  miw={200}
                />
                <TextInput
                  label={t('admin.pools.focusAreaEn')}
                  required
                  lang="en"
                  value={r.nameEn}
                  onChange={(e) => setRow(r.key, { nameEn: e.currentTarget.value })}
                  error={errors[`focusAreas.${i}.nameEn`]}
                  style={{ flex: 1 }}
                  miw={200}
                />
                <Button
                  variant="default"
                  c="red.9"
                  mt={24}
                  disabled={rows.length <= 1}
                  leftSection={<IconTrash size={16} aria-hidden="true" />}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  {t('admin.pools.removeFocusArea', { n })}
                </Button>
              </Group>
            </Fieldset>
          );
        })}
        <div>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setRows((rs) => [...rs, { key: newKey(), nameDa: '', nameEn: '' }])}
          >
            {t('admin.pools.addFocusArea')}
          </Button>
        </div>
      </Stack>
    </FormModal>
  );
}
