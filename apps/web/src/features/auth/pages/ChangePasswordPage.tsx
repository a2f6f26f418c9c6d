import { errorMessage } from '@shouwang/shared/errors';
import { checkPasswordPolicy } from '@shouwang/shared/password-policy';
import { changePasswordBody } from '@shouwang/shared/schemas/auth';
import { Button, Flex, Form, Input, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { currentLanguage } from '../../../app/i18n';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useChangePassword, useLogout, useMe } from '../api';
import { AuthScreen } from '../components/AuthScreen';
import { PasswordPolicyList } from '../components/PasswordPolicyList';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fieldOfCode: Record<string, keyof ChangePasswordValues> = {
  PASSWORD_WRONG: 'currentPassword',
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
  PASSWORD_IS_USERNAME: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const [form] = Form.useForm<ChangePasswordValues>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const { error, validate, fail, clear } = useFormErrors(form);

  if (me.isPending) return <FullPageSpin />;
  if (!me.data) return <Navigate to="/login" replace />;
  const { user } = me.data;
  const forced = user.mustChangePassword;

  const onFinish = (values: ChangePasswordValues) => {
    const language = currentLanguage();
    const problem = checkPasswordPolicy(values.newPassword ?? '', user.username);
    const errors: { name: keyof ChangePasswordValues; errors: string[] }[] = [];
    if (!values.currentPassword) errors.push({ name: 'currentPassword', errors: [t('validation.required')] });
    if (problem) errors.push({ name: 'newPassword', errors: [errorMessage(problem, language)] });
    else if (values.newPassword === values.currentPassword)
      errors.push({ name: 'newPassword', errors: [errorMessage('PASSWORD_REUSED', language)] });
    if (values.confirmPassword !== values.newPassword)
      errors.push({ name: 'confirmPassword', errors: [t('password.mismatch')] });
    if (errors.length > 0) {
      clear();
      form.setFields(errors);
      return;
    }
    const body = validate(changePasswordBody, {
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    if (!body) return;
    change.mutate(body, {
      onSuccess: () => navigate('/', { replace: true, state: { notice: 'passwordChanged' } }),
      onError: (e) => {
        const field = isApiError(e) ? fieldOfCode[e.code] : undefined;
        if (field && isApiError(e)) {
          clear();
          form.setFields([{ name: field, errors: [e.message] }]);
        } else fail(e);
      },
    });
  };

  return (
    <AuthScreen title={forced ? t('password.forcedTitle') : t('password.title')}>
      {forced && (
        <p style={{ marginTop: 0, color: token.colorTextSecondary }}>
          {t('password.forcedIntro', { name: user.displayName })}
        </p>
      )}
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item name="currentPassword" label={forced ? t('password.currentForced') : t('password.current')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicyList password={newPassword} username={user.username} />
        <Form.Item name="confirmPassword" label={t('password.confirm')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="change-password-submit">
          {t('password.submit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        {forced ? (
          <Button
            type="link"
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            {t('password.useOtherAccount')}
          </Button>
        ) : (
          <Link to="/">{t('common.backHome')}</Link>
        )}
      </Flex>
    </AuthScreen>
  );
}
