import { Typography, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CalendarEvent, type HomeVisitWindow, isoOf, monthWeeks, today, windowsOn } from '../calendar-events';
import { CalendarEventTag } from './CalendarEventTag';

export const windowColors: Record<string, string> = { start: '#e6f4ff', middle: '#f6ffed', end: '#fff7e6' };

/** The desktop month: Monday-first weeks, home-visit windows as a tinted band, events as tags. */
export function MonthGrid({
  month,
  events,
  windows,
}: {
  month: Dayjs;
  events: Map<string, CalendarEvent[]>;
  windows: readonly HomeVisitWindow[];
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = today();
  const weekdays = t('careAdmin.calendar.weekdays').split(',');
  return (
    <div
      data-testid="calendar-month"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: 8,
        overflow: 'hidden',
        background: '#fff',
      }}
    >
      {weekdays.map((d) => (
        <div
          key={d}
          style={{
            padding: '6px 8px',
            fontWeight: 600,
            background: token.colorFillQuaternary,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {d}
        </div>
      ))}
      {monthWeeks(month)
        .flat()
        .map((day) => {
          const date = isoOf(day);
          const inMonth = day.month() === month.month();
          const here = windowsOn(windows, date);
          return (
            <div
              key={date}
              data-date={date}
              style={{
                minHeight: 112,
                padding: 6,
                borderTop: `1px solid ${token.colorBorderSecondary}`,
                borderInlineStart: day.day() === 1 ? undefined : `1px solid ${token.colorBorderSecondary}`,
                background: here[0] ? windowColors[here[0].window] : undefined,
                opacity: inMonth ? 1 : 0.55,
                display: 'flex',
                flexDirection: 'column',
                gap: 4,
              }}
            >
              <Typography.Text
                strong={date === now}
                style={{ color: date === now ? token.colorPrimary : undefined, fontSize: 13 }}
              >
                {day.date()}
              </Typography.Text>
              {here.map((w) => (
                <Typography.Text
                  key={`${w.ruleId}-${w.window}`}
                  type="secondary"
                  style={{ fontSize: 11 }}
                  data-testid="calendar-window-day"
                >
                  {t(`careAdmin.calendar.window.${w.window}`)}
                  {windows.length > 0 && new Set(windows.map((x) => x.schoolId)).size > 1 ? ` · ${w.schoolName}` : ''}
                </Typography.Text>
              ))}
              {(events.get(date) ?? []).map((e) => (
                <CalendarEventTag key={e.type === 'birthday' ? `b-${e.childId}` : e.id} event={e} />
              ))}
            </div>
          );
        })}
    </div>
  );
}
