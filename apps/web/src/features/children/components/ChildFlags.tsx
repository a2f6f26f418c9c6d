import { WarningOutlined } from '@ant-design/icons';
import { careLevelLabels } from '@shouwang/shared/enums/children';
import type { ChildListItem } from '@shouwang/shared/schemas/children';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../hooks/useCodeLabels';

const careLevelColors = { general: 'default', key: 'orange', special: 'red' } as const;

/** Care level and the alerts a teacher must not miss: parent unreachable, no entrustment, deleted. */
export function ChildFlags({ child, showCareLevel = true }: { child: ChildListItem; showCareLevel?: boolean }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (
    <Flex wrap gap={4}>
      {showCareLevel && child.careLevel !== 'general' && (
        <Tag color={careLevelColors[child.careLevel]} style={{ marginInlineEnd: 0 }}>
          {label(careLevelLabels, child.careLevel)}
        </Tag>
      )}
      {child.parentUnreachable && (
        <Tag
          color="error"
          icon={<WarningOutlined />}
          style={{ marginInlineEnd: 0 }}
          data-testid="flag-parent-unreachable"
        >
          {t('children.flags.parentUnreachable')}
        </Tag>
      )}
      {!child.hasEntrustment && child.categories.some((c) => c.startsWith('left_behind')) && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('children.flags.noEntrustment')}
        </Tag>
      )}
      {child.deletedAt && <Tag style={{ marginInlineEnd: 0 }}>{t('children.flags.deleted')}</Tag>}
    </Flex>
  );
}
