import type { UserView } from '@shouwang/shared/schemas/users';
import { userTotpResetBody } from '@shouwang/shared/schemas/users';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useResetTotp } from '../api';

/**
 * 重置两步验证: for a user who lost phone and recovery codes. The administrator types their own
 * password (re-authentication); a wrong one is shown on the field.
 */
export function ResetTotpModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reset = useResetTotp();
  const [form] = Form.useForm<{ password: string }>();
  const { error, validate, fail, clear } = useFormErrors(form);

  const close = () => {
    form.resetFields();
    clear();
    onClose();
  };

  const submit = () => {
    if (!user) return;
    const body = validate(userTotpResetBody, { password: form.getFieldValue('password') ?? '' });
    if (!body) return;
    reset.mutate(
      { user, password: body.password },
      {
        onSuccess: () => {
          void message.success(t('security.reset.done', { name: user.displayName }));
          close();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'REAUTH_PASSWORD_WRONG') {
            clear();
            form.setFields([{ name: 'password', errors: [e.message] }]);
          } else fail(e);
        },
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('security.reset.title', { name: user.displayName }) : ''}
      okText={t('security.reset.ok')}
      okButtonProps={{ danger: true, loading: reset.isPending, id: 'totp-reset-ok' }}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('security.reset.content')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('security.reset.identity')} style={{ marginBottom: 16 }} />
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="password" label={t('security.reset.password')} extra={t('security.reset.passwordHint')}>
          <Input.Password autoComplete="current-password" data-testid="totp-reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
