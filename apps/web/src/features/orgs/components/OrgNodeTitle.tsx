import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { countsStudents } from '../org-tree';
import { type OrgAction, OrgActions } from './OrgActions';
import { OrgKindTag } from './OrgKindTag';

/** One row of the tree: name, kind, student count, state and the allowed actions. */
export function OrgNodeTitle({
  org,
  showCode,
  onAction,
}: {
  org: OrgView;
  showCode: boolean;
  onAction: (action: OrgAction, org: OrgView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="space-between" gap={8} style={{ minHeight: 36 }} data-testid={`org-node-${org.name}`}>
      <Flex wrap align="center" gap={6} style={{ minWidth: 0, rowGap: 2 }}>
        <Typography.Text strong type={org.active ? undefined : 'secondary'} style={{ wordBreak: 'break-all' }}>
          {org.name}
        </Typography.Text>
        <OrgKindTag kind={org.kind} />
        {countsStudents(org.kind) && org.studentCount !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orgs.students', { count: org.studentCount })}
          </Typography.Text>
        )}
        {showCode && org.code && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orgs.codeLabel', { code: org.code })}
          </Typography.Text>
        )}
        {!org.active && <Tag>{t('orgs.inactive')}</Tag>}
      </Flex>
      <OrgActions org={org} onAction={onAction} />
    </Flex>
  );
}
