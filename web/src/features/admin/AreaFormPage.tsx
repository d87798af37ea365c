import { useState, type FormEvent } from 'react';
import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { ApiError } from '../../api/client';
import {
  useCreateRegistryItem,
  useRegistryItem,
  useRegistryList,
  useUpdateRegistryItem,
} from '../../api/registry';
import type { HousingArea } from '../../api/types';
import { ExampleBadge } from '../../components/badges';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { Page } from '../../components/Page';
import { ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { adminCrumbs } from './adminCrumbs';

interface DepartmentRow {
  key: string;
  housingOrganisationId: string;
  departmentNumber: string;
  name: string;
  dwellings: string;
}

let counter = 0;
const newKey = () => `dep-${++counter}`;

export default function AreaFormPage() {
  const { id } = useParams();
  const area = useRegistryItem('areas', id);
  if (id) {
    if (area.isPending) return <LoadingState />;
    if (area.isError) {
      if (area.error instanceof ApiError && area.error.status === 404) return <NotFoundPage />;
      return <ErrorState error={area.error} onRetry={() => void area.refetch()} />;
    }
    return <AreaForm key={area.data.id} area={area.data} />;
  }
  return <AreaForm />;
}

function AreaForm({ area }: { area?: HousingArea }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const municipalities = useRegistryList('municipalities');
  const orgs = useRegistryList('housing-organisations');
  const create = useCreateRegistryItem('areas');
  const update = useUpdateRegistryItem('areas');
  const mutation = area ? update : create;

  const [name, setName] = useState(area?.name ?? '');
  const [municipalityId, setMunicipalityId] = useState(area?.municipalityId ?? '');
  const [description, setDescription] = useState(area?.description ?? '');
  const [departments, setDepartments] = useState<DepartmentRow[]>(
    sortBy(area?.departments ?? [], (d) => d.departmentNumber, 'asc').map((d) => ({
      key: newKey(),
      housingOrganisationId: d.housingOrganisationId,
      departmentNumber: d.departmentNumber,
      name: d.name ?? '',
      dwellings: String(d.dwellings),
    })),
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = Object.keys(localErrors).length ? localErrors : fieldErrors(mutation.error);

  const setRow = (key: string, patch: Partial<DepartmentRow>) =>
    setDepartments((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const total = departments.reduce((s, d) => s + (Number.parseInt(d.dwellings, 10) || 0), 0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const required = t('common.required');
    if (!name.trim()) errs.name = required;
    if (!municipalityId) errs.municipalityId = required;
    departments.forEach((d, i) => {
      if (!d.housingOrganisationId) errs[`departments.${i}.housingOrganisationId`] = required;
      if (!d.departmentNumber.trim()) errs[`departments.${i}.departmentNumber`] = required;
      if (!/^\d+$/.test(d.dwellings.replace(/\./g, '').trim()))
        errs[`departments.${i}.dwellings`] = t('common.invalidNumber');
    });
    setLocalErrors(errs);
    if (Object.keys(errs).length) {
      mutation.reset();
      return;
    }
    const input = {
      name: name.trim(),
      municipalityId,
      description: description.trim() ? description : null,
      departments: departments.map((d) => ({
        housingOrganisationId: d.housingOrganisationId,
        departmentNumber: d.departmentNumber.trim(),
        name: d.name.trim() || null,
        dwellings: Number.parseInt(d.dwellings.replace(/\./g, ''), 10),
      })),
    };
    const done = (saved: HousingArea) => {
      notifySuccess(t(area ? 'common.saved' : 'common.created', { name: saved.name }));
      void navigate('/admin/areas');
    };
    if (area) update.mutate({ id: area.id, input: { ...input, version: area.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  const title = area ? t('admin.areas.editTitle') : t('admin.areas.create');
  const crumbs = [...adminCrumbs(t), { label: t('admin.areas.title'), to: '/admin/areas' }];
  if (municipalities.isPending || orgs.isPending) {
    return (
      <Page title={title} crumbs={crumbs}>
        <LoadingState />
      </Page>
    );
  }
  const listError = municipalities.error ?? orgs.error;
  if (listError) {
    return (
      <Page title={title} crumbs={crumbs}>
        <ErrorState error={listError} />
      </Page>
    );
  }

  const choose = { value: '', label: t('plans.form.choose') };
  const orgOptions = [
    choose,
    ...sortBy(orgs.data ?? [], (o) => o.name, 'asc').map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <Page title={title} crumbs={crumbs} intro={area?.name} badges={area?.isExample && <ExampleBadge />}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {Object.keys(localErrors).length > 0 ? (
            <FormErrorAlert message={t('common.saveFailedHint')} />
          ) : (
            <FormErrorAlert
              error={mutation.error}
              isPlaced={(p) =>
                ['name', 'municipalityId', 'description'].includes(p) || /^departments\.\d+\./.test(p)
              }
            />
          )}
          <Paper withBorder p="lg" radius="md">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('admin.areas.name')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                />
                <NativeSelect
                  label={t('admin.areas.municipality')}
                  required
                  value={municipalityId}
                  onChange={(e) => setMunicipalityId(e.currentTarget.value)}
                  data={[
                    choose,
                    ...sortBy(municipalities.data ?? [], (m) => m.name, 'asc').map((m) => ({
                      value: m.id,
                      label: m.name,
                    })),
                  ]}
                  error={errors.municipalityId}
                />
              </SimpleGrid>
              <Textarea
                label={t('admin.areas.description')}
                autosize
                minRows={2}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={errors.description}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" mb={4}>
              {t('admin.areas.departments')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('admin.areas.departmentsHelp')}
            </Text>
            <Stack gap="sm">
              {departments.length === 0 && <Text size="sm">{t('admin.areas.noDepartments')}</Text>}
              {departments.map((d, i) => {
                const n = i + 1;
                const err = (f: string) => errors[`departments.${i}.${f}`];
                return (
                  <Fieldset key={d.key} legend={t('admin.areas.departmentLegend', { n })} p="sm">
                    <Group align="flex-start" gap="sm" wrap="wrap">
                      <NativeSelect
                        label={t('admin.areas.housingOrganisation')}
                        required
                        value={d.housingOrganisationId}
                        onChange={(e) => setRow(d.key, { housingOrganisationId: e.currentTarget.value })}
                        data={orgOptions}
                        error={err('housingOrganisationId')}
                        w={280}
                      />
                      <TextInput
                        label={t('admin.areas.departmentNumber')}
                        required
                        value={d.departmentNumber}
                        onChange={(e) => setRow(d.key, { departmentNumber: e.currentTarget.value })}
                        error={err('departmentNumber')}
                        w={180}
                      />
                      <TextInput
                        label={t('admin.areas.departmentName')}
                        value={d.name}
                        onChange={(e) => setRow(d.key, { name: e.currentTarget.value })}
                        error={err('name')}
                        w={220}
                      />
                      <TextInput
                        label={t('admin.areas.departmentDwellings')}
                        required
                        inputMode="numeric"
                        value={d.dwellings}
                        onChange={(e) => setRow(d.key, { dwellings: e.currentTarget.value })}
                        error={err('dwellings')}
                        w={120}
                      />
                      <Button
                        variant="default"
                        c="red.9"
                        mt={24}
                        leftSection={<IconTrash size={16} aria-hidden="true" />}
                        onClick={() => setDepartments((rows) => rows.filter((r) => r.key !== d.key))}
                      >
                        {t('admin.areas.removeDepartment', { n })}
                      </Button>
                    </Group>
                  </Fieldset>
                );
              })}
              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  onClick={() =>
                    setDepartments((rows) => [
                      ...rows,
                      {
                        key: newKey(),
                        housingOrganisationId: '',
                        departmentNumber: '',
                        name: '',
                        dwellings: '',
                      },
                    ])
                  }
                >
                  {t('admin.areas.addDepartment')}
                </Button>
                <Text fw={600} role="status">
                  {t('plans.detail.dwellingsTotal')}: {formatNumber(total, locale)}
                </Text>
              </Group>
            </Stack>
          </Paper>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
            <Button component={Link} to="/admin/areas" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
