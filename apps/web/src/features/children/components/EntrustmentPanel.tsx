import { PaperClipOutlined } from '@ant-design/icons';
import type { GuardianView } from '@shouwang/shared/schemas/child-family';
import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Signing = GuardianView['entrustmentHistory'][number];

function ScanLink({ signing, testId }: { signing: Signing; testId?: string }) {
  const { t } = useTranslation();
  if (!signing.attachmentId)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('careAdmin.entrustment.noScan')}
      </Typography.Text>
    );
  return (
    <a href={`/api/attachments/${signing.attachmentId}`} target="_blank" rel="noopener" data-testid={testId}>
      <PaperClipOutlined /> {t('careAdmin.entrustment.download')}
    </a>
  );
}

/**
 * 委托监护确认书 of one guardian: the confirmation in force with its scan, and every earlier signing
 * (the renewals when the family situation changed), newest first.
 */
export function EntrustmentPanel({ guardian }: { guardian: GuardianView }) {
  const { t } = useTranslation();
  const e = (key: string, opts?: Record<string, unknown>) => t(`children.guardians.entrustment.${key}`, opts);
  const history = guardian.entrustmentHistory;
  if (history.length === 0) return <Typography.Text type="secondary">{e('signHint')}</Typography.Text>;
  const [current, ...earlier] = history;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="baseline" data-testid="entrustment-current">
        <Typography.Text strong>{t('careAdmin.entrustment.current')}</Typography.Text>
        <Typography.Text>{e('current', { date: current!.signedOn })}</Typography.Text>
        {current!.validUntil && (
          <Typography.Text type="secondary">{e('until', { date: current!.validUntil })}</Typography.Text>
        )}
        <ScanLink signing={current!} testId="entrustment-scan-link" />
      </Flex>
      {current!.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {current!.note}
        </Typography.Text>
      )}
      {earlier.length > 0 && (
        <>
          <Typography.Text strong style={{ fontSize: 13 }}>
            {t('careAdmin.entrustment.history')}
          </Typography.Text>
          <Timeline
            style={{ marginBottom: -16 }}
            items={earlier.map((s) => ({
              key: s.id,
              color: 'gray',
              content: (
                <Flex vertical data-testid="entrustment-history-item">
                  <Flex gap={8} wrap align="baseline">
                    <Typography.Text>{e('current', { date: s.signedOn })}</Typography.Text>
                    {s.validUntil && (
                      <Typography.Text type="secondary">{e('until', { date: s.validUntil })}</Typography.Text>
                    )}
                    <ScanLink signing={s} />
                  </Flex>
                  {s.note && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.note}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            }))}
          />
        </>
      )}
    </Flex>
  );
}
