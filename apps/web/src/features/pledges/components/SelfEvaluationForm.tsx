import { selfEvaluationAspects } from '@shouwang/shared/enums/wellbeing';
import { selfEvaluationCreateBody } from '@shouwang/shared/schemas/pledges';
import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { textOrNull, toIsoDate } from '../../children/iso-date';
import { useCreateSelfEvaluation } from '../api';

interface Values {
  evaluatedOn?: Dayjs;
  aspect?: string;
  content?: string;
  gaps?: string;
}

/** Quick add of a self-evaluation, inline under the list. */
export function SelfEvaluationForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const create = useCreateSelfEvaluation(childId);
  const f = (key: string) => t(`wellbeing.pledges.selfFields.${key}`);

  const onFinish = (v: Values) => {
    const parsed = validate(selfEvaluationCreateBody, {
      childId,
      evaluatedOn: toIsoDate(v.evaluatedOn) ?? '',
      aspect: v.aspect,
      content: v.content ?? '',
      gaps: textOrNull(v.gaps),
    });
    if (parsed)
      create.mutate(parsed, {
        onSuccess: () => {
          message.success(t('wellbeing.pledges.selfSaved'));
          form.resetFields(['content', 'gaps']);
          onDone();
        },
        onError: fail,
      });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ evaluatedOn: dayjs(), aspect: 'study' }}
      data-testid="self-evaluation-form"
    >
      <FormErrorAlert error={error} />
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="evaluatedOn" label={f('evaluatedOn')} required style={{ flex: '1 1 140px' }}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="aspect" label={f('aspect')} required style={{ flex: '1 1 140px' }}>
          <Select
            options={selfEvaluationAspects.map((a) => ({ value: a, label: t(`wellbeing.pledges.aspects.${a}`) }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="content" label={f('content')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="gaps" label={f('gaps')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
