import { CalendarOutlined } from '@ant-design/icons';
import { Card, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentTerm } from '../../terms/api';
import { termLabel } from '../../terms/term-label';

/** The term running today for the user's first unit; hidden if the terms service cannot answer. */
export function CurrentTermCard({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const current = useCurrentTerm(orgId);
  if (current.isError) return null;
  const term = current.data;
  return (
    <Card
      title={
        <span>
          <CalendarOutlined /> {t('home.currentTerm')}
        </span>
      }
      extra={<Link to="/terms">{t('home.viewTerms')}</Link>}
      data-testid="home-term"
    >
      {current.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : term ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {termLabel(t, term)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('terms.currentRange', {
              start: term.startDate,
              mid: term.midDate,
              end: term.endDate,
              days: Math.max(0, dayjs(term.endDate).diff(dayjs().startOf('day'), 'day')),
            })}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {canManage ? t('home.noTermManage') : t('home.noTerm')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
