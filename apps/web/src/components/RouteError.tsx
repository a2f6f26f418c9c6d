import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from './FullPageSpin';

// antd's Result carries large illustrations; only a failing page downloads them.
// If even that chunk cannot load (the usual cause of the error), a bare reload link remains.
const RouteErrorView = lazy(() =>
  import('./RouteErrorView').then(
    (m) => ({ default: m.RouteErrorView }),
    () => ({ default: BareReload }),
  ),
);

function BareReload() {
  const { t } = useTranslation();
  return (
    <p style={{ padding: 24, textAlign: 'center' }}>
      {t('errors.pageCrashedHint')} <a href={window.location.href}>{t('common.reload')}</a>
    </p>
  );
}

/** A page that failed to load (often a new version was deployed meanwhile): offer a reload. */
export function RouteError() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <RouteErrorView />
    </Suspense>
  );
}
