import { Card, Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent, HomeVisitWindow } from '../calendar-events';
import { CalendarEventTag } from './CalendarEventTag';

/** The phone's month: the home-visit windows first, then each day that has something, in order. */
export function AgendaList({
  events,
  windows,
  from,
  to,
}: {
  events: Map<string, CalendarEvent[]>;
  windows: readonly HomeVisitWindow[];
  from: string;
  to: string;
}) {
  const { t } = useTranslation();
  const days = [...events.keys()].filter((d) => from <= d && d <= to).sort();
  const date = (iso: string) => dayjs(iso).format(t('careAdmin.calendar.dayFormat'));
  return (
    <Flex vertical gap={12} data-testid="calendar-agenda">
      {windows.map((w) => (
        <Card
          key={`${w.schoolId}-${w.ruleId}-${w.window}-${w.start}`}
          size="small"
          data-testid="calendar-window"
          styles={{ body: { padding: 12 } }}
        >
          <Typography.Text strong>{t(`careAdmin.calendar.window.${w.window}`)}</Typography.Text>
          <div>
            <Typography.Text>{t('careAdmin.calendar.range', { from: date(w.start), to: date(w.end) })}</Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.schoolName}
          </Typography.Text>
        </Card>
      ))}
      {days.length === 0 && windows.length === 0 && <Empty description={t('careAdmin.calendar.empty')} />}
      {days.map((day) => (
        <div key={day} data-testid="calendar-day" data-date={day}>
          <Typography.Text strong style={{ display: 'block', margin: '4px 0 6px' }}>
            {date(day)} {dayjs(day).format('ddd')}
          </Typography.Text>
          <Flex vertical gap={6} align="flex-start">
            {(events.get(day) ?? []).map((e) => (
              <CalendarEventTag key={e.type === 'birthday' ? `b-${e.childId}` : e.id} event={e} wide />
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
