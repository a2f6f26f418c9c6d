import type { OrgKind } from '@shouwang/shared/roles';
import type { OrgTreeItem } from '@shouwang/shared/schemas/orgs';
import { TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../api';
import { useExpansion, useOrgSearch, useOrgTreeData } from '../hooks/useOrgTreeData';
import { buildOrgTree, kindsLeadingTo, type OrgNode } from '../org-tree';

interface TreeOption {
  value: string;
  label: string;
  title: React.ReactNode;
  disabled: boolean;
  isLeaf: boolean;
  children?: TreeOption[];
}

interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined, org: OrgTreeItem | undefined) => void;
  /** Which units may be chosen; the others stay visible (greyed) so the tree keeps its shape. */
  selectable?: (org: OrgTreeItem) => boolean;
  /** The kinds that may be chosen: branches that cannot lead to one are left out before loading. */
  kinds?: readonly OrgKind[];
  /** Units to leave out entirely with everything below them. */
  exclude?: (org: OrgTreeItem) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  includeInactive?: boolean;
  id?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/**
 * Picks a unit from the tree the user can see. The tree loads a level at a time as the user opens
 * it; typing searches the whole scope on the server.
 */
export function OrgTreeSelect({
  value,
  onChange,
  selectable = () => true,
  kinds,
  exclude,
  placeholder,
  allowClear,
  includeInactive = false,
  id,
  testId,
  style,
}: OrgTreeSelectProps) {
  const { t } = useTranslation();
  const tree = useOrgTreeData(includeInactive);
  const [search, setSearch] = useState('');
  const { q, found } = useOrgSearch(search, includeInactive);
  const searching = q.length > 0;
  const source = searching ? (found.data?.items ?? []) : tree.items;
  const expansion = useExpansion(tree.openedIds);
  const wanted = useMemo(() => (kinds ? kindsLeadingTo(kinds) : undefined), [kinds]);
  // The chosen unit may lie in a branch not opened yet: its name comes from its own record.
  const known = tree.items.find((o) => o.id === value);
  const chosen = useOrg(value && !known ? value : undefined);

  const treeData = useMemo(() => {
    const toOption = (node: OrgNode<OrgTreeItem>): TreeOption | null => {
      const org = node.org;
      if (exclude?.(org) || (wanted && !wanted.has(org.kind))) return null;
      const children = node.children.map(toOption).filter((c): c is TreeOption => c !== null);
      const canPick = selectable(org);
      const unloaded = !searching && (org.childCount ?? 0) > 0 && node.children.length === 0;
      if (!canPick && children.length === 0 && !unloaded) return null;
      return {
        value: org.id,
        label: org.name,
        disabled: !canPick,
        isLeaf: !unloaded && children.length === 0,
        children: unloaded ? undefined : children,
        title: (
          <span>
            {org.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`orgKinds.${org.kind}`)}
              {org.active ? '' : ` · ${t('orgs.inactive')}`}
            </Typography.Text>
          </span>
        ),
      };
    };
    return buildOrgTree(source)
      .map(toOption)
      .filter((c): c is TreeOption => c !== null);
  }, [source, searching, selectable, exclude, wanted, t]);

  const expandedKeys = searching
    ? source.map((o) => o.id)
    : tree.items.filter((o) => expansion.isOpen(o.id)).map((o) => o.id);
  const label = known?.name ?? chosen.data?.name ?? (value ? '…' : undefined);

  return (
    <TreeSelect<{ value: string; label?: React.ReactNode } | undefined>
      id={id}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(v) => {
        setSearch('');
        onChange?.(
          v?.value,
          source.find((o) => o.id === v?.value),
        );
      }}
      treeData={treeData}
      treeNodeLabelProp="label"
      treeExpandedKeys={expandedKeys}
      onTreeExpand={(keys) => {
        if (searching) return;
        const open = new Set(keys.map(String));
        for (const o of tree.items)
          if (open.has(o.id) !== expansion.isOpen(o.id)) expansion.toggle(o.id, open.has(o.id));
      }}
      loadData={searching ? undefined : (node) => tree.loadChildren(String(node.value))}
      loading={tree.opening.isPending || (searching && found.isFetching)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('orgs.pick')}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      notFoundContent={searching && found.isFetching ? t('common.loading') : t('orgs.noMatch')}
      listHeight={320}
    />
  );
}
