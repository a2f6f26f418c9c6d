import type { UserView } from '@shouwang/shared/schemas/users';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { UserActions, type UserPageAction } from './UserActions';
import { UserRoleTags } from './UserRoleTags';
import { UserStatusTags } from './UserStatusTags';

/** A user as a card: the phone layout of the users table. */
export function UserCard({
  user,
  canReadAudit,
  onAction,
}: {
  user: UserView;
  canReadAudit: boolean;
  onAction: (action: UserPageAction, user: UserView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`user-card-${user.username}`}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {user.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {user.username}
            {user.phone ? ` · ${user.phone}` : ''}
          </Typography.Text>
        </div>
        <UserStatusTags user={user} />
      </Flex>
      <div style={{ margin: '10px 0' }}>
        <UserRoleTags user={user} />
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 10 }}>
        {user.lastLoginAt ? t('users.lastLogin', { at: formatDateTime(user.lastLoginAt) }) : t('users.neverLoggedIn')}
      </Typography.Text>
      <UserActions user={user} canReadAudit={canReadAudit} onAction={onAction} />
    </Card>
  );
}
