import { AlertOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { useConcerns } from '../api';
import { ConcernCard } from './ConcernCard';
import { ConcernDrawer } from './ConcernDrawer';
import { RaiseConcernDrawer } from './RaiseConcernDrawer';

/** On the child's page: the concerns the user may see about the child, and 发起强制报告. */
export function ChildConcernsCard({ child }: { child: { id: string; name: string } }) {
  const { t } = useTranslation();
  const concerns = useConcerns({ childId: child.id });
  const [raising, setRaising] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Card
      size="small"
      title={t('concerns.childConcerns')}
      extra={
        <Button danger icon={<AlertOutlined />} onClick={() => setRaising(true)} data-testid="concern-raise">
          {t('concerns.raise')}
        </Button>
      }
    >
      {concerns.data?.items.length === 0 && <EmptyState description={t('concerns.noChildConcerns')} />}
      <Flex vertical gap={8}>
        {concerns.data?.items.map((c) => (
          <ConcernCard key={c.id} concern={c} onOpen={setOpenId} />
        ))}
      </Flex>
      {raising && (
        <RaiseConcernDrawer
          open={raising}
          target={{ child }}
          onClose={() => setRaising(false)}
          onRaised={(view) => setOpenId(view.id)}
        />
      )}
      <ConcernDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
