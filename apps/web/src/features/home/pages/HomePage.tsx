import { IdcardOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visibleNavItems } from '../../../app/navigation';
import { RoleList } from '../../../components/RoleList';
import { BirthdayHomeCard } from '../../aid/components/BirthdayHomeCard';
import { useSignedInMe } from '../../auth/api';
import { TodoHomeCard } from '../../care-records/components/TodoHomeCard';
import { PrivacyOfficerLine } from '../../privacy/components/PrivacyOfficerLine';
import { CurrentTermCard } from '../components/CurrentTermCard';
import { OrgSummaryCard } from '../components/OrgSummaryCard';

function greetingKey(hour: number) {
  if (hour < 11) return 'morning';
  if (hour < 13) return 'noon';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const now = dayjs();
  const firstOrg = me.roles[0]?.orgId;
  const links = visibleNavItems(me.permissions).filter((item) => item.path !== '/');

  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-greeting">
          {t(`home.greeting.${greetingKey(now.hour())}`, { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{now.format(t('home.dateFormat'))}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <TodoHomeCard />
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              <span>
                <IdcardOutlined /> {t('home.myRoles')}
              </span>
            }
            data-testid="home-roles"
          >
            <RoleList roles={me.roles} />
          </Card>
        </Col>
        {me.permissions.includes('child.read') && (
          <Col xs={24} lg={12}>
            <BirthdayHomeCard />
          </Col>
        )}
        {firstOrg && me.permissions.includes('term.read') && (
          <Col xs={24} lg={12}>
            <CurrentTermCard orgId={firstOrg} canManage={me.permissions.includes('term.manage')} />
          </Col>
        )}
        {me.permissions.includes('org.read') && (
          <Col xs={24} lg={12}>
            <OrgSummaryCard />
          </Col>
        )}
        {links.length > 0 && (
          <Col xs={24} lg={12}>
            <Card title={t('home.shortcuts')}>
              <Flex vertical gap={4}>
                {links.map((item) => (
                  <Link key={item.path} to={item.path} style={{ display: 'block', padding: '8px 0' }}>
                    <Flex align="center" gap={12}>
                      <span style={{ fontSize: 18 }}>{item.icon}</span>
                      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                        <Typography.Text strong>{t(`nav.${item.key}`)}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(`home.linkHints.${item.key}`)}
                        </Typography.Text>
                      </Flex>
                      <RightOutlined style={{ color: 'rgba(0,0,0,0.25)' }} />
                    </Flex>
                  </Link>
                ))}
              </Flex>
            </Card>
          </Col>
        )}
      </Row>
      <PrivacyOfficerLine me={me} editable />
    </>
  );
}
