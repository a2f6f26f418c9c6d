import { EditOutlined } from '@ant-design/icons';
import { careRecordKindLabels, termWindowLabels } from '@shouwang/shared/enums/care';
import type { TodoItem } from '@shouwang/shared/schemas/todos';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

const accent = (item: TodoItem) => (item.overdue ? '#cf1322' : item.section === 'follow_up' ? '#1677ff' : '#faad14');

/** One duty inside a child's card: what, by when, and one tap to record it. */
function TodoDuty({ item, onRecord }: { item: TodoItem; onRecord: (item: TodoItem) => void }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const due = dayjs(item.dueDate);
  const daysLate = dayjs().startOf('day').diff(due, 'day');
  const when =
    item.section === 'follow_up'
      ? t('care.todo.followUpOn', { date: due.format(t('care.dateFormat')) })
      : item.overdue
        ? t('care.todo.overdueBy', { count: Math.max(daysLate, 1) })
        : t('care.todo.dueBy', { date: due.format(t('care.dateFormat')) });
  const period = item.period?.window ? label(termWindowLabels, item.period.window) : null;
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
            color={item.overdue ? 'red' : item.section === 'follow_up' ? 'blue' : 'gold'}
            style={{ marginInlineEnd: 0, fontSize: 13 }}
          >
            {item.section === 'follow_up' ? t('care.todo.followUpTag') : label(careRecordKindLabels, item.kind)}
            {period ? ` · ${period}` : ''}
          </Tag>
          <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {when}
          </Typography.Text>
        </Flex>
        {item.sourceRecord && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {item.sourceRecord.summary}
          </Typography.Text>
        )}
      </Flex>
      <Button
        type={item.overdue ? 'primary' : 'default'}
        danger={item.overdue}
        icon={<EditOutlined />}
        data-testid="todo-record"
        style={{ minHeight: 40 }}
        onClick={(e) => {
          e.stopPropagation();
          onRecord(item);
        }}
      >
        {t('care.todo.record')}
      </Button>
    </Flex>
  );
}

/** A child's duties in one section, in one card: a teacher with five children sees five cards. */
export function TodoChildGroup({ items, onRecord }: { items: TodoItem[]; onRecord: (item: TodoItem) => void }) {
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
          {first.child.name}
        </Typography.Text>
        {first.child.className && (
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
