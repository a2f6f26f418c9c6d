import { concernCategoryLabels, concernSeverityLabels, concernStatuses } from '@shouwang/shared/enums/wellbeing';
import { Descriptions, Drawer, Flex, Result, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { formatDateTime } from '../../../app/format';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useConcern } from '../api';
import { ConcernDue, ConcernStatusTag } from './ConcernBadges';
import { ConcernEvents } from './ConcernEvents';
import { ConcernStepForm } from './ConcernStepForm';

/** One concern: where it stands (steps), what was reported, its history, and the next step's form. */
export function ConcernDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { label } = useCodeLabels();
  const concern = useConcern(id);
  const c = concern.data;
  const current = c ? concernStatuses.indexOf(c.status) : 0;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('concerns.detailTitle')}
      size={isMobile ? '100%' : 600}
      destroyOnHidden
      data-testid="concern-drawer"
    >
      {concern.isPending && <Skeleton active />}
      {concern.isError &&
        (isApiError(concern.error) && concern.error.status === 404 ? (
          <Result status="404" subTitle={concern.error.message} />
        ) : (
          <QueryError error={concern.error} onRetry={() => concern.refetch()} />
        ))}
      {c && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <ConcernStatusTag status={c.status} />
            <Typography.Text strong>{label(concernCategoryLabels, c.category)}</Typography.Text>
            <ConcernDue concern={c} />
          </Flex>
          <Steps
            size="small"
            titlePlacement="vertical"
            // Five short steps fit a 375 px screen side by side; stacked they pushed the details away.
            responsive={false}
            current={current}
            status={c.overdue ? 'error' : c.status === 'closed' ? 'finish' : 'process'}
            items={concernStatuses.map((s) => ({ title: t(`concerns.steps.${s}`) }))}
          />
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap', width: isMobile ? 88 : 112 } }}
            items={[
              {
                key: 'child',
                label: t('concerns.fields.child'),
                children: c.child ? (
                  <Link to={`/children/${c.child.id}?tab=wellbeing`}>{c.child.name}</Link>
                ) : (
                  t('concerns.unnamedChild', { school: c.school?.name ?? '' })
                ),
              },
              {
                key: 'severity',
                label: t('concerns.fields.severity'),
                children: label(concernSeverityLabels, c.severity),
              },
              {
                key: 'reporter',
                label: t('concerns.fields.reporter'),
                children: `${c.reporter.displayName} · ${formatDateTime(c.createdAt)}`,
              },
              {
                key: 'description',
                label: t('concerns.fields.description'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>,
              },
              ...(c.immediateActions
                ? [
                    {
                      key: 'actions',
                      label: t('concerns.fields.immediateActions'),
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.immediateActions}</span>,
                    },
                  ]
                : []),
            ]}
          />
          <ConcernEvents events={c.events ?? []} />
          <ConcernStepForm concern={c} />
        </Flex>
      )}
    </Drawer>
  );
}
