import { Badge } from 'antd';
import { useTodoCounts } from '../api';

/** The navigation badge: overdue in red, otherwise what is due this week and open follow-ups. */
export function TodoCountBadge() {
  const counts = useTodoCounts(true);
  if (!counts.data) return null;
  const { overdue, total } = counts.data;
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
