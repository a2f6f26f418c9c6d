import type { AuditEvent, Role } from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { auditEvent } from '../modules/audit/audit.table';
import { bulkInsert } from './bulk-insert';
import type { GenPart, GenStaff } from './world';

const dayMs = 24 * 60 * 60 * 1000;
/** How far back the generated log reaches: most of a term. */
const historyDays = 90;

type Kind = 'login' | 'logout' | 'child_updated' | 'id_number_viewed' | 'user_updated' | 'denied';

/**
 * The audit log of a term's work, `spec.auditEvents` rows: the set-up (accounts created, roles
 * assigned), then sign-ins, archive edits, ID-number reads and refused requests spread over
 * working hours of the last 90 days, in time order (ids follow time, as in a real log).
 * Archive events appear once the children part has made children.
 */
export const auditGen: GenPart = {
  name: 'audit',
  tables: ['audit_event'],
  async run(ctx) {
    const { world, spec } = ctx;
    const rng = ctx.rng('audit');
    const countyId = world.county.id;
    const paths = new Map<string, string>();
    for (const o of [world.county, ...world.townships, ...world.villages, ...world.schools, ...world.classes])
      paths.set(o.id, o.path);
    const orgOf = (id: string) => ({ orgId: id, orgPath: paths.get(id)! });
    const homeRole = (s: GenStaff) =>
      s.roles.reduce((a, b) => (paths.get(a.orgId)!.length <= paths.get(b.orgId)!.length ? a : b));
    const roleAt = (s: GenStaff, orgPath: string | null): Role | null =>
      (orgPath ? s.roles.find((r) => orgPath.startsWith(paths.get(r.orgId)!))?.role : undefined) ??
      s.roles[0]?.role ??
      null;

    const setupAt = new Date(ctx.now.getTime() - (historyDays + 5) * dayMs);
    const requestIds = ctx.ids('audit-requests');
    const rows: (typeof auditEvent.$inferInsert)[] = [];
    const push = (
      event: AuditEvent,
      at: Date,
      actor: GenStaff | null,
      target: { type: string; id: string },
      org: { orgId: string; orgPath: string } | null,
      extra: { childId?: string; diff?: unknown } = {},
    ) =>
      rows.push({
        occurredAt: at,
        event,
        actorId: actor?.id ?? null,
        actorRole: actor ? roleAt(actor, org?.orgPath ?? null) : null,
        orgId: org?.orgId ?? null,
        orgPath: org?.orgPath ?? null,
        countyId,
        ip: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
        requestId: requestIds(),
        targetType: target.type,
        targetId: target.id,
        childId: extra.childId ?? null,
        diff: extra.diff ?? null,
      });

    const admin = world.staff.find((s) => s.roles.some((r) => r.role === 'county_admin')) ?? null;
    for (const s of world.staff) {
      if (rows.length >= spec.auditEvents) break;
      const home = homeRole(s);
      push('user.created', setupAt, admin, { type: 'user', id: s.id }, orgOf(home.orgId), {
        diff: { username: { from: null, to: s.username } },
      });
    }

    const children = world.children;
    const pick = weightedPicker<Kind>([
      ['login', 55],
      ['logout', 8],
      ['child_updated', children.length > 0 ? 25 : 0],
      ['id_number_viewed', children.length > 0 ? 4 : 0],
      ['user_updated', 5],
      ['denied', 3],
    ]);
    const editors = world.staff.filter((s) =>
      s.roles.some((r) => r.role === 'class_teacher' || r.role === 'child_director' || r.role === 'school_admin'),
    );
    const fields = ['personality', 'interests', 'study', 'psychology', 'healthNote', 'careLevel', 'boarding'];
    const start = ctx.now.getTime() - historyDays * dayMs;
    const times: number[] = [];
    for (let i = rows.length; i < spec.auditEvents; i++) {
      // A working day in China (UTC+8) between 07:00 and 22:00.
      const day = Math.floor(rng.next() * historyDays);
      const minute = rng.int(7 * 60, 22 * 60 - 1);
      times.push(start + day * dayMs - 8 * 3_600_000 + minute * 60_000 + rng.int(0, 59_999));
    }
    times.sort((a, b) => a - b);
    for (const time of times) {
      const at = new Date(Math.min(time, ctx.now.getTime()));
      const kind = pick(rng);
      if (kind === 'login' || kind === 'logout') {
        const s = rng.pick(world.staff);
        push(kind === 'login' ? 'auth.login' : 'auth.logout', at, s, { type: 'user', id: s.id }, null);
      } else if (kind === 'child_updated' || kind === 'id_number_viewed') {
        const c = rng.pick(children);
        const orgId = c.classId ?? c.schoolId ?? c.villageId;
        const field = rng.pick(fields);
        push(
          kind === 'child_updated' ? 'child.updated' : 'child.id_number_viewed',
          at,
          rng.pick(editors.length > 0 ? editors : world.staff),
          { type: 'child', id: c.id },
          orgOf(orgId),
          { childId: c.id, diff: kind === 'child_updated' ? { [field]: { from: null, to: '…' } } : null },
        );
      } else if (kind === 'user_updated') {
        const s = rng.pick(world.staff);
        push('user.updated', at, admin, { type: 'user', id: s.id }, orgOf(homeRole(s).orgId), {
          diff: { phone: { from: null, to: '***' } },
        });
      } else {
        const s = rng.pick(world.staff);
        push('access.denied', at, s, { type: 'route', id: 'GET /api/users/:id' }, null);
      }
    }
    return { audit_event: await bulkInsert(ctx.db, auditEvent, rows) };
  },
};
