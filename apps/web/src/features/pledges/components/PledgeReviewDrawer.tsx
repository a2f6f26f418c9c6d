import { pledgeReviewResults } from '@shouwang/shared/enums/wellbeing';
import { type PledgeView, pledgeReviewBody } from '@shouwang/shared/schemas/pledges';
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { textOrNull, toIsoDate } from '../../children/iso-date';
import { useReviewPledge } from '../api';

interface Values {
  result?: string;
  note?: string;
  reviewedOn?: Dayjs;
}

/** 复查: did the child keep the pledge? Final once saved. */
export function PledgeReviewDrawer({ pledge, onClose }: { pledge: PledgeView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const review = useReviewPledge(pledge.childId);
  const f = (key: string) => t(`wellbeing.pledges.fields.${key}`);

  const onFinish = (v: Values) => {
    const parsed = validate(pledgeReviewBody, {
      result: v.result,
      note: textOrNull(v.note),
      reviewedOn: toIsoDate(v.reviewedOn) ?? '',
      version: pledge.version,
    });
    if (parsed)
      review.mutate(
        { id: pledge.id, body: parsed },
        {
          onSuccess: () => {
            message.success(t('wellbeing.pledges.saved'));
            onClose();
          },
          onError: fail,
        },
      );
  };

  return (
    <FormDrawer
      open
      title={t('wellbeing.pledges.reviewTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={review.isPending}
      testId="pledge-review"
    >
      <FormErrorAlert error={error} />
      <p style={{ whiteSpace: 'pre-wrap', marginTop: 0 }}>
        <strong>{f('commitments')}：</strong>
        {pledge.commitments}
      </p>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ reviewedOn: dayjs() }}>
        <Form.Item name="result" label={f('result')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={pledgeReviewResults.map((r) => ({ value: r, label: t(`wellbeing.pledges.results.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="reviewedOn" label={f('reviewedOn')} required>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
