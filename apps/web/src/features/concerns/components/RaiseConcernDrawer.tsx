import {
  concernCategories,
  concernCategoryLabels,
  concernSeverities,
  concernSeverityLabels,
} from '@shouwang/shared/enums/wellbeing';
import { type ConcernView, concernCreateBody } from '@shouwang/shared/schemas/concerns';
import { Alert, App, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { textOrNull } from '../../children/iso-date';
import { useRaiseConcern } from '../api';

interface Values {
  category?: string;
  severity?: string;
  description?: string;
  immediateActions?: string;
}

export interface RaiseConcernTarget {
  /** The child concerned, or, from an anonymous mailbox message, none and the school instead. */
  child?: { id: string; name: string } | null;
  schoolId?: string | null;
  mailboxMessageId?: string | null;
  /** Text to start the description with (e.g. the mailbox message). */
  description?: string;
}

/** 发起强制报告: from a child's page or a mailbox message. */
export function RaiseConcernDrawer({
  open,
  target,
  onClose,
  onRaised,
}: {
  open: boolean;
  target: RaiseConcernTarget;
  onClose: () => void;
  onRaised?: (view: ConcernView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const raise = useRaiseConcern();

  const onFinish = (values: Values) => {
    const body = validate(concernCreateBody, {
      childId: target.child?.id ?? null,
      schoolId: target.child ? null : (target.schoolId ?? null),
      mailboxMessageId: target.mailboxMessageId ?? null,
      category: values.category,
      severity: values.severity,
      description: values.description ?? '',
      immediateActions: textOrNull(values.immediateActions),
    });
    if (!body) return;
    raise.mutate(body, {
      onSuccess: (view) => {
        message.success(t('concerns.raised'));
        onRaised?.(view);
        onClose();
      },
      onError: fail,
    });
  };

  return (
    <FormDrawer
      open={open}
      title={t('concerns.raiseTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={raise.isPending}
      submitText={t('concerns.raise')}
      testId="concern-raise-form"
    >
      <Alert type="warning" showIcon title={t('concerns.raiseHint')} style={{ marginBottom: 16 }} />
      <FormErrorAlert error={error} />
      {target.child && (
        <Typography.Paragraph strong>{t('concerns.aboutChild', { name: target.child.name })}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ description: target.description ?? '' }} onFinish={onFinish}>
        <Form.Item name="category" label={t('concerns.fields.category')} required>
          <Select
            options={options(concernCategoryLabels, concernCategories)}
            placeholder={t('concerns.fields.category')}
            data-testid="concern-category"
          />
        </Form.Item>
        <Form.Item name="severity" label={t('concerns.fields.severity')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options(concernSeverityLabels, concernSeverities)}
            data-testid="concern-severity"
          />
        </Form.Item>
        <Form.Item name="description" label={t('concerns.fields.description')} required>
          <Input.TextArea
            autoSize={{ minRows: 4 }}
            maxLength={4000}
            placeholder={t('concerns.fields.descriptionPlaceholder')}
            data-testid="concern-description"
          />
        </Form.Item>
        <Form.Item name="immediateActions" label={t('concerns.fields.immediateActions')}>
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            maxLength={2000}
            placeholder={t('concerns.fields.immediateActionsPlaceholder')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
