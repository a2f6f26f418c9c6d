import { CheckSquareOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTodoCounts } from '../api';
import { TodoCountsBar } from './TodoCountsBar';

/** The home page's to-do summary for staff who record care: one tap to the list. */
export function TodoHomeCard() {
  const { t } = useTranslation();
  const counts = useTodoCounts(true);
  return (
    <Card
      title={
        <span>
          <CheckSquareOutlined /> {t('care.todo.homeCard')}
        </span>
      }
      extra={
        <Link to="/todos" data-testid="home-todos">
          {t('care.todo.homeOpen')} <RightOutlined />
        </Link>
      }
      styles={{ body: { paddingBottom: 8 } }}
    >
      {counts.data ? (
        // A block, so the figures share the card's width instead of huddling at its start on a phone.
        <Link to="/todos" style={{ display: 'block' }}>
          <TodoCountsBar counts={counts.data} />
        </Link>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}
