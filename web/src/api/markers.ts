import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InvitationLink,
  PlanMarkers,
  PortfolioMarkers,
  Questionnaire,
  StakeholderGroup,
  Survey,
  SurveyInput,
  SurveyList,
  SurveyUpdate,
  SurveyWithLinks,
} from '@pejling/contracts';
import { api } from './client';
import type { PortfolioFilterValues } from './portfolio';

export type {
  InvitationLink,
  MarkerKey,
  MarkerLevel,
  MarkerLevels,
  MarkerMeasure,
  MarkerRow,
  PlanMarkers,
  PortfolioMarkers,
  Questionnaire,
  QuestionnaireAnswer,
  StakeholderGroup,
  Survey,
  SurveyGroupResult,
  SurveyWithLinks,
} from '@pejling/contracts';
export { MARKER_KEYS, MARKER_LEVELS, STAKEHOLDER_GROUPS, STATEMENT_KEYS } from '@pejling/contracts';

const markersKey = (planId: string) => ['markers', planId] as const;
const surveysKey = (planId: string) => ['surveys', planId] as const;

/** A plan's five markers for a year (the current year when left out), with every year's levels. */
export function usePlanMarkers(planId: string, period: string | undefined) {
  return useQuery({
    queryKey: [...markersKey(planId), period ?? 'current'],
    queryFn: ({ signal }) => api.get<PlanMarkers>(`/api/plans/${planId}/markers`, { period }, signal),
    // Another year of the same plan keeps the last answer on screen while it loads; another plan does not.
    placeholderData: (previous) => (previous?.planId === planId ? previous : undefined),
  });
}

export function useSurveys(planId: string) {
  return useQuery({
    queryKey: surveysKey(planId),
    queryFn: ({ signal }) => api.get<SurveyList>(`/api/plans/${planId}/surveys`, undefined, signal),
  });
}

/** Surveys change the questionnaire column of the markers, so both are read again. */
function useInvalidate(planId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: surveysKey(planId) }),
      qc.invalidateQueries({ queryKey: markersKey(planId) }),
      qc.invalidateQueries({ queryKey: ['portfolio', 'markers'] }),
    ]);
}

export function useCreateSurvey(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (input: SurveyInput) => api.post<SurveyWithLinks>(`/api/plans/${planId}/surveys`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateSurvey(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SurveyUpdate }) =>
      api.put<Survey>(`/api/plans/${planId}/surveys/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSurvey(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/surveys/${id}`),
    onSuccess: invalidate,
  });
}

export function useAddInvitations(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({
      id,
      invitations,
    }: {
      id: string;
      invitations: { group: StakeholderGroup; count: number }[];
    }) =>
      api.post<{ links: InvitationLink[] }>(`/api/plans/${planId}/surveys/${id}/invitations`, {
        invitations,
      }),
    onSuccess: invalidate,
  });
}

/** The markers' levels across the portfolio for a year. */
export function usePortfolioMarkers(filters: PortfolioFilterValues, period: string | undefined) {
  const query = { ...filters, period };
  return useQuery({
    queryKey: ['portfolio', 'markers', query],
    queryFn: ({ signal }) => api.get<PortfolioMarkers>('/api/portfolio/markers', query, signal),
    placeholderData: keepPreviousData,
  });
}

// The public questionnaire: no login, no session needed (the server ignores one if there is).

export function useQuestionnaire(token: string) {
  return useQuery({
    queryKey: ['questionnaire', token],
    queryFn: ({ signal }) =>
      api.get<Questionnaire>(`/api/questionnaire/${encodeURIComponent(token)}`, undefined, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useAnswerQuestionnaire(token: string) {
  return useMutation({
    mutationFn: (scores: Record<string, number>) =>
      api.post<{ ok: true }>(`/api/questionnaire/${encodeURIComponent(token)}`, { scores }),
  });
}
