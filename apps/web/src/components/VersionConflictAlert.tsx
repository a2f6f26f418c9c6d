import { Alert, Button, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export interface ConflictField<T> {
  label: ReactNode;
  render: (current: T) => ReactNode;
}

/**
 * Someone saved this record after the form was opened. Shows what they saved and lets the user
 * load it into the form (with the new version) and decide again, instead of overwriting blindly.
 */
export function VersionConflictAlert<T>({
  error,
  fields,
  onUseLatest,
}: {
  error: ApiError | null;
  fields: ConflictField<T>[];
  onUseLatest: (current: T) => void;
}) {
  const { t } = useTranslation();
  if (error?.code !== 'VERSION_CONFLICT') return null;
  const current = error.current as T | undefined;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={error.message}
      data-testid="version-conflict"
      description={
        current ? (
          <>
            <Descriptions
              size="small"
              column={1}
              title={t('conflict.latest')}
              items={fields.map((f, i) => ({ key: i, label: f.label, children: f.render(current) }))}
              style={{ marginTop: 8 }}
            />
            <Button style={{ marginTop: 8 }} onClick={() => onUseLatest(current)}>
              {t('conflict.useLatest')}
            </Button>
          </>
        ) : (
          t('conflict.reload')
        )
      }
    />
  );
}
