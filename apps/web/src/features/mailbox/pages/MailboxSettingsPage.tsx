import { Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useMailboxSchools } from '../api';
import { BoxCard } from '../components/BoxCard';
import { UrgentAlertsCard } from '../components/UrgentAlertsCard';

/** 信箱管理 for school and county administrators: open each school's mailbox, words, poster, alerts. */
export function MailboxSettingsPage() {
  const { t } = useTranslation();
  const schools = useMailboxSchools();
  const s = (key: string) => t(`wellbeing.mailbox.settings.${key}`);
  const configurable = (schools.data?.items ?? []).filter((x) => x.abilities.configure);
  return (
    <>
      <PageHeader title={s('title')} subtitle={s('subtitle')} />
      <Flex vertical gap={16}>
        <UrgentAlertsCard />
        {schools.isPending && <Skeleton active />}
        {schools.isError && <QueryError error={schools.error} onRetry={() => schools.refetch()} />}
        {schools.data && configurable.length === 0 && <EmptyState description={s('noSchools')} />}
        {configurable.map((item) => (
          <BoxCard key={item.school.id} item={item} />
        ))}
      </Flex>
    </>
  );
}
