import type {
  CareRuleCreateBody,
  CareRuleUpdateBody,
  CareRuleView,
  CareSettingsUpdateBody,
  CareSettingsView,
} from '@shouwang/shared/schemas/care-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const careRulesKey = ['care-rules'] as const;

/** 关爱规范 of a school (the server creates the defaults on first use). */
export function useCareRules(schoolId: string | undefined) {
  return useQuery({
    queryKey: [...careRulesKey, schoolId],
    queryFn: ({ signal }) => api.get<{ items: CareRuleView[] }>('/care-rules', { schoolId }, signal),
    select: (data) => data.items,
    enabled: !!schoolId,
  });
}

export function useCareSettings(schoolId: string | undefined) {
  return useQuery({
    queryKey: [...careRulesKey, 'settings', schoolId],
    queryFn: ({ signal }) => api.get<CareSettingsView>(`/care-settings/${schoolId}`, undefined, signal),
    enabled: !!schoolId,
  });
}

/** A rule or setting changes what is owed: the to-dos, the calendar and the rates follow. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: careRulesKey });
    void client.invalidateQueries({ queryKey: ['todos'] });
    void client.invalidateQueries({ queryKey: ['compliance'] });
    void client.invalidateQueries({ queryKey: ['calendar'] });
    void client.invalidateQueries({ queryKey: ['pairings'] });
  };
}

export function useCreateCareRule() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (body: CareRuleCreateBody) => api.post<CareRuleView>('/care-rules', body),
    onSuccess,
  });
}

export function useUpdateCareRule() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CareRuleUpdateBody }) =>
      api.patch<CareRuleView>(`/care-rules/${id}`, body),
    onSuccess,
  });
}

export function useUpdateCareSettings() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ schoolId, body }: { schoolId: string; body: CareSettingsUpdateBody }) =>
      api.patch<CareSettingsView>(`/care-settings/${schoolId}`, body),
    onSuccess,
  });
}
