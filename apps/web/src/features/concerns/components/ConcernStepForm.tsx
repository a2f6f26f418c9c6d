import { concernAuthorities, concernAuthorityLabels } from '@shouwang/shared/enums/wellbeing';
import {
  type ConcernView,
  concernAcknowledgeBody,
  concernNoteBody,
  concernReferBody,
} from '@shouwang/shared/schemas/concerns';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Segmented, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { textOrNull } from '../../children/iso-date';
import { concernsKey, useConcernStep } from '../api';

type Step = 'acknowledge' | 'refer' | 'followUp' | 'close';

interface Values {
  note?: string;
  authority?: string;
  referredAt?: Dayjs | null;
  receiptNumber?: string;
}

/** The form of the concern's next step; only steps the server's abilities allow are offered. */
export function ConcernStepForm({ concern }: { concern: ConcernView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const allowed = (['acknowledge', 'refer', 'followUp', 'close'] as const).filter((s) => concern.abilities[s]);
  const [chosen, setChosen] = useState<Step | null>(null);
  const step = chosen && allowed.includes(chosen) ? chosen : allowed[0];
  const [form] = Form.useForm<Values>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const mutation = useConcernStep(concern.id);
  const client = useQueryClient();
  if (!step) return null;

  const onFinish = (values: Values) => {
    const version = concern.version;
    const note = textOrNull(values.note);
    const done = {
      onSuccess: () => {
        message.success(t('concerns.saved'));
        form.resetFields();
        setChosen(null);
      },
      onError: (e: Error) => {
        // Someone else took the step meanwhile: show the concern as it stands now.
        if (isApiError(e) && (e.code === 'VERSION_CONFLICT' || e.code === 'CONCERN_STEP_INVALID')) {
          message.error(e.message);
          void client.invalidateQueries({ queryKey: concernsKey });
          return;
        }
        fail(e);
      },
    };
    if (step === 'acknowledge') {
      const body = validate(concernAcknowledgeBody, { version, note });
      if (body) mutation.mutate({ step: 'acknowledge', body }, done);
    } else if (step === 'refer') {
      const body = validate(concernReferBody, {
        version,
        note,
        authority: values.authority,
        referredAt: values.referredAt?.toISOString(),
        receiptNumber: values.receiptNumber?.trim() ?? '',
      });
      if (body) mutation.mutate({ step: 'refer', body }, done);
    } else {
      const body = validate(concernNoteBody, { version, note: note ?? '' });
      if (body) mutation.mutate({ step: step === 'close' ? 'close' : 'follow-up', body }, done);
    }
  };

  const noteLabel =
    step === 'followUp'
      ? t('concerns.fields.followUpNote')
      : step === 'close'
        ? t('concerns.fields.closeNote')
        : t('concerns.fields.note');
  return (
    <div data-testid="concern-step-form">
      <Typography.Title level={5}>{t('concerns.nextStep')}</Typography.Title>
      {allowed.length > 1 && (
        <Segmented
          block
          value={step}
          onChange={(v) => {
            setChosen(v as Step);
            clear();
          }}
          options={allowed.map((s) => ({ value: s, label: t(`concerns.actions.${s}`) }))}
          style={{ marginBottom: 12 }}
        />
      )}
      {step === 'acknowledge' && (
        <Alert type="info" showIcon title={t('concerns.acknowledgeHint')} style={{ marginBottom: 12 }} />
      )}
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ referredAt: dayjs() }} key={step}>
        {step === 'refer' && (
          <>
            <Form.Item name="authority" label={t('concerns.fields.authority')} required>
              <Select options={options(concernAuthorityLabels, concernAuthorities)} data-testid="concern-authority" />
            </Form.Item>
            <Form.Item name="referredAt" label={t('concerns.fields.referredAt')} required>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                inputReadOnly
              />
            </Form.Item>
            <Form.Item name="receiptNumber" label={t('concerns.fields.receiptNumber')} required>
              <Input
                maxLength={100}
                placeholder={t('concerns.fields.receiptPlaceholder')}
                data-testid="concern-receipt"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={noteLabel} required={step === 'followUp' || step === 'close'}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} data-testid="concern-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={mutation.isPending}
          danger={step === 'close'}
          data-testid="concern-step-submit"
        >
          {t(`concerns.actions.${step}`)}
        </Button>
      </Form>
    </div>
  );
}
