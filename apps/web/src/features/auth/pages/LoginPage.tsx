import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input, theme } from 'antd';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { type ApiError, isApiError } from '../../../api/client';
import { apiFieldErrors, zodFieldErrors } from '../../../api/form-errors';
import { prefetchSignedIn } from '../../../app/prefetch';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useLogin, useMe } from '../api';
import { AuthScreen } from '../components/AuthScreen';
import { lastSignOutReason } from '../session-events';

type Field = 'username' | 'password' | 'totp';

/**
 * The shared login schema brings zod along; it is fetched right after the page shows (and
 * awaited on submit), so the first paint on a slow phone does not wait for it.
 */
const loadLoginSchema = () => import('@shouwang/shared/schemas/auth').then((m) => m.loginBody);

/** Where to go after signing in: the page the user was sent away from, if it was inside the app. */
function targetAfterLogin(state: unknown): string {
  const from = (state as { from?: string } | null)?.from;
  return from?.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

/** A new password first, then two-step set-up where it is required, then the app. */
function nextPage(user: { mustChangePassword: boolean; totpEnrollmentRequired?: boolean }, state: unknown): string {
  if (user.mustChangePassword) return '/change-password';
  if (user.totpEnrollmentRequired) return '/security/two-step';
  return targetAfterLogin(state);
}

const hints: Partial<Record<string, string>> = {
  ACCOUNT_LOCKED: 'login.lockedHint',
  TOO_MANY_ATTEMPTS: 'login.throttledHint',
  ACCOUNT_DISABLED: 'login.disabledHint',
};

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '', totp: '' });
  // Set once the server answers TOTP_REQUIRED: the password was right, the code comes next.
  const [needsCode, setNeedsCode] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const notice = lastSignOutReason();

  useEffect(() => {
    const prefetch = () => void loadLoginSchema().catch(() => undefined);
    const id = window.setTimeout(prefetch, 300);
    // The pages after signing in download while the user types (see router.tsx).
    const later = window.setTimeout(prefetchSignedIn, 600);
    return () => {
      window.clearTimeout(id);
      window.clearTimeout(later);
    };
  }, []);

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) {
    return <Navigate to={nextPage(me.data.user, location.state)} replace />;
  }

  const showFieldErrors = (errors: { name: (string | number)[]; errors: string[] }[]) => {
    const next: Partial<Record<Field, string>> = {};
    for (const e of errors) {
      const name = e.name[0];
      if (name === 'username' || name === 'password' || name === 'totp') next[name] = e.errors[0];
    }
    setFieldErrors(next);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setChecking(true);
    const schema = await loadLoginSchema().finally(() => setChecking(false));
    const code = values.totp.trim();
    if (needsCode && !code) return setFieldErrors({ totp: t('validation.required') });
    const parsed = schema.safeParse({
      username: values.username,
      password: values.password,
      ...(needsCode ? { totp: code } : {}),
    });
    if (!parsed.success) return showFieldErrors(zodFieldErrors(parsed.error, t, i18n.language));
    setFieldErrors({});
    login.mutate(parsed.data, {
      onSuccess: (result) => navigate(nextPage(result.user, location.state), { replace: true }),
      onError: (e) => {
        if (isApiError(e) && e.code === 'TOTP_REQUIRED') {
          setNeedsCode(true);
          return;
        }
        if (isApiError(e)) {
          setError(e);
          showFieldErrors(apiFieldErrors(e, i18n.language));
        }
        // A wrong code keeps the (right) password; anything else asks for both again.
        if (isApiError(e) && e.code === 'TOTP_INVALID') setValues((v) => ({ ...v, totp: '' }));
        else setValues((v) => ({ ...v, password: '', totp: '' }));
      },
    });
  };

  const field = (name: Field, label: string, input: ReactNode) => (
    <div style={{ marginBottom: 20 }}>
      <label htmlFor={`login-${name}`} style={{ display: 'block', marginBottom: 8, color: token.colorText }}>
        {label}
      </label>
      {input}
      {fieldErrors[name] && (
        <div id={`login-${name}-error`} role="alert" style={{ color: token.colorError, marginTop: 4 }}>
          {fieldErrors[name]}
        </div>
      )}
    </div>
  );

  const blocked = error?.code === 'ACCOUNT_LOCKED' || error?.code === 'TOO_MANY_ATTEMPTS';
  const hint = error ? hints[error.code] : undefined;

  return (
    <AuthScreen title={t('login.title')} footer={t('login.forgot')}>
      {notice === 'expired' && !error && (
        <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
      )}
      {error && (
        <Alert
          type={blocked ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={error.message}
          description={hint ? t(hint) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <form onSubmit={onSubmit} noValidate>
        {field(
          'username',
          t('login.username'),
          <Input
            id="login-username"
            name="username"
            size="large"
            prefix={<UserOutlined />}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            placeholder={t('login.usernamePlaceholder')}
            value={values.username}
            status={fieldErrors.username ? 'error' : undefined}
            aria-invalid={!!fieldErrors.username}
            aria-describedby={fieldErrors.username ? 'login-username-error' : undefined}
            onChange={(e) => setValues((v) => ({ ...v, username: e.target.value }))}
          />,
        )}
        {field(
          'password',
          t('login.password'),
          <Input.Password
            id="login-password"
            name="password"
            size="large"
            prefix={<LockOutlined />}
            autoComplete="current-password"
            placeholder={t('login.passwordPlaceholder')}
            value={values.password}
            status={fieldErrors.password ? 'error' : undefined}
            aria-invalid={!!fieldErrors.password}
            aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
          />,
        )}
        {needsCode && (
          <>
            {!error && <Alert type="info" showIcon title={t('security.loginCodeHint')} style={{ marginBottom: 16 }} />}
            {field(
              'totp',
              t('security.loginCodeLabel'),
              <Input
                id="login-totp"
                name="totp"
                size="large"
                prefix={<SafetyCertificateOutlined />}
                autoComplete="one-time-code"
                inputMode="text"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                maxLength={16}
                placeholder={t('security.loginCodePlaceholder')}
                value={values.totp}
                status={fieldErrors.totp ? 'error' : undefined}
                aria-invalid={!!fieldErrors.totp}
                aria-describedby={fieldErrors.totp ? 'login-totp-error' : undefined}
                onChange={(e) => setValues((v) => ({ ...v, totp: e.target.value }))}
                data-testid="login-totp"
              />,
            )}
          </>
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={login.isPending || checking}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </form>
    </AuthScreen>
  );
}
