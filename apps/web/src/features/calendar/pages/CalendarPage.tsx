import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { useCalendar, useDueDates } from '../api';
import { type CalendarEvent, type DueItem, eventsByDate, gridRange, isoOf } from '../calendar-events';
import { AgendaList } from '../components/AgendaList';
import { MonthGrid, windowColors } from '../components/MonthGrid';

/**
 * 日历: the home-visit windows (期初/期中/期末) of the user's schools, the birthdays of the children
 * they care for, and — for those who record care — when their duties fall due. A month grid on a
 * desktop, a list of days on a phone; the month is in `?month=2026-11`.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = (asked && /^\d{4}-\d{2}$/.test(asked) ? dayjs(`${asked}-01`) : dayjs()).startOf('month');
  const grid = gridRange(month);
  const monthFrom = isoOf(month);
  const monthTo = isoOf(month.endOf('month'));
  const calendar = useCalendar(grid.from, grid.to);
  const recordsCare = me.permissions.includes('care_record.write');
  const todos = useDueDates(recordsCare);

  const events = useMemo(() => {
    const list: CalendarEvent[] = (calendar.data?.birthdays ?? []).map((b) => ({
      type: 'birthday',
      date: b.date,
      childId: b.childId,
      name: b.name,
      age: b.age,
      className: b.className,
    }));
    const dues: DueItem[] = [];
    for (const item of todos.data?.items ?? []) {
      const date = item.dueDate;
      if (!date || date < grid.from || date > grid.to) continue;
      dues.push({ date, name: item.child?.name ?? '', kind: item.kind ?? '', overdue: !!item.overdue });
    }
    return eventsByDate(list, dues);
  }, [calendar.data, todos.data, grid.from, grid.to]);

  const go = (delta: number) =>
    setParams((p) => {
      p.set('month', month.add(delta, 'month').format('YYYY-MM'));
      return p;
    });

  return (
    <div>
      <PageHeader
        title={t('careAdmin.calendar.title')}
        subtitle={t('careAdmin.calendar.subtitle')}
        extra={
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => go(-1)} aria-label={t('careAdmin.calendar.previous')} />
            <Typography.Text
              strong
              style={{ minWidth: 96, textAlign: 'center', display: 'inline-block' }}
              data-testid="calendar-title"
            >
              {month.format(t('careAdmin.calendar.monthFormat'))}
            </Typography.Text>
            <Button icon={<RightOutlined />} onClick={() => go(1)} aria-label={t('careAdmin.calendar.next')} />
            <Button onClick={() => setParams({}, { replace: true })}>{t('careAdmin.calendar.thisMonth')}</Button>
          </Space>
        }
      />
      {!isMobile && (
        <Flex wrap gap={12} style={{ marginBottom: 12, fontSize: 12 }}>
          {(['start', 'middle', 'end'] as const).map((w) => (
            <Typography.Text key={w} type="secondary" style={{ fontSize: 12 }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 12,
                  height: 12,
                  borderRadius: 3,
                  marginInlineEnd: 4,
                  verticalAlign: -2,
                  background: windowColors[w],
                  border: '1px solid rgba(0,0,0,0.08)',
                }}
              />
              {t(`careAdmin.calendar.window.${w}`)}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {calendar.isPending ? (
        <Skeleton active />
      ) : calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : isMobile ? (
        <AgendaList
          events={events}
          windows={calendar.data.homeVisitWindows.filter((w) => w.start <= monthTo && w.end >= monthFrom)}
          from={monthFrom}
          to={monthTo}
        />
      ) : (
        <MonthGrid month={month} events={events} windows={calendar.data.homeVisitWindows} />
      )}
    </div>
  );
}
