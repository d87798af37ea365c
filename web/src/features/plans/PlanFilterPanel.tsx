import { useMemo } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRegistryList } from '../../api/registry';
import type { PlanFilters } from '../../api/types';
import { compareText } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';

interface Props {
  filters: PlanFilters;
  setFilters: (patch: Partial<PlanFilters>) => void;
  clearFilters: () => void;
  hasFilters: boolean;
}

type Option = { value: string; label: string };
const byLabel = (a: Option, b: Option) => compareText(a.label, b.label);

/** The plan filters shared by the plan list and the case matrix. */
export function PlanFilterPanel({ filters, setFilters, clearFilters, hasFilters }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pools = useRegistryList('pools');
  const municipalities = useRegistryList('municipalities');
  const orgs = useRegistryList('housing-organisations');
  const secretariats = useRegistryList('area-secretariats');

  const all: Option = { value: '', label: t('plans.filters.any') };
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
    return [all, ...out.sort(byLabel)];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pools.data, filters.poolId, locale, t]);

  const set = (key: keyof PlanFilters) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters({ [key]: e.currentTarget.value });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-filters-heading">
      <Group justify="space-between" mb="sm">
        <Text component="h2" fw={700} id="plan-filters-heading">
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
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
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
        <NativeSelect
          label={t('plans.filters.example')}
          value={filters.example ?? ''}
          onChange={set('example')}
          data={[
            all,
            { value: 'yes', label: t('plans.filters.exampleYes') },
            { value: 'no', label: t('plans.filters.exampleNo') },
          ]}
        />
      </SimpleGrid>
    </Paper>
  );
}
