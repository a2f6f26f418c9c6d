import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../api';
import { buildOrgTree, type OrgNode } from '../org-tree';

interface TreeOption {
  value: string;
  label: string;
  title: React.ReactNode;
  name: string;
  disabled: boolean;
  children: TreeOption[];
}

interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined, org: OrgView | undefined) => void;
  /** Which units may be chosen; the others stay visible (greyed) so the tree keeps its shape. */
  selectable?: (org: OrgView) => boolean;
  /** Units to leave out entirely with everything below them. */
  exclude?: ReadonlySet<string>;
  placeholder?: string;
  allowClear?: boolean;
  includeInactive?: boolean;
  id?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/** Picks a unit from the tree the user can see, searchable by name. */
export function OrgTreeSelect({
  value,
  onChange,
  selectable = () => true,
  exclude,
  placeholder,
  allowClear,
  includeInactive,
  id,
  testId,
  style,
}: OrgTreeSelectProps) {
  const { t } = useTranslation();
  const orgs = useOrgs({ includeInactive });
  const items = orgs.data ?? [];

  const treeData = useMemo(() => {
    const toOption = (node: OrgNode): TreeOption | null => {
      if (exclude?.has(node.org.id)) return null;
      const children = node.children.map(toOption).filter((c): c is TreeOption => c !== null);
      const canPick = selectable(node.org);
      if (!canPick && children.length === 0) return null;
      return {
        value: node.org.id,
        label: node.org.name,
        name: node.org.name,
        disabled: !canPick,
        title: (
          <span>
            {node.org.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`orgKinds.${node.org.kind}`)}
              {node.org.active ? '' : ` · ${t('orgs.inactive')}`}
            </Typography.Text>
          </span>
        ),
        children,
      };
    };
    return buildOrgTree(items)
      .map(toOption)
      .filter((c): c is TreeOption => c !== null);
  }, [items, selectable, exclude, t]);

  return (
    <TreeSelect<string>
      id={id}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v) =>
        onChange?.(
          v,
          items.find((o) => o.id === v),
        )
      }
      treeData={treeData}
      treeNodeLabelProp="label"
      treeDefaultExpandAll={items.length <= 300}
      loading={orgs.isPending}
      allowClear={allowClear}
      placeholder={placeholder ?? t('orgs.pick')}
      showSearch={{
        filterTreeNode: (input, node) => String((node as unknown as TreeOption).name).includes(input.trim()),
      }}
      notFoundContent={t('orgs.noMatch')}
      listHeight={320}
    />
  );
}
