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
  const shown = event.names.slice(0, wide ? 6 : 3).join('、');
  const names =
    event.names.length > (wide ? 6 : 3)
      ? t('careAdmin.calendar.andMore', { names: shown, count: event.names.length })
      : shown;
  const text = names ? `${labels.kind(event.kind)}：${names}` : labels.kind(event.kind);
  return (
    <Link to="/todos" data-testid="calendar-due">
      <Tag color={event.overdue ? 'red' : 'blue'} style={style}>
        {event.overdue ? t('careAdmin.calendar.overdue', { text }) : text}
      </Tag>
    </Link>
  );
}
