import type { Me } from '@shouwang/shared/schemas/auth';
import { privacyOfficerBody } from '@shouwang/shared/schemas/privacy';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { usePrivacyOfficer, useSetPrivacyOfficer } from '../api';
import { AnonymizeButton } from './AnonymizeButton';

interface Values {
  name?: string;
  phone?: string;
  email?: string;
}

function OfficerModal({ initial, onClose }: { initial: Values; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const save = useSetPrivacyOfficer();
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
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

/** 「个人信息保护负责人：姓名 电话」 of the user's county; county administrators set it here. */
export function PrivacyOfficerLine({ me, editable = false }: { me: Me; editable?: boolean }) {
  const { t } = useTranslation();
  const query = usePrivacyOfficer();
  const officer = query.data?.officer;
  const [editing, setEditing] = useState(false);
  const canSet = editable && me.roles.some((r) => r.role === 'county_admin');
  if (!query.data) return null;
  return (
    <div style={{ fontSize: 12, marginTop: 8 }} data-testid="privacy-officer">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {officer
          ? t('privacy.officer.line', { name: officer.name, phone: officer.phone })
          : t('privacy.officer.notSet')}
      </Typography.Text>
      {canSet && (
        <Button type="link" size="small" onClick={() => setEditing(true)} style={{ paddingInline: 4 }}>
          {t('privacy.officer.set')}
        </Button>
      )}
      {canSet && <AnonymizeButton />}
      {editing && (
        <OfficerModal
          initial={{ name: officer?.name, phone: officer?.phone, email: officer?.email ?? undefined }}
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}
