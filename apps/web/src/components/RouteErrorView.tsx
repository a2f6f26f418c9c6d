import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteErrorView() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'warning'}
      title={notFound ? t('errors.notFoundTitle') : t('errors.pageCrashed')}
      subTitle={notFound ? t('errors.notFoundPage') : t('errors.pageCrashedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.assign(notFound ? '/' : window.location.href)}>
          {notFound ? t('common.backHome') : t('common.reload')}
        </Button>
      }
    />
  );
}
