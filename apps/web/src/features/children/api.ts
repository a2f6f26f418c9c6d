import type { AttachmentView } from '@shouwang/shared/schemas/attachments';
import type {
  GuardianCreateBody,
  GuardianUpdateBody,
  GuardianView,
  ParentCreateBody,
  ParentUpdateBody,
  ParentView,
} from '@shouwang/shared/schemas/child-family';
import type {
  ChildCreateBody,
  ChildListItem,
  ChildListQuery,
  ChildUpdateBody,
  ChildView,
} from '@shouwang/shared/schemas/children';
import type { ChildImportReport, ChildSheetFormat } from '@shouwang/shared/schemas/children-excel';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const childrenKey = ['children'] as const;

/** The list filters as the page keeps them (flags as booleans; the API takes 'true'). */
export type ChildFilters = Partial<
  Pick<ChildListQuery, 'q' | 'schoolId' | 'classId' | 'villageId' | 'careLevel' | 'enrollmentStatus' | 'category'>
> & {
  incomplete?: boolean;
  parentUnreachable?: boolean;
  noEntrustment?: boolean;
  deleted?: boolean;
  page: number;
  pageSize: number;
};

export interface ChildPage {
  items: ChildListItem[];
  total: number;
  page: number;
  pageSize: number;
}

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export function useChildren(filters: ChildFilters) {
  return useQuery({
    queryKey: [...childrenKey, 'list', filters],
    queryFn: ({ signal }) =>
      api.get<ChildPage>(
        '/children',
        {
          ...filters,
          incomplete: flag(filters.incomplete),
          parentUnreachable: flag(filters.parentUnreachable),
          noEntrustment: flag(filters.noEntrustment),
          deleted: flag(filters.deleted),
          sort: 'name',
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export const childKey = (id: string) => [...childrenKey, 'one', id] as const;

export function useChild(id: string) {
  return useQuery({
    queryKey: childKey(id),
    queryFn: ({ signal }) => api.get<ChildView>(`/children/${id}`, undefined, signal),
    staleTime: 0,
  });
}

/** Every change to a child or its family refreshes the child page and the list (completeness, flags). */
function useChildMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: childrenKey }) });
}

export const useCreateChild = () => useChildMutation((body: ChildCreateBody) => api.post<ChildView>('/children', body));

export const useUpdateChild = () =>
  useChildMutation(({ id, body }: { id: string; body: ChildUpdateBody }) =>
    api.patch<ChildView>(`/children/${id}`, body),
  );

export const useDeleteChild = () =>
  useChildMutation((child: { id: string; version: number }) =>
    api.delete<{ ok: true }>(`/children/${child.id}`, { version: child.version }),
  );

export const useRestoreChild = () =>
  useChildMutation((child: { id: string; version: number }) =>
    api.post<ChildView>(`/children/${child.id}/restore`, { version: child.version }),
  );

/** The full ID number; the server records the read in the audit log. */
export const useRevealIdNumber = () =>
  useMutation({
    mutationFn: (id: string) => api.get<{ idNumber: string | null }>(`/children/${id}/id-number`),
  });

export const useStartCategory = () =>
  useChildMutation(({ childId, body }: { childId: string; body: unknown }) =>
    api.post<unknown>(`/children/${childId}/categories`, body),
  );

export const useEndCategory = () =>
  useChildMutation(({ childId, categoryId, body }: { childId: string; categoryId: string; body: unknown }) =>
    api.post<unknown>(`/children/${childId}/categories/${categoryId}/end`, body),
  );

export const useAddEnrollment = () =>
  useChildMutation(({ childId, body }: { childId: string; body: unknown }) =>
    api.post<unknown>(`/children/${childId}/enrollments`, body),
  );

export const useCreateParent = () =>
  useChildMutation(({ childId, body }: { childId: string; body: ParentCreateBody }) =>
    api.post<ParentView>(`/children/${childId}/parents`, body),
  );

export const useUpdateParent = () =>
  useChildMutation(({ childId, parentId, body }: { childId: string; parentId: string; body: ParentUpdateBody }) =>
    api.patch<ParentView>(`/children/${childId}/parents/${parentId}`, body),
  );

export const useDeleteParent = () =>
  useChildMutation(({ childId, parent }: { childId: string; parent: ParentView }) =>
    api.delete<{ ok: true }>(`/children/${childId}/parents/${parent.id}`, { version: parent.version }),
  );

export const useCreateGuardian = () =>
  useChildMutation(({ childId, body }: { childId: string; body: GuardianCreateBody }) =>
    api.post<GuardianView>(`/children/${childId}/guardians`, body),
  );

export const useUpdateGuardian = () =>
  useChildMutation(({ childId, guardianId, body }: { childId: string; guardianId: string; body: GuardianUpdateBody }) =>
    api.patch<GuardianView>(`/children/${childId}/guardians/${guardianId}`, body),
  );

export const useDeleteGuardian = () =>
  useChildMutation(({ childId, guardian }: { childId: string; guardian: GuardianView }) =>
    api.delete<{ ok: true }>(`/children/${childId}/guardians/${guardian.id}`, { version: guardian.version }),
  );

export const useSignEntrustment = () =>
  useChildMutation(({ childId, guardianId, body }: { childId: string; guardianId: string; body: unknown }) =>
    api.post<GuardianView>(`/children/${childId}/guardians/${guardianId}/entrustments`, body),
  );

/** Uploads a photo and makes it the child's photo (the server checks it is a JPEG/PNG by content). */
export const useSetChildPhoto = () =>
  useChildMutation(async ({ child, file }: { child: { id: string; version: number }; file: File }) => {
    const attachment = await api.upload<AttachmentView>(`/children/${child.id}/attachments`, file, {
      purpose: 'photo',
    });
    return api.patch<ChildView>(`/children/${child.id}`, { version: child.version, photoAttachmentId: attachment.id });
  });

export type ImportMode = 'dry-run' | 'commit';

/** Sends an .xlsx to the import: a dry run reports every problem by row and column; commit writes all or nothing. */
export const useImportChildren = () =>
  useChildMutation(({ file, mode, format }: { file: File; mode: ImportMode; format: ChildSheetFormat }) =>
    api.upload<ChildImportReport>('/children/import', file, { mode, format }),
  );
