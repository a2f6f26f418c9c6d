import { GiftOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRuleLabels } from '../../care-rules/rule-labels';
import type { CalendarEvent } from '../calendar-events';

/** A birthday or a duty falling due, as a small tag that opens the child. */
export function CalendarEventTag({ event, wide = false }: { event: CalendarEvent; wide?: boolean }) {
  const { t } = useTranslation();
  const labels = useRuleLabels();
  const style = { marginInlineEnd: 0, whiteSpace: 'normal' as const, maxWidth: '100%', fontSize: wide ? 14 : 12 };
  if (event.type === 'birthday') {
    return (
      <Link to={`/children/${event.childId}`} data-testid="calendar-birthday">
        <Tag color="magenta" icon={<GiftOutlined />} style={style}>
          {t('careAdmin.calendar.birthday', { name: event.name, age: event.age })}
        </Tag>
      </Link>
    );
  }
  const text = event.name ? `${event.name} · ${labels.kind(event.kind)}` : labels.kind(event.kind);
  const tag = (
    <Tag color={event.overdue ? 'red' : 'blue'} style={style}>
      {event.overdue ? t('careAdmin.calendar.overdue', { text }) : text}
    </Tag>
  );
  return event.childId ? (
    <Link to={`/children/${event.childId}`} data-testid="calendar-due">
      {tag}
    </Link>
  ) : (
    <span data-testid="calendar-due">{tag}</span>
  );
}
