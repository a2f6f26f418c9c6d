import type { OrgView, orgCreateBody, orgMoveBody, orgUpdateBody } from '@shouwang/shared/schemas/orgs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export const orgsKey = ['orgs'] as const;

/** Units the user may see, flat; `includeInactive` adds the deactivated ones. */
export function useOrgs(options: { includeInactive?: boolean; enabled?: boolean } = {}) {
  const includeInactive = options.includeInactive ?? false;
  return useQuery({
    queryKey: [...orgsKey, { includeInactive }],
    queryFn: ({ signal }) =>
      api.get<{ items: OrgView[] }>('/orgs', includeInactive ? { includeInactive: 'true' } : undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
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
