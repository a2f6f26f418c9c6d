import { type KpiTargetKey, kpiTargetKeys } from '@shouwang/shared/kpi/kpi';
import { App, Button, Drawer, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { type StatsScope, useSetTargets, useTargets } from '../api';

type Values = Partial<Record<KpiTargetKey, number | null>>;

/** 目标值 of the scope for the term, percent 0–100; an empty field falls back to the unit above or the default. */
export function TargetsDrawer({
  open,
  scope,
  onClose,
}: {
  open: boolean;
  scope: Required<StatsScope>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const targets = useTargets(scope, open);
  const save = useSetTargets();
  useEffect(() => {
    if (!targets.data) return;
    form.setFieldsValue(
      Object.fromEntries(targets.data.items.map((i) => [i.key, i.source === 'own' ? i.target : null])) as Values,
    );
  }, [targets.data, form]);

  const submit = (values: Values) => {
    const body = Object.fromEntries(kpiTargetKeys.map((k) => [k, values[k] ?? null])) as Values;
    save.mutate(
      { scopeOrgId: scope.scopeOrgId, termId: scope.termId, targets: body },
      {
        onSuccess: () => {
          message.success(t('stats.targetForm.saved'));
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          // The server names fields `targets.<kpi>`; the form's fields are the KPI keys.
          form.setFields(
            error.details
              .filter((d) => d.field?.startsWith('targets.'))
              .map((d) => ({ name: d.field!.slice('targets.'.length) as KpiTargetKey, errors: [d.message] })),
          );
        },
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isMobile ? '100%' : 420}
      title={t('stats.targetForm.title')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('stats.targetForm.hint')}</Typography.Paragraph>
      {save.isError && <FormErrorAlert error={isApiError(save.error) ? save.error : null} />}
      {targets.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="targets-form">
          {(targets.data?.items ?? []).map((item) => (
            <Form.Item
              key={item.key}
              name={item.key}
              label={t(`stats.kpi.${item.key}`)}
              extra={`${t(`stats.targetForm.source.${item.source}`)}：${item.target}%`}
            >
              <InputNumber
                min={0}
                max={100}
                step={1}
                suffix="%"
                style={{ width: '100%' }}
                placeholder={String(item.target)}
              />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="targets-save">
            {t('stats.targetForm.save')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
