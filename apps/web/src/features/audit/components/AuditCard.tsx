import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../app/format';
import { actorLabel } from '../actor-label';
import type { AuditEntry } from '../api';
import { AuditDiff } from './AuditDiff';
import { AuditEventTag } from './AuditEventTag';

/** One audit event as a card (phones), with the details folded away. */
export function AuditCard({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <AuditEventTag event={entry.event} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTimeSeconds(entry.occurredAt)}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
        {actorLabel(t, entry)}
        {entry.actorRole ? ` · ${t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}` : ''}
        {entry.orgName ? ` · ${entry.orgName}` : ''}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('audit.ipLabel', { ip: entry.ip ?? '—' })}
      </Typography.Text>
      <Button type="link" style={{ paddingInline: 0 }} onClick={() => setOpen((o) => !o)}>
        {open ? t('audit.hideDetails') : t('audit.showDetails')}
      </Button>
      {open && (
        <div style={{ overflowX: 'auto' }}>
          <AuditDiff diff={entry.diff} />
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, display: 'block', marginTop: 8, wordBreak: 'break-all' }}
          >
            {t('audit.requestId', { id: entry.requestId ?? '—' })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
