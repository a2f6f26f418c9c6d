import { todayIso } from '@shouwang/shared/dates';
import type { UpcomingBirthday } from '@shouwang/shared/schemas/aid';
import { birthdayCelebrationBody } from '@shouwang/shared/schemas/aid';
import { App, Form, Input, InputNumber, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from '../../../api/client';
import { validateBody } from '../../../api/form-errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useCelebrateBirthday } from '../api';
import { fenAsYuan, yuanToFen } from './AidDrawer';

interface Values {
  summary: string;
  withGift: boolean;
  items?: string;
  amountFen?: number | null;
  source?: string;
}

/** 过生日: one save writes the life-care record and, with a gift, the birthday aid — together. */
export function CelebrateDrawer({ birthday, onClose }: { birthday: UpcomingBirthday; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const celebrate = useCelebrateBirthday();
  const withGift = Form.useWatch('withGift', form);
  const [error, setError] = useState<ApiError | null>(null);
  const [key] = useState(() => crypto.randomUUID());

  const submit = () => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const today = todayIso();
    const body = validateBody(
      birthdayCelebrationBody,
      {
        // Celebrated ahead of the day (a weekend birthday) is recorded today; never in the future.
        celebratedOn: [birthday.birthday, today].sort()[0],
        summary: v.summary ?? '',
        gift: v.withGift ? { items: v.items || null, amountFen: v.amountFen ?? null, source: v.source || null } : null,
        idempotencyKey: key,
      },
      form,
      t,
      i18n.language,
    );
    if (!body) return;
    celebrate.mutate(
      { ...body, childId: birthday.childId },
      {
        onSuccess: (res) => {
          message.success(
            t('activities.birthdays.saved', { withGift: res.aidId ? t('activities.birthdays.savedWithGift') : '' }),
          );
          onClose();
        },
        onError: (e) => isApiError(e) && setError(e),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={t('activities.birthdays.drawerTitle', { name: birthday.name })}
      onClose={onClose}
      onSubmit={submit}
      submitting={celebrate.isPending}
      submitText={t('activities.birthdays.celebrate')}
      testId="celebrate-drawer"
    >
      <FormErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          summary: t('activities.birthdays.summaryDefault', { name: birthday.name, age: birthday.turning }),
          withGift: true,
          items: t('activities.birthdays.giftItemsDefault'),
        }}
      >
        <Form.Item name="summary" label={t('activities.birthdays.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="withGift" label={t('activities.birthdays.withGift')} valuePropName="checked">
          <Switch data-testid="with-gift" />
        </Form.Item>
        {withGift && (
          <>
            <Form.Item name="items" label={t('activities.birthdays.giftItems')}>
              <Input maxLength={200} placeholder={t('activities.birthdays.giftItemsPlaceholder')} />
            </Form.Item>
            <div style={{ display: 'flex', gap: 12 }}>
              <Form.Item
                name="amountFen"
                label={t('activities.birthdays.giftAmount')}
                style={{ flex: 1 }}
                getValueProps={fenAsYuan}
                normalize={yuanToFen}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="gift-amount" />
              </Form.Item>
              <Form.Item name="source" label={t('activities.birthdays.giftSource')} style={{ flex: 1 }}>
                <Input maxLength={100} placeholder={t('activities.birthdays.giftSourcePlaceholder')} />
              </Form.Item>
            </div>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
