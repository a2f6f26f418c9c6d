/** The seven roles of DESIGN.md and what each may do. The policy modules build on these facts. */
export const roles = [
  'county_admin',
  'supervisor',
  'child_director',
  'school_admin',
  'class_teacher',
  'mentor',
  'counselor',
] as const;
export type Role = (typeof roles)[number];

export const orgKinds = ['county', 'township', 'village', 'school', 'class'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** Which kinds of unit may sit directly under which. */
export const allowedParentKinds: Record<OrgKind, readonly OrgKind[]> = {
  county: [],
  township: ['county'],
  village: ['township'],
  school: ['township', 'county'],
  class: ['school'],
};

/** Where a role may be assigned in the tree. */
export const roleOrgKinds: Record<Role, readonly OrgKind[]> = {
  county_admin: ['county'],
  supervisor: ['township'],
  child_director: ['village'],
  school_admin: ['school'],
  class_teacher: ['class'],
  mentor: ['school', 'village'],
  counselor: ['school'],
};

export const permissions = [
  'org.read',
  'org.manage',
  'term.read',
  'term.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'child.read',
  'child.write',
  'child.read_id_number',
  'pairing.read',
  'pairing.write',
  'care_record.read',
  'care_record.write',
  'care_record.edit_any',
  'care_rule.read',
  'care_rule.manage',
  'stats.read',
  'mailbox.read',
  'mailbox.configure',
  'counseling.read',
  'counseling.write',
  'risk.read',
  'concern.raise',
  'concern.handle',
  'concern.oversee',
  'assessment.read_own',
  'assessment.read',
  'assessment.score',
  'report.write',
] as const;
export type Permission = (typeof permissions)[number];

/** Grants per role; each applies within the subtree of the unit the role is assigned at. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  county_admin: [
    'org.read',
    'org.manage',
    'term.read',
    'term.manage',
    'user.read',
    'user.manage',
    'audit.read',
    'child.read',
    'child.read_id_number',
    'pairing.read',
    'care_record.read',
    'care_rule.read',
    'stats.read',
    'mailbox.configure',
    'risk.read',
    'concern.raise',
    'concern.oversee',
    'assessment.read',
    'report.write',
  ],
  supervisor: [
    'org.read',
    'term.read',
    'user.read',
    'audit.read',
    'child.read',
    'pairing.read',
    'care_record.read',
    'care_rule.read',
    'stats.read',
    'risk.read',
    'concern.raise',
    'concern.oversee',
    'report.write',
  ],
  child_director: [
    'org.read',
    'term.read',
    'child.read',
    'child.write',
    'child.read_id_number',
    'pairing.read',
    'pairing.write',
    'care_record.read',
    'care_record.write',
    'care_rule.read',
    'risk.read',
    'concern.raise',
    'concern.handle',
    'assessment.read_own',
    'report.write',
  ],
  school_admin: [
    'org.read',
    'org.manage',
    'term.read',
    'term.manage',
    'user.read',
    'user.manage',
    'audit.read',
    'child.read',
    'child.write',
    'child.read_id_number',
    'pairing.read',
    'pairing.write',
    'care_record.read',
    'care_record.write',
    'care_record.edit_any',
    'care_rule.read',
    'care_rule.manage',
    'stats.read',
    'mailbox.configure',
    'risk.read',
    'concern.raise',
    'concern.handle',
    'assessment.read_own',
    'assessment.read',
    'assessment.score',
    'report.write',
  ],
  class_teacher: [
    'org.read',
    'term.read',
    'child.read',
    'child.write',
    'child.read_id_number',
    'pairing.read',
    'pairing.write',
    'care_record.read',
    'care_record.write',
    'care_rule.read',
    'risk.read',
    'concern.raise',
    'assessment.read_own',
  ],
  mentor: [
    'org.read',
    'term.read',
    'child.read',
    'pairing.read',
    'care_record.read',
    'care_record.write',
    'care_rule.read',
    'risk.read',
    'concern.raise',
    'assessment.read_own',
  ],
  counselor: [
    'org.read',
    'term.read',
    'child.read',
    'pairing.read',
    'care_record.read',
    'care_rule.read',
    'mailbox.read',
    'counseling.read',
    'counseling.write',
    'risk.read',
    'concern.raise',
    'assessment.read_own',
  ],
};

/**
 * Grants that cover only the children paired with the holder (结对帮扶), never the subtree of
 * the unit the role is held at: a mentor assigned at a school reads their own paired children,
 * not the whole school. The subtree combinators in the server's lib/authz/scope.ts skip these.
 */
export const pairedOnlyPermissions: Partial<Record<Role, readonly Permission[]>> = {
  mentor: ['child.read', 'pairing.read', 'care_record.read', 'care_record.write', 'risk.read', 'concern.raise'],
};

/** Roles a holder of `user.manage` may hand out, by the role that grants it. */
export const assignableRoles: Partial<Record<Role, readonly Role[]>> = {
  county_admin: roles,
  school_admin: ['school_admin', 'class_teacher', 'mentor', 'counselor'],
};

/**
 * Whether a role's manage rights cover the unit it is assigned at itself, or only the units below.
 * A school administrator manages the classes of the school, not the school record the county keeps.
 */
export const managesOwnNode: Record<Role, boolean> = {
  county_admin: true,
  supervisor: false,
  child_director: false,
  school_admin: false,
  class_teacher: false,
  mentor: false,
  counselor: false,
};
