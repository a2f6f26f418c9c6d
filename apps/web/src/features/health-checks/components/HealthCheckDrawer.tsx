import { teethStatuses, teethStatusLabels } from '@shouwang/shared/enums/health';
import { screenHealthCheck } from '@shouwang/shared/health/screening';
import {
  type HealthCheckView,
  healthCheckCreateBody,
  healthCheckUpdateBody,
} from '@shouwang/shared/schemas/health-checks';
import { App, DatePicker, Flex, Form, Input, InputNumber, Radio, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useCreateHealthCheck, useUpdateHealthCheck } from '../api';
import { HealthFlagTags } from './HealthFlagTags';

export interface HealthChild {
  id: string;
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
}

interface FormValues {
  checkedOn: Dayjs;
  heightCm?: number | null;
  weightKg?: number | null;
  visionLeft?: number | null;
  visionRight?: number | null;
  teeth?: (typeof teethStatuses)[number] | null;
  findings?: string;
  referralNeeded: boolean;
  referralTo?: string;
  followUpOn?: Dayjs | null;
}

const big = { size: 'large' as const };
const iso = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? null;

/** One check of one child: new, or a correction of `record` (BMI and flags shown as you type). */
export function HealthCheckDrawer({
  child,
  record,
  onClose,
}: {
  child: HealthChild;
  record: HealthCheckView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const [form] = Form.useForm<FormValues>();
  const errors = useFormErrors(form);
  const create = useCreateHealthCheck();
  const update = useUpdateHealthCheck();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const values = (Form.useWatch([], form) ?? {}) as Partial<FormValues>;
  const screening = screenHealthCheck({
    sex: child.sex,
    birthDate: child.birthDate,
    checkedOn: iso(values.checkedOn) ?? dayjs().format('YYYY-MM-DD'),
    heightCm: values.heightCm ?? null,
    weightKg: values.weightKg ?? null,
    visionLeft: values.visionLeft ?? null,
    visionRight: values.visionRight ?? null,
  });

  const submit = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const fields = {
      checkedOn: iso(v.checkedOn),
      heightCm: v.heightCm ?? null,
      weightKg: v.weightKg ?? null,
      visionLeft: v.visionLeft ?? null,
      visionRight: v.visionRight ?? null,
      teeth: v.teeth ?? null,
      findings: v.findings?.trim() ? v.findings : null,
      referralNeeded: !!v.referralNeeded,
      referralTo: v.referralNeeded && v.referralTo?.trim() ? v.referralTo.trim() : null,
      followUpOn: v.referralNeeded ? iso(v.followUpOn) : null,
    };
    try {
      if (record) {
        const body = errors.validate(healthCheckUpdateBody, { ...fields, version: record.version });
        if (!body) return;
        await update.mutateAsync({ id: record.id, body });
      } else {
        const body = errors.validate(healthCheckCreateBody, { ...fields, childId: child.id, idempotencyKey });
        if (!body) return;
        await create.mutateAsync(body);
      }
      message.success(t('health.saved'));
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };

  const number = (name: keyof FormValues, label: string, suffix: string | undefined, testId: string, step = 1) => (
    <Form.Item name={name} label={label} style={{ flex: 1, minWidth: 130 }}>
      <InputNumber
        {...big}
        step={step}
        inputMode="decimal"
        suffix={suffix}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </Form.Item>
  );

  return (
    <FormDrawer
      open
      title={record ? t('health.edit') : `${t('health.add')}：${child.name}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending || update.isPending}
      testId="health-check-drawer"
    >
      <FormErrorAlert error={errors.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          record
            ? {
                ...record,
                checkedOn: dayjs(record.checkedOn),
                followUpOn: record.followUpOn ? dayjs(record.followUpOn) : null,
                findings: record.findings ?? undefined,
                referralTo: record.referralTo ?? undefined,
              }
            : { checkedOn: dayjs(), referralNeeded: false }
        }
      >
        <Form.Item name="checkedOn" label={t('health.checkedOn')}>
          <DatePicker {...big} inputReadOnly allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Flex gap={12} wrap>
          {number('heightCm', t('health.height'), t('health.cm'), 'health-height')}
          {number('weightKg', t('health.weight'), t('health.kg'), 'health-weight')}
        </Flex>
        <Flex gap={12} wrap>
          {number('visionLeft', t('health.visionLeft'), undefined, 'health-vision-left', 0.1)}
          {number('visionRight', t('health.visionRight'), undefined, 'health-vision-right', 0.1)}
        </Flex>
        <Flex vertical gap={6} style={{ marginBottom: 16 }} data-testid="health-live">
          <Typography.Text>
            {t('health.bmi')}：{screening.bmi ?? '—'}
          </Typography.Text>
          <HealthFlagTags flags={screening.flags} />
          {!screening.growthScreened && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('health.notScreened')}
            </Typography.Text>
          )}
        </Flex>
        <Form.Item name="teeth" label={t('health.teeth')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            {...big}
            options={options(teethStatusLabels, teethStatuses)}
          />
        </Form.Item>
        <Form.Item name="findings" label={t('health.findings')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="referralNeeded" label={t('health.referralNeeded')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {values.referralNeeded && (
          <>
            <Form.Item name="referralTo" label={t('health.referralTo')}>
              <Input {...big} maxLength={100} placeholder={t('health.referralToHint')} />
            </Form.Item>
            <Form.Item name="followUpOn" label={t('health.followUpOn')}>
              <DatePicker {...big} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('health.standardNote')}
        </Typography.Text>
      </Form>
    </FormDrawer>
  );
}
