import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Me } from '@shouwang/shared/schemas/auth';
import { Avatar, Button, Divider, Dropdown, Flex, Typography, theme } from 'antd';
import { type CSSProperties, cloneElement, lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RoleList } from './RoleList';

/** Its form and modal download when the menu first opens, not with every page. */
const PrivacyOfficerLine = lazy(async () => ({
  default: (await import('../features/privacy/components/PrivacyOfficerLine')).PrivacyOfficerLine,
}));

/** Name, role and unit in the header; the dropdown lists every role and the account actions. */
export function UserMenu({ me, compact, onLogout }: { me: Me; compact: boolean; onLogout: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const first = me.roles[0];
  const summary = first
    ? `${t(`roles.${first.role}`)} · ${first.orgName}${me.roles.length > 1 ? ` ${t('me.moreRoles', { count: me.roles.length - 1 })}` : ''}`
    : t('me.noRoles');
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: t('me.changePassword'),
            onClick: () => navigate('/change-password'),
          },
          {
            key: 'two-step',
            icon: <SafetyCertificateOutlined />,
            label: t('security.menu'),
            onClick: () => navigate('/security/two-step'),
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('me.logout'), onClick: onLogout, danger: true },
        ],
      }}
      popupRender={(menu) => (
        <div
          style={{
            background: token.colorBgElevated,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowSecondary,
            maxWidth: 'min(340px, calc(100vw - 24px))',
          }}
        >
          <div style={{ padding: '12px 16px 0' }}>
            <Typography.Text strong>{me.user.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('me.username', { username: me.user.username })}
            </Typography.Text>
            <Divider style={{ margin: '10px 0' }} />
            <RoleList roles={me.roles} />
            <Suspense fallback={null}>
              <PrivacyOfficerLine me={me} />
            </Suspense>
          </div>
          {cloneElement(menu as ReactElement<{ style?: CSSProperties }>, { style: { boxShadow: 'none' } })}
        </div>
      )}
    >
      <Button type="text" style={{ height: 'auto', padding: '4px 8px' }} data-testid="user-menu">
        <Flex align="center" gap={8}>
          <Avatar style={{ background: token.colorPrimary, flex: 'none' }}>{me.user.displayName.slice(0, 1)}</Avatar>
          {!compact && (
            <Flex vertical align="flex-start" style={{ lineHeight: 1.3, minWidth: 0, maxWidth: 260 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
                {me.user.displayName}
              </Typography.Text>
              <Typography.Text
                type="secondary"
                ellipsis
                style={{ fontSize: 12, maxWidth: 260 }}
                data-testid="user-role-summary"
              >
                {summary}
              </Typography.Text>
            </Flex>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
