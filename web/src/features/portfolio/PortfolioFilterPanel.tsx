import { useEffect, useState } from 'react';
import { NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PortfolioFilterKey, PortfolioFilterValues } from '../../api/portfolio';
import { ExampleFilter, FilterFrame, PlanFilterFields, useAnyOption } from '../plans/PlanFilterFields';
import { ORGANISATION_TYPES, SECRETARIAT_TYPES } from './codes';

interface Props {
  filters: PortfolioFilterValues;
  setFilters: (patch: PortfolioFilterValues) => void;
  clearFilters: () => void;
  hasFilters: boolean;
}

/** The portfolio's filters: the plan list's, the two typologies, and a search on the plans' names. */
export function PortfolioFilterPanel({ filters, setFilters, clearFilters, hasFilters }: Props) {
  const { t } = useTranslation();
  const all = useAnyOption();

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
    <FilterFrame id="portfolio-filters-heading" hasFilters={hasFilters} clearFilters={clearFilters} cols={4}>
      <TextInput
        type="search"
        label={t('portfolio.filters.search')}
        placeholder={t('plans.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
      />
      <PlanFilterFields filters={filters} setFilters={setFilters} />
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
      <ExampleFilter value={filters.example} onChange={(example) => setFilters({ example })} />
    </FilterFrame>
  );
}
