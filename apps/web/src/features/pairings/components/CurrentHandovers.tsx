import type { PairingView } from '@shouwang/shared/schemas/pairings';
import { App, Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEndPairings } from '../api';

/** 正在假期中的交接: who is with which tutor until when, and bringing children back early. */
export function CurrentHandovers({ pairings }: { pairings: PairingView[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const end = useEndPairings();
  const day = (iso: string) => dayjs(iso).format(t('careAdmin.calendar.dayFormat'));
  const back = async (list: PairingView[]) => {
    try {
      await end.mutateAsync(list);
      message.success(t('careAdmin.handover.returned'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      size="small"
      title={t('careAdmin.handover.current')}
      data-testid="handover-current"
      extra={
        pairings.length > 1 && (
          <Popconfirm
            title={t('careAdmin.handover.returnAll', { count: pairings.length })}
            onConfirm={() => back(pairings)}
          >
            <Button size="small" loading={end.isPending} data-testid="handover-return-all">
              {t('careAdmin.handover.returnAll', { count: pairings.length })}
            </Button>
          </Popconfirm>
        )
      }
    >
      {pairings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('careAdmin.handover.none')} />
      ) : (
        pairings.map((p) => (
          <Flex
            key={p.id}
            justify="space-between"
            align="center"
            gap={8}
            style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
            data-testid="handover-pairing"
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong>
                {p.child.name} → {p.helper?.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {day(p.startDate)} · {p.endDate ? t('careAdmin.handover.until', { date: day(p.endDate) }) : ''}
              </Typography.Text>
            </Flex>
            <Button size="small" onClick={() => void back([p])} disabled={end.isPending} data-testid="handover-return">
              {t('careAdmin.handover.returnNow')}
            </Button>
          </Flex>
        ))
      )}
    </Card>
  );
}
