import type { Role } from '@shouwang/shared/roles';
import type { UserView, userCreateBody, userUpdateBody } from '@shouwang/shared/schemas/users';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export const usersKey = ['users'] as const;

export interface UserFilters {
  q?: string;
  orgId?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

export interface UserPage {
  items: UserView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Answer of creating a user or resetting a password: the password is shown once, never stored. */
export interface OneTimePasswordResult {
  user: UserView;
  oneTimePassword: string;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ signal }) => api.get<UserPage>('/users', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string, initial?: UserView) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: ({ signal }) => api.get<UserView>(`/users/${id}`, undefined, signal),
    initialData: initial,
    staleTime: 0,
  });
}

function useUserMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () =>
  useUserMutation((body: z.infer<typeof userCreateBody>) => api.post<OneTimePasswordResult>('/users', body));

export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: string; body: z.infer<typeof userUpdateBody> }) =>
    api.patch<UserView>(`/users/${id}`, body),
  );

export type UserAction = 'disable' | 'enable' | 'reset-password' | 'unlock';

export const useUserAction = () =>
  useUserMutation(({ user, action }: { user: UserView; action: UserAction }) =>
    api.post<UserView | OneTimePasswordResult>(`/users/${user.id}/${action}`, { version: user.version }),
  );

export const useAssignRole = () =>
  useUserMutation(({ userId, role, orgId }: { userId: string; role: Role; orgId: string }) =>
    api.post<unknown>(`/users/${userId}/roles`, { role, orgId }),
  );

export const useRevokeRole = () =>
  useUserMutation(({ userId, assignmentId }: { userId: string; assignmentId: string }) =>
    api.delete<unknown>(`/users/${userId}/roles/${assignmentId}`),
  );

/** Resets someone's two-step sign-in; the administrator confirms with their own password. */
export const useResetTotp = () =>
  useUserMutation(({ user, password }: { user: UserView; password: string }) =>
    api.post<UserView>(`/users/${user.id}/reset-totp`, { version: user.version, password }),
  );
