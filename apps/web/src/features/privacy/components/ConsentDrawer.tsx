import {
  type ConsentBasis,
  type ConsentCategory,
  consentBases,
  consentBasisLabels,
  consentCategoryLabels,
} from '@shouwang/shared/enums/privacy';
import { type ConsentView, consentCreateBody, consentWithdrawBody } from '@shouwang/shared/schemas/privacy';
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useRecordConsent, useWithdrawConsent } from '../api';

type Target = { mode: 'record'; category: ConsentCategory } | { mode: 'withdraw'; consent: ConsentView };

interface Values {
  basis: ConsentBasis;
  consenterName?: string;
  consenterRelation?: string;
  consentedOn?: Dayjs;
  scopeNote?: string;
  reason?: string;
}

const big = { size: 'large' as const };

/** Records a guardian's consent (or the legal basis) for one data category, or withdraws one. */
export function ConsentDrawer({ childId, target, onClose }: { childId: string; target: Target; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const record = useRecordConsent(childId);
  const withdraw = useWithdrawConsent(childId);
  const zh = i18n.language !== 'en';
  const labelOf = (l: { zh: string; en: string }) => (zh ? l.zh : l.en);
  const basis = Form.useWatch('basis', form);
  const category = target.mode === 'record' ? target.category : target.consent.category;

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    try {
      if (target.mode === 'record') {
        const body = errors.validate(consentCreateBody, {
          category,
          basis: v.basis,
          consenterName: v.consenterName?.trim() || null,
          consenterRelation: v.consenterRelation?.trim() || null,
          consentedOn: v.consentedOn?.format('YYYY-MM-DD'),
          scopeNote: v.scopeNote?.trim() || null,
        });
        if (!body) return;
        await record.mutateAsync(body);
        message.success(t('privacy.saved'));
      } else {
        const body = errors.validate(consentWithdrawBody, { version: target.consent.version, reason: v.reason ?? '' });
        if (!body) return;
        await withdraw.mutateAsync({ id: target.consent.id, version: target.consent.version, reason: body.reason });
        message.success(t('privacy.withdrawDone'));
      }
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };

  const title =
    target.mode === 'record'
      ? t('privacy.recordFor', { category: labelOf(consentCategoryLabels[category]) })
      : t('privacy.withdrawTitle', { category: labelOf(consentCategoryLabels[category]) });
  return (
    <FormDrawer
      open
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={record.isPending || withdraw.isPending}
      testId="consent-drawer"
    >
      <FormErrorAlert error={errors.error} />
      <Form form={form} layout="vertical" initialValues={{ basis: 'guardian_consent', consentedOn: dayjs() }}>
        {target.mode === 'record' ? (
          <>
            <Form.Item name="basis" label={t('privacy.basis')}>
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {consentBases.map((b) => (
                  <Radio key={b} value={b}>
                    {labelOf(consentBasisLabels[b])}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            {basis === 'guardian_consent' && (
              <>
                <Form.Item name="consenterName" label={t('privacy.consenter')} required>
                  <Input {...big} maxLength={50} data-testid="consenter-name" />
                </Form.Item>
                <Form.Item name="consenterRelation" label={t('privacy.relation')} required>
                  <Input {...big} maxLength={20} placeholder={t('privacy.relationPlaceholder')} />
                </Form.Item>
              </>
            )}
            <Form.Item name="consentedOn" label={t('privacy.consentedOn')}>
              <DatePicker {...big} inputReadOnly allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="scopeNote" label={t('privacy.scopeNote')}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('privacy.scopeNotePlaceholder')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('privacy.withdrawReason')} required>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('privacy.withdrawReasonPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}

export type ConsentDrawerTarget = Target;
