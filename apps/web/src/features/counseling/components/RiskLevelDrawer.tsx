import { riskLevelLabels, riskLevels } from '@shouwang/shared/enums/wellbeing';
import { type RiskLevelView, riskLevelSetBody } from '@shouwang/shared/schemas/counseling';
import { App, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useSetRiskLevel } from '../api';

interface Values {
  level?: string;
  reason?: string;
}

/** A counselor's new judgement of the child's risk level, with its reason (kept in the history). */
export function RiskLevelDrawer({ open, view, onClose }: { open: boolean; view: RiskLevelView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const save = useSetRiskLevel(view.childId);

  const onFinish = (values: Values) => {
    const body = validate(riskLevelSetBody, { level: values.level, reason: values.reason ?? '' });
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        message.success(t('counseling.risk.saved'));
        onClose();
      },
      onError: fail,
    });
  };

  return (
    <FormDrawer
      open={open}
      title={t('counseling.risk.setTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      testId="risk-level-form"
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ level: view.current?.level }} onFinish={onFinish}>
        <Form.Item name="level" label={t('counseling.risk.level')} required>
          <Radio.Group optionType="button" buttonStyle="solid" options={options(riskLevelLabels, riskLevels)} />
        </Form.Item>
        <Form.Item name="reason" label={t('counseling.risk.reason')} required>
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            maxLength={1000}
            placeholder={t('counseling.risk.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
