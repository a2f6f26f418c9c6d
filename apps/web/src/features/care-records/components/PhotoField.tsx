import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { uploadRecordPhoto } from '../api';

interface Photo {
  id: string;
  name: string;
  url: string;
}

/**
 * Photos taken with the phone's camera (`capture`), uploaded to the child's attachments at once;
 * the form sends their ids.
 */
export function PhotoField({
  childId,
  value,
  onChange,
}: {
  childId: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await uploadRecordPhoto(childId, file);
      const next = [...photos, { id: saved.id, name: saved.fileName, url: URL.createObjectURL(file) }];
      setPhotos(next);
      onChange?.([...(value ?? []), saved.id]);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = (id: string) => {
    setPhotos(photos.filter((p) => p.id !== id));
    onChange?.((value ?? []).filter((v) => v !== id));
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {photos.map((photo) => (
          <div key={photo.id} style={{ position: 'relative' }}>
            <img
              src={photo.url}
              alt={photo.name}
              style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 8, border: '1px solid #eee' }}
            />
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('common.delete')}
              onClick={() => remove(photo.id)}
              style={{ position: 'absolute', top: -8, right: -8 }}
            />
          </div>
        ))}
      </Flex>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid="record-photo-input"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Button
        icon={<CameraOutlined />}
        size="large"
        loading={busy}
        onClick={() => input.current?.click()}
        disabled={(value?.length ?? 0) >= 9}
      >
        {t('care.form.takePhoto')}
      </Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}
