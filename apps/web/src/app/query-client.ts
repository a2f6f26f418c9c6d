import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { handleSessionError } from '../features/auth/session-events';

/** One client for the app. Auth failures anywhere end the session view in one place. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => handleSessionError(error) }),
  mutationCache: new MutationCache({
    onError: (error) => {
      handleSessionError(error);
      // Someone else saved meanwhile: refresh the lists behind the form so they show it too.
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retrying a refusal never helps; retry only when the network or the server hiccupped.
      retry: (count, error) => count < 2 && isApiError(error) && (error.code === 'NETWORK' || error.status >= 500),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
