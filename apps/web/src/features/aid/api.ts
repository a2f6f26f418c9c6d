import type {
  AidCreateBody,
  AidView,
  BirthdayCelebrationBody,
  ChildActivitiesAidView,
  FundEntryCreateBody,
  FundLedgerView,
  UpcomingBirthday,
} from '@shouwang/shared/schemas/aid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const aidKey = ['aid'] as const;

export function useAidList(filters: { termId?: string; type?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...aidKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: AidView[]; total: number }>('/aid', { ...filters }, signal),
  });
}

export function useLedger(schoolId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...aidKey, 'ledger', schoolId, termId],
    queryFn: ({ signal }) => api.get<FundLedgerView>('/fund-ledger', { schoolId, termId }, signal),
    enabled: !!schoolId && !!termId,
  });
}

export function useBirthdays(enabled: boolean) {
  return useQuery({
    queryKey: [...aidKey, 'birthdays'],
    queryFn: ({ signal }) => api.get<{ items: UpcomingBirthday[] }>('/birthdays/upcoming', { days: 7 }, signal),
    enabled,
  });
}

export function useChildActivitiesAid(childId: string) {
  return useQuery({
    queryKey: [...aidKey, 'child', childId],
    queryFn: ({ signal }) => api.get<ChildActivitiesAidView>(`/children/${childId}/activities-aid`, undefined, signal),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: aidKey });
    void client.invalidateQueries({ queryKey: ['care-records'] });
    void client.invalidateQueries({ queryKey: ['todos'] });
  };
}

export function useCreateAid() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: AidCreateBody) => api.post<AidView>('/aid', body), onSuccess: refresh });
}

export function useDeleteAid() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: { id: string; version: number }) => api.delete(`/aid/${a.id}`, { version: a.version }),
    onSuccess: refresh,
  });
}

export function useAddFundEntry() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: FundEntryCreateBody) => api.post('/fund-ledger/entries', body),
    onSuccess: refresh,
  });
}

export function useDeleteFundEntry() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (e: { id: string; version: number }) =>
      api.delete(`/fund-ledger/entries/${e.id}`, { version: e.version }),
    onSuccess: refresh,
  });
}

export function useCelebrateBirthday() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ childId, ...body }: BirthdayCelebrationBody & { childId: string }) =>
      api.post<{ careRecordId: string; aidId: string | null }>(`/children/${childId}/birthday-celebrations`, body),
    onSuccess: refresh,
  });
}
