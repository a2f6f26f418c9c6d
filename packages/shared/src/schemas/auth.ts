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
    /** Two-step sign-in (TOTP) is on for this account. */
    totpEnabled: z.boolean().optional(),
    /** An administrator without TOTP where it is required: only enrolment is open until it is set up. */
    totpEnrollmentRequired: z.boolean().optional(),
    /** An administrator reset this user's two-step sign-in and it has not been set up again since. */
    totpReset: z.object({ at: z.string(), byName: z.string() }).nullish(),
  }),
  roles: z.array(roleAssignmentView),
  /** Permissions the user holds somewhere; the UI builds navigation from these. */
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const loginResponse = meResponse;
export const setLanguageBody = z.strictObject({ language });

/** TOTP enrolment: the secret waits (encrypted) until a code from the app confirms it. */
export const totpSetupResponse = z.object({
  otpauthUri: z.string(),
  /** PNG data URL of the QR code, made on the server so the web needs no QR library. */
  qrDataUrl: z.string(),
  /** The secret in base32, for typing into an app by hand. */
  secret: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetupResponse>;

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);
export const totpConfirmBody = z.strictObject({ code: totpCode });
/** Shown once: only hashes are kept. */
export const totpConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
/** The code may be a recovery code (a lost phone). */
export const totpDisableBody = z.strictObject({
  password: z.string().min(1).max(256),
  code: z.string().trim().min(6).max(16),
});
export const totpStatusResponse = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatus = z.infer<typeof totpStatusResponse>;
