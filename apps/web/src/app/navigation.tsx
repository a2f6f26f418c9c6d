import {
  ApartmentOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shouwang/shared/roles';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  /** i18n key under `nav.` */
  key: string;
  icon: ReactNode;
  /** Shown when the user holds this permission somewhere; null = everyone signed in. */
  permission: Permission | null;
}

/** The main navigation. Menus come from permissions only; no role names here. */
export const navItems: NavItem[] = [
  { path: '/', key: 'home', icon: <HomeOutlined />, permission: null },
  { path: '/children', key: 'children', icon: <IdcardOutlined />, permission: 'child.read' },
  { path: '/orgs', key: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/terms', key: 'terms', icon: <CalendarOutlined />, permission: 'term.read' },
  { path: '/users', key: 'users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', key: 'audit', icon: <FileSearchOutlined />, permission: 'audit.read' },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => item.permission === null || permissions.includes(item.permission));
}
