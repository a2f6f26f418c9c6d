import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

interface ConsentError {
  code?: string;
  message: string;
  details?: { field?: string; message: string }[];
}

const consentCodes = new Set(['CONSENT_PHOTOS_MISSING', 'CONSENT_SHARING_MISSING']);

export const isConsentBlocked = (e: unknown): e is ConsentError =>
  e instanceof Error && consentCodes.has((e as ConsentError).code ?? '');

/**
 * Explains a refusal for want of consent: which child, what is missing, and a way to the child's
 * 隐私与同意 tab where a manager records the guardian's consent. Answers false for other errors.
 */
export function useConsentBlocked() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  return (e: unknown): boolean => {
    if (!isConsentBlocked(e)) return false;
    const dialog = modal.warning({
      title: e.message,
      icon: <SafetyCertificateOutlined />,
      okText: t('common.close'),
      content: (
        <Flex vertical gap={8} data-testid="consent-blocked">
          {(e.details ?? []).map((d) => (
            <Flex key={d.field ?? d.message} justify="space-between" align="center" gap={8} wrap>
              <Typography.Text>{d.message}</Typography.Text>
              {d.field && (
                <Button
                  size="small"
                  onClick={() => {
                    dialog.destroy();
                    navigate(`/children/${d.field}?tab=privacy`);
                  }}
                >
                  {t('privacy.blocked.open')}
                </Button>
              )}
            </Flex>
          ))}
          <Typography.Text type="secondary">{t('privacy.blocked.hint')}</Typography.Text>
        </Flex>
      ),
    });
    return true;
  };
}
