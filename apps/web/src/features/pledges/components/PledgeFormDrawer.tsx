import { pledgeCreateBody } from '@shouwang/shared/schemas/pledges';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { toIsoDate } from '../../children/iso-date';
import { useCreatePledge } from '../api';

interface Values {
  signedOn?: Dayjs;
  shortcomings?: string;
  commitments?: string;
  measures?: string;
  deadline?: Dayjs;
}

/** 新增自律承诺书: what the child will change, how, and by when. */
export function PledgeFormDrawer({ childId, open, onClose }: { childId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const create = useCreatePledge(childId);
  const f = (key: string) => t(`wellbeing.pledges.fields.${key}`);
  const ph = (key: string) => t(`wellbeing.pledges.placeholders.${key}`);

  const onFinish = (v: Values) => {
    const parsed = validate(pledgeCreateBody, {
      childId,
      signedOn: toIsoDate(v.signedOn) ?? '',
      shortcomings: v.shortcomings ?? '',
      commitments: v.commitments ?? '',
      measures: v.measures ?? '',
      deadline: toIsoDate(v.deadline) ?? '',
    });
    if (parsed)
      create.mutate(parsed, {
        onSuccess: () => {
          message.success(t('wellbeing.pledges.saved'));
          onClose();
        },
        onError: fail,
      });
  };

  return (
    <FormDrawer
      open={open}
      title={t('wellbeing.pledges.addTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      testId="pledge-form"
    >
      <FormErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ signedOn: dayjs(), deadline: dayjs().add(1, 'month') }}
      >
        <Form.Item name="signedOn" label={f('signedOn')} required>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="shortcomings" label={f('shortcomings')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={ph('shortcomings')} />
        </Form.Item>
        <Form.Item name="commitments" label={f('commitments')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={ph('commitments')} />
        </Form.Item>
        <Form.Item name="measures" label={f('measures')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={ph('measures')} />
        </Form.Item>
        <Form.Item name="deadline" label={f('deadline')} required>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
