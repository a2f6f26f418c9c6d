import { DeleteOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { activityTypeLabels } from '@shouwang/shared/enums/activities';
import type { ActivityView } from '@shouwang/shared/schemas/activities';
import { App, Button, Card, Flex, Image, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { photoUrl, useDeleteActivity } from '../api';
import { useLabel } from '../labels';
import { PhotoConsentNotice } from './PhotoConsentNotice';

/** One activity as a card: what, when, where, who took part (left-behind first), awards and photos. */
export function ActivityCard({ activity: a, onEdit }: { activity: ActivityView; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const remove = useDeleteActivity();
  const awarded = a.participants.filter((p) => p.award);
  return (
    <Card
      size="small"
      data-testid="activity-card"
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          <Tag color="blue" style={{ margin: 0 }}>
            {label(activityTypeLabels, a.type)}
          </Tag>
          <span>{a.title}</span>
        </Flex>
      }
      extra={
        a.abilities.update && (
          <Flex gap={4}>
            <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={onEdit} />
            <Popconfirm
              title={t('activities.deleteConfirm')}
              onConfirm={() =>
                remove.mutate(a, {
                  onSuccess: () => message.success(t('activities.deleted')),
                  onError: (e) => message.error(isApiError(e) ? e.message : String(e)),
                })
              }
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Flex>
        )
      }
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">
          {a.occurredOn} · {a.org.name}
          {a.place ? ` · ${a.place}` : ''}
        </Typography.Text>
        <Typography.Text data-testid="activity-count">
          {t('activities.count', { count: a.participantCount, leftBehind: a.leftBehindCount })}
        </Typography.Text>
        {a.participants.length > 0 && (
          <Flex gap={4} wrap>
            {[...a.participants]
              .sort((x, y) => Number(y.leftBehind) - Number(x.leftBehind))
              .map((p) => (
                <Tag key={p.childId} color={p.leftBehind ? 'orange' : undefined} style={{ margin: 0 }}>
                  {p.name}
                </Tag>
              ))}
          </Flex>
        )}
        {awarded.length > 0 && (
          <Typography.Text>
            <TrophyOutlined style={{ color: '#d48806' }} />{' '}
            {awarded.map((p) => `${p.name}（${p.award}）`).join(t('common.listSeparator'))}
          </Typography.Text>
        )}
        {a.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
            {a.description}
          </Typography.Paragraph>
        )}
        {a.photoConsentWithdrawn && (a.photos.length > 0 || a.photoConsentWithdrawn.photosHidden > 0) && (
          <PhotoConsentNotice withdrawn={a.photoConsentWithdrawn} />
        )}
        {a.photos.length > 0 && (
          <Image.PreviewGroup>
            <Flex gap={8} wrap>
              {a.photos.map((p) => (
                <Image
                  key={p.id}
                  src={photoUrl(a.id, p.id)}
                  alt={p.fileName}
                  width={72}
                  height={72}
                  style={{ objectFit: 'cover', borderRadius: 8 }}
                />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
      </Flex>
    </Card>
  );
}
