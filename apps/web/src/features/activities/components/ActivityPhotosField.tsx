import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { photoUrl } from '../api';

export interface PhotoValue {
  saved: { id: string; fileName: string; version: number }[];
  /** Chosen on this device, uploaded once the activity is saved. */
  pending: File[];
  removed: { id: string; version: number }[];
}

/** Activity photos: the camera on phones (`capture`), kept until the activity is saved. */
export function ActivityPhotosField({
  activityId,
  value = { saved: [], pending: [], removed: [] },
  onChange,
}: {
  activityId?: string;
  value?: PhotoValue;
  onChange?: (v: PhotoValue) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const thumb = { width: 72, height: 72, objectFit: 'cover' as const, borderRadius: 8, border: '1px solid #eee' };
  const removeButton = (onClick: () => void) => (
    <Button
      size="small"
      shape="circle"
      icon={<CloseOutlined />}
      aria-label={t('common.delete')}
      onClick={onClick}
      style={{ position: 'absolute', top: -8, right: -8 }}
    />
  );
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap>
        {activityId &&
          value.saved.map((p) => (
            <div key={p.id} style={{ position: 'relative' }}>
              <img src={photoUrl(activityId, p.id)} alt={p.fileName} style={thumb} />
              {removeButton(() =>
                onChange?.({
                  ...value,
                  saved: value.saved.filter((s) => s.id !== p.id),
                  removed: [...value.removed, p],
                }),
              )}
            </div>
          ))}
        {value.pending.map((file) => (
          <div
            key={`${file.name}-${file.size}-${file.lastModified}`}
            style={{ position: 'relative' }}
            data-testid="photo-pending"
          >
            <img src={URL.createObjectURL(file)} alt={file.name} style={thumb} />
            {removeButton(() => onChange?.({ ...value, pending: value.pending.filter((f) => f !== file) }))}
          </div>
        ))}
      </Flex>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="activity-photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) onChange?.({ ...value, pending: [...value.pending, ...files] });
          e.target.value = '';
        }}
      />
      <Flex gap={8} align="center" wrap>
        <Button icon={<CameraOutlined />} onClick={() => input.current?.click()}>
          {t('activities.addPhoto')}
        </Button>
        {value.pending.length > 0 && <Typography.Text type="secondary">{t('activities.photoPending')}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
