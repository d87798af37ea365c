import type { PlanFilters } from '../../api/types';
import { ExampleFilter, FilterFrame, PlanFilterFields } from './PlanFilterFields';

interface Props {
  filters: PlanFilters;
  setFilters: (patch: Partial<PlanFilters>) => void;
  clearFilters: () => void;
  hasFilters: boolean;
}

/** The plan filters shared by the plan list and the case matrix. */
export function PlanFilterPanel({ filters, setFilters, clearFilters, hasFilters }: Props) {
  return (
    <FilterFrame id="plan-filters-heading" hasFilters={hasFilters} clearFilters={clearFilters} cols={5}>
      <PlanFilterFields filters={filters} setFilters={setFilters} />
      <ExampleFilter value={filters.example} onChange={(example) => setFilters({ example })} />
    </FilterFrame>
  );
}
