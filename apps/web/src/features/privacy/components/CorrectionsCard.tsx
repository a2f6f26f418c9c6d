import { type CorrectionOutcome, correctionOutcomeLabels, correctionOutcomes } from '@shouwang/shared/enums/privacy';
import { type CorrectionView, correctionCreateBody, correctionResolveBody } from '@shouwang/shared/schemas/privacy';
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCorrections, useRecordCorrection, useResolveCorrection } from '../api';

interface Values {
  requesterName?: string;
  requesterRelation?: string;
  requestedOn?: Dayjs;
  request?: string;
  outcome?: CorrectionOutcome;
  resolutionNote?: string;
}

/** Records a request (no `handling`) or closes one. */
function CorrectionDrawer({
  childId,
  handling,
  onClose,
}: {
  childId: string;
  handling: CorrectionView | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const record = useRecordCorrection(childId);
  const resolve = useResolveCorrection(childId);
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    try {
      if (handling) {
        const body = errors.validate(correctionResolveBody, {
          version: handling.version,
          outcome: v.outcome,
          resolutionNote: v.resolutionNote ?? '',
        });
        if (!body) return;
        await resolve.mutateAsync({
          id: handling.id,
          version: handling.version,
          outcome: body.outcome,
          resolutionNote: body.resolutionNote,
        });
      } else {
        const body = errors.validate(correctionCreateBody, {
          requesterName: v.requesterName ?? '',
          requesterRelation: v.requesterRelation ?? '',
          requestedOn: v.requestedOn?.format('YYYY-MM-DD'),
          request: v.request ?? '',
        });
        if (!body) return;
        await record.mutateAsync(body);
      }
      message.success(t('privacy.corrections.saved'));
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };
  return (
    <FormDrawer
      open
      title={handling ? t('privacy.corrections.handleTitle') : t('privacy.corrections.add')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={record.isPending || resolve.isPending}
    >
      <FormErrorAlert error={errors.error} />
      <Form form={form} layout="vertical" initialValues={{ requestedOn: dayjs(), outcome: 'corrected' }}>
        {handling ? (
          <>
            <Typography.Paragraph>{handling.request}</Typography.Paragraph>
            <Form.Item name="outcome" label={t('privacy.corrections.outcome')}>
              <Radio.Group>
                {correctionOutcomes.map((o) => (
                  <Radio key={o} value={o}>
                    {i18n.language === 'en' ? correctionOutcomeLabels[o].en : correctionOutcomeLabels[o].zh}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="resolutionNote" label={t('privacy.corrections.note')} required>
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('privacy.corrections.notePlaceholder')} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="requesterName" label={t('privacy.corrections.requester')} required>
              <Input size="large" maxLength={50} data-testid="correction-requester" />
            </Form.Item>
            <Form.Item name="requesterRelation" label={t('privacy.corrections.relation')} required>
              <Input size="large" maxLength={20} placeholder={t('privacy.relationPlaceholder')} />
            </Form.Item>
            <Form.Item name="requestedOn" label={t('privacy.corrections.requestedOn')}>
              <DatePicker
                size="large"
                inputReadOnly
                allowClear={false}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
            <Form.Item name="request" label={t('privacy.corrections.request')} required>
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('privacy.corrections.requestPlaceholder')} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}

/** 更正申请 of the child: open ones first, each with how it was handled. */
export function CorrectionsCard({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const corrections = useCorrections(childId, true);
  const [drawer, setDrawer] = useState<{ handling: CorrectionView | null } | null>(null);
  const items = corrections.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('privacy.corrections.title')}
      style={{ marginBottom: 12 }}
      extra={
        <Button size="small" onClick={() => setDrawer({ handling: null })} data-testid="add-correction">
          {t('privacy.corrections.add')}
        </Button>
      }
      data-testid="corrections"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('privacy.corrections.hint')}
      </Typography.Paragraph>
      {corrections.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {!corrections.isPending && items.length === 0 && (
        <Typography.Text type="secondary">{t('privacy.corrections.empty')}</Typography.Text>
      )}
      <Flex vertical gap={8}>
        {items.map((c) => (
          <Flex key={c.id} justify="space-between" align="flex-start" gap={8} wrap>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Tag color={c.outcome ? (c.outcome === 'corrected' ? 'green' : 'default') : 'orange'}>
                {c.outcome
                  ? i18n.language === 'en'
                    ? correctionOutcomeLabels[c.outcome].en
                    : correctionOutcomeLabels[c.outcome].zh
                  : t('privacy.corrections.open')}
              </Tag>
              <Typography.Text>{c.request}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {c.requesterName}（{c.requesterRelation}） · {c.requestedOn}
                {c.resolutionNote ? ` · ${c.resolutionNote}` : ''}
                {c.changeAuditId ? ` · ${t('privacy.corrections.linked', { id: c.changeAuditId })}` : ''}
              </Typography.Text>
            </div>
            {!c.outcome && (
              <Button
                size="small"
                type="primary"
                onClick={() => setDrawer({ handling: c })}
                data-testid="handle-correction"
              >
                {t('privacy.corrections.handle')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
      {drawer && <CorrectionDrawer childId={childId} handling={drawer.handling} onClose={() => setDrawer(null)} />}
    </Card>
  );
}
