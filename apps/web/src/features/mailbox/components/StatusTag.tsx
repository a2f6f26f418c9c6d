import type { MailboxStatus } from '@shouwang/shared/enums/wellbeing';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<MailboxStatus, string> = {
  new: 'orange',
  in_progress: 'blue',
  replied: 'green',
  closed: 'default',
};

export function StatusTag({ status }: { status: MailboxStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`wellbeing.mailbox.status.${status}`)}</Tag>;
}
