import type { ChildView } from '@shouwang/shared/schemas/children';
import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../../../components/lazyPart';
import { useMe } from '../../auth/api';

const ChildWellbeingTab = lazyPart(async () => (await import('../components/ChildWellbeingTab')).ChildWellbeingTab);

/** The child page's 心理与安全 tab, for holders of `risk.read`; the server decides again on each request. */
export function useWellbeingTab(child: ChildView | undefined): NonNullable<TabsProps['items']> {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!child || !me?.permissions.includes('risk.read')) return [];
  return [
    {
      key: 'wellbeing',
      label: t('counseling.tab'),
      children: <ChildWellbeingTab child={child} canRaise={me.permissions.includes('concern.raise')} />,
    },
  ];
}
