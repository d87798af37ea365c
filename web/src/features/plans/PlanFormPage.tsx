import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
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
import { useCreatePlan, usePlan, useUpdatePlan } from '../../api/plans';
import { useRegistryList } from '../../api/registry';
import type { FundingPool, PlanDetail, PlanInput, PlanStatus, SecretariatSupport } from '../../api/types';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { Page } from '../../components/Page';
import { ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatDate, formatNumber, parseDateInput, parseKronerToOre, sortBy } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { useLocale } from '../../lib/useLocale';
import { ForbiddenPage, NotFoundPage } from '../errors/ErrorPages';

interface GrantRow {
  key: string;
  poolId: string;
  amountKr: string;
  startDate: string;
  endDate: string;
  reference: string;
}

interface FormState {
  name: string;
  status: PlanStatus;
  poolId: string;
  focusAreaIds: string[];
  municipalityId: string;
  housingOrganisationId: string;
  areaIds: string[];
  periodStart: string;
  periodEnd: string;
  areaSecretariatId: string;
  secretariatSupport: SecretariatSupport | '';
  purpose: string;
  problems: string;
  grants: GrantRow[];
}

let rowCounter = 0;
const newKey = () => `row-${++rowCounter}`;

function initialState(plan: PlanDetail | undefined, locale: 'da' | 'en'): FormState {
  if (!plan) {
    return {
      name: '',
      status: 'draft',
      poolId: '',
      focusAreaIds: [],
      municipalityId: '',
      housingOrganisationId: '',
      areaIds: [],
      periodStart: '',
      periodEnd: '',
      areaSecretariatId: '',
      secretariatSupport: '',
      purpose: '',
      problems: '',
      grants: [],
    };
  }
  return {
    name: plan.name,
    status: plan.status,
    poolId: plan.poolId,
    focusAreaIds: plan.focusAreas.map((f) => f.id),
    municipalityId: plan.municipalityId,
    housingOrganisationId: plan.housingOrganisationId,
    areaIds: plan.areas.map((a) => a.id),
    periodStart: formatDate(plan.periodStart),
    periodEnd: formatDate(plan.periodEnd),
    areaSecretariatId: plan.areaSecretariatId ?? '',
    secretariatSupport: plan.secretariatSupport ?? '',
    purpose: plan.purpose ?? '',
    problems: plan.problems ?? '',
    grants: plan.grants.map((g) => ({
      key: newKey(),
      poolId: g.poolId,
      amountKr: formatNumber(g.amountOre / 100, locale, 2),
      startDate: formatDate(g.startDate),
      endDate: formatDate(g.endDate),
      reference: g.reference ?? '',
    })),
  };
}

export default function PlanFormPage() {
  const { id } = useParams();
  const plan = usePlan(id);
  const locale = useLocale();
  if (id) {
    if (plan.isPending) return <LoadingState />;
    if (plan.isError) {
      if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
      return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
    }
    if (!plan.data.canEdit) return <ForbiddenPage />;
    return <PlanForm key={plan.data.id} plan={plan.data} initial={initialState(plan.data, locale)} />;
  }
  return <PlanForm initial={initialState(undefined, locale)} />;
}

