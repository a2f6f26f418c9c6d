import { totpDisableBody } from '@shouwang/shared/schemas/auth';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useTotpDisable } from '../api';

interface Values {
  password: string;
  code: string;
}

export function TotpDisableForm({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const disable = useTotpDisable();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail, clear } = useFormErrors(form);

  const onFinish = (values: Values) => {
    const body = validate(totpDisableBody, { password: values.password ?? '', code: values.code ?? '' });
    if (!body) return;
    disable.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('security.disabled'));
      },
      onError: (e) => {
        const field = isApiError(e) ? { PASSWORD_WRONG: 'password', TOTP_CODE_WRONG: 'code' }[e.code as string] : null;
        if (field && isApiError(e)) {
          clear();
          form.setFields([{ name: field as keyof Values, errors: [e.message] }]);
        } else fail(e);
      },
    });
  };

  return (
    <div>
      <h2 style={{ fontSize: 16, margin: '8px 0' }}>{t('security.disableTitle')}</h2>
      <p style={{ marginTop: 0 }}>{required ? t('security.disableRequired') : t('security.disableIntro')}</p>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="password" label={t('security.password')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="code" label={t('security.codeOrRecovery')}>
          <Input autoComplete="one-time-code" maxLength={16} />
        </Form.Item>
        <Button danger htmlType="submit" block loading={disable.isPending} data-testid="totp-disable">
          {t('security.disable')}
        </Button>
      </Form>
    </div>
  );
}
