import {
  type CareRecordKind,
  careRecordKindLabels,
  careRecordKinds,
  contactInitiatorLabels,
  contactInitiators,
  homeVisitParties,
  homeVisitPartyLabels,
  lifeCareTypeLabels,
  lifeCareTypes,
  parentContactChannelLabels,
  parentContactChannels,
  type TermWindow,
  termWindowLabels,
  termWindows,
  tutoringSubjectLabels,
  tutoringSubjects,
} from '@shouwang/shared/enums/care';
import { careRecordCreateBody } from '@shouwang/shared/schemas/care-records';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useCreateCareRecord } from '../api';
import { MoodPicker } from './MoodPicker';
import { PhotoField } from './PhotoField';

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

const big = { size: 'large' as const };

/** The details each kind asks for (issue 4), as big phone-friendly controls. */
function KindDetails({ kind }: { kind: CareRecordKind }) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  switch (kind) {
    case 'talk':
      return (
        <>
          <Form.Item
            name={['details', 'topic']}
            label={t('care.form.topic')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Input {...big} maxLength={100} placeholder={t('care.form.topicHint')} data-testid="record-topic" />
          </Form.Item>
          <Form.Item
            name={['details', 'mood']}
            label={t('care.form.mood')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <MoodPicker />
          </Form.Item>
        </>
      );
    case 'home_visit':
      return (
        <>
          <Form.Item name={['details', 'termWindow']} label={t('care.form.termWindow')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              {...big}
              options={options(termWindowLabels, termWindows)}
            />
          </Form.Item>
          <Form.Item
            name={['details', 'present']}
            label={t('care.form.present')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Checkbox.Group options={options(homeVisitPartyLabels, homeVisitParties)} className="care-checks" />
          </Form.Item>
          <Form.Item name={['details', 'homeConditions']} label={t('care.form.homeConditions')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
          <Form.Item name={['details', 'guardianView']} label={t('care.form.guardianView')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </>
      );
    case 'parent_contact':
      return (
        <>
          <Form.Item
            name={['details', 'channel']}
            label={t('care.form.contactChannel')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              {...big}
              options={options(parentContactChannelLabels, parentContactChannels)}
            />
          </Form.Item>
          <Form.Item
            name={['details', 'initiatedBy']}
            label={t('care.form.initiatedBy')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Radio.Group optionType="button" {...big} options={options(contactInitiatorLabels, contactInitiators)} />
          </Form.Item>
        </>
      );
    case 'family_call':
      return (
        <Form.Item
          name={['details', 'callMinutes']}
          label={t('care.form.callMinutes')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <InputNumber
            {...big}
            min={1}
            max={240}
            inputMode="numeric"
            suffix={t('care.minutes')}
            style={{ width: 160 }}
          />
        </Form.Item>
      );
    case 'tutoring':
      return (
        <Form.Item
          name={['details', 'subject']}
          label={t('care.form.subject')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <Radio.Group optionType="button" {...big} options={options(tutoringSubjectLabels, tutoringSubjects)} />
        </Form.Item>
      );
    case 'life_care':
      return (
        <Form.Item
          name={['details', 'type']}
          label={t('care.form.lifeCareType')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <Radio.Group optionType="button" {...big} options={options(lifeCareTypeLabels, lifeCareTypes)} />
        </Form.Item>
      );
    default:
      return null;
  }
}

function defaultDetails(kind: CareRecordKind, termWindow?: TermWindow | null): Record<string, unknown> {
  if (kind === 'home_visit') return { termWindow: termWindow ?? undefined, present: ['child'] };
  if (kind === 'parent_contact') return { channel: 'phone', initiatedBy: 'school' };
  if (kind === 'family_call') return { callMinutes: 5 };
  return {};
}

/**
 * 记录关爱: a phone-first form for every kind. Today, the child and (from a to-do) the kind come
 * preset; one idempotency key per opening makes a double tap save once.
 */
export function CareRecordDrawer({
  open,
  target,
  onClose,
  onSaved,
}: {
  open: boolean;
  target: RecordTarget;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useCodeLabels();
  const [form] = Form.useForm<FormValues>();
  const errors = useFormErrors(form);
  const create = useCreateCareRecord();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const initialKind = target.kind ?? 'talk';
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const followUpNeeded = Form.useWatch('followUpNeeded', form);

  const submit = async () => {
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
        target.kind
          ? t('care.form.titleKind', { kind: label(careRecordKindLabels, target.kind), name: target.childName })
          : t('care.form.title', { name: target.childName })
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending}
      testId="care-record-drawer"
    >
      <FormErrorAlert error={errors.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          kind: initialKind,
          occurredOn: dayjs(),
          followUpNeeded: false,
          attachmentIds: [],
          details: defaultDetails(initialKind, target.termWindow),
        }}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.kind) form.setFieldValue('details', defaultDetails(changed.kind));
        }}
      >
        {!target.kind && (
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
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('care.form.editWindow')}
        </Typography.Text>
      </Form>
    </FormDrawer>
  );
}
