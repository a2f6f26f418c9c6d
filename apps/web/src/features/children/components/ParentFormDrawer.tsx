import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  contactFrequencies,
  contactFrequencyLabels,
  parentRelationLabels,
  parentRelations,
  parentStatuses,
  parentStatusLabels,
  returnFrequencies,
  returnFrequencyLabels,
} from '@shouwang/shared/enums/children';
import { type ParentView, parentCreateBody, parentUpdateBody } from '@shouwang/shared/schemas/child-family';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCreateParent, useUpdateParent } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { fromIsoDate, textOrNull, toIsoDate } from '../iso-date';

interface Values {
  relation?: string;
  name?: string;
  status?: string | null;
  birthDate?: Dayjs | null;
  idNumber?: string;
  workProvince?: string | null;
  workCity?: string | null;
  employer?: string | null;
  occupation?: string | null;
  phones?: string[];
  leftHomeOn?: Dayjs | null;
  returnFrequency?: string | null;
  contactFrequency?: string | null;
  unreachable?: boolean;
  note?: string | null;
}

const valuesOf = (p: ParentView): Values => ({
  ...p,
  idNumber: '',
  birthDate: fromIsoDate(p.birthDate),
  leftHomeOn: fromIsoDate(p.leftHomeOn),
  phones: p.phones.length ? p.phones : [''],
});

/** Adds or edits a father/mother: status, where they work, phones, how often they come home and call. */
export function ParentFormDrawer({
  open,
  childId,
  parent,
  onClose,
}: {
  open: boolean;
  childId: string;
  parent: ParentView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateParent();
  const update = useUpdateParent();
  const [version, setVersion] = useState(parent?.version);
  const status = Form.useWatch('status', form);
  const f = (key: string, opts?: Record<string, unknown>) => t(`children.parents.fields.${key}`, opts);

  const onFinish = (values: Values) => {
    const body: Record<string, unknown> = {
      relation: values.relation,
      name: values.name?.trim() ?? '',
      status: values.status ?? null,
      birthDate: toIsoDate(values.birthDate),
      workProvince: textOrNull(values.workProvince),
      workCity: textOrNull(values.workCity),
      employer: textOrNull(values.employer),
      occupation: textOrNull(values.occupation),
      phones: (values.phones ?? []).map((p) => p?.trim()).filter(Boolean),
      leftHomeOn: toIsoDate(values.leftHomeOn),
      returnFrequency: values.returnFrequency ?? null,
      contactFrequency: values.contactFrequency ?? null,
      unreachable: values.unreachable ?? false,
      note: textOrNull(values.note),
    };
    if (values.idNumber?.trim()) body.idNumber = values.idNumber.trim();
    const done = () => {
      message.success(t('children.parents.saved'));
      onClose();
    };
    if (parent) {
      const parsed = validate(parentUpdateBody, { ...body, version });
      if (parsed) update.mutate({ childId, parentId: parent.id, body: parsed }, { onSuccess: done, onError: fail });
    } else {
      const parsed = validate(parentCreateBody, body);
      if (parsed) create.mutate({ childId, body: parsed }, { onSuccess: done, onError: fail });
    }
  };

  const away = status === 'migrant_work';
  return (
    <FormDrawer
      open={open}
      title={parent ? t('children.parents.editTitle', { name: parent.name }) : t('children.parents.addTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      testId="parent-form"
    >
      <FormErrorAlert error={error} />
      <VersionConflictAlert<ParentView>
        error={error}
        fields={[
          { label: f('name'), render: (p) => p.name },
          { label: f('status'), render: (p) => options(parentStatusLabels, p.status ? [p.status] : [])[0]?.label },
          { label: f('phones'), render: (p) => p.phones.join(t('common.listSeparator')) || t('common.none') },
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
        initialValues={parent ? valuesOf(parent) : { relation: 'father', status: 'migrant_work', phones: [''] }}
      >
        <Form.Item name="relation" label={f('relation')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options(parentRelationLabels, parentRelations)}
          />
        </Form.Item>
        <Form.Item name="name" label={f('name')} required>
          <Input maxLength={40} autoComplete="off" data-testid="parent-name" />
        </Form.Item>
        <Form.Item name="status" label={f('status')}>
          <Select allowClear options={options(parentStatusLabels, parentStatuses)} data-testid="parent-status" />
        </Form.Item>
        <Form.List name="phones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Form.Item key={field.key} label={f('phone', { n: index + 1 })} required={false}>
                  <Flex gap={8}>
                    <Form.Item name={field.name} noStyle>
                      <Input maxLength={20} inputMode="tel" data-testid={`parent-phone-${index}`} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('common.delete')}
                      />
                    )}
                  </Flex>
                </Form.Item>
              ))}
              {fields.length < 3 && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add('')}
                  style={{ marginBottom: 16 }}
                >
                  {t('children.parents.addPhone')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="unreachable" valuePropName="checked" extra={t('children.parents.unreachableHint')}>
          <Checkbox data-testid="parent-unreachable">{f('unreachable')}</Checkbox>
        </Form.Item>
        {(away || form.getFieldValue('workProvince')) && (
          <Flex gap={12}>
            <Form.Item name="workProvince" label={f('workProvince')} required={away} style={{ flex: 1 }}>
              <Input maxLength={20} data-testid="parent-work-province" />
            </Form.Item>
            <Form.Item name="workCity" label={f('workCity')} required={away} style={{ flex: 1 }}>
              <Input maxLength={40} data-testid="parent-work-city" />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="employer" label={f('employer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="occupation" label={f('occupation')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="leftHomeOn" label={f('leftHomeOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="returnFrequency" label={f('returnFrequency')}>
          <Select allowClear options={options(returnFrequencyLabels, returnFrequencies)} />
        </Form.Item>
        <Form.Item name="contactFrequency" label={f('contactFrequency')}>
          <Select allowClear options={options(contactFrequencyLabels, contactFrequencies)} />
        </Form.Item>
        <Form.Item name="birthDate" label={f('birthDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={f('idNumber')}
          extra={
            parent?.idNumberMasked ? t('children.parents.idNumberKept', { masked: parent.idNumberMasked }) : undefined
          }
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
