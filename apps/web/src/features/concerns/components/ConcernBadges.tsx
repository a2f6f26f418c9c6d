import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { ConcernStatus } from '@shouwang/shared/enums/wellbeing';
import type { ConcernView } from '@shouwang/shared/schemas/concerns';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';

const statusColor: Record<ConcernStatus, string> = {
  reported: 'red',
  acknowledged: 'orange',
  referred: 'blue',
  following_up: 'processing',
  closed: 'default',
};

export function ConcernStatusTag({ status }: { status: ConcernStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="concern-status">
      {t(`concerns.status.${status}`)}
    </Tag>
  );
}

/** The open step's deadline; red when it has passed, with the escalation mark. */
export function ConcernDue({ concern }: { concern: ConcernView }) {
  const { t } = useTranslation();
  if (!concern.dueAt) return null;
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text
        type={concern.overdue ? 'danger' : 'secondary'}
        strong={concern.overdue}
        data-testid="concern-due"
      >
        <ClockCircleOutlined /> {t('concerns.dueIn', { time: formatDateTime(concern.dueAt) })}
      </Typography.Text>
      {concern.overdue && <Tag color="error">{t('concerns.overdue')}</Tag>}
      {concern.escalatedAt && (
        <Tooltip title={t('concerns.escalatedHint')}>
          <Tag color="volcano" icon={<WarningOutlined />} data-testid="concern-escalated">
            {t('concerns.escalated')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
