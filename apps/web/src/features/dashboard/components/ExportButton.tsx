import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';

/** Downloads one of the statistics' .xlsx files; the server audits every export. */
export function ExportButton({
  url,
  label,
  testId,
  type = 'default',
  iconOnly = false,
}: {
  url: string;
  label: string;
  testId?: string;
  type?: 'default' | 'text' | 'primary';
  iconOnly?: boolean;
}) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type={type}
      icon={<DownloadOutlined />}
      loading={busy}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        downloadFile(url, i18n.language)
          .catch((e: Error) => message.error(e.message))
          .finally(() => setBusy(false));
      }}
    >
      {iconOnly ? null : label}
    </Button>
  );
}
