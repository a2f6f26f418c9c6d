import { DeleteOutlined, EditOutlined, PhoneOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  contactFrequencyLabels,
  parentRelationLabels,
  parentStatusLabels,
  returnFrequencyLabels,
} from '@shouwang/shared/enums/children';
import type { ParentView } from '@shouwang/shared/schemas/child-family';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useDeleteParent } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { ParentFormDrawer } from './ParentFormDrawer';

/** 家庭: the parents, where they work, how to reach them; unreachable ones stand out. */
export function ChildParentsTab({ child }: { child: ChildView }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { label } = useCodeLabels();
  const isMobile = useIsMobile();
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

  const addButton = canManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.open(null)} data-testid="parent-add">
      {t('children.parents.add')}
    </Button>
  );

  return (
    <>
      {child.parents.length === 0 ? (
        <Card>
          <EmptyState description={t('children.parents.empty')} action={addButton} />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {addButton && <Flex justify="flex-end">{addButton}</Flex>}
          {child.parents.map((p) => (
            <Card
              key={p.id}
              size="small"
              data-testid={`parent-card-${p.name}`}
              styles={{ header: { paddingBlock: 8 } }}
              title={
                <Flex gap={8} align="center" wrap>
                  <span>{p.name}</span>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {label(parentRelationLabels, p.relation)}
                  </Typography.Text>
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
                </Flex>
              }
              extra={
                p.abilities.update && (
                  <Flex gap={4}>
                    <Button
                      type="text"
                      icon={<EditOutlined />}
                      onClick={() => drawer.open(p)}
                      aria-label={t('common.edit')}
                      data-testid={`parent-edit-${p.name}`}
                    />
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => confirmDelete(p)}
                      aria-label={t('common.delete')}
                    />
                  </Flex>
                )
              }
            >
              <Descriptions
                size="small"
                column={isMobile ? 1 : 2}
                items={[
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
            </Card>
          ))}
        </Flex>
      )}
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
