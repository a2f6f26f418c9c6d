import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { checkPasswordPolicy } from '@shouwang/shared/password-policy';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** The password rules, ticked off live as the user types. */
export function PasswordPolicyList({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const problem = password ? checkPasswordPolicy(password, username) : null;
  const longEnough = [...password].length >= 8;
  const rules = [
    { key: 'length', ok: longEnough },
    { key: 'notUsername', ok: longEnough && problem !== 'PASSWORD_IS_USERNAME' },
    { key: 'notCommon', ok: longEnough && problem !== 'PASSWORD_TOO_COMMON' && problem !== 'PASSWORD_IS_USERNAME' },
  ];
  return (
    <div style={{ margin: '-8px 0 16px' }} data-testid="password-policy">
      <div style={{ color: token.colorTextSecondary, marginBottom: 4 }}>{t('password.policyTitle')}</div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rules.map((rule) => (
          <li
            key={rule.key}
            style={{ color: rule.ok ? token.colorSuccess : token.colorTextSecondary, lineHeight: 1.8 }}
            data-ok={rule.ok}
          >
            {rule.ok ? <CheckCircleFilled /> : <MinusCircleOutlined />} {t(`password.rules.${rule.key}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
