import { Descriptions, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Change = { from: unknown; to: unknown };

const isChange = (value: unknown): value is Change =>
  !!value && typeof value === 'object' && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/** A field name in words; unknown fields keep their code name. */
function fieldLabel(t: TFunction, key: string) {
  return t(`audit.fields.${key}`, { defaultValue: key });
}

/** A stored value in words: codes become their names, empty becomes "(empty)". */
function valueText(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.emptyValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (key === 'role') return t(`roles.${value}`, { defaultValue: value });
    if (key === 'kind') return t(`orgKinds.${value}`, { defaultValue: value });
    if (key === 'status') return t(`users.status.${value}`, { defaultValue: value });
    if (key === 'language') return t(`language.names.${value}`, { defaultValue: value });
    if (key === 'reason') return t(`audit.reasons.${value}`, { defaultValue: value });
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(t, key, v)).join(', ');
  return JSON.stringify(value);
}

/** The change an audit event recorded, as "field: before → after" rows. */
export function AuditDiff({ diff }: { diff: unknown }) {
  const { t } = useTranslation();
  if (!diff || typeof diff !== 'object' || Object.keys(diff).length === 0) {
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  }
  const entries = Object.entries(diff as Record<string, unknown>);
  if (entries.every(([, v]) => isChange(v))) {
    return (
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={entries.map(([key, v]) => ({ key, ...(v as Change) }))}
        columns={[
          { title: t('audit.field'), dataIndex: 'key', render: (key: string) => fieldLabel(t, key), width: '30%' },
          {
            title: t('audit.before'),
            render: (_, row) => <Typography.Text type="secondary">{valueText(t, row.key, row.from)}</Typography.Text>,
          },
          {
            title: t('audit.after'),
            render: (_, row) => <Typography.Text strong>{valueText(t, row.key, row.to)}</Typography.Text>,
          },
        ]}
        style={{ maxWidth: 720 }}
        scroll={{ x: 'max-content' }}
      />
    );
  }
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={entries.map(([key, value]) => ({
        key,
        label: fieldLabel(t, key),
        children: isChange(value)
          ? `${valueText(t, key, value.from)} → ${valueText(t, key, value.to)}`
          : valueText(t, key, value),
      }))}
      style={{ maxWidth: 720 }}
    />
  );
}
