import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colorOf = (event: string) => {
  if (event.endsWith('failed') || event.endsWith('denied') || event.endsWith('locked') || event.endsWith('throttled'))
    return 'red';
  if (
    event.endsWith('deleted') ||
    event.endsWith('disabled') ||
    event.endsWith('deactivated') ||
    event.endsWith('revoked')
  )
    return 'orange';
  if (event.startsWith('auth.')) return 'default';
  return 'blue';
};

export function AuditEventTag({ event }: { event: string }) {
  const { t } = useTranslation();
  return <Tag color={colorOf(event)}>{t(`audit.events.${event}`, { defaultValue: event })}</Tag>;
}
