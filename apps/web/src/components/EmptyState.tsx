import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** A friendly "nothing here yet", with the next step when there is one. */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '24px 0' }}>
      {action}
    </Empty>
  );
}
