import type { Role } from '@shouwang/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, hasPermission } from '../../lib/authz/scope';
import { canReadChild, childAbilities, coversChild } from './children.policy';

const county = 'c/';
const school = 'c/t/s/';
const classA = 'c/t/s/a/';
const classB = 'c/t/s/b/';
const village = 'c/t/v/';

const actor = (...roles: [Role, string][]): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  language: 'zh-CN',
  mustChangePassword: false,
  countyId: 'c',
  sessionId: 's',
  csrfToken: 't',
  assignments: roles.map(([role, orgPath], i) => ({
    id: String(i),
    role,
    orgId: orgPath,
    orgKind: 'school',
    orgName: orgPath,
    orgPath,
    countyId: 'c',
  })),
});

const child = { id: 'k', schoolPath: classA, villagePath: village, deletedAt: null };

describe('children policy', () => {
  it('covers a child through the class/school path or the home village path', () => {
    expect(coversChild(actor(['class_teacher', classA]), 'child.write', child)).toBe(true);
    expect(coversChild(actor(['class_teacher', classB]), 'child.read', child)).toBe(false);
    expect(coversChild(actor(['child_director', village]), 'child.write', child)).toBe(true);
    expect(coversChild(actor(['county_admin', county]), 'child.write', child)).toBe(false);
    expect(coversChild(actor(['county_admin', county]), 'child.read', { schoolPath: null, villagePath: village })).toBe(
      true,
    );
  });

  it('gives mentors paired children only: their school grant never reaches the subtree', () => {
    const mentor = actor(['mentor', school]);
    expect(hasPermission(mentor, 'child.read')).toBe(true);
    expect(grantsFor(mentor, 'child.read')).toEqual([]);
    expect(grantsFor(mentor, 'org.read')).toHaveLength(1);
    expect(canReadChild(mentor, child, [])).toBe(false);
    expect(canReadChild(mentor, child, ['k'])).toBe(true);
  });

  it('derives abilities from the same rules', () => {
    expect(childAbilities(actor(['counselor', school]), child)).toEqual({
      update: false,
      delete: false,
      restore: false,
      manageFamily: false,
      readIdNumber: false,
    });
    expect(childAbilities(actor(['class_teacher', classA]), child)).toMatchObject({ update: true, readIdNumber: true });
    expect(childAbilities(actor(['class_teacher', classA]), { ...child, deletedAt: new Date() })).toMatchObject({
      update: false,
      restore: true,
      readIdNumber: false,
    });
  });
});
