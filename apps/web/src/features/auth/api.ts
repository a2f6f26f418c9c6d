import type { Me } from '@shouwang/shared/schemas/auth';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../api/client';
import { takePickedBeforeSignIn, type UiLanguage } from '../../app/i18n';
import { queryClient } from '../../app/query-client';
import { forgetSession, meKey, rememberMe } from './session-events';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Starts the `me` request as the app boots, before the languages load and the first page renders. */
export function prefetchMe() {
  void queryClient.prefetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** For components rendered inside the signed-in layout, where `me` is known to be loaded. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe outside the signed-in layout');
  return data;
}

export function useLogin() {
  return useMutation({
    mutationFn: async (body: { username: string; password: string; totp?: string }) => {
      const me = await api.post<Me>('/auth/login', body);
      const picked = takePickedBeforeSignIn();
      if (!picked || picked === me.user.language) return me;
      setCsrfToken(me.csrfToken);
      // Not worth failing the sign-in over: the account keeps its old language then.
      return api.put<Me>('/me/language', { language: picked }).catch(() => me);
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      rememberMe(me);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    // Even when the server is unreachable, the browser forgets the session view.
    onSettled: () => forgetSession(),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<Me>('/auth/change-password', body),
    onSuccess: (me) => rememberMe(me),
  });
}

export function useSaveLanguage() {
  return useMutation({
    mutationFn: (language: UiLanguage) => api.put<Me>('/me/language', { language }),
    onSuccess: (me) => rememberMe(me),
  });
}
