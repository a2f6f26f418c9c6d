import { CheckOutlined, GiftOutlined } from '@ant-design/icons';
import { todayIso } from '@shouwang/shared/dates';
import type { UpcomingBirthday } from '@shouwang/shared/schemas/aid';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBirthdays } from '../api';

/** The drawer and its form (date picker, selects) download when a birthday is celebrated. */
const CelebrateDrawer = lazy(async () => ({ default: (await import('./CelebrateDrawer')).CelebrateDrawer }));

/** The home page's birthdays of the coming week; one tap to celebrate (a care record, and a gift). */
export function BirthdayHomeCard() {
  const { t } = useTranslation();
  const birthdays = useBirthdays(true);
  const [celebrating, setCelebrating] = useState<UpcomingBirthday | null>(null);
  // Days counted on the server's calendar (China), as the birthdays themselves are.
  const today = dayjs(todayIso());
  return (
    <Card
      title={
        <span>
          <GiftOutlined /> {t('activities.birthdays.card')}
        </span>
      }
      data-testid="home-birthdays"
    >
      {birthdays.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (birthdays.data?.items ?? []).length === 0 ? (
        <Typography.Text type="secondary">{t('activities.birthdays.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          {birthdays.data!.items.map((b) => {
            const days = dayjs(b.birthday).diff(today, 'day');
            return (
              <Flex key={b.childId} align="center" justify="space-between" gap={8} data-testid="birthday-row">
                <Flex vertical style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    <Link to={`/children/${b.childId}`}>
                      <Typography.Text strong>{b.name}</Typography.Text>
                    </Link>
                    {b.leftBehind && (
                      <Tag color="orange" style={{ margin: 0 }}>
                        {t('activities.leftBehind')}
                      </Tag>
                    )}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {days === 0 ? t('activities.birthdays.today') : t('activities.birthdays.inDays', { count: days })} ·{' '}
                    {b.birthday.slice(5)} · {t('activities.birthdays.turning', { age: b.turning })}
                  </Typography.Text>
                </Flex>
                {b.celebrated ? (
                  <Tag icon={<CheckOutlined />} color="success" style={{ margin: 0 }}>
                    {t('activities.birthdays.celebrated')}
                  </Tag>
                ) : (
                  b.canCelebrate && (
                    <Button
                      size="small"
                      icon={<GiftOutlined />}
                      onClick={() => setCelebrating(b)}
                      data-testid="celebrate"
                    >
                      {t('activities.birthdays.celebrate')}
                    </Button>
                  )
                )}
              </Flex>
            );
          })}
        </Flex>
      )}
      {celebrating && (
        <Suspense fallback={null}>
          <CelebrateDrawer birthday={celebrating} onClose={() => setCelebrating(null)} />
        </Suspense>
      )}
    </Card>
  );
}
