import type { UserView } from '@shouwang/shared/schemas/users';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgPlace } from '../../orgs/hooks/useOrgPlace';

/** 班主任 · 黄泥村小学 一年级1班 — one line per role. */
export function UserRoleTags({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const placeOf = useOrgPlace(user.roles.map((r) => r.orgId));
  if (user.roles.length === 0) return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      {user.roles.map((r) => (
        <span key={r.id}>
          <Tag color="green" style={{ marginInlineEnd: 6 }}>
            {t(`roles.${r.role}`)}
          </Tag>
          <Typography.Text>{placeOf(r.orgId, r.orgName)}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
}
