import { ArrowLeftOutlined } from '@ant-design/icons';
import { leftBehindCategories } from '@shouwang/shared/enums/children';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Result, Row, Skeleton, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiError, isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { SchoolSelect, useSchoolChoice } from '../../orgs/components/SchoolSelect';
import { useTerms } from '../../terms/api';
import { useHolidayHandover, useHolidayPairings, usePairingBoard, useSchoolChildren } from '../api';
import { CurrentHandovers } from '../components/CurrentHandovers';
import { VillageHandoverGroup } from '../components/VillageHandoverGroup';

/**
 * 假期交接: at the vacation the school hands its children (left-behind ones by default) to the
 * holiday tutors of their home villages; each pairing ends by itself when the next term starts,
 * or earlier with 提前交回.
 */
export function HolidayHandoverPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choice = useSchoolChoice();
  const { schoolId } = choice;
  const [leftBehindOnly, setLeftBehindOnly] = useState(true);
  const board = usePairingBoard(schoolId);
  const children = useSchoolChildren(schoolId, leftBehindOnly ? leftBehindCategories.join(',') : undefined);
  const current = useHolidayPairings(schoolId);
  const handover = useHolidayHandover();
  const [selected, setSelected] = useState<string[]>([]);
  const [tutors, setTutors] = useState<Record<string, string>>({});
  const [startDate, setStartDate] = useState<Dayjs>(dayjs());
  const [endDate, setEndDate] = useState<Dayjs | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const terms = useTerms(schoolId);

  const busy = useMemo(() => new Set((current.data ?? []).map((p) => p.child.id)), [current.data]);
  const items = useMemo(() => (children.data?.items ?? []).filter((c) => !busy.has(c.id)), [children.data, busy]);
  // Everyone listed is ticked when the list changes (the usual case: hand them all over).
  useEffect(() => setSelected(items.map((c) => c.id)), [items]);

  if (choice.loading) return <Skeleton active />;
  if (!schoolId)
    return <Result status="info" title={t('careAdmin.handover.title')} subTitle={t('careAdmin.noSchool')} />;

  const villages = board.data?.villageTutors ?? [];
  const groups = villages
    .map((v) => ({ ...v, items: items.filter((c) => c.village?.id === v.villageId) }))
    .filter((g) => g.items.length > 0);
  const known = new Set(villages.map((v) => v.villageId));
  const homeless = items.filter((c) => !c.village || !known.has(c.village.id));
  const ready = groups
    .map((g) => ({ group: g, childIds: g.items.map((c) => c.id).filter((id) => selected.includes(id)) }))
    .filter((x) => x.childIds.length > 0);
  const count = ready.reduce((n, x) => n + x.childIds.length, 0);
  const missingTutor = ready.some((x) => !tutors[x.group.villageId]);
  // Without a date the children come back on the first day of the next term, when one is set.
  const start = startDate.format('YYYY-MM-DD');
  const nextTerm = (terms.data ?? [])
    .map((x) => x.startDate)
    .filter((d) => d > start)
    .sort()[0];
  const missingEnd = !endDate && !terms.isPending && !nextTerm;

  const submit = async () => {
    setFailure(null);
    let done = 0;
    try {
      for (const { group, childIds } of ready) {
        const result = await handover.mutateAsync({
          helperUserId: tutors[group.villageId]!,
          childIds,
          startDate: startDate.format('YYYY-MM-DD'),
          endDate: endDate ? endDate.format('YYYY-MM-DD') : undefined,
        });
        done += result.items.length;
      }
      message.success(t('careAdmin.handover.done', { count: done }));
    } catch (e) {
      if (done > 0) message.success(t('careAdmin.handover.done', { count: done }));
      if (isApiError(e)) setFailure(e);
      else message.error(t('errors.unknown'));
    }
  };

  const loading = board.isPending || children.isPending || current.isPending;
  const error = board.error ?? children.error ?? current.error;
  return (
    <div>
      <PageHeader
        title={t('careAdmin.handover.title')}
        subtitle={t('careAdmin.handover.subtitle')}
        extra={
          <>
            <SchoolSelect choice={choice} />
            <Link to={`/pairings?school=${schoolId}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('careAdmin.handover.back')}</Button>
            </Link>
          </>
        }
      />
      {loading ? (
        <Skeleton active />
      ) : error ? (
        <QueryError error={error} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Flex vertical gap={12}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text strong>{t('careAdmin.handover.children')}</Typography.Text>
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary">{t('careAdmin.handover.leftBehindOnly')}</Typography.Text>
                  <Switch checked={leftBehindOnly} onChange={setLeftBehindOnly} data-testid="handover-left-behind" />
                </Flex>
              </Flex>
              {groups.map((g) => (
                <VillageHandoverGroup
                  key={g.villageId}
                  villageName={g.villageName}
                  items={g.items}
                  helpers={g.helpers}
                  selected={selected}
                  onSelect={setSelected}
                  tutorId={tutors[g.villageId]}
                  onTutor={(id) => setTutors({ ...tutors, [g.villageId]: id })}
                />
              ))}
              {homeless.length > 0 && (
                <Card size="small" title={t('careAdmin.handover.noVillage')}>
                  <Typography.Paragraph type="secondary">{t('careAdmin.handover.noVillageHint')}</Typography.Paragraph>
                  {homeless.map((c) => c.name).join('、')}
                </Card>
              )}
            </Flex>
          </Col>
          <Col xs={24} lg={9}>
            <Flex vertical gap={12}>
              <Card size="small">
                <Form layout="vertical" requiredMark={false}>
                  <Form.Item label={t('careAdmin.handover.startDate')}>
                    <DatePicker
                      size="large"
                      inputReadOnly
                      allowClear={false}
                      value={startDate}
                      onChange={(d) => d && setStartDate(d)}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item
                    label={t('careAdmin.handover.endDate')}
                    extra={
                      nextTerm ? t('careAdmin.handover.endHint', { date: nextTerm }) : t('careAdmin.handover.endNeeded')
                    }
                    validateStatus={missingEnd ? 'warning' : undefined}
                  >
                    <DatePicker
                      size="large"
                      inputReadOnly
                      value={endDate}
                      onChange={setEndDate}
                      disabledDate={(d) => !d.isAfter(startDate, 'day')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  {failure && (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 12 }}
                      data-testid="handover-error"
                      title={failure.message}
                      description={failure.details.map((d) => d.message).join('；') || undefined}
                    />
                  )}
                  <Button
                    type="primary"
                    size="large"
                    block
                    disabled={count === 0 || missingTutor || missingEnd}
                    loading={handover.isPending}
                    onClick={() => void submit()}
                    data-testid="handover-submit"
                  >
                    {t('careAdmin.handover.submit', { count })}
                  </Button>
                </Form>
              </Card>
              <CurrentHandovers pairings={current.data ?? []} />
            </Flex>
          </Col>
        </Row>
      )}
    </div>
  );
}
