import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { useIsMobile } from '../../../hooks/useIsMobile';

interface Member {
  id: string;
  name: string;
  abilities: Record<string, boolean>;
}

/**
 * The shared layout of the 家庭 and 监护人 tabs: an add button, then one card per person with
 * name, relation and tags in the title, edit/delete when allowed, their details, and an optional
 * part below (the guardian's 委托监护确认书).
 */
export function FamilyMemberCards<T extends Member>({
  items,
  testIdPrefix,
  emptyText,
  addText,
  canManage,
  onAdd,
  onEdit,
  onDelete,
  relation,
  tags,
  details,
  below,
}: {
  items: T[];
  /** `parent` → parent-add, parent-card-<name>, parent-edit-<name>. */
  testIdPrefix: string;
  emptyText: string;
  addText: string;
  canManage: boolean;
  onAdd: () => void;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
  relation: (item: T) => string;
  tags: (item: T) => ReactNode;
  details: (item: T) => DescriptionsProps['items'];
  below?: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const addButton = canManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid={`${testIdPrefix}-add`}>
      {addText}
    </Button>
  );
  if (items.length === 0)
    return (
      <Card>
        <EmptyState description={emptyText} action={addButton} />
      </Card>
    );
  return (
    <Flex vertical gap={12}>
      {addButton && <Flex justify="flex-end">{addButton}</Flex>}
      {items.map((item) => (
        <Card
          key={item.id}
          size="small"
          data-testid={`${testIdPrefix}-card-${item.name}`}
          styles={{ header: { paddingBlock: 8 } }}
          title={
            <Flex gap={8} align="center" wrap>
              <span>{item.name}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {relation(item)}
              </Typography.Text>
              {tags(item)}
            </Flex>
          }
          extra={
            item.abilities.update && (
              <Flex gap={4}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(item)}
                  aria-label={t('common.edit')}
                  data-testid={`${testIdPrefix}-edit-${item.name}`}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onDelete(item)}
                  aria-label={t('common.delete')}
                />
              </Flex>
            )
          }
        >
          <Descriptions size="small" column={isMobile ? 1 : 2} items={details(item)} />
          {below?.(item)}
        </Card>
      ))}
    </Flex>
  );
}
