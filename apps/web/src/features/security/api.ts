import type { TotpSetup, TotpStatus } from '@shouwang/shared/schemas/auth';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryClient } from '../../app/query-client';
import { meKey } from '../auth/session-events';

const statusKey = ['me', 'totp'] as const;

export function useTotpStatus() {
  return useQuery({ queryKey: statusKey, queryFn: () => api.get<TotpStatus>('/me/totp') });
}

/** After a change, `me` (totpEnrollmentRequired) and the status are stale. */
const refresh = () => {
  void queryClient.invalidateQueries({ queryKey: statusKey });
  void queryClient.invalidateQueries({ queryKey: meKey, exact: true });
};

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/me/totp/setup') });
}

/** Answers the recovery codes; `me` is refreshed only when the user leaves the codes screen. */
export function useTotpConfirm() {
  return useMutation({
    mutationFn: (body: { code: string }) => api.post<{ recoveryCodes: string[] }>('/me/totp/confirm', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useTotpDisable() {
  return useMutation({
    mutationFn: (body: { password: string; code: string }) => api.post<{ ok: true }>('/me/totp/disable', body),
    onSuccess: refresh,
  });
}

export const refreshMeAfterEnrolment = () => queryClient.invalidateQueries({ queryKey: meKey, exact: true });
