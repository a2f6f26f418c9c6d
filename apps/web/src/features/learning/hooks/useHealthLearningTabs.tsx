import type { ChildView } from '@shouwang/shared/schemas/children';
import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../../../components/lazyPart';
import { useMe } from '../../auth/api';

const ChildHealthTab = lazyPart(
  async () => (await import('../../health-checks/components/ChildHealthTab')).ChildHealthTab,
);
const ChildLearningTab = lazyPart(async () => (await import('../components/ChildLearningTab')).ChildLearningTab);

/**
 * The child page's 体检 and 学习帮扶 tabs, each shown to those who may read it (health details are
 * sensitive: not shown to mentors or county staff). The server decides again on every request.
 */
export function useHealthLearningTabs(child: ChildView | undefined): NonNullable<TabsProps['items']> {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!child || !me) return [];
  const can = (p: string) => me.permissions.includes(p as (typeof me.permissions)[number]);
  return [
    ...(can('health_check.read')
      ? [
          {
            key: 'health',
            label: t('health.tab'),
            children: <ChildHealthTab child={child} canWrite={can('health_check.write')} />,
          },
        ]
      : []),
    ...(can('learning.read')
      ? [
          {
            key: 'learning',
            label: t('learning.tab'),
            children: (
              <ChildLearningTab
                child={{ id: child.id, name: child.name, schoolId: child.school?.id ?? null }}
                canWrite={can('learning.write')}
              />
            ),
          },
        ]
      : []),
  ];
}
