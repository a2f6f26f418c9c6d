import { aidTypeLabels, aidTypes } from '@shouwang/shared/enums/activities';
import { aidCreateBody } from '@shouwang/shared/schemas/aid';
import { App, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from '../../../api/client';
import { apiFieldErrors, applyFieldErrors, validateBody } from '../../../api/form-errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ChildSearchSelect, type PickedChild } from '../../activities/components/ChildSearchSelect';
import { useLabel } from '../../activities/labels';
import { useCreateAid } from '../api';

interface Values {
  type: (typeof aidTypes)[number];
  amountFen?: number | null;
  items?: string;
  source?: string;
  givenOn: Dayjs;
  deliveredBy?: string;
  note?: string;
}

/** The form keeps fen (as the API does); the input shows yuan. */
export const fenAsYuan = (fen: number | null | undefined) => ({ value: fen == null ? null : fen / 100 });
export const yuanToFen = (yuan: number | null | undefined) => (yuan == null ? null : Math.round(yuan * 100));

/** 登记资助: a child, what was given (money in yuan, stored in fen, or goods), by whom, when. */
export function AidDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateAid();
  const [child, setChild] = useState<PickedChild | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const body = validateBody(
      aidCreateBody,
      {
        childId: child?.id ?? '',
        type: v.type,
        amountFen: v.amountFen ?? null,
        items: v.items || null,
        source: v.source || null,
        givenOn: v.givenOn?.format('YYYY-MM-DD'),
        deliveredBy: v.deliveredBy || null,
        note: v.note || null,
      },
      form,
      t,
      i18n.language,
    );
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        message.success(t('activities.aid.saved'));
        onClose();
      },
      onError: (e) => {
        if (!isApiError(e)) return;
        const rest = applyFieldErrors(form, apiFieldErrors(e, i18n.language));
        if (rest.length || !e.details.length) setError(e);
      },
    });
  };

  return (
    <FormDrawer
      open={open}
      title={t('activities.aid.add')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending}
      testId="aid-drawer"
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ type: 'goods', givenOn: dayjs() }}>
        <Form.Item name="childId" label={t('activities.aid.child')} required>
          {child ? (
            <Tag
              closable
              onClose={() => setChild(null)}
              color={child.leftBehind ? 'orange' : undefined}
              style={{ padding: '4px 10px' }}
            >
              {child.name}
            </Tag>
          ) : (
            <ChildSearchSelect testId="aid-child" exclude={[]} onPick={setChild} />
          )}
        </Form.Item>
        <Form.Item name="type" label={t('activities.aid.type')}>
          <Select options={aidTypes.map((c) => ({ value: c, label: label(aidTypeLabels, c) }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="amountFen"
            label={t('activities.aid.amount')}
            style={{ flex: 1 }}
            getValueProps={fenAsYuan}
            normalize={yuanToFen}
          >
            <InputNumber min={0} step={10} precision={2} style={{ width: '100%' }} data-testid="aid-amount" />
          </Form.Item>
          <Form.Item name="givenOn" label={t('activities.aid.givenOn')} style={{ flex: 1 }}>
            <DatePicker
              inputReadOnly
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        <Form.Item name="items" label={t('activities.aid.items')}>
          <Input maxLength={200} placeholder={t('activities.aid.itemsPlaceholder')} />
        </Form.Item>
        <Form.Item name="source" label={t('activities.aid.source')}>
          <Input maxLength={100} placeholder={t('activities.aid.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="deliveredBy" label={t('activities.aid.deliveredBy')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label={t('activities.aid.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
