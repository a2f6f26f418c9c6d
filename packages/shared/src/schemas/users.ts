import { z } from 'zod';
import { roles } from '../roles';
import { abilities, language, listResponse, pageQuery, searchText, singleLine, uuid, version } from './common';

export const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'username_format' });

export const roleAssignmentInput = z.strictObject({ role: z.enum(roles), orgId: uuid });

export const userCreateBody = z.strictObject({
  username,
  displayName: singleLine(40),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, { message: 'mobile_format' })
    .nullish(),
  language: language.optional(),
  roles: z.array(roleAssignmentInput).min(1).max(20),
});

export const userUpdateBody = z.strictObject({
  version: version.optional(),
  displayName: singleLine(40).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, { message: 'mobile_format' })
    .nullish(),
  language: language.optional(),
});

export const userVersionBody = z.strictObject({ version: version.optional() });

/** Resetting someone's two-step sign-in: the administrator confirms with their own password. */
export const userTotpResetBody = z.strictObject({
  version: version.optional(),
  password: z.string().min(1).max(256),
});

/** Adds one role at one unit to an existing user. */
export const userRoleAssignBody = roleAssignmentInput;
export const userRoleParams = z.strictObject({ id: uuid, assignmentId: uuid });

export const userListQuery = pageQuery.extend({
  /** Part of the username or display name. */
  q: searchText(40).optional(),
  /** Users holding a role at this unit or at a unit below it. */
  orgId: uuid.optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  language,
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Two-step sign-in is on, or set up but not yet confirmed. */
  totp: z.enum(['off', 'pending', 'on']).optional(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(
    z.object({ id: z.string(), role: z.enum(roles), orgId: z.string(), orgName: z.string(), orgKind: z.string() }),
  ),
  version: z.number(),
  abilities,
});
export type UserView = z.infer<typeof userView>;

export const userListResponse = listResponse(userView);

/** Returned once, when an administrator creates a user or resets a password. */
export const oneTimePasswordResponse = z.object({ user: userView, oneTimePassword: z.string() });
