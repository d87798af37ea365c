import { useEffect, useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PortfolioFilterKey, PortfolioFilterValues } from '../../api/portfolio';
import { useRegistryList } from '../../api/registry';
import { compareText } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { ORGANISATION_TYPES, SECRETARIAT_TYPES } from './codes';

interface Props {
  filters: PortfolioFilterValues;
  setFilters: (patch: PortfolioFilterValues) => void;
  clearFilters: () => void;
  hasFilters: boolean;
}

type Option = { value: string; label: string };
const byLabel = (a: Option, b: Option) => compareText(a.label, b.label);

/** The portfolio's filters: the plan list's, the two typologies, and a search on the plans' names. */
export function PortfolioFilterPanel({ filters, setFilters, clearFilters, hasFilters }: Props) {
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

  // The search waits until typing pauses, so every key stroke does not ask the server.
  const [q, setQ] = useState(filters.q ?? '');
  const [lastQ, setLastQ] = useState(filters.q ?? '');
  if ((filters.q ?? '') !== lastQ) {
    setLastQ(filters.q ?? '');
    setQ(filters.q ?? '');
  }
  useEffect(() => {
    if (q === (filters.q ?? '')) return;
    const timer = setTimeout(() => setFilters({ q }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const set = (key: PortfolioFilterKey) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters({ [key]: e.currentTarget.value });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portfolio-filters-heading">
      <Group justify="space-between" mb="sm">
        <Text component="h2" fw={700} id="portfolio-filters-heading">
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
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={t('portfolio.filters.search')}
          placeholder={t('plans.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
        />
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
          label={t('portfolio.filters.organisationType')}
          value={filters.organisationType ?? ''}
          onChange={set('organisationType')}
          data={[
            all,
            ...ORGANISATION_TYPES.map((c) => ({
              value: c,
              label: t(`organisation.types.organisation.${c}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('portfolio.filters.secretariatType')}
          value={filters.secretariatType ?? ''}
          onChange={set('secretariatType')}
          data={[
            all,
            ...SECRETARIAT_TYPES.map((c) => ({ value: c, label: t(`organisation.types.secretariat.${c}`) })),
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
