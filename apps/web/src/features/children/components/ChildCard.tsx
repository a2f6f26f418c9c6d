import { RightOutlined } from '@ant-design/icons';
import { sexLabels } from '@shouwang/shared/enums/children';
import type { ChildListItem } from '@shouwang/shared/schemas/children';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childPlacement } from '../child-placement';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { ChildCategoryTags } from './ChildCategoryTags';
import { ChildFlags } from './ChildFlags';
import { CompletenessBadge } from './CompletenessBadge';

/**
 * A child as a card: the phone layout of the list. The whole card is the link (a big target);
 * a deleted archive has no page, only its action (restore).
 */
export function ChildCard({ child, action }: { child: ChildListItem; action?: ReactNode }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const facts = [
    label(sexLabels, child.sex),
    child.age != null ? t('children.ageYears', { count: child.age }) : '',
    childPlacement(child),
  ].filter(Boolean);
  const card = (
    <Card
      size="small"
      hoverable={!action}
      styles={{ body: { padding: 14 } }}
      data-testid={action ? `child-card-${child.name}` : undefined}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong style={{ fontSize: 17 }}>
              {child.name}
            </Typography.Text>
            <CompletenessBadge complete={child.archiveComplete} missingCount={child.missingCount} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 2 }}>
            {facts.join(' · ')}
          </Typography.Text>
          {child.idNumberMasked && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {child.idNumberMasked}
            </Typography.Text>
          )}
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            <ChildCategoryTags categories={child.categories} />
            <ChildFlags child={child} />
          </Flex>
        </div>
        {action ?? <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
      </Flex>
    </Card>
  );
  if (action) return card;
  return (
    <Link to={`/children/${child.id}`} data-testid={`child-card-${child.name}`} style={{ display: 'block' }}>
      {card}
    </Link>
  );
}
