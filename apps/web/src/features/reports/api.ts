import type { WorkSummaryView } from '@shouwang/shared/schemas/reports';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const key = ['work-summary'] as const;

/** The unit's draft for the term, or null before the first draft. */
export function useWorkSummary(orgId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...key, orgId, termId],
    queryFn: ({ signal }) =>
      api.get<{ summary: WorkSummaryView | null }>('/reports/work-summary', { orgId, termId }, signal),
    enabled: !!orgId,
  });
}

export function useGenerateSummary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId: string; termId?: string; discardEdits?: boolean }) =>
      api.post<WorkSummaryView>('/reports/work-summary', body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useEditSummary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      paragraphs: { key: string; text: string | null }[];
    }) => api.patch<WorkSummaryView>(`/reports/work-summary/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const summaryExportUrl = (id: string, format: 'docx' | 'pdf') =>
  `/api/reports/work-summary/${id}/export?format=${format}`;
