import { PlusOutlined } from '@ant-design/icons';
import { careLevelLabels, childCategoryLabels } from '@shouwang/shared/enums/children';
import type { CareRuleView } from '@shouwang/shared/schemas/care-rules';
import { App, Button, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { SchoolSelect, useSchoolChoice } from '../../orgs/components/SchoolSelect';
import { useCareRules, useCareSettings, useUpdateCareRule } from '../api';
import { CareRuleDrawer, windowed } from '../components/CareRuleDrawer';
import { CareSettingsCard } from '../components/CareSettingsCard';
import { useRuleLabels } from '../rule-labels';

/** 关爱规范与设置: the school administrator's rules (what is owed, how often, by whom) and settings. */
export function CareRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useCodeLabels();
  const labels = useRuleLabels();
  const choice = useSchoolChoice();
  const { schoolId } = choice;
  const rules = useCareRules(schoolId);
  const settings = useCareSettings(schoolId);
  const update = useUpdateCareRule();
  const [drawer, setDrawer] = useState<{ key: number; rule: CareRuleView | null; open: boolean } | null>(null);

  if (choice.loading) return <Skeleton active />;
  if (!schoolId) return <Result status="info" title={t('careAdmin.rules.title')} subTitle={t('careAdmin.noSchool')} />;

  const toggle = async (rule: CareRuleView) => {
    try {
      await update.mutateAsync({ id: rule.id, body: { version: rule.version, active: !rule.active } });
      message.success(rule.active ? t('careAdmin.rules.deactivated') : t('careAdmin.rules.activated'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const canManage = (rules.data ?? []).every((r) => r.abilities.update !== false);

  return (
    <div>
      <PageHeader
        title={t('careAdmin.rules.title')}
        subtitle={t('careAdmin.rules.subtitle')}
        extra={
          <>
            <SchoolSelect choice={choice} />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDrawer({ key: Date.now(), rule: null, open: true })}
                data-testid="care-rule-add"
              >
                {t('careAdmin.rules.add')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {rules.isPending ? (
            <Skeleton active />
          ) : rules.isError ? (
            <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
          ) : (
            <Flex vertical gap={12}>
              {rules.data.map((rule) => (
                <Card
                  key={rule.id}
                  size="small"
                  data-testid="care-rule"
                  data-active={rule.active}
                  style={{ opacity: rule.active ? 1 : 0.65 }}
                  title={
                    <Flex gap={8} align="center" wrap>
                      <span>{`${labels.frequency(rule.frequency)} · ${labels.kind(rule.kind)}`}</span>
                      {!rule.active && <Tag>{t('careAdmin.rules.inactive')}</Tag>}
                    </Flex>
                  }
                  extra={
                    rule.abilities.update !== false && (
                      <Flex gap={4}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setDrawer({ key: Date.now(), rule, open: true })}
                          data-testid="care-rule-edit"
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => void toggle(rule)}
                          data-testid="care-rule-toggle"
                        >
                          {rule.active ? t('careAdmin.rules.deactivate') : t('careAdmin.rules.activate')}
                        </Button>
                      </Flex>
                    )
                  }
                >
                  <Flex vertical gap={6}>
                    <Typography.Text>
                      {t('careAdmin.rules.by', { who: labels.responsible(rule) })}
                      {windowed(rule.frequency) && ` · ${t('careAdmin.rules.window', { days: rule.windowDays })}`}
                    </Typography.Text>
                    <Flex gap={4} wrap>
                      {rule.categories.length === 0 ? (
                        <Tag style={{ marginInlineEnd: 0 }}>{t('careAdmin.rules.allChildren')}</Tag>
                      ) : (
                        rule.categories.map((c) => (
                          <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
                            {label(childCategoryLabels, c)}
                          </Tag>
                        ))
                      )}
                      {rule.careLevels.map((c) => (
                        <Tag key={c} color="orange" style={{ marginInlineEnd: 0 }}>
                          {label(careLevelLabels, c)}
                        </Tag>
                      ))}
                    </Flex>
                    {rule.note && <Typography.Text type="secondary">{rule.note}</Typography.Text>}
                  </Flex>
                </Card>
              ))}
            </Flex>
          )}
        </Col>
        <Col xs={24} xl={8}>
          {settings.isPending ? (
            <Skeleton active />
          ) : settings.isError ? (
            <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
          ) : (
            <CareSettingsCard settings={settings.data} />
          )}
        </Col>
      </Row>
      {drawer && (
        <CareRuleDrawer
          key={drawer.key}
          open={drawer.open}
          schoolId={schoolId}
          rule={drawer.rule}
          onClose={() => setDrawer({ ...drawer, open: false })}
        />
      )}
    </div>
  );
}
