import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Participant,
  ParticipantInput,
  ParticipantList,
  ParticipantUpdate,
  Registration,
  RegistrationInput,
  RegistrationList,
  RegistrationUpdate,
} from '@pejling/contracts';
import { api } from './client';

export type { OutcomeKind, Participant, Registration, RegistrationList } from '@pejling/contracts';

/** Registrations and participants change computed values and coherence: refresh the framework too. */
function useInvalidate(planId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['results', planId] }),
      qc.invalidateQueries({ queryKey: ['registrations', planId] }),
      qc.invalidateQueries({ queryKey: ['participants', planId] }),
    ]);
}

export function useRegistrations(planId: string, activityId?: string) {
  return useQuery({
    queryKey: ['registrations', planId, activityId ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<RegistrationList>(
        `/api/plans/${planId}/registrations`,
        activityId ? { activityId } : undefined,
        signal,
      ),
  });
}

export function useSaveRegistration(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: RegistrationInput | RegistrationUpdate }) =>
      id
        ? api.put<Registration>(`/api/plans/${planId}/registrations/${id}`, input)
        : api.post<Registration>(`/api/plans/${planId}/registrations`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteRegistration(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/registrations/${id}`),
    onSuccess: invalidate,
  });
}

/** The plan's pseudonymous participants; each read is written to the audit log. */
export function useParticipants(planId: string) {
  return useQuery({
    queryKey: ['participants', planId],
    queryFn: ({ signal }) => api.get<ParticipantList>(`/api/plans/${planId}/participants`, undefined, signal),
  });
}

export function useSaveParticipant(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ParticipantInput | ParticipantUpdate }) =>
      id
        ? api.put<Participant>(`/api/plans/${planId}/participants/${id}`, input)
        : api.post<Participant>(`/api/plans/${planId}/participants`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteParticipant(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/participants/${id}`),
    onSuccess: invalidate,
  });
}
