import { CheckCircleFilled } from '@ant-design/icons';
import { gradeSubjectLabels } from '@shouwang/shared/enums/learning';
import type { StudyPlanView } from '@shouwang/shared/schemas/learning';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useDeletePlan } from '../api';

/** One study plan in the child's 学习帮扶 tab. */
export function StudyPlanCard({ plan, onEdit }: { plan: StudyPlanView; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useCodeLabels();
  const remove = useDeletePlan();
  return (
    <Card
      size="small"
      data-testid="study-plan-card"
      title={
        <Flex gap={4} wrap>
          {plan.subjects.map((s) => (
            <Tag key={s} color="geekblue" style={{ marginInlineEnd: 0 }}>
              {label(gradeSubjectLabels, s)}
            </Tag>
          ))}
        </Flex>
      }
      extra={
        plan.abilities.update && (
          <Flex gap={4}>
            <Button size="small" type="link" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('learning.confirmDelete')}
              onConfirm={async () => {
                await remove.mutateAsync({ id: plan.id, version: plan.version });
                message.success(t('learning.deleted'));
              }}
            >
              <Button size="small" type="link" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        )
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.content}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'helper',
            label: t('learning.helper'),
            children: plan.helper?.displayName ?? t('learning.helperNone'),
          },
          ...(plan.timeSlots.length
            ? [
                {
                  key: 'slots',
                  label: t('learning.timeSlots'),
                  children: plan.timeSlots
                    .map((s) => `${t(`learning.weekdays.${s.weekday}`)} ${s.start}–${s.end}`)
                    .join(t('common.listSeparator')),
                },
              ]
            : []),
          ...(plan.phaseGoals.length
            ? [
                {
                  key: 'goals',
                  label: t('learning.phaseGoals'),
                  children: (
                    <Flex vertical gap={2}>
                      {plan.phaseGoals.map((g) => (
                        <span key={g.goal}>
                          {g.achieved && <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 4 }} />}
                          {g.goal}
                          {g.dueOn ? `（${g.dueOn}）` : ''}
                        </span>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(plan.nextReviewOn
            ? [
                {
                  key: 'review',
                  label: t('learning.reviewDates'),
                  children: t('learning.nextReview', { date: plan.nextReviewOn }),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
