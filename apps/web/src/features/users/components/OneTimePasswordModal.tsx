import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OneTimePasswordResult } from '../api';

/**
 * Shows a new one-time password exactly once. It is never stored in the browser; closing the
 * dialog is the last chance to copy it.
 */
export function OneTimePasswordModal({
  result,
  reason,
  onClose,
}: {
  result: OneTimePasswordResult | null;
  reason: 'created' | 'reset';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!result) return null;
  const { user, oneTimePassword } = result;
  const copyText = t('users.otp.copyText', { username: user.username, password: oneTimePassword });
  return (
    <Modal
      open
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      title={
        <Flex align="center" gap={8}>
          <CheckCircleFilled style={{ color: '#52c41a' }} />
          {reason === 'created'
            ? t('users.otp.createdTitle', { name: user.displayName })
            : t('users.otp.resetTitle', { name: user.displayName })}
        </Flex>
      }
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-done">
          {t('users.otp.done')}
        </Button>
      }
      data-testid="otp-modal"
    >
      <Typography.Paragraph>{t('users.otp.intro', { name: user.displayName })}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'u',
            label: t('users.fields.username'),
            children: <Typography.Text code>{user.username}</Typography.Text>,
          },
          {
            key: 'p',
            label: t('users.otp.password'),
            children: (
              <Typography.Text copyable={{ text: oneTimePassword, tooltips: [t('common.copy'), t('common.copied')] }}>
                {/* Monospace and spaced, so 0/O and 1/l are told apart when read out over the phone. */}
                <span
                  data-testid="otp-value"
                  style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 20, letterSpacing: 2 }}
                >
                  {oneTimePassword}
                </span>
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph
        copyable={{ text: copyText, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ marginTop: 12 }}
      >
        {t('users.otp.copyBoth')}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('users.otp.onceOnly')} description={t('users.otp.mustChange')} />
    </Modal>
  );
}
