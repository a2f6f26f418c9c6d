import { privacyOfficerBody } from '@shouwang/shared/schemas/privacy';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSetPrivacyOfficer } from '../api';

export interface OfficerValues {
  name?: string;
  phone?: string;
  email?: string;
}

/** The county administrator sets the data-protection officer (loaded when opened). */
export function OfficerModal({ initial, onClose }: { initial: OfficerValues; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OfficerValues>();
  const errors = useFormErrors(form);
  const save = useSetPrivacyOfficer();
  const submit = async () => {
    const v = form.getFieldsValue(true) as OfficerValues;
    const body = errors.validate(privacyOfficerBody, {
      name: v.name ?? '',
      phone: v.phone ?? '',
      email: v.email?.trim() || null,
    });
    if (!body) return;
    try {
      await save.mutateAsync(body);
      message.success(t('privacy.officer.saved'));
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };
  return (
    <Modal
      open
      title={t('privacy.officer.label')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
    >
      <FormErrorAlert error={errors.error} />
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('privacy.officer.name')} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('privacy.officer.phone')} required>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('privacy.officer.email')}>
          <Input maxLength={100} inputMode="email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
