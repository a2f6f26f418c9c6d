import {
  guardianHealthStatuses,
  guardianHealthStatusLabels,
  guardianRelationLabels,
  guardianRelations,
  literacyLevelLabels,
  literacyLevels,
} from '@shouwang/shared/enums/children';
import { type GuardianView, guardianCreateBody, guardianUpdateBody } from '@shouwang/shared/schemas/child-family';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCreateGuardian, useUpdateGuardian } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { textOrNull, toIsoDate } from '../iso-date';

interface Values {
  relation?: string;
  name?: string;
  birthYear?: number | null;
  health?: string | null;
  literacy?: string | null;
  phone?: string | null;
  address?: string | null;
  idNumber?: string;
  isPrimary?: boolean;
  note?: string | null;
  withEntrustment?: boolean;
  entrustment?: { signedOn?: Dayjs | null; validUntil?: Dayjs | null };
}

const valuesOf = (g: GuardianView): Values => ({
  relation: g.relation,
  name: g.name,
  birthYear: g.birthYear,
  health: g.health,
  literacy: g.literacy,
  phone: g.phone ?? '',
  address: g.address ?? '',
  idNumber: '',
  isPrimary: g.isPrimary,
  note: g.note ?? '',
});

/** Adds or edits a guardian (usually a grandparent); a new one may come with the signed 委托监护确认书. */
export function GuardianFormDrawer({
  open,
  childId,
  guardian,
  isFirst,
  onClose,
}: {
  open: boolean;
  childId: string;
  guardian: GuardianView | null;
  /** The first guardian of the child is the primary one by default. */
  isFirst: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateGuardian();
  const update = useUpdateGuardian();
  const [version, setVersion] = useState(guardian?.version);
  const withEntrustment = Form.useWatch('withEntrustment', form);
  const f = (key: string) => t(`children.guardians.fields.${key}`);

  const onFinish = (values: Values) => {
    const body: Record<string, unknown> = {
      relation: values.relation,
      name: values.name?.trim() ?? '',
      birthYear: values.birthYear ?? null,
      health: values.health ?? null,
      literacy: values.literacy ?? null,
      phone: textOrNull(values.phone),
      address: textOrNull(values.address),
      isPrimary: values.isPrimary ?? false,
      note: textOrNull(values.note),
    };
    if (values.idNumber?.trim()) body.idNumber = values.idNumber.trim();
    const done = () => {
      message.success(t('children.guardians.saved'));
      onClose();
    };
    if (guardian) {
      const parsed = validate(guardianUpdateBody, { ...body, version });
      if (parsed) update.mutate({ childId, guardianId: guardian.id, body: parsed }, { onSuccess: done, onError: fail });
      return;
    }
    if (values.withEntrustment)
      body.entrustment = {
        signedOn: toIsoDate(values.entrustment?.signedOn),
        validUntil: toIsoDate(values.entrustment?.validUntil),
      };
    const parsed = validate(guardianCreateBody, body);
    if (parsed) create.mutate({ childId, body: parsed }, { onSuccess: done, onError: fail });
  };

  return (
    <FormDrawer
      open={open}
      title={guardian ? t('children.guardians.editTitle', { name: guardian.name }) : t('children.guardians.addTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      testId="guardian-form"
    >
      <FormErrorAlert error={error} />
      <VersionConflictAlert<GuardianView>
        error={error}
        fields={[
          { label: f('name'), render: (g) => g.name },
          { label: f('relation'), render: (g) => label(guardianRelationLabels, g.relation) },
          { label: f('phone'), render: (g) => g.phone ?? t('common.none') },
          { label: f('address'), render: (g) => g.address ?? t('common.none') },
        ]}
        onUseLatest={(current) => {
          setVersion(current.version);
          form.setFieldsValue(valuesOf(current));
          clear();
        }}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          guardian
            ? valuesOf(guardian)
            : {
                relation: 'paternal_grandparent',
                isPrimary: isFirst,
                withEntrustment: false,
                entrustment: { signedOn: dayjs() },
              }
        }
      >
        <Form.Item name="relation" label={f('relation')} required>
          <Select options={options(guardianRelationLabels, guardianRelations)} />
        </Form.Item>
        <Form.Item name="name" label={f('name')} required>
          <Input maxLength={40} autoComplete="off" data-testid="guardian-name" />
        </Form.Item>
        <Form.Item name="phone" label={f('phone')} required>
          <Input maxLength={20} inputMode="tel" data-testid="guardian-phone" />
        </Form.Item>
        <Form.Item name="address" label={f('address')} required>
          <Input maxLength={200} data-testid="guardian-address" />
        </Form.Item>
        <Form.Item name="isPrimary" valuePropName="checked">
          <Checkbox>{f('isPrimary')}</Checkbox>
        </Form.Item>
        <Form.Item name="birthYear" label={f('birthYear')}>
          <InputNumber min={1900} max={dayjs().year()} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="health" label={f('health')}>
          <Select allowClear options={options(guardianHealthStatusLabels, guardianHealthStatuses)} />
        </Form.Item>
        <Form.Item name="literacy" label={f('literacy')}>
          <Select allowClear options={options(literacyLevelLabels, literacyLevels)} />
        </Form.Item>
        <Form.Item name="idNumber" label={f('idNumber')}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
        {!guardian && (
          <>
            <Form.Item name="withEntrustment" valuePropName="checked">
              <Checkbox data-testid="guardian-with-entrustment">
                {t('children.guardians.entrustment.withCreate')}
              </Checkbox>
            </Form.Item>
            {withEntrustment && (
              <>
                <Form.Item
                  name={['entrustment', 'signedOn']}
                  label={t('children.guardians.entrustment.signedOn')}
                  required
                >
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
                <Form.Item name={['entrustment', 'validUntil']} label={t('children.guardians.entrustment.validUntil')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
