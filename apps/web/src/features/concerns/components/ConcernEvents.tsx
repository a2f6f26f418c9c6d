import { concernAuthorityLabels } from '@shouwang/shared/enums/wellbeing';
import type { ConcernEventView } from '@shouwang/shared/schemas/concerns';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

const colors: Record<ConcernEventView['kind'], string> = {
  reported: 'red',
  acknowledged: 'blue',
  referred: 'blue',
  followed_up: 'green',
  closed: 'gray',
  escalated: 'red',
};

/** The concern's history, oldest first: who took each step, when, and what they recorded. */
export function ConcernEvents({ events }: { events: ConcernEventView[] }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (
    <Timeline
      data-testid="concern-events"
      items={events.map((e) => ({
        key: e.id,
        color: colors[e.kind],
        content: (
          <>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            <Typography.Text strong={e.kind === 'escalated'} type={e.kind === 'escalated' ? 'danger' : undefined}>
              {t(`concerns.events.${e.kind}`, {
                name: e.actor?.displayName ?? '',
                authority: e.authority ? label(concernAuthorityLabels, e.authority) : '',
              })}
            </Typography.Text>
            {e.referredAt && (
              <div>
                <Typography.Text type="secondary">
                  {t('concerns.referredAtText', { time: formatDateTime(e.referredAt) })}
                </Typography.Text>
              </div>
            )}
            {e.receiptNumber && (
              <div>
                <Typography.Text type="secondary" data-testid="concern-receipt-text">
                  {t('concerns.receipt', { number: e.receiptNumber })}
                </Typography.Text>
              </div>
            )}
            {e.note && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.note}</Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
  );
}
