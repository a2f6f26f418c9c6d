import { totpConfirmBody } from '@shouwang/shared/schemas/auth';
import { Button, Form, Input, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useTotpConfirm, useTotpSetup } from '../api';

/** Set-up: a QR code (made by the server) and the key to type by hand, then a code to confirm. */
export function TotpEnrolment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const [form] = Form.useForm<{ code: string }>();
  const { error, validate, fail } = useFormErrors(form);

  if (!setup.data) {
    return (
      <>
        <FormErrorAlert error={error} />
        <Button
          type="primary"
          size="large"
          block
          loading={setup.isPending}
          onClick={() => setup.mutate(undefined, { onError: fail })}
          data-testid="totp-start"
        >
          {t('security.start')}
        </Button>
      </>
    );
  }

  const onFinish = (values: { code: string }) => {
    const body = validate(totpConfirmBody, { code: (values.code ?? '').replace(/\s/g, '') });
    if (!body) return;
    confirm.mutate(body, {
      onSuccess: (result) => onEnabled(result.recoveryCodes),
      onError: (e) => {
        form.setFieldValue('code', '');
        fail(e);
      },
    });
  };

  return (
    <div>
      <p style={{ margin: '0 0 8px', fontWeight: 600 }}>{t('security.step1')}</p>
      <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 12 }}>
        <img
          src={setup.data.qrDataUrl}
          alt={t('security.qrAlt')}
          width={200}
          height={200}
          style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, imageRendering: 'pixelated' }}
          data-testid="totp-qr"
        />
      </div>
      <p style={{ margin: '0 0 4px', color: token.colorTextSecondary }}>{t('security.manualKey')}</p>
      <Typography.Paragraph
        copyable={{ text: setup.data.secret }}
        code
        style={{ wordBreak: 'break-all', marginBottom: 20 }}
        data-testid="totp-secret"
      >
        {setup.data.secret.replace(/(.{4})/g, '$1 ').trim()}
      </Typography.Paragraph>
      <p style={{ margin: '0 0 8px', fontWeight: 600 }}>{t('security.step2')}</p>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="code" label={t('security.codeLabel')}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            placeholder={t('security.codePlaceholder')}
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="totp-confirm">
          {t('security.confirm')}
        </Button>
      </Form>
    </div>
  );
}
