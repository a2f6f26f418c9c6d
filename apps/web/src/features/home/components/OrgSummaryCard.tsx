import { ApartmentOutlined } from '@ant-design/icons';
import { orgKinds } from '@shouwang/shared/roles';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgs } from '../../orgs/api';

/** How many units of each kind the user can see, and the students the schools report. */
export function OrgSummaryCard() {
  const { t } = useTranslation();
  const orgs = useOrgs();
  if (orgs.isError) return null;
  const items = (orgs.data ?? []).filter((o) => o.active);
  const kinds = orgKinds
    .map((kind) => ({ kind, n: items.filter((o) => o.kind === kind).length }))
    .filter((k) => k.n > 0);
  const students = items.filter((o) => o.kind === 'school').reduce((sum, o) => sum + (o.studentCount ?? 0), 0);
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
