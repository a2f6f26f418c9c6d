import { z } from 'zod';
import { auditEvents } from '../audit-events';
import { isoDate, pageQuery, uuid } from './common';

export const auditListQuery = pageQuery.extend({
  event: z.enum(auditEvents).optional(),
  actorId: uuid.optional(),
  targetId: uuid.optional(),
  orgId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  event: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  diff: z.unknown(),
});
