import type { ChildView } from '@shouwang/shared/schemas/children';
import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../../../components/lazyPart';

const ChildPrivacyTab = lazyPart(async () => (await import('../components/ChildPrivacyTab')).ChildPrivacyTab);

/** The child page's 隐私与同意 tab: every reader sees the consents; managers record, withdraw and export. */
export function usePrivacyTab(child: ChildView | undefined): NonNullable<TabsProps['items']> {
  const { t } = useTranslation();
  if (!child) return [];
  return [{ key: 'privacy', label: t('privacy.tab'), children: <ChildPrivacyTab childId={child.id} /> }];
}
