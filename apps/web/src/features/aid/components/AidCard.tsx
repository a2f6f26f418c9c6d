import { DeleteOutlined } from '@ant-design/icons';
import { aidTypeLabels } from '@shouwang/shared/enums/activities';
import type { AidView } from '@shouwang/shared/schemas/aid';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabel, yuan } from '../../activities/labels';
import { useDeleteAid } from '../api';

/** One aid record on one line: who, what, how much, from whom, when. */
export function AidLine({ aid: a, showChild = true }: { aid: AidView; showChild?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const remove = useDeleteAid();
  return (
    <Flex justify="space-between" gap={8} style={{ width: '100%' }} data-testid="aid-line">
      <Flex vertical style={{ minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          {showChild && (
            <Link to={`/children/${a.child.id}`}>
              <Typography.Text strong>{a.child.name}</Typography.Text>
            </Link>
          )}
          <Tag style={{ margin: 0 }}>{label(aidTypeLabels, a.type)}</Tag>
          {a.items && <Typography.Text>{a.items}</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.givenOn}
          {a.source ? ` · ${a.source}` : ''}
          {a.deliveredBy ? ` · ${t('activities.aid.deliveredBy')}：${a.deliveredBy}` : ''}
        </Typography.Text>
      </Flex>
      <Flex gap={4} align="center">
        {a.amountFen ? <Typography.Text strong>{yuan(a.amountFen)}</Typography.Text> : null}
        {a.abilities.delete && (
          <Popconfirm
            title={t('activities.aid.deleteConfirm')}
            onConfirm={() => remove.mutate(a, { onSuccess: () => message.success(t('activities.aid.deleted')) })}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}
