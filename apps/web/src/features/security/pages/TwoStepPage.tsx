import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App as AntdApp, Button, Flex, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useLogout, useMe } from '../../auth/api';
import { AuthScreen } from '../../auth/components/AuthScreen';
import { refreshMeAfterEnrolment, useTotpStatus } from '../api';
import { RecoveryCodes } from '../components/RecoveryCodes';
import { TotpDisableForm } from '../components/TotpDisableForm';
import { TotpEnrolment } from '../components/TotpEnrolment';
import { TotpResetNotice } from '../components/TotpResetNotice';

/**
 * 两步验证: enrolment (QR code, key, confirming code, recovery codes shown once) or, when on, the
 * codes left and turning it off. Administrators who must enrol are sent here by the layout
 * (`me.user.totpEnrollmentRequired`), as the forced password change is.
 */
export function TwoStepPage() {
  return (
    <AntdApp component={false}>
      <TwoStep />
    </AntdApp>
  );
}

function TwoStep() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const me = useMe();
  const status = useTotpStatus();
  const logout = useLogout();
  const [codes, setCodes] = useState<string[] | null>(null);

  if (me.isPending) return <FullPageSpin />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.user.mustChangePassword) return <Navigate to="/change-password" replace />;
  const forced = !!me.data.user.totpEnrollmentRequired;

  const finish = async () => {
    await refreshMeAfterEnrolment();
    setCodes(null);
    navigate('/', { replace: true });
  };

  let body: React.ReactNode;
  if (codes) body = <RecoveryCodes codes={codes} onDone={finish} />;
  else if (status.isPending) body = <FullPageSpin />;
  else if (status.isError) body = <Alert type="error" showIcon title={status.error.message} />;
  else if (status.data.enabled)
    body = (
      <>
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title={t('security.statusOn')}
          description={t('security.recoveryLeft', { count: status.data.recoveryCodesLeft })}
          style={{ marginBottom: 16 }}
        />
        <TotpDisableForm required={status.data.required} />
      </>
    );
  else
    body = (
      <>
        <TotpResetNotice me={me.data} />
        <p style={{ marginTop: 0, color: token.colorTextSecondary }}>
          {forced ? t('security.forcedIntro', { name: me.data.user.displayName }) : t('security.intro')}
        </p>
        <TotpEnrolment onEnabled={setCodes} />
      </>
    );

  return (
    <AuthScreen title={codes ? t('security.codesTitle') : forced ? t('security.forcedTitle') : t('security.title')}>
      {body}
      <Flex justify="center" style={{ marginTop: 16 }}>
        {forced && !codes ? (
          <Button
            type="link"
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            {t('security.useOtherAccount')}
          </Button>
        ) : (
          !codes && <Link to="/">{t('common.backHome')}</Link>
        )}
      </Flex>
    </AuthScreen>
  );
}
