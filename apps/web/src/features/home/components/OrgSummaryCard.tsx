import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgSummary } from '../../orgs/api';

/**
 * The units the user's roles cover (each role's unit and everything below it; the ancestors the
 * tree shows for context are not counted), and the students those units report: counted by the
 * server, so the home page does not download the county's tree.
 */
export function OrgSummaryCard() {
  const { t } = useTranslation();
  const summary = useOrgSummary();
  if (summary.isError) return null;
  const kinds = (summary.data?.kinds ?? []).filter((k) => k.count > 0);
  // Schools report their whole enrolment; where no school is covered, add up the classes.
  const schools = kinds.find((k) => k.kind === 'school');
  const students = (schools ?? kinds.find((k) => k.kind === 'class'))?.students ?? 0;
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
      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Row gutter={[16, 16]}>
          {kinds.map((k) => (
            <Col key={k.kind} xs={12} sm={8}>
              <Statistic title={t(`orgKinds.${k.kind}`)} value={k.count} />
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
