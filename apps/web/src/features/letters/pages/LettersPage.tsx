import { Select, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useOrgs } from '../../orgs/api';
import { DeliveriesPanel } from '../components/DeliveriesPanel';
import { TemplatesPanel } from '../components/TemplatesPanel';

/** 致家长的一封信: which families have had this term's letter, and the school's letter templates. */
export function LettersPage() {
  const { t } = useTranslation();
  const orgs = useOrgs({ kind: 'school' });
  const schools = useMemo(() => orgs.data ?? [], [orgs.data]);
  const [chosen, setChosen] = useState<string>();
  const schoolId = chosen ?? schools[0]?.id;
  // The chosen school's classes only: a county holds thousands.
  const classList = useOrgs({ kind: 'class', parentId: schoolId, enabled: !!schoolId });
  const classes = useMemo(() => classList.data ?? [], [classList.data]);

  if (orgs.isPending) return <FullPageSpin />;
  if (orgs.isError) return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('letters.title')}
        subtitle={t('letters.intro')}
        extra={
          schools.length > 1 && (
            <Select
              value={schoolId}
              onChange={setChosen}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
              aria-label={t('letters.school')}
              style={{ minWidth: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
            />
          )
        }
      />
      {!schoolId ? (
        <EmptyState description={t('letters.noClasses')} />
      ) : (
        <Tabs
          key={schoolId}
          items={[
            {
              key: 'deliveries',
              label: t('letters.tabs.deliveries'),
              children: <DeliveriesPanel schoolId={schoolId} classes={classes} />,
            },
            { key: 'templates', label: t('letters.tabs.templates'), children: <TemplatesPanel schoolId={schoolId} /> },
          ]}
        />
      )}
    </>
  );
}
