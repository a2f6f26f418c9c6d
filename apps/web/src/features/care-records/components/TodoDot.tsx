import { Badge } from 'antd';
import type { ReactNode } from 'react';
import { useTodoCounts } from '../api';

/** A red dot on the phone's menu button while something is overdue (the menu itself shows the count). */
export function TodoDot({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const counts = useTodoCounts(enabled);
  return (
    <Badge
      dot={enabled && (counts.data?.overdue ?? 0) + (counts.data?.urgent ?? 0) > 0}
      offset={[-6, 8]}
      data-testid="nav-todo-dot"
    >
      {children}
    </Badge>
  );
}
