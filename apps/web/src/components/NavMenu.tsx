import type { Permission } from '@shouwang/shared/roles';
import { Menu, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { type NavItem, navGroups, visibleNavItems } from '../app/navigation';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** 首页 and 待办 first, then the headed groups that hold something for this user, then the rest. */
function grouped(items: NavItem[], entry: (item: NavItem) => MenuItem, heading: (key: string) => string): MenuItem[] {
  const grouped = new Set(navGroups.flatMap((g) => g.items));
  const top = items.filter((item) => item.key === 'home' || item.key === 'todos');
  const rest = items.filter((item) => !grouped.has(item.key) && !top.includes(item));
  const groups = navGroups.flatMap((group) => {
    const children = group.items.flatMap((key) => items.filter((item) => item.key === key)).map(entry);
    return children.length
      ? [{ type: 'group' as const, key: `group-${group.key}`, label: heading(group.key), children }]
      : [];
  });
  return [...top.map(entry), ...groups, ...rest.map(entry)];
}

/** The main menu, built from the user's permissions, under headings (关爱工作, 统计与报告 …). */
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
      items={grouped(
        items,
        (item) => ({
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
        }),
        (key) => t(`nav.groups.${key}`),
      )}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      aria-label={t('nav.label')}
    />
  );
}
