import { FileDoneOutlined, PhoneOutlined } from '@ant-design/icons';
import {
  guardianHealthStatusLabels,
  guardianRelationLabels,
  literacyLevelLabels,
} from '@shouwang/shared/enums/children';
import type { GuardianView } from '@shouwang/shared/schemas/child-family';
import type { ChildView } from '@shouwang/shared/schemas/children';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useDeleteGuardian } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { EntrustmentDrawer } from './EntrustmentDrawer';
import { EntrustmentPanel } from './EntrustmentPanel';
import { FamilyMemberCards } from './FamilyMemberCards';
import { GuardianFormDrawer } from './GuardianFormDrawer';

/** 监护人: who the child lives with, how to reach them, and the 委托监护确认书 signings. */
export function ChildGuardiansTab({ child }: { child: ChildView }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { label } = useCodeLabels();
  const formDrawer = useDrawerState<GuardianView | null>();
  const signDrawer = useDrawerState<GuardianView>();
  const remove = useDeleteGuardian();
  const canManage = child.abilities.manageFamily === true;
  const f = (key: string) => t(`children.guardians.fields.${key}`);
  const e = (key: string, opts?: Record<string, unknown>) => t(`children.guardians.entrustment.${key}`, opts);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const confirmDelete = (guardian: GuardianView) =>
    modal.confirm({
      title: t('children.guardians.deleteTitle', { name: guardian.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () =>
        remove.mutateAsync({ childId: child.id, guardian }).then(
          () => message.success(t('children.guardians.deleted')),
          (err: Error) => message.error(err.message),
        ),
    });

  return (
    <>
      <FamilyMemberCards
        items={child.guardians}
        testIdPrefix="guardian"
        emptyText={t('children.guardians.empty')}
        addText={t('children.guardians.add')}
        canManage={canManage}
        onAdd={() => formDrawer.open(null)}
        onEdit={(g) => formDrawer.open(g)}
        onDelete={confirmDelete}
        relation={(g) => label(guardianRelationLabels, g.relation)}
        tags={(g) =>
          g.isPrimary && (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('children.guardians.primary')}
            </Tag>
          )
        }
        details={(g) => [
          {
            key: 'phone',
            label: f('phone'),
            children: g.phone ? (
              <a href={`tel:${g.phone}`}>
                <PhoneOutlined /> {g.phone}
              </a>
            ) : (
              none
            ),
          },
          { key: 'address', label: f('address'), children: g.address || none },
          { key: 'age', label: f('age'), children: g.age ?? none },
          { key: 'health', label: f('health'), children: label(guardianHealthStatusLabels, g.health) || none },
          { key: 'literacy', label: f('literacy'), children: label(literacyLevelLabels, g.literacy) || none },
          ...(g.idNumberMasked ? [{ key: 'id', label: f('idNumber'), children: g.idNumberMasked }] : []),
          ...(g.note ? [{ key: 'note', label: f('note'), children: g.note }] : []),
        ]}
        below={(g) => (
          <Card
            type="inner"
            size="small"
            style={{ marginTop: 12 }}
            title={
              <Flex gap={8} align="center" wrap>
                <FileDoneOutlined />
                <span>{e('title')}</span>
                {g.entrustment ? (
                  <Tag color="success" style={{ marginInlineEnd: 0 }}>
                    {e('current', { date: g.entrustment.signedOn })}
                  </Tag>
                ) : (
                  <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                    {e('none')}
                  </Tag>
                )}
              </Flex>
            }
            extra={
              canManage && (
                <Button size="small" onClick={() => signDrawer.open(g)} data-testid={`entrustment-sign-${g.name}`}>
                  {e('sign')}
                </Button>
              )
            }
          >
            <EntrustmentPanel guardian={g} />
          </Card>
        )}
      />
      {formDrawer.state && (
        <GuardianFormDrawer
          key={formDrawer.state.key}
          open={formDrawer.state.open}
          childId={child.id}
          guardian={formDrawer.state.subject}
          isFirst={child.guardians.length === 0}
          onClose={formDrawer.close}
        />
      )}
      {signDrawer.state && (
        <EntrustmentDrawer
          key={signDrawer.state.key}
          open={signDrawer.state.open}
          childId={child.id}
          guardian={signDrawer.state.subject}
          onClose={signDrawer.close}
        />
      )}
    </>
  );
}
