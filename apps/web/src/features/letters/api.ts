import type { LetterKind } from '@shouwang/shared/letters/letter-codes';
import type {
  LetterDeliveryCreateBody,
  LetterRosterResponse,
  LetterTemplateCreateBody,
  LetterTemplateUpdateBody,
  LetterTemplateView,
} from '@shouwang/shared/schemas/letters';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const lettersKey = ['letters'] as const;
const templatesKey = (schoolId: string) => [...lettersKey, 'templates', schoolId] as const;

export function useLetterTemplates(schoolId: string | undefined) {
  return useQuery({
    queryKey: templatesKey(schoolId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: LetterTemplateView[] }>('/letters/templates', { schoolId: schoolId! }, signal),
    select: (data) => data.items,
    enabled: !!schoolId,
  });
}

export function useLetterRoster(classId: string | undefined, kind: LetterKind, termId: string | undefined) {
  return useQuery({
    queryKey: [...lettersKey, 'roster', classId, kind, termId],
    queryFn: ({ signal }) =>
      api.get<LetterRosterResponse>('/letters/roster', { classId: classId!, kind, termId }, signal),
    enabled: !!classId,
    staleTime: 0,
  });
}

function useLettersMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: lettersKey }) });
}

export const useCreateTemplate = () =>
  useLettersMutation((body: LetterTemplateCreateBody) => api.post<LetterTemplateView>('/letters/templates', body));

export const useUpdateTemplate = () =>
  useLettersMutation(({ id, body }: { id: string; body: LetterTemplateUpdateBody }) =>
    api.patch<LetterTemplateView>(`/letters/templates/${id}`, body),
  );

export const useDeleteTemplate = () =>
  useLettersMutation(({ id, version }: { id: string; version: number }) =>
    api.delete<{ ok: true }>(`/letters/templates/${id}`, { version }),
  );

export const useMarkLettersSent = () =>
  useLettersMutation((body: LetterDeliveryCreateBody) => api.post<{ items: unknown[] }>('/letters/deliveries', body));

export const useUndoLetterSent = () =>
  useLettersMutation(({ id, version }: { id: string; version: number }) =>
    api.delete<{ ok: true }>(`/letters/deliveries/${id}`, { version }),
  );

/** The download address of a class's or school's letters (the browser fetches it with the session). */
export const lettersFileUrl = (templateId: string, orgId: string, termId: string | undefined, format: 'docx' | 'pdf') =>
  `/api/letters/templates/${templateId}/letters.${format}?${new URLSearchParams({ orgId, ...(termId ? { termId } : {}) })}`;
