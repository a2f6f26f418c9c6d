import type { Me } from '@shouwang/shared/schemas/auth';
import { isApiError, setCsrfToken } from '../../api/client';
import { queryClient } from '../../app/query-client';

export const meKey = ['me'] as const;

/** Why the user was sent back to the sign-in page; cleared by the next sign-in. */
let signOutReason: 'expired' | null = null;

export function lastSignOutReason() {
  return signOutReason;
}

/** Keeps the CSRF token (memory only) and the cached `me` in step with the latest answer. */
export function rememberMe(me: Me | null) {
  if (me) signOutReason = null;
  setCsrfToken(me?.csrfToken ?? '');
  queryClient.setQueryData(meKey, me);
}

/** Drops everything cached about the previous user. */
export function forgetSession(reason: 'expired' | null = null) {
  signOutReason = reason;
  setCsrfToken('');
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  // A `me` request still on its way would answer with the old user after we forget them.
  void queryClient.cancelQueries({ queryKey: meKey });
  queryClient.setQueryData(meKey, null);
}

/**
 * 401 anywhere → back to sign-in (the guard sees `me` = null); 403 PASSWORD_CHANGE_REQUIRED →
 * reload `me`, whose `mustChangePassword` sends the user to the change page (and 403
 * TOTP_ENROLLMENT_REQUIRED: `totpEnrollmentRequired` sends an administrator to two-step set-up).
 */
export function handleSessionError(error: unknown) {
  if (!isApiError(error)) return;
  const hadSession = !!queryClient.getQueryData<Me | null>(meKey);
  if (error.status === 401 && hadSession) {
    forgetSession('expired');
  } else if (
    error.code === 'PASSWORD_CHANGE_REQUIRED' ||
    error.code === 'TOTP_ENROLLMENT_REQUIRED' ||
    error.code === 'CSRF_REJECTED'
  ) {
    void queryClient.invalidateQueries({ queryKey: meKey });
  }
}
