import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The recovery codes, shown once. Copy and download work from memory only (a Blob URL dropped at
 * once): nothing lands in browser storage.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = `${t('security.codesTitle')}\n\n${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      void message.success(t('common.copied'));
    } catch {
      void message.error(t('errors.unknown'));
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('security.downloadName');
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div>
      <Alert type="warning" showIcon title={t('security.codesIntro')} style={{ marginBottom: 16 }} />
      <ol
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
          gap: '6px 16px',
          margin: '0 0 16px',
          paddingInlineStart: 24,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 16,
        }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('security.copyAll')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('security.download')}
        </Button>
      </Flex>
      <Button type="primary" block size="large" onClick={onDone} data-testid="recovery-codes-done">
        {t('security.done')}
      </Button>
    </div>
  );
}
