import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/api';
import { useIsMobile } from '../hooks/useIsMobile';
import { antdLocale, applyLanguage } from './i18n';
import { queryClient } from './query-client';
import { theme } from './theme';

/** After sign-in the account's saved language wins over the one on this device. */
function AccountLanguage() {
  const { data: me } = useMe();
  const saved = me?.user.language;
  useEffect(() => {
    if (saved) void applyLanguage(saved);
  }, [saved]);
  return null;
}

function Ui({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <ConfigProvider
      locale={antdLocale(i18n.language)}
      theme={theme}
      // Finger-sized controls on phones.
      componentSize={isMobile ? 'large' : 'middle'}
    >
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AccountLanguage />
      <Ui>{children}</Ui>
    </QueryClientProvider>
  );
}
