import type { PairingBoardView, PairingCreateBody, PairingView } from '@shouwang/shared/schemas/pairings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const pairingsKey = ['pairings'] as const;

export function usePairingBoard(schoolId: string | undefined) {
  return useQuery({
    queryKey: [...pairingsKey, 'board', schoolId],
    queryFn: ({ signal }) => api.get<PairingBoardView>('/pairings/board', { schoolId }, signal),
    enabled: !!schoolId,
  });
}

/** All-or-nothing: the server refuses the whole batch when a helper would go over capacity. */
export function useBulkPair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: PairingCreateBody[]) => api.post<{ items: PairingView[] }>('/pairings/bulk', { items }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: pairingsKey });
      void client.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}
