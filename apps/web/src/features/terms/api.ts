import type { TermView, termCreateBody, termUpdateBody } from '@shouwang/shared/schemas/terms';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError } from '../../api/client';

export const termsKey = ['terms'] as const;

/** Terms in effect for a county or school: the county's, and the school's own where it overrides them. */
export function useTerms(orgId: string | undefined) {
  return useQuery({
    queryKey: [...termsKey, 'list', orgId],
    queryFn: ({ signal }) => api.get<{ items: TermView[] } | TermView[]>('/terms', { orgId }, signal),
    select: (data) => (Array.isArray(data) ? data : data.items),
    enabled: !!orgId,
  });
}

/** The term running today for a unit, or null when none is set (or it has not started). */
export function useCurrentTerm(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...termsKey, 'current', orgId],
    queryFn: async ({ signal }): Promise<TermView | null> => {
      try {
        const data = await api.get<TermView | { term: TermView | null } | null>('/terms/current', { orgId }, signal);
        if (!data) return null;
        return 'term' in data ? data.term : data;
      } catch (error) {
        if (isApiError(error) && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    enabled: !!orgId && enabled,
  });
}

function useTermMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: termsKey }) });
}

export const useCreateTerm = () =>
  useTermMutation((body: z.infer<typeof termCreateBody>) => api.post<TermView>('/terms', body));

export const useUpdateTerm = () =>
  useTermMutation(({ id, body }: { id: string; body: z.infer<typeof termUpdateBody> }) =>
    api.patch<TermView>(`/terms/${id}`, body),
  );

export const useDeleteTerm = () =>
  useTermMutation((term: TermView) => api.delete<{ ok: true }>(`/terms/${term.id}`, { version: term.version }));
