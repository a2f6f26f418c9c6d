import { EditOutlined, FormOutlined, LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  type CareRecordFlag,
  type CareRecordKind,
  type ContactInitiator,
  careRecordFlagLabels,
  careRecordKindLabels,
  contactInitiatorLabels,
  type LifeCareType,
  lifeCareTypeLabels,
  type ParentContactChannel,
  parentContactChannelLabels,
  type TermWindow,
  type TutoringSubject,
  termWindowLabels,
  tutoringSubjectLabels,
} from '@shouwang/shared/enums/care';
import type { CareRecordView } from '@shouwang/shared/schemas/care-records';
import { Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useTimeline } from '../api';
import { CareRecordDrawer } from './CareRecordDrawer';

const kindColors: Record<CareRecordKind, string> = {
  talk: 'green',
  home_visit: 'blue',
  parent_contact: 'purple',
  guardian_contact: 'cyan',
  family_call: 'magenta',
  tutoring: 'geekblue',
  life_care: 'orange',
  growth_diary: 'gold',
};

/** The kind's details in one short line. */
function useDetailLine() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (record: CareRecordView): string => {
    const d = record.details;
    switch (record.kind) {
      case 'talk':
        return [d.topic as string, d.mood ? t('care.timeline.mood', { mood: t(`care.mood.${d.mood as number}`) }) : '']
          .filter(Boolean)
          .join(' · ');
      case 'home_visit':
        return d.termWindow ? label(termWindowLabels, d.termWindow as TermWindow) : '';
      case 'parent_contact':
        return [
          label(parentContactChannelLabels, d.channel as ParentContactChannel),
          label(contactInitiatorLabels, d.initiatedBy as ContactInitiator),
        ].join(' · ');
      case 'family_call':
        return d.callMinutes ? `${d.callMinutes} ${t('care.minutes')}` : '';
      case 'tutoring':
        return label(tutoringSubjectLabels, d.subject as TutoringSubject);
      case 'life_care':
        return label(lifeCareTypeLabels, d.type as LifeCareType);
      default:
        return '';
    }
  };
}

const DAY_MS = 86_400_000;

/** Why a record the user wrote can no longer be edited by them, or until when it can. */
function EditState({ record, meId, onEdit }: { record: CareRecordView; meId: string; onEdit: () => void }) {
  const { t } = useTranslation();
  const until = new Date(record.editableUntil);
  if (record.abilities.update)
    return (
      <Flex gap={8} align="center" wrap>
        <Button size="small" icon={<FormOutlined />} onClick={onEdit} data-testid="timeline-record-edit">
          {t('careAdmin.records.edit')}
        </Button>
        {record.author.id === meId && until > new Date() && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('careAdmin.records.editableUntil', { date: dayjs(until).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        )}
      </Flex>
    );
  if (record.author.id !== meId) return null;
  const days = Math.round((until.getTime() - new Date(record.createdAt).getTime()) / DAY_MS);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="timeline-record-locked">
      <LockOutlined /> {days > 0 ? t('careAdmin.records.closedAuthor', { days }) : t('careAdmin.records.closedNow')}
    </Typography.Text>
  );
}

function RecordEntry({ record, meId, onEdit }: { record: CareRecordView; meId: string; onEdit: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const detailLine = useDetailLine()(record);
  return (
    <Flex vertical gap={4} data-testid="timeline-record" style={{ minWidth: 0 }}>
      <Flex align="center" gap={6} wrap>
        <Typography.Text strong>{dayjs(record.occurredOn).format('YYYY-MM-DD')}</Typography.Text>
        <Tag color={kindColors[record.kind]} style={{ marginInlineEnd: 0 }}>
          {label(careRecordKindLabels, record.kind)}
        </Tag>
        {record.flags.map((flag) => (
          <Tag key={flag} color="warning" style={{ marginInlineEnd: 0 }}>
            {label(careRecordFlagLabels, flag as CareRecordFlag)}
          </Tag>
        ))}
      </Flex>
      {detailLine && <Typography.Text type="secondary">{detailLine}</Typography.Text>}
      <Typography.Paragraph
        style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
        ellipsis={{ rows: 4, expandable: true, symbol: '…' }}
      >
        {record.summary}
      </Typography.Paragraph>
      {record.problems && (
        <Typography.Text type="warning">
          {t('care.timeline.problems')}
          {record.problems}
        </Typography.Text>
      )}
      <Flex gap={12} wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('care.timeline.by', { name: record.author.displayName })}
        </Typography.Text>
        {record.followUpOn && (
          <Typography.Text type={record.followUpDoneOn ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
            {record.followUpDoneOn
              ? t('care.timeline.followUpDone')
              : t('care.timeline.followUp', { date: record.followUpOn })}
          </Typography.Text>
        )}
        {record.attachmentIds.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <PaperClipOutlined /> {t('care.timeline.photos', { count: record.attachmentIds.length })}
          </Typography.Text>
        )}
      </Flex>
      <EditState record={record} meId={meId} onEdit={onEdit} />
    </Flex>
  );
}

/** 关爱记录 on the child page: newest first, a page at a time, and a button to record one. */
export function ChildTimelineTab({ child }: { child: { id: string; name: string } }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const timeline = useTimeline(child.id);
  const [drawer, setDrawer] = useState<{ key: number; open: boolean; record?: CareRecordView } | null>(null);
  const canWrite = me.permissions.includes('care_record.write');
  const records = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div data-testid="child-timeline">
      {canWrite && (
        <Button
          type="primary"
          size="large"
          icon={<EditOutlined />}
          onClick={() => setDrawer({ key: Date.now(), open: true })}
          style={{ marginBottom: 16 }}
          data-testid="timeline-record-button"
        >
          {t('care.timeline.record')}
        </Button>
      )}
      {timeline.isPending ? (
        <Skeleton active />
      ) : timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : records.length === 0 ? (
        <Empty description={t('care.timeline.empty')} />
      ) : (
        <>
          <Timeline
            items={records.map((record) => ({
              key: record.id,
              color: kindColors[record.kind],
              content: (
                <RecordEntry
                  record={record}
                  meId={me.user.id}
                  onEdit={() => setDrawer({ key: Date.now(), open: true, record })}
                />
              ),
            }))}
          />
          {timeline.hasNextPage && (
            <Button block onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
              {t('care.timeline.more')}
            </Button>
          )}
        </>
      )}
      {drawer && (
        <CareRecordDrawer
          key={drawer.key}
          open={drawer.open}
          target={{ childId: child.id, childName: child.name }}
          record={drawer.record}
          onClose={() => setDrawer({ ...drawer, open: false })}
        />
      )}
    </div>
  );
}
