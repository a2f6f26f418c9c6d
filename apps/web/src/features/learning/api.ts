import type {
  GradeBatchBody,
  GradeView,
  ProgressView,
  StudyPlanCreateBody,
  StudyPlanUpdateBody,
  StudyPlanView,
} from '@shouwang/shared/schemas/learning';
import type { PairingView } from '@shouwang/shared/schemas/pairings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const learningKey = ['learning'] as const;

export function useStudyPlans(childId: string) {
  return useQuery({
    queryKey: [...learningKey, 'plans', childId],
    queryFn: ({ signal }) => api.get<{ items: StudyPlanView[] }>('/study-plans', { childId }, signal),
  });
}

export function useProgress(childId: string) {
  return useQuery({
    queryKey: [...learningKey, 'progress', childId],
    queryFn: ({ signal }) => api.get<ProgressView>(`/children/${childId}/progress`, undefined, signal),
  });
}

/** The child's helpers paired today: who a study plan is usually given to. */
export function useChildHelpers(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['pairings', 'child', childId],
    queryFn: ({ signal }) =>
      api.get<{ items: PairingView[] }>('/pairings', { childId, status: 'active', pageSize: 50 }, signal),
    select: (data) => data.items.flatMap((p) => (p.helper ? [p.helper] : [])),
    enabled,
  });
}

export function useClassGrades(classId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...learningKey, 'grades', classId, termId],
    queryFn: ({ signal }) => api.get<{ items: GradeView[] }>('/grades', { classId, termId }, signal),
    enabled: !!classId && !!termId,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: learningKey });
    void client.invalidateQueries({ queryKey: ['todos'] });
  };
}

export function useSavePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: string; body: StudyPlanUpdateBody } | { id?: undefined; body: StudyPlanCreateBody }) =>
      input.id
        ? api.patch<StudyPlanView>(`/study-plans/${input.id}`, input.body)
        : api.post<StudyPlanView>('/study-plans', input.body),
    onSuccess: refresh,
  });
}

export function useDeletePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<{ ok: true }>(`/study-plans/${id}`, { version }),
    onSuccess: refresh,
  });
}

export function useGradeBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: GradeBatchBody) => api.post<{ written: number; items: GradeView[] }>('/grades/batch', body),
    onSuccess: refresh,
  });
}
