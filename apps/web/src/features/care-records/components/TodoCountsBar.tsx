import type { TodoCounts } from '@shouwang/shared/schemas/todos';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function Figure({ value, label, color, testId }: { value: number; label: string; color: string; testId: string }) {
  return (
    <Flex
      vertical
      align="center"
      style={{
        flex: 1,
        padding: '10px 4px',
        borderRadius: 10,
        background: '#fff',
        border: '1px solid rgba(5,5,5,0.06)',
      }}
    >
      <span
        style={{ fontSize: 26, fontWeight: 600, color: value > 0 ? color : 'rgba(0,0,0,0.35)' }}
        data-testid={testId}
      >
        {value}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </Flex>
  );
}

/** The figures at the top of the to-do page (urgent only when there is something urgent). */
export function TodoCountsBar({ counts }: { counts: TodoCounts }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} style={{ marginBottom: 16, maxWidth: 560 }}>
      {counts.urgent > 0 && (
        <Figure
          value={counts.urgent}
          label={t('care.todo.sections.urgent')}
          color="#a8071a"
          testId="todo-count-urgent"
        />
      )}
      <Figure
        value={counts.overdue}
        label={t('care.todo.sections.overdue')}
        color="#cf1322"
        testId="todo-count-overdue"
      />
      <Figure
        value={counts.dueThisWeek}
        label={t('care.todo.sections.due_this_week')}
        color="#d48806"
        testId="todo-count-week"
      />
      <Figure
        value={counts.followUps + counts.tasks}
        label={t('care.todo.sections.follow_up')}
        color="#1677ff"
        testId="todo-count-follow"
      />
    </Flex>
  );
}
