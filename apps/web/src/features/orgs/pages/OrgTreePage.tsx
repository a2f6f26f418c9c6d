import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { OrgKind } from '@shouwang/shared/roles';
import type { OrgTreeItem, OrgView } from '@shouwang/shared/schemas/orgs';
import { orgSearchLimit } from '@shouwang/shared/schemas/orgs';
import {
  Alert,
  App,
  Button,
  Card,
  ConfigProvider,
  Flex,
  Input,
  Skeleton,
  Switch,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useDeleteOrg, useOrgSummary, useSetOrgActive } from '../api';
import type { OrgAction } from '../components/OrgActions';
import { OrgFormDrawer, type OrgFormMode } from '../components/OrgFormDrawer';
import { OrgMoveDrawer } from '../components/OrgMoveDrawer';
import { OrgNodeTitle } from '../components/OrgNodeTitle';
import { useExpansion, useOrgSearch, useOrgTreeData } from '../hooks/useOrgTreeData';
import { buildOrgTree, type OrgNode } from '../org-tree';

/** Above this many loaded units the tree scrolls virtually inside the card. */
const largeTree = 300;

export function OrgTreePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [search, setSearch] = useState('');
  // The tree a level at a time: the first screen, then each unit's sub-units as it is opened.
  const tree = useOrgTreeData(includeInactive);
  const { q: query, found } = useOrgSearch(search, includeInactive);
  const summary = useOrgSummary();
  const formDrawer = useDrawerState<OrgFormMode>();
  const moveDrawer = useDrawerState<OrgView>();
  const setActive = useSetOrgActive();
  const remove = useDeleteOrg();
  const expansion = useExpansion(tree.openedIds);
  const searching = query.length > 0;
  const orgs = searching ? found : tree.opening;
  const shown: OrgTreeItem[] = searching ? (found.data?.items ?? []) : tree.items;
  const items = tree.items;
  // The drawers look up parents and place names among everything loaded, search results included.
  const known = searching ? [...items, ...shown] : items;

  const onAction = (action: OrgAction, org: OrgView) => {
    const run = (promise: Promise<unknown>, done: string) =>
      promise.then(
        () => {
          message.success(done);
        },
        (e: Error) => {
          message.error(e.message);
        },
      );
    switch (action) {
      case 'createChild':
        return formDrawer.open({ type: 'create', parent: org });
      case 'edit':
        return formDrawer.open({ type: 'edit', org });
      case 'move':
        return moveDrawer.open(org);
      case 'deactivate':
        return modal.confirm({
          title: t('orgs.deactivateConfirm', { name: org.name }),
          content: t('orgs.deactivateHint'),
          okText: t('orgs.actions.deactivate'),
          okButtonProps: { danger: true },
          onOk: () => run(setActive.mutateAsync({ org, active: false }), t('orgs.deactivated', { name: org.name })),
        });
      case 'reactivate':
        return modal.confirm({
          title: t('orgs.reactivateConfirm', { name: org.name }),
          content: t('orgs.reactivateHint'),
          okText: t('orgs.actions.reactivate'),
          onOk: () => run(setActive.mutateAsync({ org, active: true }), t('orgs.reactivated', { name: org.name })),
        });
      case 'delete':
        return modal.confirm({
          title: t('orgs.deleteConfirm', { name: org.name }),
          content: t('orgs.deleteHint'),
          okText: t('orgs.actions.delete'),
          okButtonProps: { danger: true },
          onOk: () => run(remove.mutateAsync(org), t('orgs.deleted', { name: org.name })),
        });
    }
  };

  const toNode = (node: OrgNode<OrgTreeItem>): TreeDataNode => {
    // A unit with sub-units not loaded yet folds; opening it loads them (loadData).
    const unloaded = !searching && (node.org.childCount ?? 0) > 0 && node.children.length === 0;
    return {
      key: node.org.id,
      title: <OrgNodeTitle org={node.org} showCode={!isMobile} onAction={onAction} />,
      children: unloaded ? undefined : node.children.map(toNode),
      isLeaf: !unloaded && node.children.length === 0,
    };
  };
  const treeData = buildOrgTree(shown).map(toNode);

  const expandedKeys = searching
    ? shown.map((o) => o.id)
    : items.filter((o) => expansion.isOpen(o.id)).map((o) => o.id);
  const toggle = expansion.toggle;
  const large = shown.length > largeTree;
  const canCreate = items.some((o) => o.active && o.abilities.createChild);
  const counts = (summary.data?.kinds ?? []).filter((c) => c.count > 0);

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        subtitle={t('orgs.subtitle')}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => formDrawer.open({ type: 'create' })}
              data-testid="org-create"
            >
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 20 } }}>
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('orgs.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ flex: '1 1 220px', maxWidth: isMobile ? undefined : 320 }}
          />
          <Flex align="center" gap={8}>
            <Switch checked={includeInactive} onChange={setIncludeInactive} id="org-include-inactive" />
            <label htmlFor="org-include-inactive">{t('orgs.showInactive')}</label>
          </Flex>
        </Flex>
        {counts.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="org-counts">
            {t('orgs.countsPrefix')}
            {counts
              .map((c) => t(`orgs.kindCount.${c.kind as OrgKind}`, { count: c.count }))
              .join(t('common.listSeparator'))}
          </Typography.Paragraph>
        )}
        {searching && found.data?.truncated && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('orgs.truncated', { count: orgSearchLimit })}
          />
        )}
        {orgs.isPending ? (
          <Skeleton active />
        ) : orgs.isError ? (
          <QueryError error={orgs.error} onRetry={() => orgs.refetch()} />
        ) : treeData.length === 0 ? (
          <EmptyState description={query ? t('orgs.noMatch') : t('orgs.empty')} />
        ) : (
          // Rows hold touch-sized action buttons; a matching title height keeps the switchers in line.
          <ConfigProvider theme={{ components: { Tree: { titleHeight: 36 } } }}>
            <Tree
              className="sw-org-tree"
              blockNode
              selectable={false}
              showLine={{ showLeafIcon: false }}
              treeData={treeData}
              expandedKeys={expandedKeys}
              onExpand={(_keys, info) => {
                if (!searching) toggle(String(info.node.key), info.expanded);
              }}
              loadData={searching ? undefined : (node) => tree.loadChildren(String(node.key))}
              // Only long lists scroll inside the card (virtualised); short ones stay part of the page.
              height={large ? 640 : undefined}
              data-testid="org-tree"
            />
          </ConfigProvider>
        )}
      </Card>
      {formDrawer.state && (
        <OrgFormDrawer
          key={formDrawer.state.key}
          open={formDrawer.state.open}
          mode={formDrawer.state.subject}
          orgs={known}
          onClose={formDrawer.close}
          onCreated={(org) => {
            if (!org.parentId) return;
            toggle(org.parentId, true);
            void tree.loadChildren(org.parentId);
          }}
        />
      )}
      {moveDrawer.state && (
        <OrgMoveDrawer
          key={moveDrawer.state.key}
          open={moveDrawer.state.open}
          org={moveDrawer.state.subject}
          orgs={known}
          onClose={moveDrawer.close}
        />
      )}
    </>
  );
}
