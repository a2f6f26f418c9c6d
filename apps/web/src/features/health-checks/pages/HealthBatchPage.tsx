import { healthCheckBatchBody } from '@shouwang/shared/schemas/health-checks';
import { App, Button, Card, DatePicker, Empty, Flex, Result, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { zodFieldErrors } from '../../../api/form-errors';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { useChildren } from '../../children/api';
import { useHealthBatch } from '../api';
import {
  type BatchField,
  type BatchValues,
  desktopColumns,
  HealthBatchRow,
  isEntered,
} from '../components/HealthBatchRow';

type RowErrors = Record<string, Partial<Record<BatchField | 'row', string>>>;

/** 班级体检录入: pick the class and the day, a row per pupil; all rows are saved together or none. */
export function HealthBatchPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const me = useSignedInMe();
  const classes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of me.roles) if (r.orgKind === 'class') seen.set(r.orgId, r.orgName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [me.roles]);
  const [classId, setClassId] = useState(classes[0]?.value);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [values, setValues] = useState<Record<string, BatchValues>>({});
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [key, setKey] = useState(() => crypto.randomUUID());
  const list = useChildren({ classId, page: 1, pageSize: 100 });
  const batch = useHealthBatch();
  const checkedOn = date.format('YYYY-MM-DD');

  if (!classId) return <Result status="info" title={t('health.batch.title')} subTitle={t('health.batch.noClass')} />;
  const pupils = list.data?.items ?? [];
  const entered = pupils.filter((p) => isEntered(values[p.id]));

  /** `rows.2.weightKg` → the error under that pupil's row. */
  const placeErrors = (details: { field?: string; message: string }[]) => {
    const next: RowErrors = {};
    for (const d of details) {
      const m = /^rows\.(\d+)(?:\.(\w+))?/.exec(d.field ?? '');
      const pupil = m ? entered[Number(m[1])] : undefined;
      if (!pupil) continue;
      const field = (m?.[2] && m[2] !== 'childId' ? m[2] : 'row') as BatchField | 'row';
      next[pupil.id] = { ...next[pupil.id], [field]: d.message };
    }
    setRowErrors(next);
  };

  const save = async () => {
    const body = {
      classId,
      checkedOn,
      idempotencyKey: key,
      rows: entered.map((p) => ({ childId: p.id, ...values[p.id] })),
    };
    const parsed = healthCheckBatchBody.safeParse(body);
    if (!parsed.success) {
      placeErrors(
        zodFieldErrors(parsed.error, t, i18n.language).map((e) => ({
          field: e.name.join('.'),
          message: e.errors[0] ?? '',
        })),
      );
      return;
    }
    try {
      const result = await batch.mutateAsync(parsed.data);
      message.success(t('health.batch.saved', { count: result.items.length }));
      setRowErrors({});
      setValues({});
      setKey(crypto.randomUUID());
    } catch (e) {
      if (isApiError(e)) placeErrors(e.details);
    }
  };

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('health.batch.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {classes.length > 1 && (
            <Select
              value={classId}
              options={classes}
              onChange={(v) => {
                setClassId(v);
                setValues({});
                setRowErrors({});
              }}
              aria-label={t('health.batch.class')}
              style={{ minWidth: 160 }}
            />
          )}
          <DatePicker
            value={date}
            onChange={(d) => d && setDate(d)}
            inputReadOnly
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            aria-label={t('health.batch.date')}
          />
        </Flex>
      </Flex>
      <Card>
        {list.isPending ? (
          <Skeleton active />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : pupils.length === 0 ? (
          <Empty description={t('health.batch.noChildren')} />
        ) : (
          <Flex vertical gap={mobile ? 10 : 0}>
            <FormErrorAlert error={batch.error && isApiError(batch.error) ? batch.error : null} />
            <Typography.Text type="secondary" style={{ marginBottom: 8 }}>
              {t('health.batch.hint')}
            </Typography.Text>
            {!mobile && (
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: desktopColumns,
                  gap: 8,
                  padding: '8px 0',
                  fontWeight: 600,
                  borderBottom: '1px solid rgba(5,5,5,0.12)',
                }}
              >
                <span>{t('health.batch.child')}</span>
                <span>{`${t('health.height')}（${t('health.cm')}）`}</span>
                <span>{`${t('health.weight')}（${t('health.kg')}）`}</span>
                <span>{t('health.visionLeft')}</span>
                <span>{t('health.visionRight')}</span>
                <span>{t('health.teeth')}</span>
                <span>{t('health.bmi')}</span>
                <span>{t('health.batch.flags')}</span>
              </div>
            )}
            {pupils.map((p, i) => (
              <HealthBatchRow
                key={p.id}
                index={i}
                pupil={{ id: p.id, name: p.name, sex: p.sex, birthDate: p.birthDate }}
                checkedOn={checkedOn}
                values={values[p.id] ?? {}}
                errors={rowErrors[p.id] ?? {}}
                mobile={mobile}
                onChange={(v) => {
                  setValues((all) => ({ ...all, [p.id]: v }));
                  // A corrected row loses its old message; the next save checks it again.
                  setRowErrors(({ [p.id]: _fixed, ...rest }) => rest);
                }}
              />
            ))}
            <Button
              type="primary"
              size="large"
              block
              style={{ maxWidth: 480, marginTop: 16 }}
              disabled={entered.length === 0}
              loading={batch.isPending}
              onClick={() => void save()}
              data-testid="health-batch-save"
            >
              {entered.length === 0 ? t('health.batch.nothing') : t('health.batch.save', { count: entered.length })}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
