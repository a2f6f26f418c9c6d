import { Descriptions, Skeleton, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../orgs/api';

type Change = { from: unknown; to: unknown };
type NameOf = (id: string) => string | undefined;

/** Bookkeeping fields that mean nothing to a reader. */
const hiddenFields = new Set(['version', 'countyId', 'updatedAt', 'createdAt']);
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const isChange = (value: unknown): value is Change =>
  !!value && typeof value === 'object' && 'from' in value && 'to' in value && Object.keys(value).length === 2;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

function fieldLabel(t: TFunction, key: string) {
  return t(`audit.fields.${key}`, { defaultValue: key });
}

/** A stored value in words: codes become their names, unit ids become unit names. */
function valueText(t: TFunction, nameOf: NameOf, key: string, value: unknown): string {
  if (isEmpty(value)) return t('audit.emptyValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(t, nameOf, key, v)).join(t('common.listSeparator'));
  if (typeof value !== 'string') return JSON.stringify(value);
  if (key === 'role') return t(`roles.${value}`, { defaultValue: value });
  if (key === 'kind') return t(`orgKinds.${value}`, { defaultValue: value });
  if (key === 'status') return t(`users.status.${value}`, { defaultValue: value });
  if (key === 'language') return t(`language.names.${value}`, { defaultValue: value });
  if (key === 'reason') return t(`audit.reasons.${value}`, { defaultValue: value });
  if (key === 'path') {
    return value
      .split('/')
      .filter(Boolean)
      .map((id) => nameOf(id) ?? '…')
      .join(' / ');
  }
  return value.replace(uuidPattern, (id) => nameOf(id) ?? id);
}

/**
 * The change an audit event recorded. Edits read "field: before → after"; a creation lists the
 * new values and a deletion the old ones, since the other side is empty.
 */
export function AuditDiff({ diff }: { diff: unknown }) {
  const { t } = useTranslation();
  // Names for the unit ids this change mentions (at most 100), not the county's whole tree.
  const ids = useMemo(() => [...new Set(JSON.stringify(diff ?? null).match(uuidPattern) ?? [])].slice(0, 100), [diff]);
  const orgs = useOrgs({ includeInactive: true, ids, enabled: ids.length > 0 });
  const nameOf = useMemo<NameOf>(() => {
    const names = new Map((orgs.data ?? []).map((o) => [o.id, o.name]));
    return (id) => names.get(id);
  }, [orgs.data]);

  // Ids would flash before their names: wait for them (a failed lookup shows the ids).
  if (ids.length > 0 && orgs.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (!diff || typeof diff !== 'object') {
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  }
  const entries = Object.entries(diff as Record<string, unknown>).filter(([key]) => !hiddenFields.has(key));
  if (entries.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;

  const changes = entries.every(([, v]) => isChange(v)) ? (entries as [string, Change][]) : null;
  const created = changes?.every(([, c]) => isEmpty(c.from));
  const deleted = changes?.every(([, c]) => isEmpty(c.to));

  if (changes && !created && !deleted) {
    return (
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        tableLayout="fixed"
        dataSource={changes.map(([key, c]) => ({ key, ...c }))}
        columns={[
          { title: t('audit.field'), dataIndex: 'key', width: '24%', render: (key: string) => fieldLabel(t, key) },
          {
            title: t('audit.before'),
            render: (_, row) => (
              <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
                {valueText(t, nameOf, row.key, row.from)}
              </Typography.Text>
            ),
          },
          {
            title: t('audit.after'),
            render: (_, row) => (
              <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                {valueText(t, nameOf, row.key, row.to)}
              </Typography.Text>
            ),
          },
        ]}
        style={{ maxWidth: 760 }}
      />
    );
  }

  const rows = changes
    ? changes.map(([key, c]) => ({ key, value: created ? c.to : c.from }))
    : entries.map(([key, value]) => ({ key, value }));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={changes ? (created ? t('audit.createdValues') : t('audit.deletedValues')) : undefined}
      items={rows.map(({ key, value }) => ({
        key,
        label: fieldLabel(t, key),
        children: isChange(value)
          ? `${valueText(t, nameOf, key, value.from)} → ${valueText(t, nameOf, key, value.to)}`
          : valueText(t, nameOf, key, value),
      }))}
      styles={{ label: { width: '30%' } }}
      style={{ maxWidth: 760 }}
    />
  );
}
