import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  AreaSecretariat,
  AreaSecretariatInputT,
  FocusAreaCatalogueInputT,
  FundingPool,
  FundingPoolInputT,
  HousingArea,
  HousingAreaInputT,
  HousingOrganisation,
  HousingOrganisationInputT,
  Municipality,
  MunicipalityInputT,
  MunicipalService,
  MunicipalServiceInputT,
} from './types';

/** The registry lists: path under /api and the types read and written. */
export interface RegistryTypes {
  municipalities: { item: Municipality; input: MunicipalityInputT };
  'housing-organisations': { item: HousingOrganisation; input: HousingOrganisationInputT };
  areas: { item: HousingArea; input: HousingAreaInputT };
  pools: { item: FundingPool; input: FundingPoolInputT };
  'area-secretariats': { item: AreaSecretariat; input: AreaSecretariatInputT };
  'municipal-services': { item: MunicipalService; input: MunicipalServiceInputT };
}
export type RegistryResource = keyof RegistryTypes;

export const registryKey = (resource: RegistryResource) => ['registry', resource] as const;

export function useRegistryList<R extends RegistryResource>(resource: R, enabled = true) {
  return useQuery({
    queryKey: registryKey(resource),
    queryFn: ({ signal }) => api.get<RegistryTypes[R]['item'][]>(`/api/${resource}`, undefined, signal),
    enabled,
  });
}

export function useRegistryItem<R extends RegistryResource>(resource: R, id: string | undefined) {
  return useQuery({
    queryKey: [...registryKey(resource), id],
    queryFn: ({ signal }) => api.get<RegistryTypes[R]['item']>(`/api/${resource}/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function useInvalidateRegistry() {
  const qc = useQueryClient();
  // A registry change renames things shown in plans, the matrix and other lists too.
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['registry'] }),
      qc.invalidateQueries({ queryKey: ['plans'] }),
      qc.invalidateQueries({ queryKey: ['case-matrix'] }),
      qc.invalidateQueries({ queryKey: ['agreement'] }),
    ]);
}

export function useCreateRegistryItem<R extends RegistryResource>(resource: R) {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (input: RegistryTypes[R]['input']) =>
      api.post<RegistryTypes[R]['item']>(`/api/${resource}`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateRegistryItem<R extends RegistryResource>(resource: R) {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RegistryTypes[R]['input'] & { version: number } }) =>
      api.put<RegistryTypes[R]['item']>(`/api/${resource}/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteRegistryItem(resource: RegistryResource) {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/${resource}/${id}`),
    onSuccess: invalidate,
  });
}

export function useAddCatalogue() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: ({ poolId, input }: { poolId: string; input: FocusAreaCatalogueInputT }) =>
      api.post<FundingPool>(`/api/pools/${poolId}/catalogues`, input),
    onSuccess: invalidate,
  });
}
