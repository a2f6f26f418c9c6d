import { PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { useConsentBlocked } from '../../privacy/hooks/useConsentBlocked';

/** Downloads a 联系卡 PDF (one child, or a class/village sheet) to print; the server audits it. */
export function ContactCardPdfButton({
  url,
  label,
  size = 'middle',
  testId,
}: {
  url: string;
  label: string;
  size?: 'large' | 'middle';
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const consentBlocked = useConsentBlocked();
  return (
    <Button
      size={size}
      icon={<PrinterOutlined />}
      loading={busy}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        downloadFile(url, i18n.language)
          .catch((e: Error) => {
            if (!consentBlocked(e)) message.error(e.message);
          })
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}
