import type {
  OrgListItem,
  OrgSummary,
  OrgTreeItem,
  OrgView,
  orgCreateBody,
  orgMoveBody,
  orgUpdateBody,
} from '@shouwang/shared/schemas/orgs';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export const orgsKey = ['orgs'] as const;

/**
 * Units the user may see, flat, for pickers: only some kinds (`school`, `school,village`), the
 * sub-units of one unit, or everything (a county is thousands of units: ask for what you show).
 * The server answers with an ETag, so asking again is cheap while nothing changed.
 */
export function useOrgs(
  options: { includeInactive?: boolean; kind?: string; parentId?: string; ids?: string[]; enabled?: boolean } = {},
) {
  const includeInactive = options.includeInactive ?? false;
  const { kind, parentId } = options;
  const ids = options.ids ? [...new Set(options.ids)].sort().join(',') : undefined;
  return useQuery({
    queryKey: [...orgsKey, 'list', { includeInactive, kind, parentId, ids }],
    queryFn: ({ signal }) =>
      api.get<{ items: OrgListItem[] }>(
        '/orgs',
        { includeInactive: includeInactive ? 'true' : undefined, kind, parentId, ids },
        signal,
      ),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** One request of the tree: the first screen, a unit's sub-units (`parentId`) or a search (`q`). */
export const orgTreeQuery = (params: { includeInactive: boolean; parentId?: string; q?: string }) =>
  queryOptions({
    queryKey: [...orgsKey, 'tree', params],
    queryFn: ({ signal }) =>
      api.get<{ items: OrgTreeItem[]; truncated: boolean }>(
        '/orgs/tree',
        { includeInactive: params.includeInactive ? 'true' : undefined, parentId: params.parentId, q: params.q },
        signal,
      ),
  });

/** One unit with the caller's abilities (a picker's chosen unit that is not loaded yet). */
export function useOrg(id: string | undefined) {
  return useQuery({
    queryKey: [...orgsKey, 'one', id],
    queryFn: ({ signal }) => api.get<OrgView>(`/orgs/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Active units of the user's roles by kind, with their students. */
export function useOrgSummary() {
  return useQuery({
    queryKey: [...orgsKey, 'summary'],
    queryFn: ({ signal }) => api.get<OrgSummary>('/orgs/summary', undefined, signal),
  });
}

function useOrgMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: orgsKey }),
  });
}

export const useCreateOrg = () =>
  useOrgMutation((body: z.infer<typeof orgCreateBody>) => api.post<OrgView>('/orgs', body));

export const useUpdateOrg = () =>
  useOrgMutation(({ id, body }: { id: string; body: z.infer<typeof orgUpdateBody> }) =>
    api.patch<OrgView>(`/orgs/${id}`, body),
  );

export const useMoveOrg = () =>
  useOrgMutation(({ id, body }: { id: string; body: z.infer<typeof orgMoveBody> }) =>
    api.post<OrgView>(`/orgs/${id}/move`, body),
  );

export const useSetOrgActive = () =>
  useOrgMutation(({ org, active }: { org: OrgView; active: boolean }) =>
    api.post<OrgView>(`/orgs/${org.id}/${active ? 'reactivate' : 'deactivate'}`, { version: org.version }),
  );

export const useDeleteOrg = () =>
  useOrgMutation((org: OrgView) => api.delete<{ ok: true }>(`/orgs/${org.id}`, { version: org.version }));
