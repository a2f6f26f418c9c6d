import { Card, Empty, Flex, Result, Segmented, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { useChildren } from '../../children/api';
import { FamilyCallBatch } from '../components/FamilyCallBatch';
import { TalkCardsBatch } from '../components/TalkCardsBatch';

type Mode = 'familyCall' | 'talkCards';

/** 批量录入 for a class: a family-call session or talk cards for several children in a row. */
export function BatchEntryPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const classes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of me.roles) if (r.orgKind === 'class') seen.set(r.orgId, r.orgName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [me.roles]);
  const [classId, setClassId] = useState(classes[0]?.value);
  const [mode, setMode] = useState<Mode>('familyCall');
  const list = useChildren({ classId, page: 1, pageSize: 100 });

  if (!classId) return <Result status="info" title={t('care.batch.title')} subTitle={t('care.batch.noChildren')} />;
  const children = list.data?.items ?? [];

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.batch.title')}
        </Typography.Title>
        {classes.length > 1 && (
          <Select
            value={classId}
            options={classes}
            onChange={setClassId}
            aria-label={t('care.batch.class')}
            style={{ minWidth: 180 }}
          />
        )}
      </Flex>
      <Segmented<Mode>
        block
        size="large"
        value={mode}
        onChange={setMode}
        options={[
          { value: 'familyCall', label: t('care.batch.familyCall') },
          { value: 'talkCards', label: t('care.batch.talkCards') },
        ]}
        style={{ marginBottom: 16, maxWidth: 480 }}
      />
      <Card>
        {list.isPending ? (
          <Skeleton active />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : children.length === 0 ? (
          <Empty description={t('care.batch.noChildren')} />
        ) : mode === 'familyCall' ? (
          <FamilyCallBatch key={classId} classId={classId} pupils={children} />
        ) : (
          <TalkCardsBatch key={classId} classId={classId} pupils={children} />
        )}
      </Card>
    </>
  );
}
