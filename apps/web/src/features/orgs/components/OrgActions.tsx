import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  MoreOutlined,
  PlusOutlined,
  PoweroffOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';

export type OrgAction = 'createChild' | 'edit' | 'move' | 'deactivate' | 'reactivate' | 'delete';

/** The actions the server says this user may take on this unit; nothing when there are none. */
export function OrgActions({ org, onAction }: { org: OrgView; onAction: (action: OrgAction, org: OrgView) => void }) {
  const { t } = useTranslation();
  const a = org.abilities;
  const items: MenuProps['items'] = [];
  if (a.createChild && org.active)
    items.push({ key: 'createChild', icon: <PlusOutlined />, label: t('orgs.actions.createChild') });
  if (a.update) items.push({ key: 'edit', icon: <EditOutlined />, label: t('orgs.actions.edit') });
  if (a.move && org.parentId) items.push({ key: 'move', icon: <DragOutlined />, label: t('orgs.actions.move') });
  if (a.deactivate && org.parentId)
    items.push(
      org.active
        ? { key: 'deactivate', icon: <PoweroffOutlined />, label: t('orgs.actions.deactivate') }
        : { key: 'reactivate', icon: <UndoOutlined />, label: t('orgs.actions.reactivate') },
    );
  if (a.delete && org.parentId)
    items.push(
      { type: 'divider' },
      { key: 'delete', icon: <DeleteOutlined />, label: t('orgs.actions.delete'), danger: true },
    );
  if (items.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        onClick: ({ key, domEvent }) => {
          domEvent.stopPropagation();
          onAction(key as OrgAction, org);
        },
      }}
    >
      <Button
        type="text"
        icon={<MoreOutlined />}
        onClick={(e) => e.stopPropagation()}
        aria-label={t('orgs.actionsFor', { name: org.name })}
        data-testid={`org-actions-${org.name}`}
        style={{ minWidth: 40, minHeight: 36 }}
      />
    </Dropdown>
  );
}
