import { PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import {
  contactFrequencyLabels,
  parentRelationLabels,
  parentStatusLabels,
  returnFrequencyLabels,
} from '@shouwang/shared/enums/children';
import type { ParentView } from '@shouwang/shared/schemas/child-family';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { App, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useDeleteParent } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { FamilyMemberCards } from './FamilyMemberCards';
import { ParentFormDrawer } from './ParentFormDrawer';

/** 家庭: the parents, where they work, how to reach them; unreachable ones stand out. */
export function ChildParentsTab({ child }: { child: ChildView }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { label } = useCodeLabels();
  const drawer = useDrawerState<ParentView | null>();
  const remove = useDeleteParent();
  const canManage = child.abilities.manageFamily === true;
  const f = (key: string) => t(`children.parents.fields.${key}`);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const confirmDelete = (parent: ParentView) =>
    modal.confirm({
      title: t('children.parents.deleteTitle', { name: parent.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () =>
        remove.mutateAsync({ childId: child.id, parent }).then(
          () => message.success(t('children.parents.deleted')),
          (e: Error) => message.error(e.message),
        ),
    });

  return (
    <>
      <FamilyMemberCards
        items={child.parents}
        testIdPrefix="parent"
        emptyText={t('children.parents.empty')}
        addText={t('children.parents.add')}
        canManage={canManage}
        onAdd={() => drawer.open(null)}
        onEdit={(p) => drawer.open(p)}
        onDelete={confirmDelete}
        relation={(p) => label(parentRelationLabels, p.relation)}
        tags={(p) => (
          <>
            {p.status && (
              <Tag color={p.status === 'migrant_work' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                {label(parentStatusLabels, p.status)}
              </Tag>
            )}
            {p.unreachable && (
              <Tag color="error" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('children.flags.parentUnreachable')}
              </Tag>
            )}
          </>
        )}
        details={(p) => [
          {
            key: 'phones',
            label: f('phones'),
            children: p.phones.length ? (
              <Flex vertical gap={2}>
                {p.phones.map((phone) => (
                  <a key={phone} href={`tel:${phone}`}>
                    <PhoneOutlined /> {phone}
                  </a>
                ))}
              </Flex>
            ) : (
              none
            ),
          },
          {
            key: 'workPlace',
            label: f('workPlace'),
            children: [p.workProvince, p.workCity].filter(Boolean).join(' ') || none,
          },
          { key: 'employer', label: f('employer'), children: p.employer || none },
          { key: 'occupation', label: f('occupation'), children: p.occupation || none },
          { key: 'leftHomeOn', label: f('leftHomeOn'), children: p.leftHomeOn || none },
          {
            key: 'returnFrequency',
            label: f('returnFrequency'),
            children: label(returnFrequencyLabels, p.returnFrequency) || none,
          },
          {
            key: 'contactFrequency',
            label: f('contactFrequency'),
            children: label(contactFrequencyLabels, p.contactFrequency) || none,
          },
          ...(p.note ? [{ key: 'note', label: f('note'), children: p.note }] : []),
        ]}
      />
      {drawer.state && (
        <ParentFormDrawer
          key={drawer.state.key}
          open={drawer.state.open}
          childId={child.id}
          parent={drawer.state.subject}
          onClose={drawer.close}
        />
      )}
    </>
  );
}
