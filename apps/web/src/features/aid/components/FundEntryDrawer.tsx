import { fundPurposeLabels, fundPurposes, fundSourceLabels, fundSources } from '@shouwang/shared/enums/activities';
import { fundEntryCreateBody } from '@shouwang/shared/schemas/aid';
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { apiFieldErrors, applyFieldErrors, validateBody } from '../../../api/form-errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { useActivities } from '../../activities/api';
import { useLabel } from '../../activities/labels';
import { useAddFundEntry } from '../api';
import { fenAsYuan, yuanToFen } from './AidDrawer';

interface Values {
  amountFen?: number | null;
  occurredOn: Dayjs;
  source?: string;
  donor?: string;
  purpose?: string;
  activityId?: string;
  note?: string;
}

/** One line of the ledger: income (source, donor) or spending (purpose). */
export function FundEntryDrawer({
  schoolId,
  termId,
  direction,
  onClose,
}: {
  schoolId: string;
  termId: string;
  direction: 'income' | 'expense' | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const add = useAddFundEntry();
  const activities = useActivities({ termId, page: 1, pageSize: 100 });
  const income = direction === 'income';

  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    const body = validateBody(
      fundEntryCreateBody,
      {
        schoolId,
        direction,
        amountFen: v.amountFen ?? undefined,
        occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
        source: income ? (v.source ?? null) : null,
        donor: income ? v.donor || null : null,
        purpose: income ? null : (v.purpose ?? null),
        activityId: income ? null : (v.activityId ?? null),
        note: v.note || null,
      },
      form,
      t,
      i18n.language,
    );
    if (!body) return;
    add.mutate(body, {
      onSuccess: () => {
        message.success(t('activities.ledger.saved'));
        onClose();
      },
      onError: (e) => {
        if (isApiError(e)) applyFieldErrors(form, apiFieldErrors(e, i18n.language));
        message.error(isApiError(e) ? e.message : String(e));
      },
    });
  };

  return (
    <FormDrawer
      open={direction !== null}
      title={income ? t('activities.ledger.addIncome') : t('activities.ledger.addExpense')}
      onClose={onClose}
      onSubmit={submit}
      submitting={add.isPending}
      testId="fund-entry-drawer"
    >
      <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs() }}>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="amountFen"
            label={t('activities.ledger.amount')}
            style={{ flex: 1 }}
            getValueProps={fenAsYuan}
            normalize={yuanToFen}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="fund-amount" />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('activities.ledger.occurredOn')} style={{ flex: 1 }}>
            <DatePicker
              inputReadOnly
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        {income ? (
          <>
            <Form.Item name="source" label={t('activities.ledger.source')}>
              <Select
                options={fundSources.map((c) => ({ value: c, label: label(fundSourceLabels, c) }))}
                data-testid="fund-source"
              />
            </Form.Item>
            <Form.Item name="donor" label={t('activities.ledger.donor')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="purpose" label={t('activities.ledger.purpose')}>
            <Select
              options={fundPurposes.map((c) => ({ value: c, label: label(fundPurposeLabels, c) }))}
              data-testid="fund-purpose"
            />
          </Form.Item>
        )}
        {!income && (
          <Form.Item name="activityId" label={t('activities.ledger.activity')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(activities.data?.items ?? []).map((x) => ({
                value: x.id,
                label: `${x.occurredOn} ${x.title}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('activities.ledger.note')}>
          <Input maxLength={200} placeholder={t('activities.ledger.notePlaceholder')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
