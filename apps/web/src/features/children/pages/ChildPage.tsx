import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UndoOutlined, WarningOutlined } from '@ant-design/icons';
import type { CompletenessField } from '@shouwang/shared/completeness';
import { sexLabels } from '@shouwang/shared/enums/children';
import { Alert, App, Button, Card, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { lazyPart } from '../../../components/lazyPart';
import { QueryError } from '../../../components/QueryError';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useWellbeingTab } from '../../counseling/hooks/useWellbeingTab';
import { useHealthLearningTabs } from '../../learning/hooks/useHealthLearningTabs';
import { usePrivacyTab } from '../../privacy/hooks/usePrivacyTab';
import { useChild, useDeleteChild, useRestoreChild } from '../api';
import { childPlacement } from '../child-placement';
import { ChildBasicTab } from '../components/ChildBasicTab';
import { ChildCategoryTags } from '../components/ChildCategoryTags';
import { ChildFlags } from '../components/ChildFlags';
import { ChildPhoto } from '../components/ChildPhoto';
import { CompletenessPanel, type CompletenessTarget } from '../components/CompletenessPanel';
import { useCodeLabels } from '../hooks/useCodeLabels';

// Every tab but the first, and the edit drawer, download when first opened (issue 8: ≤ 700 KB a route).
const ChildParentsTab = lazyPart(async () => (await import('../components/ChildParentsTab')).ChildParentsTab);
const ChildGuardiansTab = lazyPart(async () => (await import('../components/ChildGuardiansTab')).ChildGuardiansTab);
const ContactCardTab = lazyPart(async () => (await import('../components/ContactCardTab')).ContactCardTab);
const ChildFormDrawer = lazyPart(async () => (await import('../components/ChildFormDrawer')).ChildFormDrawer, null);
const ChildTimelineTab = lazyPart(
  async () => (await import('../../care-records/components/ChildTimelineTab')).ChildTimelineTab,
);
const ChildPledgesTab = lazyPart(
  async () => (await import('../../pledges/components/ChildPledgesTab')).ChildPledgesTab,
);
const ChildActivitiesAidTab = lazyPart(
  async () => (await import('../../aid/components/ChildActivitiesAidTab')).ChildActivitiesAidTab,
);

const tabKeys = [
  'basic',
  'family',
  'guardians',
  'contactCard',
  'care',
  'health',
  'learning',
  'pledges',
  'wellbeing',
  'activities',
  'privacy',
] as const;
type TabKey = (typeof tabKeys)[number];

