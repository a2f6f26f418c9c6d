import type { DuplicateCandidate } from '@shouwang/shared/schemas/children';
import { Alert, Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../../api/client';

/**
 * The server suspects the new child is already on file (same name and birth date, or a similar
 * name in the same school). Shows who, and lets the user confirm it is someone else.
 */
export function DuplicateCandidatesAlert({
  error,
  onConfirm,
  confirming,
}: {
  error: ApiError;
  onConfirm: () => void;
  confirming: boolean;
}) {
  const { t } = useTranslation();
  const candidates = error.candidates as DuplicateCandidate[];
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('children.duplicate.title')}
      data-testid="duplicate-warning"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('children.duplicate.description')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={candidates}
            renderItem={(c, i) => (
              <List.Item
                key={c.id ?? i}
                style={{ paddingInline: 0 }}
                extra={
                  c.visible &&
                  c.id && (
                    <Link to={`/children/${c.id}`} target="_blank">
                      {t('children.duplicate.open')}
                    </Link>
                  )
                }
              >
                <div>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  {c.birthDate && <Typography.Text> · {c.birthDate}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {[c.schoolName, c.villageName].filter(Boolean).join(' · ')}
                    {c.visible ? '' : ` ${t('children.duplicate.outOfScope')}`}
                  </Typography.Text>
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t(`children.duplicate.reasons.${c.reason}`)}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
          <Button
            type="primary"
            danger
            style={{ marginTop: 8, whiteSpace: 'normal', height: 'auto', minHeight: 40 }}
            loading={confirming}
            onClick={onConfirm}
            data-testid="duplicate-confirm"
          >
            {t('children.duplicate.confirm')}
          </Button>
        </>
      }
    />
  );
}
