import type { AttachmentView } from '@shouwang/shared/schemas/attachments';
import type {
  CareRecordBatchBody,
  CareRecordCreateBody,
  CareRecordUpdateBody,
  CareRecordView,
} from '@shouwang/shared/schemas/care-records';
import type { TodoCounts, TodoListResponse } from '@shouwang/shared/schemas/todos';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const todosKey = ['todos'] as const;
export const timelineKey = (childId: string) => ['care-records', 'timeline', childId] as const;

export function useTodos() {
  return useQuery({
    queryKey: [...todosKey, 'list'],
    queryFn: ({ signal }) => api.get<TodoListResponse>('/todos', undefined, signal),
    staleTime: 0,
  });
}

/** The navigation badge; refreshed every few minutes and after each record. */
export function useTodoCounts(enabled: boolean) {
  return useQuery({
    queryKey: [...todosKey, 'counts'],
    queryFn: ({ signal }) => api.get<TodoCounts>('/todos/counts', undefined, signal),
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** A saved record changes the to-do list, its counts and the child's timeline. */
function useRefreshAfterRecord() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: todosKey });
    void client.invalidateQueries({ queryKey: ['care-records'] });
  };
}

export function useCreateCareRecord() {
  const refresh = useRefreshAfterRecord();
  return useMutation({
    mutationFn: (body: CareRecordCreateBody) => api.post<CareRecordView>('/care-records', body),
    onSuccess: refresh,
  });
}

export function useCareRecordBatch() {
  const refresh = useRefreshAfterRecord();
  return useMutation({
    mutationFn: (body: CareRecordBatchBody) =>
      api.post<{ batchId: string; items: CareRecordView[] }>('/care-records/batch', body),
    onSuccess: refresh,
  });
}

export function uploadRecordPhoto(childId: string, file: File) {
  return api.upload<AttachmentView>(`/children/${childId}/attachments`, file, { purpose: 'document' });
}

interface TimelinePage {
  items: CareRecordView[];
  nextCursor: string | null;
}

export function useTimeline(childId: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(childId),
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelinePage>(`/children/${childId}/timeline`, { cursor: pageParam, limit: 20 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** An edit sends the record's version; the server enforces the edit window (author, then school administrator). */
export function useUpdateCareRecord() {
  const refresh = useRefreshAfterRecord();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CareRecordUpdateBody }) =>
      api.patch<CareRecordView>(`/care-records/${id}`, body),
    onSuccess: refresh,
  });
}
