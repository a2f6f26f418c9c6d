import { BulbOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { useParticipation } from '../api';

/** A school's term at a glance: left-behind vs all participants, awards, and whom to invite next. */
export function ParticipationPanel({ schoolId, termId }: { schoolId?: string; termId?: string }) {
  const { t } = useTranslation();
  const figures = useParticipation(schoolId, termId);
  if (!termId) return <EmptyState description={t('activities.participation.noTerm')} />;
  if (figures.isPending) return <Skeleton active />;
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  const f = figures.data;
  const reached = f.leftBehindChildren - f.notYetParticipated.length;
  const percent = f.leftBehindChildren ? Math.round((reached / f.leftBehindChildren) * 100) : 0;
  const stat = (title: string, value: number, testId: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={title} value={value} data-testid={testId} />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {f.school.name} · {f.term.label}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {stat(t('activities.participation.activities'), f.activities, 'fig-activities')}
        {stat(t('activities.participation.participants'), f.participants, 'fig-participants')}
        {stat(t('activities.participation.leftBehindParticipants'), f.leftBehindParticipants, 'fig-left-behind')}
        {stat(t('activities.participation.roomVisitors'), f.roomVisitors, 'fig-room')}
      </Row>
      <Card size="small" title={t('activities.participation.coverage')}>
        <Progress percent={percent} format={() => `${reached} / ${f.leftBehindChildren}`} />
        {f.awarded > 0 && (
          <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="award-sentence">
            {t('activities.participation.awardSentence', { awarded: f.awarded, leftBehind: f.leftBehindAwarded })}
          </Typography.Paragraph>
        )}
      </Card>
      <Card
        size="small"
        title={`${t('activities.participation.notYet')}（${t('activities.participation.people', { count: f.notYetParticipated.length })}）`}
        data-testid="not-yet"
      >
        {f.notYetParticipated.length === 0 ? (
          <Typography.Text type="success">{t('activities.participation.allIn')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              <BulbOutlined /> {t('activities.participation.notYetHint')}
            </Typography.Text>
            <Flex gap={6} wrap>
              {f.notYetParticipated.map((c) => (
                <Link key={c.id} to={`/children/${c.id}`}>
                  <Tag color="orange" style={{ margin: 0, padding: '2px 8px' }} data-testid="not-yet-child">
                    {c.name}
                    {c.className ? ` · ${c.className}` : ''}
                  </Tag>
                </Link>
              ))}
            </Flex>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
