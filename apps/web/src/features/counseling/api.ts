import type {
  CounselingSessionCreateBody,
  CounselingSessionUpdateBody,
  CounselingSessionView,
  RiskLevelSetBody,
  RiskLevelView,
} from '@shouwang/shared/schemas/counseling';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const riskKey = (childId: string) => ['counseling', 'risk', childId] as const;
const sessionsKey = (childId: string) => ['counseling', 'sessions', childId] as const;

export function useRiskLevel(childId: string) {
  return useQuery({
    queryKey: riskKey(childId),
    queryFn: ({ signal }) => api.get<RiskLevelView>(`/children/${childId}/risk-level`, undefined, signal),
  });
}

export function useSetRiskLevel(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskLevelSetBody) => api.post<RiskLevelView>(`/children/${childId}/risk-level`, body),
    onSuccess: (view) => client.setQueryData(riskKey(childId), view),
  });
}

/** Counselors only; every fetch is an audited read on the server, so it is not refetched on focus. */
export function useSessions(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: sessionsKey(childId),
    queryFn: ({ signal }) =>
      api.get<{ items: CounselingSessionView[]; total: number }>(
        '/counseling-sessions',
        { childId, pageSize: 50 },
        signal,
      ),
    enabled,
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  });
}

export function useSaveSession(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: CounselingSessionCreateBody | CounselingSessionUpdateBody }) =>
      input.id
        ? api.patch<CounselingSessionView>(`/counseling-sessions/${input.id}`, input.body)
        : api.post<CounselingSessionView>('/counseling-sessions', input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey(childId) }),
  });
}

export function useDeleteSession(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: CounselingSessionView) =>
      api.delete(`/counseling-sessions/${session.id}`, { version: session.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey(childId) }),
  });
}
