import { type PairingKind, pairingKindLabels, userPairingKinds } from '@shouwang/shared/enums/care';
import type { PairingHelperView } from '@shouwang/shared/schemas/pairings';
import { Alert, App, DatePicker, Flex, Form, Radio, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormDrawer } from '../../../components/FormDrawer';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useBulkPair } from '../api';

interface Values {
  helperUserId?: string;
  kind: PairingKind;
  startDate: Dayjs;
}

/** Selected children → one helper → one kind, with the capacity spelled out before and after saving. */
export function BulkPairDrawer({
  open,
  childIds,
  childNames,
  helpers,
  onClose,
  onDone,
}: {
  open: boolean;
  childIds: string[];
  /** The selected children's names, shown so the admin sees whom they are pairing. */
  childNames: string[];
  helpers: PairingHelperView[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkPair();
  const helperUserId = Form.useWatch('helperUserId', form);
  const kind = Form.useWatch('kind', form) ?? 'mentor_teacher';
  const helper = helpers.find((h) => h.userId === helperUserId);
  const load = helper?.load[kind] ?? 0;
  const capacity = helper?.capacity[kind] ?? 0;
  const over = helper && load + childIds.length > capacity;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v?.helperUserId) return;
    try {
      await bulk.mutateAsync(
        childIds.map((childId) => ({
          childId,
          kind: v.kind,
          helperUserId: v.helperUserId,
          startDate: v.startDate.format('YYYY-MM-DD'),
        })),
      );
      message.success(t('care.pairing.assigned', { count: childIds.length }));
      onDone();
    } catch {
      // Shown in the alert below (the server's capacity message).
    }
  };

  const serverError = bulk.error && isApiError(bulk.error) ? bulk.error : null;

  return (
    <FormDrawer
      open={open}
      title={t('care.pairing.assignTitle', { count: childIds.length })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={bulk.isPending}
      testId="bulk-pair-drawer"
    >
      {serverError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={serverError.message}
          description={serverError.details.map((d) => d.message).join('；') || undefined}
          data-testid="bulk-pair-error"
        />
      )}
      <Flex gap={6} wrap style={{ marginBottom: 16 }} data-testid="bulk-pair-children">
        {childNames.map((name) => (
          <Tag key={name} style={{ marginInlineEnd: 0, fontSize: 14, padding: '2px 8px' }}>
            {name}
          </Tag>
        ))}
      </Flex>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'mentor_teacher', startDate: dayjs() }}
        onValuesChange={() => bulk.reset()}
      >
        <Form.Item
          name="helperUserId"
          label={t('care.pairing.helper')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <Select
            size="large"
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="bulk-pair-helper"
            options={helpers.map((h) => ({
              value: h.userId,
              label: `${h.displayName}（${label(pairingKindLabels, kind)} ${h.load[kind] ?? 0}/${h.capacity[kind] ?? 0}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('care.pairing.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={options(pairingKindLabels, userPairingKinds)}
          />
        </Form.Item>
        <Form.Item name="startDate" label={t('care.pairing.startDate')}>
          <DatePicker size="large" inputReadOnly allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {helper &&
        (over ? (
          <Alert
            type="warning"
            showIcon
            data-testid="bulk-pair-capacity"
            title={t('care.pairing.overCapacity', {
              name: helper.displayName,
              kind: label(pairingKindLabels, kind),
              load,
              capacity,
              count: childIds.length,
            })}
          />
        ) : (
          <Typography.Text type="secondary">
            {t('care.pairing.remaining', { count: Math.max(capacity - load, 0) })}
          </Typography.Text>
        ))}
    </FormDrawer>
  );
}
