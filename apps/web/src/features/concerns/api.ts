import type {
  ConcernAcknowledgeBody,
  ConcernCreateBody,
  ConcernNoteBody,
  ConcernReferBody,
  ConcernView,
} from '@shouwang/shared/schemas/concerns';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const concernsKey = ['concerns'] as const;

interface ConcernList {
  items: ConcernView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ConcernFilters {
  open?: boolean;
  actionable?: boolean;
  childId?: string;
  page?: number;
}

export function useConcerns(filters: ConcernFilters, enabled = true) {
  return useQuery({
    queryKey: [...concernsKey, 'list', filters],
    queryFn: ({ signal }) =>
      api.get<ConcernList>(
        '/concerns',
        {
          open: filters.open ? 'true' : undefined,
          actionable: filters.actionable ? 'true' : undefined,
          childId: filters.childId,
          page: filters.page,
          pageSize: 20,
        },
        signal,
      ),
    enabled,
  });
}

/** The menu badge: open concerns the user must act on. */
export function useActionableConcernCount(enabled: boolean) {
  return useQuery({
    queryKey: [...concernsKey, 'actionable-count'],
    queryFn: ({ signal }) => api.get<ConcernList>('/concerns', { actionable: 'true', pageSize: 1 }, signal),
    select: (data) => data.total,
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function useConcern(id: string | null) {
  return useQuery({
    queryKey: [...concernsKey, 'one', id],
    queryFn: ({ signal }) => api.get<ConcernView>(`/concerns/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return (view: ConcernView) => {
    client.setQueryData([...concernsKey, 'one', view.id], view);
    void client.invalidateQueries({ queryKey: [...concernsKey, 'list'] });
    void client.invalidateQueries({ queryKey: [...concernsKey, 'actionable-count'] });
  };
}

export function useRaiseConcern() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ConcernCreateBody) => api.post<ConcernView>('/concerns', body),
    onSuccess: refresh,
  });
}

export type ConcernStepAction =
  | { step: 'acknowledge'; body: ConcernAcknowledgeBody }
  | { step: 'refer'; body: ConcernReferBody }
  | { step: 'follow-up'; body: ConcernNoteBody }
  | { step: 'close'; body: ConcernNoteBody };

export function useConcernStep(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (action: ConcernStepAction) => api.post<ConcernView>(`/concerns/${id}/${action.step}`, action.body),
    onSuccess: refresh,
  });
}
