import { Badge } from 'antd';
import { useActionableConcernCount } from '../api';

/** The menu badge: open concerns the user handles (or, as supervisor, escalated ones). */
export function OpenConcernsBadge() {
  const count = useActionableConcernCount(true);
  if (!count.data) return null;
  return <Badge count={count.data} color="#cf1322" size="small" offset={[6, -2]} data-testid="concern-nav-badge" />;
}
