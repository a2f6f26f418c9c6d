import type { Me } from '@shouwang/shared/schemas/auth';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';

/** Says who reset the user's two-step sign-in, until it is set up again (me.user.totpReset). */
export function TotpResetNotice({ me, withLink }: { me: Me; withLink?: boolean }) {
  const { t } = useTranslation();
  const reset = me.user.totpReset;
  if (!reset) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable={withLink}
      data-testid="totp-reset-notice"
      title={t('security.resetNotice.title')}
      description={
        <>
          {t('security.resetNotice.text', { name: reset.byName, time: formatDateTime(reset.at) })}
          {me.user.totpEnrollmentRequired || withLink ? t('security.resetNotice.again') : ''}
          {t('security.resetNotice.notYou')}
          {withLink && (
            // Below the text, not beside it: a phone keeps the full width for the sentence.
            <div style={{ marginTop: 8 }}>
              <Link to="/security/two-step">
                <Button size="small">{t('security.resetNotice.setUp')}</Button>
              </Link>
            </div>
          )}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
