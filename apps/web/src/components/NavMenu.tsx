import type { Permission } from '@shouwang/shared/roles';
import { Menu } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { visibleNavItems } from '../app/navigation';

/** The main menu, built from the user's permissions. */
export function NavMenu({ permissions, onNavigate }: { permissions: readonly Permission[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = visibleNavItems(permissions);
  const selected = items
    .filter((item) => (item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)))
    .map((item) => item.path);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected}
      style={{ borderInlineEnd: 'none' }}
      items={items.map((item) => ({
        key: item.path,
        icon: item.icon,
        label: item.Badge ? (
          <span>
            {t(`nav.${item.key}`)}
            <Suspense fallback={null}>
              <item.Badge />
            </Suspense>
          </span>
        ) : (
          t(`nav.${item.key}`)
        ),
        'data-testid': `nav-${item.key}`,
      }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      aria-label={t('nav.label')}
    />
  );
}
