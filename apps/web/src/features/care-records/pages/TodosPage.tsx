import { CheckCircleOutlined, TeamOutlined } from '@ant-design/icons';
import type { TodoItem, TodoSection } from '@shouwang/shared/schemas/todos';
import { Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { useTodos } from '../api';
import { CareRecordDrawer, type RecordTarget } from '../components/CareRecordDrawer';
import { TodoChildGroup } from '../components/TodoChildGroup';
import { TodoCountsBar } from '../components/TodoCountsBar';

const sections: TodoSection[] = ['urgent', 'overdue', 'due_this_week', 'follow_up', 'task'];

/** Groups a section's items by child, keeping the server's order (oldest due first). */
function byChild(items: TodoItem[]): TodoItem[][] {
  const groups = new Map<string, TodoItem[]>();
  for (const item of items) {
    // A task about no known child (an unsigned mailbox message) stands alone.
    const key = item.child?.id ?? item.id;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** 待办: what the user owes now — overdue first (red), due this week, then open follow-ups. */
export function TodosPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const todos = useTodos();
  const [target, setTarget] = useState<{ key: string; target: RecordTarget } | null>(null);
  const [open, setOpen] = useState(false);

  const navigate = useNavigate();
  const onRecord = (item: TodoItem) => {
    if (!item.record) {
      if (item.href) void navigate(item.href);
      return;
    }
    setTarget({
      key: `${item.id}-${Date.now()}`,
      target: {
        childId: item.record.childId,
        childName: item.child?.name ?? '',
        kind: item.record.kind,
        followUpOf: item.record.followUpOf,
        termWindow: item.record.termWindow,
      },
    });
    setOpen(true);
  };

  const canBatch = me.roles.some((r) => r.orgKind === 'class');

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.todo.title')}
        </Typography.Title>
        {canBatch && (
          <Link to="/care-records/batch">
            <Button icon={<TeamOutlined />}>{t('care.batch.open')}</Button>
          </Link>
        )}
      </Flex>
      {todos.isPending ? (
        <Skeleton active />
      ) : todos.isError ? (
        <QueryError error={todos.error} onRetry={() => void todos.refetch()} />
      ) : (
        <>
          <TodoCountsBar counts={todos.data.counts} />
          {todos.data.items.length === 0 ? (
            <Card>
              <Result
                icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
                title={t('care.todo.allDone')}
                subTitle={t('care.todo.allDoneHint')}
                data-testid="todo-empty"
              />
            </Card>
          ) : (
            sections.map((section) => {
              const items = todos.data.items.filter((i) => i.section === section);
              if (items.length === 0) return null;
              return (
                <section key={section} style={{ marginBottom: 20 }} data-testid={`todo-section-${section}`}>
                  <Typography.Title
                    level={5}
                    type={section === 'overdue' || section === 'urgent' ? 'danger' : undefined}
                    style={{ marginBottom: 8 }}
                  >
                    {t(`care.todo.sections.${section}`)} · {items.length}
                  </Typography.Title>
                  <div
                    style={{
                      display: 'grid',
                      gridTemplateColumns: 'repeat(auto-fill, minmax(min(320px, 100%), 1fr))',
                      gap: 8,
                    }}
                  >
                    {byChild(items).map((group) => (
                      <TodoChildGroup key={group[0]!.child?.id ?? group[0]!.id} items={group} onRecord={onRecord} />
                    ))}
                  </div>
                </section>
              );
            })
          )}
        </>
      )}
      {target && (
        <CareRecordDrawer key={target.key} open={open} target={target.target} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
