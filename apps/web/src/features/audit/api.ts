import type { AuditEvent } from '@shouwang/shared/audit-events';
import type { auditView } from '@shouwang/shared/schemas/audit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export type AuditEntry = z.infer<typeof auditView>;

export interface AuditFilters {
  event?: AuditEvent;
  actorId?: string;
  targetId?: string;
  orgId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[]; total: number; page: number; pageSize: number }>(
        '/audit-events',
        { ...filters },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
