import type { LetterKind } from '@shouwang/shared/letters/letter-codes';
import type { OrgListItem } from '@shouwang/shared/schemas/orgs';
import { Card, Flex, Segmented, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { useLetterRoster, useLetterTemplates } from '../api';
import { LetterDownloads } from './LetterDownloads';
import { LetterRosterTable } from './LetterRosterTable';

const kinds: LetterKind[] = ['term_start', 'term_end', 'custom'];

/** 发放登记: pick class, letter and term; download the letters; mark who has had theirs. */
export function DeliveriesPanel({ schoolId, classes }: { schoolId: string; classes: OrgListItem[] }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [chosenClass, setClassId] = useState<string>();
  const classId = classes.find((c) => c.id === chosenClass)?.id ?? classes[0]?.id;
  const [kind, setKind] = useState<LetterKind>('term_start');
  const [termId, setTermId] = useState<string>();
  const roster = useLetterRoster(classId, kind, termId);
  const templates = useLetterTemplates(schoolId);

  if (!classId) return <EmptyState description={t('letters.noClasses')} />;
  const className = classes.find((c) => c.id === classId)?.name ?? '';
  const atSchool = me.roles.some((r) => r.orgId === schoolId) && me.permissions.includes('letter.send');
  const units = [
    { value: classId, label: className },
    ...(atSchool ? [{ value: schoolId, label: t('letters.wholeSchool') }] : []),
  ];
  const terms = roster.data?.terms ?? [];
  const canSend = me.permissions.includes('letter.send');

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        {classes.length > 1 && (
          <Select
            value={classId}
            onChange={setClassId}
            options={classes.map((c) => ({ value: c.id, label: c.name }))}
            aria-label={t('letters.class')}
            style={{ minWidth: 140, maxWidth: 280, flex: '1 1 140px' }}
            data-testid="letters-class"
          />
        )}
        <Segmented<LetterKind>
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: t(`letters.kinds.${k}`) }))}
        />
        {terms.length > 0 && (
          <Select
            value={roster.data?.term.id}
            onChange={setTermId}
            options={terms.map((x) => ({ value: x.id, label: x.name }))}
            aria-label={t('letters.term')}
            style={{ minWidth: 220, maxWidth: 360, flex: '1 1 220px' }}
          />
        )}
      </Flex>
      {canSend && templates.data && (
        <Card size="small">
          <LetterDownloads
            key={`${kind}-${classId}`}
            templates={templates.data}
            kind={kind}
            units={units}
            termId={roster.data?.term.id}
          />
        </Card>
      )}
      {roster.isPending ? (
        <Skeleton active />
      ) : roster.isError ? (
        <QueryError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        <LetterRosterTable roster={roster.data} />
      )}
    </Flex>
  );
}
