import {
  type CareRecordKind,
  careRecordKindLabels,
  careRecordKinds,
  type TermWindow,
} from '@shouwang/shared/enums/care';
import { type CareRecordView, careRecordCreateBody, careRecordUpdateBody } from '@shouwang/shared/schemas/care-records';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSignedInMe } from '../../auth/api';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useCreateCareRecord, useUpdateCareRecord } from '../api';
import { PhotoField } from './PhotoField';
import { big, defaultDetails, KindDetails } from './RecordKindDetails';

export interface RecordTarget {
  childId: string;
  childName: string;
  /** Fixed when the form opens from a to-do; chosen in the form otherwise. */
  kind?: CareRecordKind;
  followUpOf?: string | null;
  termWindow?: TermWindow | null;
}

interface FormValues {
  kind: CareRecordKind;
  occurredOn: Dayjs;
  durationMinutes?: number | null;
  summary: string;
  problems?: string;
  followUpNeeded: boolean;
  followUpOn?: Dayjs | null;
  attachmentIds: string[];
  details: Record<string, unknown>;
}

/** The form's values of a saved record (edit mode). */
function valuesOf(record: CareRecordView): FormValues {
  return {
    kind: record.kind,
    occurredOn: dayjs(record.occurredOn),
    durationMinutes: record.durationMinutes,
    summary: record.summary,
    problems: record.problems ?? '',
    followUpNeeded: record.followUpNeeded,
    followUpOn: record.followUpOn ? dayjs(record.followUpOn) : null,
    attachmentIds: record.attachmentIds,
    details: record.details,
  };
}

/**
 * 记录关爱: a phone-first form for every kind. Today, the child and (from a to-do) the kind come
 * preset; one idempotency key per opening makes a double tap save once. With `record` it edits
 * that record (its kind stays); the server decides who may (author within the edit window, then
 * a school administrator).
 */
export function CareRecordDrawer({
  open,
  target,
  record,
  onClose,
  onSaved,
}: {
  open: boolean;
  target: RecordTarget;
  record?: CareRecordView;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const me = useSignedInMe();
  const update = useUpdateCareRecord();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useCodeLabels();
  const [form] = Form.useForm<FormValues>();
  const errors = useFormErrors(form);
  const create = useCreateCareRecord();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const initialKind = record?.kind ?? target.kind ?? 'talk';
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const followUpNeeded = Form.useWatch('followUpNeeded', form);

  const submitEdit = async (saved: CareRecordView) => {
    const v = form.getFieldsValue(true) as FormValues;
    const body = errors.validate(careRecordUpdateBody, {
      version: saved.version,
      kind: saved.kind,
      occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
      durationMinutes: v.durationMinutes ?? null,
      summary: v.summary ?? '',
      problems: v.problems?.trim() ? v.problems : null,
      followUpNeeded: !!v.followUpNeeded,
      followUpOn: v.followUpNeeded ? (v.followUpOn?.format('YYYY-MM-DD') ?? null) : null,
      attachmentIds: v.attachmentIds ?? [],
      details: Object.fromEntries(
        Object.entries(v.details ?? {}).filter(([, value]) => value !== undefined && value !== ''),
      ),
    });
    if (!body) return;
    try {
      await update.mutateAsync({ id: saved.id, body });
      message.success(t('careAdmin.records.saved'));
      onSaved?.();
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };

  const submit = async () => {
    if (record) return submitEdit(record);
    const v = form.getFieldsValue(true) as FormValues;
    const body = errors.validate(careRecordCreateBody, {
      childId: target.childId,
      kind: v.kind,
      occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
      durationMinutes: v.durationMinutes ?? null,
      summary: v.summary ?? '',
      problems: v.problems?.trim() ? v.problems : null,
      followUpNeeded: !!v.followUpNeeded,
      followUpOn: v.followUpNeeded ? (v.followUpOn?.format('YYYY-MM-DD') ?? null) : null,
      attachmentIds: v.attachmentIds ?? [],
      followUpOf: target.followUpOf ?? null,
      details: Object.fromEntries(
        Object.entries(v.details ?? {}).filter(([, value]) => value !== undefined && value !== ''),
      ),
      idempotencyKey,
    });
    if (!body) return;
    try {
      await create.mutateAsync(body);
      message.success(t('care.form.saved', { name: target.childName }));
      onSaved?.();
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={
        record
          ? t('careAdmin.records.editTitle', { kind: label(careRecordKindLabels, record.kind), name: target.childName })
          : target.kind
            ? t('care.form.titleKind', { kind: label(careRecordKindLabels, target.kind), name: target.childName })
            : t('care.form.title', { name: target.childName })
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending || update.isPending}
      testId="care-record-drawer"
    >
      <FormErrorAlert error={errors.error} />
      {record && record.author.id !== me.user.id && new Date(record.editableUntil) < new Date() && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('careAdmin.records.adminEdit')} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          record
            ? valuesOf(record)
            : {
                kind: initialKind,
                occurredOn: dayjs(),
                followUpNeeded: false,
                attachmentIds: [],
                details: defaultDetails(initialKind, target.termWindow),
              }
        }
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.kind) form.setFieldValue('details', defaultDetails(changed.kind));
        }}
      >
        {!target.kind && !record && (
          <Form.Item name="kind" label={t('care.form.kind')}>
            <Select {...big} options={options(careRecordKindLabels, careRecordKinds)} data-testid="record-kind" />
          </Form.Item>
        )}
        <KindDetails kind={kind} />
        <Form.Item
          name="summary"
          label={t('care.form.summary')}
          rules={[{ required: true, whitespace: true, message: t('care.form.required') }]}
          extra={t('care.form.voiceHint')}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={4000}
            placeholder={t('care.form.summaryHint')}
            data-testid="record-summary"
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="occurredOn" label={t('care.form.date')} style={{ flex: 1 }}>
            <DatePicker
              {...big}
              inputReadOnly
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('care.form.duration')} style={{ flex: 1 }}>
            <InputNumber
              {...big}
              min={1}
              max={600}
              inputMode="numeric"
              suffix={t('care.minutes')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        <Form.Item name="problems" label={t('care.form.problems')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="followUpNeeded" label={t('care.form.followUpNeeded')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {followUpNeeded && (
          <Form.Item name="followUpOn" label={t('care.form.followUpOn')}>
            <DatePicker
              {...big}
              inputReadOnly
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
        )}
        <Form.Item name="attachmentIds" label={t('care.form.photos')}>
          <PhotoField childId={target.childId} />
        </Form.Item>
        {!record && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('care.form.editWindow')}
          </Typography.Text>
        )}
      </Form>
    </FormDrawer>
  );
}
