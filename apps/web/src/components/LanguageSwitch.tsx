import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguageSwitch } from '../features/auth/hooks/useLanguageSwitch';

/** One tap switches between Chinese and English; the button names the language it switches to. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguageSwitch();
  const next = language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(next)}
      aria-label={t('language.switchTo', { language: t(`language.names.${next}`) })}
      lang={next}
      data-testid="language-switch"
    >
      {compact ? t(`language.short.${next}`) : t(`language.names.${next}`)}
    </Button>
  );
}
