import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** A list or page that could not load: the server's message and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const notAvailable = isApiError(error) && error.code === 'ROUTE_NOT_FOUND';
  return (
    <Result
      status={notAvailable ? 'info' : 'warning'}
      title={notAvailable ? t('errors.notAvailableTitle') : t('errors.loadFailed')}
      subTitle={notAvailable ? t('errors.notAvailable') : isApiError(error) ? error.message : t('errors.unknown')}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