/** One child's archive: header with alerts and completeness, then the tabs. */
export function ChildPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { label } = useCodeLabels();
  const child = useChild(id);
  const wellbeingTab = useWellbeingTab(child.data);
  const healthLearningTabs = useHealthLearningTabs(child.data);
  const privacyTab = usePrivacyTab(child.data);
  // The drawer opens on the field to fill in when it comes from the completeness list.
  const editDrawer = useDrawerState<CompletenessField | null>();
  const remove = useDeleteChild();
  const restore = useRestoreChild();
  // The open tab lives in the address, so the back button and a shared link keep it.
  const [params, setParams] = useSearchParams();
  const tab: TabKey = tabKeys.find((k) => k === params.get('tab')) ?? 'basic';
  const setTab = (key: TabKey) => setParams(key === 'basic' ? {} : { tab: key }, { replace: true });

  const back = (
    <Link to="/children" style={{ display: 'inline-block', marginBottom: 12 }}>
      <ArrowLeftOutlined /> {t('children.backToList')}
    </Link>
  );
  if (child.isPending)
    return (
      <>
        {back}
        <Card>
          <Skeleton active />
        </Card>
      </>
    );
  if (child.isError)
    return (
      <>
        {back}
        <Card>
          {isApiError(child.error) && child.error.status === 404 ? (
            <Result status="404" subTitle={t('children.notFound')} />
          ) : (
            <QueryError error={child.error} onRetry={() => child.refetch()} />
          )}
        </Card>
      </>
    );

  const c = child.data;
  const facts = [
    label(sexLabels, c.sex),
    c.age != null ? t('children.ageYears', { count: c.age }) : '',
    childPlacement(c),
  ].filter(Boolean);

  const onFix = (target: CompletenessTarget, field?: CompletenessField) => {
    if (target === 'form') editDrawer.open(field ?? null);
    else setTab(target);
  };

  const confirmDelete = () =>
    modal.confirm({
      title: t('children.confirm.deleteTitle', { name: c.name }),
      content: t('children.confirm.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(c).then(
          () => {
            message.success(t('children.confirm.deleted'));
            navigate('/children');
          },
          (e: Error) => message.error(e.message),
        ),
    });

  const size = isMobile ? 'large' : 'middle';
  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 14 : 20 } }}>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <ChildPhoto child={c} size={isMobile ? 72 : 88} />
          <div style={{ minWidth: 0, flex: '1 1 160px' }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="child-title">
              {c.name}
            </Typography.Title>
            <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text>
            <Flex vertical gap={6} style={{ marginTop: 8 }}>
              <ChildCategoryTags categories={c.categories} />
              <ChildFlags child={c} />
            </Flex>
          </div>
          <Flex gap={8} wrap>
            {c.abilities.update && (
              <Button
                type="primary"
                size={size}
                icon={<EditOutlined />}
                onClick={() => editDrawer.open(null)}
                data-testid="child-edit"
              >
                {t('children.actions.edit')}
              </Button>
            )}
            {c.abilities.delete && (
              <Button size={size} danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="child-delete">
                {t('children.actions.delete')}
              </Button>
            )}
            {c.abilities.restore && (
              <Button
                size={size}
                icon={<UndoOutlined />}
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(c, {
                    onSuccess: () => message.success(t('children.confirm.restored')),
                    onError: (e) => message.error(e.message),
                  })
                }
                data-testid="child-restore"
              >
                {t('children.actions.restore')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>

      {c.parentUnreachable && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          title={t('children.flags.parentUnreachableLong')}
          style={{ marginBottom: 16 }}
          data-testid="child-parent-unreachable"
          action={
            <Button size="small" onClick={() => setTab('family')}>
              {t('children.tabs.family')}
            </Button>
          }
        />
      )}
      <CompletenessPanel child={c} onFix={c.abilities.update ? onFix : undefined} />

      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        // Five tabs fit a 375 px screen with narrower gaps, so none hides behind "…".
        tabBarGutter={isMobile ? 14 : undefined}
        items={[
          { key: 'basic', label: t('children.tabs.basic'), children: <ChildBasicTab child={c} /> },
          {
            key: 'family',
            label: `${t('children.tabs.family')}${c.parents.length ? ` ${c.parents.length}` : ''}`,
            children: <ChildParentsTab child={c} />,
          },
          {
            key: 'guardians',
            label: `${t('children.tabs.guardians')}${c.guardians.length ? ` ${c.guardians.length}` : ''}`,
            children: <ChildGuardiansTab child={c} />,
          },
          { key: 'contactCard', label: t('children.tabs.contactCard'), children: <ContactCardTab child={c} /> },
          { key: 'care', label: t('care.timeline.title'), children: <ChildTimelineTab child={c} /> },
          ...healthLearningTabs,
          { key: 'pledges', label: t('wellbeing.pledges.tab'), children: <ChildPledgesTab child={c} /> },
          { key: 'activities', label: t('activities.childTab.title'), children: <ChildActivitiesAidTab child={c} /> },
          ...wellbeingTab,
          ...privacyTab,
        ]}
      />

      {editDrawer.state && (
        <ChildFormDrawer
          key={editDrawer.state.key}
          open={editDrawer.state.open}
          child={c}
          focus={editDrawer.state.subject}
          onClose={editDrawer.close}
        />
      )}
    </>
  );
}
