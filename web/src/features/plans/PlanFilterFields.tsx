import { useMemo, type ReactNode } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRegistryList } from '../../api/registry';
import { compareText } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';

/** The filters a plan can be chosen by, in the plan list, the case matrix and the portfolio. */
export type PlanFilterKey =
  | 'status'
  | 'poolId'
  | 'municipalityId'
  | 'housingOrganisationId'
  | 'areaSecretariatId'
  | 'focusAreaId'
  | 'sizeBand'
  | 'grantBand'
  | 'example';
export type PlanFilterValues = Partial<Record<PlanFilterKey, string>>;

export type Option = { value: string; label: string };
const byLabel = (a: Option, b: Option) => compareText(a.label, b.label);

/** The "any" choice every filter starts with. */
export function useAnyOption(): Option {
  const { t } = useTranslation();
  return { value: '', label: t('plans.filters.any') };
}

/** A filter panel: its heading, a button that clears every filter, and the fields in a grid. */
export function FilterFrame({
  id,
  hasFilters,
  clearFilters,
  cols,
  children,
}: {
  id: string;
  hasFilters: boolean;
  clearFilters: () => void;
  cols: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Text component="h2" fw={700} id={id}>
          {t('common.filters')}
        </Text>
        {hasFilters && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={clearFilters}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: cols }} spacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}

/**
 * The plan filters as grid cells: status, pool, focus area (of the chosen pool), municipality,
 * housing organisation, area secretariat, size band and grant band. `example` is left to the
 * panel, which puts its own fields before it.
 */
export function PlanFilterFields({
  filters,
  setFilters,
}: {
  filters: PlanFilterValues;
  setFilters: (patch: PlanFilterValues) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const all = useAnyOption();
  const pools = useRegistryList('pools');
  const municipalities = useRegistryList('municipalities');
  const orgs = useRegistryList('housing-organisations');
  const secretariats = useRegistryList('area-secretariats');
  const opts = (items: { id: string; name: string }[] | undefined): Option[] => [
    all,
    ...(items ?? []).map((i) => ({ value: i.id, label: i.name })).sort(byLabel),
  ];

  const focusAreaOptions = useMemo(() => {
    const chosen = (pools.data ?? []).filter((p) => !filters.poolId || p.id === filters.poolId);
    const seen = new Set<string>();
    const out: Option[] = [];
    for (const pool of chosen) {
      for (const cat of pool.catalogues) {
        for (const fa of cat.focusAreas) {
          if (seen.has(fa.id)) continue;
          seen.add(fa.id);
          const name = locale === 'en' ? fa.nameEn : fa.nameDa;
          // Names repeat across pools and catalogue versions; say which one is meant.
          const where = [
            chosen.length > 1 ? pool.name : null,
            pool.catalogues.length > 1 ? t('common.version', { version: cat.version }).toLowerCase() : null,
          ].filter(Boolean);
          out.push({ value: fa.id, label: where.length ? `${name} (${where.join(', ')})` : name });
        }
      }
    }
    return [{ value: '', label: t('plans.filters.any') }, ...out.sort(byLabel)];
  }, [pools.data, filters.poolId, locale, t]);

  const set = (key: PlanFilterKey) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters({ [key]: e.currentTarget.value });

  return (
    <>
      <NativeSelect
        label={t('plans.filters.status')}
        value={filters.status ?? ''}
        onChange={set('status')}
        data={[
          all,
          { value: 'draft', label: t('plans.status.draft') },
          { value: 'active', label: t('plans.status.active') },
          { value: 'ended', label: t('plans.status.ended') },
        ]}
      />
      <NativeSelect
        label={t('plans.filters.pool')}
        value={filters.poolId ?? ''}
        onChange={(e) => setFilters({ poolId: e.currentTarget.value, focusAreaId: '' })}
        data={opts(pools.data)}
      />
      <NativeSelect
        label={t('plans.filters.focusArea')}
        value={filters.focusAreaId ?? ''}
        onChange={set('focusAreaId')}
        data={focusAreaOptions}
      />
      <NativeSelect
        label={t('plans.filters.municipality')}
        value={filters.municipalityId ?? ''}
        onChange={set('municipalityId')}
        data={opts(municipalities.data)}
      />
      <NativeSelect
        label={t('plans.filters.housingOrganisation')}
        value={filters.housingOrganisationId ?? ''}
        onChange={set('housingOrganisationId')}
        data={opts(orgs.data)}
      />
      <NativeSelect
        label={t('plans.filters.areaSecretariat')}
        value={filters.areaSecretariatId ?? ''}
        onChange={set('areaSecretariatId')}
        data={opts(secretariats.data)}
      />
      <NativeSelect
        label={t('plans.filters.sizeBand')}
        value={filters.sizeBand ?? ''}
        onChange={set('sizeBand')}
        data={[
          all,
          { value: 'small', label: t('plans.sizeBand.small') },
          { value: 'medium', label: t('plans.sizeBand.medium') },
          { value: 'large', label: t('plans.sizeBand.large') },
        ]}
      />
      <NativeSelect
        label={t('plans.filters.grantBand')}
        value={filters.grantBand ?? ''}
        onChange={set('grantBand')}
        data={[
          all,
          { value: 'under5', label: t('plans.grantBand.under5') },
          { value: 'from5to15', label: t('plans.grantBand.from5to15') },
          { value: 'over15', label: t('plans.grantBand.over15') },
        ]}
      />
    </>
  );
}

/** The example-data filter, last in every panel. */
export function ExampleFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const all = useAnyOption();
  return (
    <NativeSelect
      label={t('plans.filters.example')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        all,
        { value: 'yes', label: t('plans.filters.exampleYes') },
        { value: 'no', label: t('plans.filters.exampleNo') },
      ]}
    />
  );
}
