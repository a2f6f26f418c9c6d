import type { Me } from '@shouwang/shared/schemas/auth';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Each role the user holds and the unit it applies to, with the unit's place in the tree. */
export function RoleList({ roles }: { roles: Me['roles'] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Typography.Text type="secondary">{t('me.noRoles')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {roles.map((r) => (
        <div key={r.id}>
          <Tag color="green" style={{ marginInlineEnd: 8 }}>
            {t(`roles.${r.role}`)}
          </Tag>
          <Typography.Text strong>{r.orgName}</Typography.Text>
          {r.orgPath.length > 1 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
              {r.orgPath.join(' / ')}
            </Typography.Text>
          )}
        </div>
      ))}
    </Flex>
  );
}
