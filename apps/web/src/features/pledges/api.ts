import type {
  ChildPledgesResponse,
  PledgeCreateBody,
  PledgeReviewBody,
  PledgeView,
  SelfEvaluationCreateBody,
  SelfEvaluationView,
} from '@shouwang/shared/schemas/pledges';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const pledgesKey = (childId: string) => ['pledges', childId] as const;

export function useChildPledges(childId: string) {
  return useQuery({
    queryKey: pledgesKey(childId),
    queryFn: ({ signal }) => api.get<ChildPledgesResponse>(`/children/${childId}/pledges`, undefined, signal),
  });
}

function useRefresh(childId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: pledgesKey(childId) });
    void client.invalidateQueries({ queryKey: ['todos'] });
  };
}

export function useCreatePledge(childId: string) {
  const onSuccess = useRefresh(childId);
  return useMutation({ mutationFn: (body: PledgeCreateBody) => api.post<PledgeView>('/pledges', body), onSuccess });
}

export function useReviewPledge(childId: string) {
  const onSuccess = useRefresh(childId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PledgeReviewBody }) =>
      api.post<PledgeView>(`/pledges/${id}/review`, body),
    onSuccess,
  });
}

export function useDeletePledge(childId: string) {
  const onSuccess = useRefresh(childId);
  return useMutation({
    mutationFn: (p: PledgeView) => api.delete(`/pledges/${p.id}`, { version: p.version }),
    onSuccess,
  });
}

export function useCreateSelfEvaluation(childId: string) {
  const onSuccess = useRefresh(childId);
  return useMutation({
    mutationFn: (body: SelfEvaluationCreateBody) => api.post<SelfEvaluationView>('/self-evaluations', body),
    onSuccess,
  });
}

export function useDeleteSelfEvaluation(childId: string) {
  const onSuccess = useRefresh(childId);
  return useMutation({
    mutationFn: (e: SelfEvaluationView) => api.delete(`/self-evaluations/${e.id}`, { version: e.version }),
    onSuccess,
  });
}
