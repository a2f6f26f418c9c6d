import { type EnrollmentStatus, enrollmentStatuses, enrollmentStatusLabels } from '@shouwang/shared/enums/children';
import { childEnrollmentBody } from '@shouwang/shared/schemas/children';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useAddEnrollment } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { textOrNull, toIsoDate } from '../iso-date';

interface Values {
  status?: EnrollmentStatus;
  date?: Dayjs;
  destination?: string;
  note?: string;
}

/** 在读/休学/辍学/转出/毕业 with a date; a transfer names where the child went. */
export function EnrollmentDrawer({
  open,
  childId,
  current,
  onClose,
}: {
  open: boolean;
  childId: string;
  current: EnrollmentStatus | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const add = useAddEnrollment();
  const status = Form.useWatch('status', form);

  const onFinish = (values: Values) => {
    const body = validate(childEnrollmentBody, {
      status: values.status,
      date: toIsoDate(values.date),
      destination: values.status === 'transferred_out' ? textOrNull(values.destination) : null,
      note: textOrNull(values.note),
    });
    if (!body) return;
    add.mutate(
      { childId, body },
      {
        onSuccess: () => {
          message.success(t('children.enrollment.saved'));
          onClose();
        },
        onError: fail,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('children.enrollment.changeTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending}
      testId="enrollment-form"
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={onFinish}>
        <Form.Item name="status" label={t('children.enrollment.status')} required>
          <Select
            options={options(
              enrollmentStatusLabels,
              enrollmentStatuses.filter((s) => s !== current),
            )}
          />
        </Form.Item>
        <Form.Item name="date" label={t('children.enrollment.date')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {status === 'transferred_out' && (
          <Form.Item
            name="destination"
            label={t('children.enrollment.destination')}
            required
            extra={t('children.enrollment.destinationHint')}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('children.enrollment.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
