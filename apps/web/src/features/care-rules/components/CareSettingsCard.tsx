import { pairingKindLabels, pairingKinds } from '@shouwang/shared/enums/care';
import { type CareSettingsView, careSettingsUpdateBody } from '@shouwang/shared/schemas/care-rules';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useUpdateCareSettings } from '../api';

type Values = Pick<CareSettingsView, 'pairingCapacity' | 'recordEditDays'>;

/** 学校关爱设置: how many children one helper may take per pairing kind, and the record edit window. */
export function CareSettingsCard({ settings }: { settings: CareSettingsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const update = useUpdateCareSettings();
  const canEdit = settings.abilities.update !== false;

  const save = async (values: Values) => {
    const body = errors.validate(careSettingsUpdateBody, { ...values, version: settings.version });
    if (!body) return;
    try {
      await update.mutateAsync({ schoolId: settings.schoolId, body });
      message.success(t('careAdmin.settings.saved'));
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <Card title={t('careAdmin.settings.title')} size="small" data-testid="care-settings">
      <FormErrorAlert error={errors.error} />
      <Form<Values>
        form={form}
        key={settings.version}
        layout="vertical"
        requiredMark={false}
        initialValues={{ pairingCapacity: settings.pairingCapacity, recordEditDays: settings.recordEditDays }}
        onFinish={(v) => void save(v)}
        disabled={!canEdit}
      >
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('careAdmin.settings.capacityHint')}
        </Typography.Text>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: '0 12px' }}>
          {pairingKinds.map((kind) => (
            <Form.Item key={kind} name={['pairingCapacity', kind]} label={label(pairingKindLabels, kind)}>
              <InputNumber
                min={1}
                max={50}
                inputMode="numeric"
                suffix={t('careAdmin.settings.children')}
                style={{ width: '100%' }}
                data-testid={`capacity-${kind}`}
              />
            </Form.Item>
          ))}
        </div>
        <Form.Item
          name="recordEditDays"
          label={t('careAdmin.settings.editDays')}
          extra={t('careAdmin.settings.editDaysHint')}
        >
          <InputNumber
            min={0}
            max={365}
            inputMode="numeric"
            suffix={t('careAdmin.settings.days')}
            style={{ width: 160 }}
            data-testid="record-edit-days"
          />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="care-settings-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
