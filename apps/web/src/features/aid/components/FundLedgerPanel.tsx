import { DeleteOutlined } from '@ant-design/icons';
import { fundPurposeLabels, fundSourceLabels } from '@shouwang/shared/enums/activities';
import { Alert, Button, Card, Col, Flex, List, Popconfirm, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { useLabel, yuan } from '../../activities/labels';
import { useDeleteFundEntry, useLedger } from '../api';
import { FundEntryDrawer } from './FundEntryDrawer';

/** 经费台账: balance carried in, income and spending of the term, and the balance left. */
export function FundLedgerPanel({ schoolId, termId }: { schoolId?: string; termId?: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedger(schoolId, termId);
  const remove = useDeleteFundEntry();
  const [adding, setAdding] = useState<'income' | 'expense' | null>(null);
  if (!termId || !schoolId) return <EmptyState description={t('activities.participation.noTerm')} />;
  if (ledger.isPending) return <Skeleton active />;
  if (ledger.isError) return <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />;
  const l = ledger.data;
  const stat = (title: string, fen: number, testId: string, color?: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={title} value={yuan(fen)} data-testid={testId} styles={{ content: { color } }} />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {l.school.name} · {l.term.label}
        </Typography.Text>
        {l.canManage && (
          <Flex gap={8}>
            <Button onClick={() => setAdding('income')} data-testid="add-income">
              {t('activities.ledger.addIncome')}
            </Button>
            <Button onClick={() => setAdding('expense')} data-testid="add-expense">
              {t('activities.ledger.addExpense')}
            </Button>
          </Flex>
        )}
      </Flex>
      {!l.canManage && <Alert type="info" showIcon title={t('activities.ledger.readOnly')} />}
      <Row gutter={[12, 12]}>
        {stat(t('activities.ledger.opening'), l.openingFen, 'ledger-opening')}
        {stat(t('activities.ledger.income'), l.incomeFen, 'ledger-income', '#389e0d')}
        {stat(t('activities.ledger.expense'), l.expenseFen, 'ledger-expense', '#cf1322')}
        {stat(t('activities.ledger.closing'), l.closingFen, 'ledger-closing')}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('activities.ledger.bySource')}>
            {l.incomeBySource.map((r) => (
              <Flex key={r.source} justify="space-between">
                <span>{label(fundSourceLabels, r.source)}</span>
                <span>{yuan(r.amountFen)}</span>
              </Flex>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('activities.ledger.byPurpose')}>
            {l.expenseByPurpose.map((r) => (
              <Flex key={r.purpose} justify="space-between">
                <span>{label(fundPurposeLabels, r.purpose)}</span>
                <span>{yuan(r.amountFen)}</span>
              </Flex>
            ))}
          </Card>
        </Col>
      </Row>
      <Card size="small">
        {l.entries.length === 0 ? (
          <Typography.Text type="secondary">{t('activities.ledger.noEntries')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={l.entries}
            data-testid="ledger-entries"
            renderItem={(e) => (
              <List.Item
                actions={
                  l.canManage
                    ? [
                        <Popconfirm
                          key="d"
                          title={t('activities.ledger.deleteConfirm')}
                          onConfirm={() => remove.mutate(e)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.delete')}
                          />
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text>
                      {e.source
                        ? label(fundSourceLabels, e.source)
                        : e.purpose
                          ? label(fundPurposeLabels, e.purpose)
                          : ''}
                      {e.donor ? ` · ${e.donor}` : ''}
                      {e.note ? ` · ${e.note}` : ''}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.occurredOn}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text
                    strong
                    style={{ color: e.direction === 'income' ? '#389e0d' : '#cf1322', whiteSpace: 'nowrap' }}
                  >
                    {e.direction === 'income' ? '+' : '−'}
                    {yuan(e.amountFen)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {adding && (
        <FundEntryDrawer schoolId={schoolId} termId={termId} direction={adding} onClose={() => setAdding(null)} />
      )}
    </Flex>
  );
}
