import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAnonymizeDue } from '../api';

/**
 * County administrators: count the children past the retention period (a dry run), then, after
 * confirming, replace their personal data with placeholders. Rows and statistics stay.
 */
export function AnonymizeButton() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const run = useAnonymizeDue();
  const start = async () => {
    try {
      const dry = await run.mutateAsync(true);
      if (dry.count === 0) {
        message.info(t('privacy.anonymize.none', { years: dry.retentionYears }));
        return;
      }
      modal.confirm({
        title: t('privacy.anonymize.confirmTitle', { count: dry.count }),
        content: t('privacy.anonymize.confirmText', { years: dry.retentionYears }),
        okText: t('privacy.anonymize.ok'),
        okButtonProps: { danger: true },
        onOk: async () => {
          const done = await run.mutateAsync(false);
          message.success(t('privacy.anonymize.done', { count: done.count }));
        },
      });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Button type="link" size="small" loading={run.isPending} onClick={() => void start()} style={{ paddingInline: 4 }}>
      {t('privacy.anonymize.button')}
    </Button>
  );
}
