import type { ChildListItem } from '@shouwang/shared/schemas/children';
import type {
  holidayHandoverBody,
  PairingBoardView,
  PairingCreateBody,
  PairingView,
} from '@shouwang/shared/schemas/pairings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export const pairingsKey = ['pairings'] as const;

type HolidayHandoverBody = z.input<typeof holidayHandoverBody>;

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

/** The school's holiday pairings in force today or starting later (假期交接). */
export function useHolidayPairings(schoolId: string | undefined) {
  return useQuery({
    queryKey: [...pairingsKey, 'holiday', schoolId],
    queryFn: async ({ signal }) => {
      const get = (status: 'active' | 'planned') =>
        api.get<{ items: PairingView[] }>(
          '/pairings',
          { schoolId, kind: 'holiday_tutor', status, pageSize: 200 },
          signal,
        );
      const [active, planned] = await Promise.all([get('active'), get('planned')]);
      return [...active.items, ...planned.items];
    },
    enabled: !!schoolId,
  });
}

/** The children of a school for a hand-over (at most 200 per page; a school rarely has more to hand over). */
export function useSchoolChildren(schoolId: string | undefined, category: string | undefined) {
  return useQuery({
    queryKey: ['children', 'handover', schoolId, category],
    queryFn: ({ signal }) =>
      api.get<{ items: ChildListItem[]; total: number }>(
        '/children',
        { schoolId, category, enrollmentStatus: 'enrolled', pageSize: 200 },
        signal,
      ),
    enabled: !!schoolId,
  });
}

/** One hand-over per village tutor, each all or nothing. */
export function useHolidayHandover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HolidayHandoverBody) => api.post<{ items: PairingView[] }>('/pairings/holiday-handover', body),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: pairingsKey });
      void client.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}

/** Back to school before the planned date: the pairing ends today (kept as history). */
export function useEndPairings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (pairings: PairingView[]) => {
      const today = new Date().toISOString().slice(0, 10);
      // A hand-over not yet begun ends on its first day, so it never holds.
      for (const p of pairings)
        await api.post<PairingView>(`/pairings/${p.id}/end`, {
          version: p.version,
          endDate: [p.startDate, today].sort()[1],
        });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: pairingsKey });
      void client.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}
