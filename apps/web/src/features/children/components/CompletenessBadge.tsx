import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 已建档 or "缺 N 项": whether the archive holds what the national form requires. */
export function CompletenessBadge({ complete, missingCount }: { complete: boolean; missingCount: number }) {
  const { t } = useTranslation();
  return complete ? (
    <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('children.completeness.complete')}
    </Tag>
  ) : (
    <Tag color="warning" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('children.completeness.incomplete', { count: missingCount })}
    </Tag>
  );
}
