import { ApartmentOutlined } from '@ant-design/icons';
import { orgKinds } from '@shouwang/shared/roles';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgs } from '../../orgs/api';

/**
 * The units the user's roles cover (each role's unit and everything below it; the ancestors the
 * tree shows for context are not counted), and the students those units report.
 */
export function OrgSummaryCard({ roleOrgIds }: { roleOrgIds: string[] }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  if (orgs.isError) return null;
  const mine = (orgs.data ?? []).filter((o) => o.active && o.path.some((id) => roleOrgIds.includes(id)));
  const kinds = orgKinds
    .map((kind) => ({ kind, n: mine.filter((o) => o.kind === kind).length }))
    .filter((k) => k.n > 0);
  // Schools report their whole enrolment; where no school is covered, add up the classes.
  const schools = mine.filter((o) => o.kind === 'school');
  const counted = schools.length > 0 ? schools : mine.filter((o) => o.kind === 'class');
  const students = counted.reduce((sum, o) => sum + (o.studentCount ?? 0), 0);
  return (
    <Card
      title={
        <span>
          <ApartmentOutlined /> {t('home.units')}
        </span>
      }
      extra={<Link to="/orgs">{t('home.viewUnits')}</Link>}
      data-testid="home-units"
    >
      {orgs.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Row gutter={[16, 16]}>
          {kinds.map((k) => (
            <Col key={k.kind} xs={12} sm={8}>
              <Statistic title={t(`orgKinds.${k.kind}`)} value={k.n} />
            </Col>
          ))}
          {students > 0 && (
            <Col xs={12} sm={8}>
              <Statistic title={t('home.students')} value={students} />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
