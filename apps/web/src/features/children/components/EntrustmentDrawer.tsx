import { entrustmentBody, type GuardianView } from '@shouwang/shared/schemas/child-family';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSignEntrustment } from '../api';
import { textOrNull, toIsoDate } from '../iso-date';
import { EntrustmentScanField } from './EntrustmentScanField';

interface Values {
  signedOn?: Dayjs | null;
  attachmentId?: string | null;
  validUntil?: Dayjs | null;
  note?: string;
}

/** Records a signing or renewal of the 委托监护确认书 for a guardian. */
export function EntrustmentDrawer({
  open,
  childId,
  guardian,
  onClose,
}: {
  open: boolean;
  childId: string;
  guardian: GuardianView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const sign = useSignEntrustment();

  const onFinish = (values: Values) => {
    const body = validate(entrustmentBody, {
      signedOn: toIsoDate(values.signedOn),
      validUntil: toIsoDate(values.validUntil),
      attachmentId: values.attachmentId ?? null,
      note: textOrNull(values.note),
    });
    if (!body) return;
    sign.mutate(
      { childId, guardianId: guardian.id, body },
      {
        onSuccess: () => {
          message.success(t('children.guardians.entrustment.saved'));
          onClose();
        },
        onError: fail,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('children.guardians.entrustment.signTitle', { name: guardian.name })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={sign.isPending}
      testId="entrustment-form"
    >
      <FormErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('children.guardians.entrustment.signHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ signedOn: dayjs() }} onFinish={onFinish}>
        <Form.Item name="signedOn" label={t('children.guardians.entrustment.signedOn')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('children.guardians.entrustment.validUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="attachmentId" label={t('careAdmin.entrustment.scan')}>
          <EntrustmentScanField childId={childId} />
        </Form.Item>
        <Form.Item name="note" label={t('children.guardians.entrustment.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
