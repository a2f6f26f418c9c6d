import type { Language, Permission } from '@shouwang/shared';
import type { Actor } from '../lib/authz/actor';
import type { RequestContext } from '../lib/context';

/** What each route must declare; the route guard refuses to start the app otherwise. */
export type RouteAccess =
  | { public: true; permission?: never }
  | {
      public?: false;
      permission: Permission | 'authenticated';
      allowDuringPasswordChange?: boolean;
      /** Open to an administrator who must still enrol TOTP (REQUIRE_TOTP_FOR_ADMINS). */
      allowDuringTotpEnrollment?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    language: Language;
    /** Set when a session cookie was presented but is no longer valid. */
    sessionProblem: 'expired' | null;
    ctx: RequestContext;
  }
}
