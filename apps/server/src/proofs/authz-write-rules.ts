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

export const writeOverrides: Record<string, Rule> = {
  'PATCH /api/care-records/:id': authorOrEditAny,
  'DELETE /api/care-records/:id': authorOrEditAny,
};
