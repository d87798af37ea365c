import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  PortfolioCompare,
  PortfolioCompliance,
  PortfolioGrantUse,
  PortfolioIndicators,
  PortfolioOverview,
  SharedIndicator,
} from '@pejling/contracts';
import { api } from './client';

export type {
  AggregateValue,
  ComplianceRow,
  GrantUseRow,
  GroupBy,
  PeriodKind,
  PortfolioBucket,
  PortfolioCompare,
  PortfolioCompliance,
  PortfolioGrantUse,
  PortfolioIndicators,
  PortfolioOverview,
  PortfolioPlan,
  SharedIndicator,
} from '@pejling/contracts';

/** The portfolio's filters as the URL holds them: the plan filters and the two typologies. */
export type PortfolioFilterValues = Partial<Record<PortfolioFilterKey, string>>;

export const portfolioFilterKeys = [
  'q',
  'status',
  'poolId',
  'municipalityId',
  'housingOrganisationId',
  'areaSecretariatId',
  'focusAreaId',
  'sizeBand',
  'grantBand',
  'example',
  'organisationType',
  'secretariatType',
] as const;
export type PortfolioFilterKey = (typeof portfolioFilterKeys)[number];

/** The aggregated indicators' own choices, on top of the filters. */
export interface IndicatorChoices {
  sharedIndicatorId?: string;
  groupBy?: string;
  periodKind?: string;
  fromYear?: string;
  toYear?: string;
}

/** The plans, indicators and year compared. */
export interface CompareChoices {
  planIds: string[];
  sharedIndicatorIds: string[];
  year?: string;
}

export const compareQuery = (c: CompareChoices) => ({
  planIds: c.planIds.join(','),
  sharedIndicatorIds: c.sharedIndicatorIds.join(','),
  year: c.year,
});

// Every figure is read from the plans at the moment of asking, so a view refetches when it is
// opened again; the previous answer stays on screen while a new filter is fetched.
export function usePortfolioOverview(filters: PortfolioFilterValues) {
  return useQuery({
    queryKey: ['portfolio', 'overview', filters],
    queryFn: ({ signal }) => api.get<PortfolioOverview>('/api/portfolio/overview', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePortfolioIndicators(filters: PortfolioFilterValues, choices: IndicatorChoices) {
  const query = { ...filters, ...choices };
  return useQuery({
    queryKey: ['portfolio', 'indicators', query],
    queryFn: ({ signal }) => api.get<PortfolioIndicators>('/api/portfolio/indicators', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePortfolioCompliance(filters: PortfolioFilterValues) {
  return useQuery({
    queryKey: ['portfolio', 'compliance', filters],
    queryFn: ({ signal }) =>
      api.get<PortfolioCompliance>('/api/portfolio/compliance', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePortfolioGrants(filters: PortfolioFilterValues) {
  return useQuery({
    queryKey: ['portfolio', 'grants', filters],
    queryFn: ({ signal }) => api.get<PortfolioGrantUse>('/api/portfolio/grants', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePortfolioCompare(choices: CompareChoices) {
  const query = compareQuery(choices);
  return useQuery({
    queryKey: ['portfolio', 'compare', query],
    queryFn: ({ signal }) => api.get<PortfolioCompare>('/api/portfolio/compare', query, signal),
    enabled: choices.planIds.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useSharedIndicators() {
  return useQuery({
    queryKey: ['portfolio', 'shared-indicators'],
    queryFn: ({ signal }) =>
      api.get<{ items: SharedIndicator[] }>('/api/shared-indicators', undefined, signal),
  });
}
