import type { Language, OrgKind, Role } from '@shouwang/shared';

export interface ActorAssignment {
  id: string;
  role: Role;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
  /** Ids from the county down to the org, each followed by '/'. */
  orgPath: string;
  countyId: string;
}

/** The signed-in user as policies see them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  language: Language;
  mustChangePassword: boolean;
  /** Two-step sign-in (TOTP) is on. */
  totpEnabled?: boolean;
  /** An administrator who must enrol TOTP first (REQUIRE_TOTP_FOR_ADMINS): only enrolment routes are open. */
  totpEnrollmentRequired?: boolean;
  countyId: string | null;
  sessionId: string;
  csrfToken: string;
  assignments: ActorAssignment[];
}
