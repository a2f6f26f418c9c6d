import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentView } from '@shouwang/shared/schemas/attachments';
import { Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../api/client';

/**
 * The scanned 委托监护确认书: a photo from the phone's camera or a PDF, uploaded to the child's
 * attachments (purpose `entrustment`) at once; the form sends its id with the signing.
 */
export function EntrustmentScanField({
  childId,
  value,
  onChange,
}: {
  childId: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (picked: File | undefined) => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.upload<AttachmentView>(`/children/${childId}/attachments`, picked, {
        purpose: 'entrustment',
      });
      setFile(saved.fileName);
      onChange?.(saved.id);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={6}>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        hidden
        onChange={(e) => void onFile(e.target.files?.[0])}
        data-testid="entrustment-scan-input"
      />
      <Flex gap={8} align="center" wrap>
        <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} size="large">
          {t('careAdmin.entrustment.upload')}
        </Button>
        {value && file && (
          <Typography.Text data-testid="entrustment-scan-name">
            <PaperClipOutlined /> {file}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('careAdmin.entrustment.uploadHint')}
      </Typography.Text>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
