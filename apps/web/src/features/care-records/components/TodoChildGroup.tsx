import { EditOutlined, RightOutlined } from '@ant-design/icons';
import { careRuleKindLabels, termWindowLabels } from '@shouwang/shared/enums/care';
import type { TodoItem } from '@shouwang/shared/schemas/todos';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

const accent = (item: TodoItem) =>
  item.overdue || item.section === 'urgent'
    ? '#cf1322'
    : item.section === 'follow_up' || item.section === 'task'
      ? '#1677ff'
      : '#faad14';

/** The tag: the task's title, 跟进, or the duty's kind (with its term window). */
function useTagText(item: TodoItem): string {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  if (item.task) return item.task.title;
  if (item.section === 'follow_up') return t('care.todo.followUpTag');
  const period = item.period?.window ? label(termWindowLabels, item.period.window) : null;
  return `${item.kind ? label(careRuleKindLabels, item.kind) : ''}${period ? ` · ${period}` : ''}`;
}

/** One duty inside a child's card: what, by when, and one tap to record it. */
function TodoDuty({ item, onRecord }: { item: TodoItem; onRecord: (item: TodoItem) => void }) {
  const { t } = useTranslation();
  const tag = useTagText(item);
  const due = dayjs(item.dueDate);
  const daysLate = dayjs().startOf('day').diff(due, 'day');
  const when =
    item.section === 'follow_up' || (item.section === 'task' && !item.overdue)
      ? t('care.todo.followUpOn', { date: due.format(t('care.dateFormat')) })
      : item.overdue
        ? t('care.todo.overdueBy', { count: Math.max(daysLate, 1) })
        : t('care.todo.dueBy', { date: due.format(t('care.dateFormat')) });
  const urgent = item.section === 'urgent';
  const detail = item.sourceRecord?.summary ?? item.task?.detail ?? null;
  return (
    <Flex
      align="center"
      gap={8}
      data-testid="todo-item"
      data-section={item.section}
      onClick={() => onRecord(item)}
      style={{ minHeight: 48, padding: '6px 0', borderTop: '1px solid rgba(5,5,5,0.06)', cursor: 'pointer' }}
    >
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Flex align="center" gap={6} wrap>
          <Tag
            color={item.overdue || urgent ? 'red' : item.section === 'follow_up' || item.task ? 'blue' : 'gold'}
            style={{ marginInlineEnd: 0, fontSize: 13 }}
          >
            {tag}
          </Tag>
          <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {when}
          </Typography.Text>
        </Flex>
        {detail && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {detail}
          </Typography.Text>
        )}
      </Flex>
      <Button
        type={item.overdue || urgent ? 'primary' : 'default'}
        danger={item.overdue || urgent}
        icon={item.record ? <EditOutlined /> : <RightOutlined />}
        data-testid="todo-record"
        style={{ minHeight: 40 }}
        onClick={(e) => {
          e.stopPropagation();
          onRecord(item);
        }}
      >
        {item.record ? t('care.todo.record') : t('care.todo.open')}
      </Button>
    </Flex>
  );
}

/** A child's duties in one section, in one card: a teacher with five children sees five cards. */
export function TodoChildGroup({ items, onRecord }: { items: TodoItem[]; onRecord: (item: TodoItem) => void }) {
  const { t } = useTranslation();
  const first = items[0]!;
  return (
    <div
      data-testid="todo-child"
      style={{
        padding: '10px 12px 4px 14px',
        borderRadius: 10,
        background: '#fff',
        border: '1px solid rgba(5,5,5,0.06)',
        borderInlineStart: `4px solid ${accent(first)}`,
      }}
    >
      <Flex align="baseline" gap={8} style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {first.child?.name ?? t('care.todo.unnamedChild')}
        </Typography.Text>
        {first.child?.className && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {first.child.className}
          </Typography.Text>
        )}
      </Flex>
      {items.map((item) => (
        <TodoDuty key={item.id} item={item} onRecord={onRecord} />
      ))}
    </div>
  );
}
