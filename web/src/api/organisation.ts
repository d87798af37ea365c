import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  AgreementInput,
  SecretariatOrganisation,
  SecretariatOrganisationInput,
  Forum,
  ForumInput,
  ForumUpdate,
  Membership,
  MembershipInput,
  MembershipUpdate,
  Organisation,
  Person,
  PersonInput,
  PersonUpdate,
  TypologyPortfolio,
} from '@pejling/contracts';
import { api } from './client';

export type {
  Forum,
  ForumInput,
  ForumKind,
  ForumLevel,
  LocalText,
  Membership,
  MembershipInput,
  Organisation,
  Person,
  PersonInput,
  Represents,
  Typology,
  TypologyDimension,
  TypologyPortfolio,
  TypologyPortfolioRow,
} from '@pejling/contracts';

const base = (planId: string) => `/api/plans/${planId}/organisation`;

export function useOrganisation(planId: string) {
  return useQuery({
    queryKey: ['organisation', planId],
    queryFn: ({ signal }) => api.get<Organisation>(base(planId), undefined, signal),
  });
}

export function useTypologyPortfolio() {
  return useQuery({
    queryKey: ['organisation', 'portfolio'],
    queryFn: ({ signal }) => api.get<TypologyPortfolio>('/api/portfolio/typology', undefined, signal),
  });
}

type Kind = 'forums' | 'people' | 'memberships';
interface Bodies {
  forums: { create: ForumInput; update: ForumUpdate; row: Forum };
  people: { create: PersonInput; update: PersonUpdate; row: Person };
  memberships: { create: MembershipInput; update: MembershipUpdate; row: Membership };
}

/** Create, update or delete one row of a plan's organisation; the typology refreshes after. */
export function useOrganisationWrite<K extends Kind>(planId: string, kind: K) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['organisation'] });
  return {
    create: useMutation({
      mutationFn: (input: Bodies[K]['create']) =>
        api.post<Bodies[K]['row']>(`${base(planId)}/${kind}`, input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Bodies[K]['update'] }) =>
        api.put<Bodies[K]['row']>(`${base(planId)}/${kind}/${id}`, input),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<unknown>(`${base(planId)}/${kind}/${id}`),
      onSuccess,
    }),
  };
}

export type { AgreementStatus, MatrixRole, PartyKind } from '@pejling/contracts';
export type { Agreement, AgreementInput };

export function useAgreement(planId: string) {
  return useQuery({
    queryKey: ['agreement', planId],
    queryFn: ({ signal }) => api.get<Agreement>(`/api/plans/${planId}/agreement`, undefined, signal),
  });
}

export function useSaveAgreement(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AgreementInput) => api.put<Agreement>(`/api/plans/${planId}/agreement`, input),
    onSuccess: (saved) => qc.setQueryData(['agreement', planId], saved),
  });
}

export type { SecretariatFunction } from '@pejling/contracts';
export type { SecretariatOrganisation, SecretariatOrganisationInput };

export function useSecretariatOrganisation(id: string) {
  return useQuery({
    queryKey: ['secretariat-organisation', id],
    queryFn: ({ signal }) =>
      api.get<SecretariatOrganisation>(`/api/area-secretariats/${id}/organisation`, undefined, signal),
  });
}

export function useSaveSecretariatOrganisation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SecretariatOrganisationInput) =>
      api.put<SecretariatOrganisation>(`/api/area-secretariats/${id}/organisation`, input),
    onSuccess: (saved) => qc.setQueryData(['secretariat-organisation', id], saved),
  });
}
