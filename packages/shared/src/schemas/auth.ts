import { z } from 'zod';
import { permissions, roles } from '../roles';
import { language } from './common';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().max(16).optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const roleAssignmentView = z.object({
  id: z.string(),
  role: z.enum(roles),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  orgPath: z.array(z.string()),
});

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    language,
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(roleAssignmentView),
  /** Permissions the user holds somewhere; the UI builds navigation from these. */
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const loginResponse = meResponse;
export const setLanguageBody = z.strictObject({ language });
