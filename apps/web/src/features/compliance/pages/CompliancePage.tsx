import { Col, Empty, Result, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { SchoolSelect, useSchoolChoice } from '../../orgs/components/SchoolSelect';
import { useTerms } from '../../terms/api';
import { useCompliance, useComplianceChildren } from '../api';
import { RuleComplianceCard } from '../components/RuleComplianceCard';

/**
 * 关爱完成率: per care rule of a school and term, (child, period) pairs with a record over those
 * due — ended periods make the rate, running ones are shown apart — and the children behind it.
 */
export function CompliancePage() {
  const { t } = useTranslation();
  const choice = useSchoolChoice();
  const { schoolId } = choice;
  const [params, setParams] = useSearchParams();
  const termId = params.get('term') ?? undefined;
  const terms = useTerms(schoolId);
  const compliance = useCompliance(schoolId, termId);
  const children = useComplianceChildren(schoolId, termId);

  if (choice.loading) return <Skeleton active />;
  if (!schoolId)
    return <Result status="info" title={t('careAdmin.compliance.title')} subTitle={t('careAdmin.noSchool')} />;

  const term = compliance.data?.term;
  return (
    <div>
      <PageHeader
        title={t('careAdmin.compliance.title')}
        subtitle={t('careAdmin.compliance.subtitle')}
        extra={
          <>
            <SchoolSelect choice={choice} />
            <Select
              value={termId ?? term?.id}
              placeholder={t('careAdmin.compliance.term')}
              aria-label={t('careAdmin.compliance.term')}
              style={{ minWidth: 180 }}
              loading={terms.isPending}
              options={(terms.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.schoolYear} ${t(`terms.termNo.${x.termNo}`)}`,
              }))}
              onChange={(id: string) =>
                setParams((p) => {
                  p.set('term', id);
                  return p;
                })
              }
              data-testid="compliance-term"
            />
          </>
        }
      />
      {compliance.isPending ? (
        <Skeleton active />
      ) : compliance.isError ? (
        isApiError(compliance.error) && compliance.error.code === 'TERM_NOT_SET' ? (
          <Result status="info" title={t('careAdmin.compliance.noTerm')} />
        ) : (
          <QueryError error={compliance.error} onRetry={() => void compliance.refetch()} />
        )
      ) : (
        <>
          {term && (
            <Typography.Paragraph type="secondary" data-testid="compliance-term-dates">
              {t('careAdmin.compliance.termDates', {
                from: term.startDate,
                to: term.endDate,
                asOf: compliance.data.asOf,
              })}
            </Typography.Paragraph>
          )}
          {compliance.data.rules.length === 0 ? (
            <Empty description={t('careAdmin.compliance.noRules')} />
          ) : (
            <Row gutter={[16, 16]}>
              {compliance.data.rules.map((rule) => (
                <Col key={rule.ruleId} xs={24} lg={12} xxl={8}>
                  <RuleComplianceCard
                    rule={rule}
                    loadingChildren={children.isPending}
                    behind={children.data?.rules.find((r) => r.ruleId === rule.ruleId)}
                  />
                </Col>
              ))}
            </Row>
          )}
        </>
      )}
    </div>
  );
}
