import { Badge } from 'antd';
import { useTodoCounts } from '../api';

/** The navigation badge: urgent and overdue in red, otherwise everything open. */
export function TodoCountBadge() {
  const counts = useTodoCounts(true);
  if (!counts.data) return null;
  const { total } = counts.data;
  const overdue = counts.data.overdue + counts.data.urgent;
  return (
    <Badge
      count={overdue > 0 ? overdue : total}
      color={overdue > 0 ? '#cf1322' : '#faad14'}
      size="small"
      offset={[6, -2]}
      data-testid="todo-nav-badge"
      data-overdue={overdue}
    />
  );
}
