import type {
  MailboxAlertView,
  MailboxBoxBody,
  MailboxMessageCreateBody,
  MailboxMessageView,
  MailboxPickupView,
  MailboxSchoolView,
  PublicMailboxView,
} from '@shouwang/shared/schemas/mailbox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const mailboxKey = ['mailbox'] as const;

// ── Public page (no sign-in) ──────────────────────────────────────────────────────────────────

export function usePublicMailbox(code: string) {
  return useQuery({
    queryKey: ['public-mailbox', code],
    queryFn: ({ signal }) =>
      api.get<PublicMailboxView>(`/public/mailbox/${encodeURIComponent(code)}`, undefined, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSendWhisper(code: string) {
  return useMutation({
    mutationFn: (body: MailboxMessageCreateBody) =>
      api.post<{ pickupCode: string }>(`/public/mailbox/${encodeURIComponent(code)}`, body),
  });
}

export function usePickUpReply() {
  return useMutation({
    mutationFn: (pickupCode: string) => api.post<MailboxPickupView>('/public/mailbox/replies', { code: pickupCode }),
  });
}

// ── Inbox (counselors) ────────────────────────────────────────────────────────────────────────

export type InboxFilter = 'open' | 'all' | 'urgent';

interface InboxPage {
  items: MailboxMessageView[];
  total: number;
}

export function useInbox(filter: InboxFilter, page: number) {
  return useQuery({
    queryKey: [...mailboxKey, 'inbox', filter, page],
    queryFn: ({ signal }) =>
      api.get<InboxPage>(
        '/mailbox/messages',
        {
          status: filter === 'all' ? undefined : 'open',
          urgent: filter === 'urgent' ? 'true' : undefined,
          page,
          pageSize: 20,
        },
        signal,
      ),
    refetchInterval: 2 * 60_000,
  });
}

/** Every change answers the message as it is now; the inbox and alerts refresh. */
function useMessageChange<B>(path: (id: string) => string, method: 'post' | 'patch' = 'post') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api[method]<MailboxMessageView>(path(id), body),
    onSuccess: () => void client.invalidateQueries({ queryKey: mailboxKey }),
  });
}

export const useTriageMessage = () =>
  useMessageChange<{ status?: 'new' | 'in_progress'; urgent?: boolean; version: number }>(
    (id) => `/mailbox/messages/${id}`,
    'patch',
  );
export const useReplyMessage = () =>
  useMessageChange<{ reply: string; version: number }>((id) => `/mailbox/messages/${id}/reply`);
export const useLinkChild = () =>
  useMessageChange<{ childId: string | null; version: number }>((id) => `/mailbox/messages/${id}/link-child`);
export const useCloseMessage = () => useMessageChange<{ version: number }>((id) => `/mailbox/messages/${id}/close`);

// ── Settings and alerts (administrators) ──────────────────────────────────────────────────────

export function useMailboxSchools() {
  return useQuery({
    queryKey: [...mailboxKey, 'boxes'],
    queryFn: ({ signal }) => api.get<{ items: MailboxSchoolView[] }>('/mailbox/boxes', undefined, signal),
  });
}

export function useSaveBox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ schoolId, body }: { schoolId: string; body: MailboxBoxBody }) =>
      api.put<MailboxSchoolView>(`/mailbox/boxes/${schoolId}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...mailboxKey, 'boxes'] }),
  });
}

export function useMailboxAlerts(enabled = true) {
  return useQuery({
    queryKey: [...mailboxKey, 'alerts'],
    queryFn: ({ signal }) => api.get<{ items: MailboxAlertView[] }>('/mailbox/alerts', undefined, signal),
    enabled,
    refetchInterval: 2 * 60_000,
  });
}

export const posterUrl = (schoolId: string) => `/api/mailbox/boxes/${schoolId}/poster.pdf`;
