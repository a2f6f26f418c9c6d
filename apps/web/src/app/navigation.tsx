import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  NodeIndexOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ReadOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shouwang/shared/roles';
import { type ComponentType, lazy, type ReactNode } from 'react';

const OpenConcernsBadge = lazy(async () => ({
  default: (await import('../features/concerns/components/OpenConcernsBadge')).OpenConcernsBadge,
}));

/** Loaded with the menu, not with the shell: the counts come from the care-records feature. */
const TodoCountBadge = lazy(async () => ({
  default: (await import('../features/care-records/components/TodoCountBadge')).TodoCountBadge,
}));

export interface NavItem {
  path: string;
  /** i18n key under `nav.` */
  key: string;
  icon: ReactNode;
  /** Shown when the user holds this permission somewhere; null = everyone signed in. */
  permission: Permission | null;
  /** A count shown beside the label (e.g. the to-dos). */
  Badge?: ComponentType;
}

/** The main navigation. Menus come from permissions only; no role names here. */
export const navItems: NavItem[] = [
  { path: '/', key: 'home', icon: <HomeOutlined />, permission: null },
  {
    path: '/todos',
    key: 'todos',
    icon: <CheckSquareOutlined />,
    permission: null,
    Badge: TodoCountBadge,
  },
  { path: '/children', key: 'children', icon: <IdcardOutlined />, permission: 'child.read' },
  {
    path: '/concerns',
    key: 'concerns',
    icon: <AlertOutlined />,
    permission: 'concern.raise',
    Badge: OpenConcernsBadge,
  },
  {
    path: '/health-checks/batch',
    key: 'healthChecks',
    icon: <MedicineBoxOutlined />,
    permission: 'health_check.write',
  },
  { path: '/grades/batch', key: 'grades', icon: <ReadOutlined />, permission: 'learning.write' },
  // School leaders pair; county and township overseers (who also hold user.read) look on.
  { path: '/pairings', key: 'pairings', icon: <NodeIndexOutlined />, permission: 'user.read' },
  { path: '/calendar', key: 'calendar', icon: <CarryOutOutlined />, permission: 'care_record.read' },
  { path: '/dashboard', key: 'dashboard', icon: <BarChartOutlined />, permission: 'stats.read' },
  { path: '/compliance', key: 'compliance', icon: <PieChartOutlined />, permission: 'user.read' },
  { path: '/care-rules', key: 'careRules', icon: <ProfileOutlined />, permission: 'care_rule.manage' },
  { path: '/activities', key: 'activities', icon: <FlagOutlined />, permission: 'activity.read' },
  { path: '/activity-room', key: 'activityRoom', icon: <ShopOutlined />, permission: 'activity.read' },
  { path: '/aid', key: 'aid', icon: <GiftOutlined />, permission: 'aid.read' },
  { path: '/letters', key: 'letters', icon: <FileTextOutlined />, permission: 'letter.read' },
  { path: '/mailbox', key: 'mailbox', icon: <MailOutlined />, permission: 'mailbox.read' },
  { path: '/mailbox/settings', key: 'mailboxSettings', icon: <MailOutlined />, permission: 'mailbox.configure' },
  { path: '/assessment', key: 'assessment', icon: <AuditOutlined />, permission: 'assessment.read_own' },
  { path: '/reports/work-summary', key: 'workSummary', icon: <BookOutlined />, permission: 'report.write' },
  { path: '/orgs', key: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/terms', key: 'terms', icon: <CalendarOutlined />, permission: 'term.read' },
  { path: '/users', key: 'users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', key: 'audit', icon: <FileSearchOutlined />, permission: 'audit.read' },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => item.permission === null || permissions.includes(item.permission));
}

/**
 * Headings of the menu (antd Menu groups, always open): 首页 and 待办 stand above them; a page not
 * listed here shows after the groups. Order inside a group is this list's.
 */
export const navGroups: { key: string; items: string[] }[] = [
  { key: 'children', items: ['children', 'healthChecks', 'grades'] },
  {
    key: 'care',
    items: ['pairings', 'calendar', 'concerns', 'mailbox', 'activities', 'activityRoom', 'aid', 'letters'],
  },
  { key: 'stats', items: ['dashboard', 'compliance', 'assessment', 'workSummary'] },
  { key: 'admin', items: ['careRules', 'mailboxSettings', 'orgs', 'terms', 'users', 'audit'] },
];
