import type { CorrectionOutcome } from '@shouwang/shared/enums/privacy';
import type {
  ConsentCreateBody,
  ConsentView,
  CorrectionCreateBody,
  CorrectionView,
} from '@shouwang/shared/schemas/privacy';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const consentsKey = (childId: string) => ['consents', childId] as const;

export function useConsents(childId: string) {
  return useQuery({
    queryKey: consentsKey(childId),
    queryFn: ({ signal }) =>
      api.get<{ items: ConsentView[]; canManage: boolean }>(`/children/${childId}/consents`, undefined, signal),
  });
}

export function useRecordConsent(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreateBody) => api.post<ConsentView>(`/children/${childId}/consents`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: consentsKey(childId) }),
  });
}

export function useWithdrawConsent(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      api.post<ConsentView>(`/children/${childId}/consents/${id}/withdraw`, { version, reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: consentsKey(childId) }),
  });
}

export interface PrivacyOfficer {
  officer: { name: string; phone: string; email: string | null } | null;
}

export function usePrivacyOfficer() {
  return useQuery({
    queryKey: ['privacy-officer'],
    queryFn: ({ signal }) => api.get<PrivacyOfficer>('/privacy/officer', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useSetPrivacyOfficer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; phone: string; email?: string | null }) =>
      api.put<PrivacyOfficer>('/privacy/officer', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['privacy-officer'] }),
  });
}

export const correctionsKey = (childId: string) => ['correction-requests', childId] as const;

export function useCorrections(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: correctionsKey(childId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: CorrectionView[] }>(`/children/${childId}/correction-requests`, undefined, signal),
  });
}

export function useRecordCorrection(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectionCreateBody) =>
      api.post<CorrectionView>(`/children/${childId}/correction-requests`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: correctionsKey(childId) }),
  });
}

export function useResolveCorrection(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      outcome: CorrectionOutcome;
      resolutionNote: string;
    }) => api.post<CorrectionView>(`/children/${childId}/correction-requests/${id}/resolve`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: correctionsKey(childId) }),
  });
}

export interface AnonymizeAnswer {
  dryRun: boolean;
  retentionYears: number;
  count: number;
}

export function useAnonymizeDue() {
  return useMutation({
    mutationFn: (dryRun: boolean) => api.post<AnonymizeAnswer>('/privacy/anonymize-due', { dryRun }),
  });
}