function PlanForm({ plan, initial }: { plan?: PlanDetail; initial: FormState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const pools = useRegistryList('pools');
  const municipalities = useRegistryList('municipalities');
  const orgs = useRegistryList('housing-organisations');
  const areas = useRegistryList('areas');
  const secretariats = useRegistryList('area-secretariats');
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const mutation = plan ? update : create;

  const [form, setForm] = useState<FormState>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [poolNote, setPoolNote] = useState('');
  const alertRef = useRef<HTMLDivElement>(null);

  const serverErrors = fieldErrors(mutation.error);
  const errors = Object.keys(localErrors).length > 0 ? localErrors : serverErrors;
  const hasError = mutation.error != null || Object.keys(localErrors).length > 0;

  useEffect(() => {
    if (hasError) alertRef.current?.scrollIntoView({ block: 'center' });
  }, [hasError, mutation.error, localErrors]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const setPool = (poolId: string) => {
    setForm((f) => {
      if (f.focusAreaIds.length > 0 && poolId !== f.poolId) setPoolNote(t('plans.form.poolChangedFocus'));
      return {
        ...f,
        poolId,
        focusAreaIds: poolId === f.poolId ? f.focusAreaIds : [],
        // New grants default to the plan's pool; rows without a pool follow it.
        grants: f.grants.map((g) => (g.poolId ? g : { ...g, poolId })),
      };
    });
  };

  const setGrant = (key: string, patch: Partial<GrantRow>) =>
    setForm((f) => ({ ...f, grants: f.grants.map((g) => (g.key === key ? { ...g, ...patch } : g)) }));

  const addGrant = () =>
    setForm((f) => ({
      ...f,
      grants: [
        ...f.grants,
        {
          key: newKey(),
          poolId: f.poolId,
          amountKr: '',
          startDate: f.periodStart,
          endDate: f.periodEnd,
          reference: '',
        },
      ],
    }));

  const removeGrant = (key: string) =>
    setForm((f) => ({ ...f, grants: f.grants.filter((g) => g.key !== key) }));

  const selectedPool: FundingPool | undefined = pools.data?.find((p) => p.id === form.poolId);

  const options = useMemo(() => {
    const named = (items: { id: string; name: string }[] | undefined) =>
      sortBy(items ?? [], (i) => i.name, 'asc').map((i) => ({ value: i.id, label: i.name }));
    return {
      pools: named(pools.data),
      municipalities: named(municipalities.data),
      orgs: named(orgs.data),
      secretariats: named(secretariats.data),
      areas: sortBy(areas.data ?? [], (a) => a.name, 'asc').map((a) => ({
        value: a.id,
        label: `${a.name} (${a.municipalityName})`,
      })),
    };
  }, [pools.data, municipalities.data, orgs.data, secretariats.data, areas.data]);

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const required = t('common.required');
    if (!form.name.trim()) e.name = required;
    if (!form.poolId) e.poolId = required;
    if (!form.municipalityId) e.municipalityId = required;
    if (!form.housingOrganisationId) e.housingOrganisationId = required;
    const badDate = t('common.invalidDate');
    if (parseDateInput(form.periodStart) === null) e.periodStart = badDate;
    if (parseDateInput(form.periodEnd) === null) e.periodEnd = badDate;
    form.grants.forEach((g, i) => {
      if (!g.poolId) e[`grants.${i}.poolId`] = required;
      const ore = parseKronerToOre(g.amountKr, locale);
      if (g.amountKr.trim() === '') e[`grants.${i}.amountOre`] = required;
      else if (ore === null || ore < 0) e[`grants.${i}.amountOre`] = t('common.invalidNumber');
      const start = parseDateInput(g.startDate);
      const end = parseDateInput(g.endDate);
      if (start === null) e[`grants.${i}.startDate`] = badDate;
      else if (!start) e[`grants.${i}.startDate`] = required;
      if (end === null) e[`grants.${i}.endDate`] = badDate;
      else if (!end) e[`grants.${i}.endDate`] = required;
    });
    return e;
  };

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setLocalErrors(e);
    if (Object.keys(e).length > 0) {
      mutation.reset();
      return;
    }
    const input: PlanInput = {
      name: form.name.trim(),
      status: form.status,
      poolId: form.poolId,
      focusAreaIds: form.focusAreaIds,
      municipalityId: form.municipalityId,
      housingOrganisationId: form.housingOrganisationId,
      areaIds: form.areaIds,
      periodStart: parseDateInput(form.periodStart) || null,
      periodEnd: parseDateInput(form.periodEnd) || null,
      areaSecretariatId: form.areaSecretariatId || null,
      secretariatSupport: form.secretariatSupport || null,
      purpose: form.purpose.trim() ? form.purpose : null,
      problems: form.problems.trim() ? form.problems : null,
      grants: form.grants.map((g) => ({
        poolId: g.poolId,
        amountOre: parseKronerToOre(g.amountKr, locale) ?? 0,
        startDate: parseDateInput(g.startDate) ?? '',
        endDate: parseDateInput(g.endDate) ?? '',
        reference: g.reference.trim() || null,
      })),
    };
    const onSuccess = (saved: PlanDetail) => {
      notifySuccess(t(plan ? 'common.saved' : 'common.created', { name: saved.name }));
      void navigate(`/plans/${saved.id}`);
    };
    if (plan) update.mutate({ id: plan.id, input: { ...input, version: plan.version } }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };

  const title = plan ? t('plans.form.editTitle') : t('plans.form.createTitle');
  const crumbs = [
    { label: t('nav.overview'), to: '/' },
    { label: t('plans.title'), to: '/plans' },
    ...(plan ? [{ label: plan.name, to: `/plans/${plan.id}` }] : []),
  ];

  const listsLoading = pools.isPending || municipalities.isPending || orgs.isPending || areas.isPending;
  const listsError = pools.error ?? municipalities.error ?? orgs.error ?? areas.error ?? secretariats.error;
  if (listsLoading) {
    return (
      <Page title={title} crumbs={crumbs}>
        <LoadingState />
      </Page>
    );
  }
  if (listsError) {
    return (
      <Page title={title} crumbs={crumbs}>
        <ErrorState error={listsError} />
      </Page>
    );
  }

  const choose = { value: '', label: t('plans.form.choose') };
  const catalogues = sortBy(selectedPool?.catalogues ?? [], (c) => c.version, 'desc');
  // The catalogue in force when the plan starts (the newest without a start date), plus any
  // older or newer version the plan already uses, so each focus area is offered once.
  const periodIso = parseDateInput(form.periodStart) || null;
  const inForce = periodIso
    ? (catalogues.find((c) => c.validFrom <= periodIso) ?? catalogues[catalogues.length - 1])
    : catalogues[0];
  const shownCatalogues = catalogues.filter(
    (c) => c.id === inForce?.id || c.focusAreas.some((f) => form.focusAreaIds.includes(f.id)),
  );
  const placed = (path: string) =>
    [
      'name',
      'status',
      'poolId',
      'focusAreaIds',
      'municipalityId',
      'housingOrganisationId',
      'areaIds',
      'periodStart',
      'periodEnd',
      'areaSecretariatId',
      'secretariatSupport',
      'purpose',
      'problems',
    ].includes(path.split('.')[0] ?? '') ||
    /^grants\.\d+\.(poolId|amountOre|startDate|endDate|reference)$/.test(path);
  const arrayError = (key: string) =>
    errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(key + '.'))?.[1] ?? undefined;

  return (
    <Page title={title} crumbs={crumbs} intro={plan ? plan.name : undefined}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {hasError && (
            <div ref={alertRef} tabIndex={-1}>
              {Object.keys(localErrors).length > 0 ? (
                <FormErrorAlert message={t('common.saveFailedHint')} />
              ) : (
                <FormErrorAlert error={mutation.error} isPlaced={placed} />
              )}
            </div>
          )}

          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" id="plan-basics" mb="md">
              {t('plans.form.basics')}
            </Title>
            <Stack gap="md">
              <TextInput
                label={t('plans.form.name')}
                description={t('plans.form.nameHelp')}
                required
                value={form.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={errors.name}
                maxLength={200}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={t('plans.form.status')}
                  required
                  value={form.status}
                  onChange={(e) => set('status', e.currentTarget.value as PlanStatus)}
                  data={(['draft', 'active', 'ended'] as const).map((s) => ({
                    value: s,
                    label: t(`plans.status.${s}`),
                  }))}
                  error={errors.status}
                />
                <DateField
                  label={t('plans.form.periodStart')}
                  value={form.periodStart}
                  onChange={(v) => set('periodStart', v)}
                  error={errors.periodStart}
                />
                <DateField
                  label={t('plans.form.periodEnd')}
                  value={form.periodEnd}
                  onChange={(v) => set('periodEnd', v)}
                  error={errors.periodEnd}
                />
              </SimpleGrid>
              <NativeSelect
                label={t('plans.form.pool')}
                description={t('plans.form.poolHelp')}
                required
                value={form.poolId}
                onChange={(e) => setPool(e.currentTarget.value)}
                data={[choose, ...options.pools]}
                error={errors.poolId}
              />
              <Fieldset
                legend={t('plans.form.focusAreas')}
                variant="unstyled"
                styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', padding: 0 } }}
                aria-describedby="focus-help"
                aria-invalid={arrayError('focusAreaIds') ? true : undefined}
              >
                <Text size="sm" c="dimmed" id="focus-help" mb="xs">
                  {t('plans.form.focusAreasHelp')}
                </Text>
                {!selectedPool ? (
                  <Text size="sm">{t('plans.form.focusAreasChoosePool')}</Text>
                ) : catalogues.length === 0 ? (
                  <Text size="sm">{t('plans.form.focusAreasNone')}</Text>
                ) : (
                  <Stack gap="sm">
                    {shownCatalogues.map((cat) => (
                      <Fieldset
                        key={cat.id}
                        legend={t('plans.form.catalogueLegend', {
                          version: cat.version,
                          date: formatDate(cat.validFrom),
                        })}
                        p="sm"
                      >
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                          {sortBy(cat.focusAreas, (f) => f.sortOrder, 'asc').map((fa) => (
                            <Checkbox
                              key={fa.id}
                              label={locale === 'en' ? fa.nameEn : fa.nameDa}
                              checked={form.focusAreaIds.includes(fa.id)}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setForm((f) => ({
                                  ...f,
                                  focusAreaIds: on
                                    ? [...f.focusAreaIds, fa.id]
                                    : f.focusAreaIds.filter((x) => x !== fa.id),
                                }));
                              }}
                            />
                          ))}
                        </SimpleGrid>
                      </Fieldset>
                    ))}
                  </Stack>
                )}
                <Text size="sm" role="status" aria-live="polite" mt={poolNote ? 'xs' : 0}>
                  {poolNote}
                </Text>
                {arrayError('focusAreaIds') && (
                  <Text size="sm" c="var(--mantine-color-error)" mt="xs">
                    {arrayError('focusAreaIds')}
                  </Text>
                )}
              </Fieldset>
            </Stack>
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" id="plan-orgs" mb="md">
              {t('plans.form.organisations')}
            </Title>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('plans.form.municipality')}
                  required
                  value={form.municipalityId}
                  onChange={(e) => set('municipalityId', e.currentTarget.value)}
                  data={[choose, ...options.municipalities]}
                  error={errors.municipalityId}
                />
                <NativeSelect
                  label={t('plans.form.housingOrganisation')}
                  description={t('plans.form.housingOrganisationHelp')}
                  required
                  value={form.housingOrganisationId}
                  onChange={(e) => set('housingOrganisationId', e.currentTarget.value)}
                  data={[choose, ...options.orgs]}
                  error={errors.housingOrganisationId}
                />
              </SimpleGrid>
              <MultiSelect
                label={t('plans.form.areas')}
                description={t('plans.form.areasHelp')}
                data={options.areas}
                value={form.areaIds}
                onChange={(v) => set('areaIds', v)}
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                error={arrayError('areaIds')}
                comboboxProps={{ withinPortal: true }}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('plans.form.areaSecretariat')}
                  description={t('plans.form.areaSecretariatHelp')}
                  value={form.areaSecretariatId}
                  onChange={(e) => set('areaSecretariatId', e.currentTarget.value)}
                  data={[{ value: '', label: t('plans.form.none') }, ...options.secretariats]}
                  error={errors.areaSecretariatId}
                />
                <NativeSelect
                  label={t('plans.form.secretariatSupport')}
                  description={t('plans.form.secretariatSupportHelp')}
                  value={form.secretariatSupport}
                  onChange={(e) =>
                    set('secretariatSupport', e.currentTarget.value as SecretariatSupport | '')
                  }
                  data={[
                    { value: '', label: t('common.notSet') },
                    { value: 'yes', label: t('plans.support.yes') },
                    { value: 'no', label: t('plans.support.no') },
                    { value: 'unclear', label: t('plans.support.unclear') },
                  ]}
                  error={errors.secretariatSupport}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" id="plan-grants" mb={4}>
              {t('plans.form.grants')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('plans.form.grantsHelp')}
            </Text>
            <Stack gap="md">
              {form.grants.length === 0 && <Text size="sm">{t('plans.form.noGrants')}</Text>}
              {form.grants.map((g, i) => {
                const n = i + 1;
                const err = (field: string) => errors[`grants.${i}.${field}`];
                return (
                  <Fieldset key={g.key} legend={t('plans.form.grantLegend', { n })} p="md">
                    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                      <NativeSelect
                        label={t('plans.form.grantPool')}
                        required
                        value={g.poolId}
                        onChange={(e) => setGrant(g.key, { poolId: e.currentTarget.value })}
                        data={[choose, ...options.pools]}
                        error={err('poolId')}
                      />
                      <TextInput
                        label={t('plans.form.grantAmount')}
                        description={t('plans.form.grantAmountHelp')}
                        required
                        inputMode="decimal"
                        value={g.amountKr}
                        onChange={(e) => setGrant(g.key, { amountKr: e.currentTarget.value })}
                        onBlur={() => {
                          const ore = parseKronerToOre(g.amountKr, locale);
                          if (ore !== null) setGrant(g.key, { amountKr: formatNumber(ore / 100, locale, 2) });
                        }}
                        error={err('amountOre')}
                      />
                      <TextInput
                        label={t('plans.form.grantReference')}
                        description={t('plans.form.grantReferenceHelp')}
                        value={g.reference}
                        onChange={(e) => setGrant(g.key, { reference: e.currentTarget.value })}
                        error={err('reference')}
                        maxLength={100}
                      />
                      <DateField
                        label={t('plans.form.grantStart')}
                        required
                        value={g.startDate}
                        onChange={(v) => setGrant(g.key, { startDate: v })}
                        error={err('startDate')}
                      />
                      <DateField
                        label={t('plans.form.grantEnd')}
                        required
                        value={g.endDate}
                        onChange={(v) => setGrant(g.key, { endDate: v })}
                        error={err('endDate')}
                      />
                    </SimpleGrid>
                    <Group justify="flex-end" mt="sm">
                      <Button
                        variant="default"
                        c="red.9"
                        size="sm"
                        leftSection={<IconTrash size={16} aria-hidden="true" />}
                        onClick={() => removeGrant(g.key)}
                      >
                        {t('plans.form.removeGrant', { n })}
                      </Button>
                    </Group>
                  </Fieldset>
                );
              })}
              <div>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  onClick={addGrant}
                >
                  {t('plans.form.addGrant')}
                </Button>
              </div>
            </Stack>
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" id="plan-content" mb="md">
              {t('plans.form.content')}
            </Title>
            <Stack gap="md">
              <Textarea
                label={t('plans.form.purpose')}
                description={t('plans.form.purposeHelp')}
                autosize
                minRows={3}
                maxRows={12}
                value={form.purpose}
                onChange={(e) => set('purpose', e.currentTarget.value)}
                error={errors.purpose}
              />
              <Textarea
                label={t('plans.form.problems')}
                description={t('plans.form.problemsHelp')}
                autosize
                minRows={3}
                maxRows={12}
                value={form.problems}
                onChange={(e) => set('problems', e.currentTarget.value)}
                error={errors.problems}
              />
            </Stack>
          </Paper>

          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t('plans.form.save')}
            </Button>
            <Button component={Link} to={plan ? `/plans/${plan.id}` : '/plans'} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
