import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import { verifyPassword } from '../../auth/password';
import { deleteUserSessions } from '../../auth/session.repository';
import type { AttemptThrottle } from '../../auth/throttle';
import { findUser } from '../users.repository';
import { writeUser } from '../users.service';

/**
 * 重置两步验证: for a user who lost both their phone and their recovery codes. Clears the secret
 * and the recovery codes and ends the user's sessions; administrators must enrol again at their
 * next sign-in (session.repository's totpEnrollmentRequired), and the sign-in shows who reset it
 * (me.presenter reads this audit row). The acting administrator confirms with their own password,
 * checked only once the target is known to be in scope (out of scope stays 404 whatever is typed).
 * Wrong passwords count per administrator like sign-in attempts (LOGIN_THROTTLE_PER_USERNAME in the
 * window): a borrowed session cannot be used to guess the administrator's password here.
 */
export async function resetUserTotp(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  password: string,
  throttle: { attempts: AttemptThrottle; limit: number },
) {
  return writeUser(
    db,
    ctx,
    actor,
    id,
    version,
    'user.totp_reset',
    { totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: null },
    {
      check: ({ user }) => {
        if (id === actor.userId) throw new AppError('CANNOT_RESET_OWN_TOTP');
        if (!user.totpSecret && !user.totpEnabledAt) throw new AppError('TOTP_NOT_SET');
      },
      prepare: async () => {
        // Counted before the check (parallel guesses cannot slip past), released when right.
        const key = `reauth:${actor.userId}`;
        if (throttle.attempts.hit(key) > throttle.limit) {
          await recordAudit(db, ctx, { event: 'auth.throttled', targetType: 'user', targetId: actor.userId });
          throw new AppError('TOO_MANY_ATTEMPTS');
        }
        const self = await findUser(db, actor.userId);
        if (!self || !(await verifyPassword(self.passwordHash, password)))
          throw new AppError('REAUTH_PASSWORD_WRONG', {
            details: [{ field: 'password', message: ctx.language === 'en' ? 'Wrong password' : '密码不正确' }],
          });
        throttle.attempts.release(key);
        return {};
      },
      alsoInTx: (tx) => deleteUserSessions(tx, id),
    },
  );
}
