import { type Role, rolePermissions } from '@shouwang/shared';
import type { Answer, Position } from './authz-fixtures';

/**
 * Where a write's rule is narrower than "the route's permission over the child's subtree", and why.
 * Each entry refines the generic answer of authz-fixtures.ts `expected` for one route.
 */
type Rule = (role: Role, p: Position, base: Answer) => Answer;

/** A care record is changed by its author, or by a holder of care_record.edit_any (the school's
 * leadership); the matrix's records are written by someone else, so other writers in scope get 403. */
const authorOrEditAny: Rule = (role, _p, base) =>
  base === 'ok' && !rolePermissions[role].includes('care_record.edit_any') ? 403 : base;

/**
 * An activity belongs to its organizing unit, here the school of the child's position: it is changed
 * by activity.write over that school (the supervisor, the school administrator); a class teacher reads
 * the school's events (units above its own) but may not change them (403); to anyone else it does not
 * exist (404). Activities of the other school and the other county are out of every role's reach.
 */
const homeSchool: Position[] = ['own_class', 'unpaired', 'sibling_class', 'school_only'];
const activityOfSchool: Rule = (role, p) => {
  if (!rolePermissions[role].includes('activity.write')) return 403;
  if (!homeSchool.includes(p)) return 404;
  if (role === 'supervisor' || role === 'school_admin') return 'ok';
  return role === 'class_teacher' ? 403 : 404;
};

export const writeOverrides: Record<string, Rule> = {
  'PUT /api/activities/:id': activityOfSchool,
  'DELETE /api/activities/:id': activityOfSchool,
  'PATCH /api/care-records/:id': authorOrEditAny,
  'DELETE /api/care-records/:id': authorOrEditAny,
};
