import type { UserView } from '@shouwang/shared/schemas/users';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function UserStatusTags({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {user.status === 'active' ? (
        <Tag color="green">{t('users.status.active')}</Tag>
      ) : (
        <Tag>{t('users.status.disabled')}</Tag>
      )}
      {user.locked && <Tag color="red">{t('users.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="gold">{t('users.mustChangePassword')}</Tag>}
      {user.totp === 'on' && <Tag color="blue">{t('security.reset.on')}</Tag>}
      {user.totp === 'pending' && <Tag>{t('security.reset.pending')}</Tag>}
    </Flex>
  );
}
