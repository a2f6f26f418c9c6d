import type { Role } from '@shouwang/shared';
import type { GenStaff, World } from './world';

/** The staff holding a role at a unit, in hiring order: `holders('class_teacher', classId)`. */
export function staffIndex(world: World) {
  const byKey = new Map<string, GenStaff[]>();
  for (const s of world.staff)
    for (const r of s.roles) {
      const key = `${r.role}:${r.orgId}`;
      const list = byKey.get(key);
      if (list) list.push(s);
      else byKey.set(key, [s]);
    }
  const holders = (role: Role, orgId: string | null | undefined): GenStaff[] =>
    orgId ? (byKey.get(`${role}:${orgId}`) ?? []) : [];
  return { holders, first: (role: Role, orgId: string | null | undefined) => holders(role, orgId)[0] };
}

/** An instant on a China (UTC+8) calendar day, at `hour` (fractions are minutes). */
export const atChinaHour = (day: number, hour: number) => new Date((day * 86_400 + (hour - 8) * 3_600) * 1000);
