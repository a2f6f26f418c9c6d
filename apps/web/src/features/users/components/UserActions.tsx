import {
  EditOutlined,
  FileSearchOutlined,
  KeyOutlined,
  MobileOutlined,
  MoreOutlined,
  StopOutlined,
  TeamOutlined,
  UndoOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import type { UserView } from '@shouwang/shared/schemas/users';
import { Button, Dropdown, Flex, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../hooks/useIsMobile';

export type UserPageAction =
  | 'edit'
  | 'roles'
  | 'reset-password'
  | 'reset-totp'
  | 'disable'
  | 'enable'
  | 'unlock'
  | 'audit';

/** Buttons from the record's abilities (and the audit link when the viewer may read the log). */
export function UserActions({
  user,
  canReadAudit,
  onAction,
}: {
  user: UserView;
  canReadAudit: boolean;
  onAction: (action: UserPageAction, user: UserView) => void;
}) {
  const { t } = useTranslation();
  // Finger-sized on phones (the app's large default), compact in desktop tables.
  const size = useIsMobile() ? undefined : 'small';
  const a = user.abilities;
  const more: MenuProps['items'] = [];
  if (a.resetPassword)
    more.push({ key: 'reset-password', icon: <KeyOutlined />, label: t('users.actions.resetPassword') });
  if (a.resetTotp) more.push({ key: 'reset-totp', icon: <MobileOutlined />, label: t('security.reset.action') });
  if (a.unlock && user.locked) more.push({ key: 'unlock', icon: <UnlockOutlined />, label: t('users.actions.unlock') });
  if (a.enable && user.status === 'disabled')
    more.push({ key: 'enable', icon: <UndoOutlined />, label: t('users.actions.enable') });
  if (canReadAudit) more.push({ key: 'audit', icon: <FileSearchOutlined />, label: t('users.actions.audit') });
  if (a.disable && user.status === 'active')
    more.push(
      { type: 'divider' },
      { key: 'disable', icon: <StopOutlined />, label: t('users.actions.disable'), danger: true },
    );

  return (
    <Flex wrap gap={8}>
      {a.update && (
        <Button size={size} icon={<EditOutlined />} onClick={() => onAction('edit', user)}>
          {t('common.edit')}
        </Button>
      )}
      {a.assignRoles && (
        <Button size={size} icon={<TeamOutlined />} onClick={() => onAction('roles', user)}>
          {t('users.actions.roles')}
        </Button>
      )}
      {more.length > 0 && (
        <Dropdown
          trigger={['click']}
          placement="bottomRight"
          menu={{ items: more, onClick: ({ key }) => onAction(key as UserPageAction, user) }}
        >
          <Button size={size} icon={<MoreOutlined />} aria-label={t('common.more')}>
            {t('common.more')}
          </Button>
        </Dropdown>
      )}
    </Flex>
  );
}
