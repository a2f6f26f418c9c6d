import { EditOutlined } from '@ant-design/icons';
import { careRecordKindLabels, termWindowLabels } from '@shouwang/shared/enums/care';
import type { TodoItem } from '@shouwang/shared/schemas/todos';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

/** One duty: who, what, by when; the whole row (and its button) opens the record form. */
export function TodoItemRow({ item, onRecord }: { item: TodoItem; onRecord: (item: TodoItem) => void }) {
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
      gap={12}
      data-testid="todo-item"
      data-section={item.section}
      onClick={() => onRecord(item)}
      style={{
        padding: '12px 12px 12px 14px',
        borderRadius: 10,
        background: '#fff',
        border: '1px solid rgba(5,5,5,0.06)',
        borderInlineStart: `4px solid ${item.overdue ? '#cf1322' : item.section === 'follow_up' ? '#1677ff' : '#faad14'}`,
        cursor: 'pointer',
        minHeight: 64,
      }}
    >
      <Flex vertical style={{ flex: 1, minWidth: 0 }} gap={2}>
        <Flex align="center" gap={6} wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {item.child.name}
          </Typography.Text>
          <Tag
            color={item.overdue ? 'red' : item.section === 'follow_up' ? 'blue' : 'gold'}
            style={{ marginInlineEnd: 0 }}
          >
            {item.section === 'follow_up' ? t('care.todo.followUpTag') : label(careRecordKindLabels, item.kind)}
            {period ? ` · ${period}` : ''}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
          {[item.child.className, item.sourceRecord?.summary].filter(Boolean).join(' · ')}
        </Typography.Text>
        <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          {when}
        </Typography.Text>
      </Flex>
      <Button
        type={item.overdue ? 'primary' : 'default'}
        danger={item.overdue}
        size="large"
        icon={<EditOutlined />}
        data-testid="todo-record"
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
