import { createBrowserRouter, Outlet } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { RouteError } from '../components/RouteError';
import type { RouteHandle } from './layout';

/**
 * Every page is its own chunk: a teacher's phone downloads the sign-in page first and the rest
 * only when it is opened.
 */
export const router = createBrowserRouter([
  {
    id: 'root',
    Component: Outlet,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../features/auth/pages/LoginPage')).LoginPage }),
      },
      {
        path: '/change-password',
        lazy: async () => ({
          Component: (await import('../features/auth/pages/ChangePasswordPage')).ChangePasswordPage,
        }),
      },
      {
        path: '/security/two-step',
        lazy: async () => ({
          Component: (await import('../features/security/pages/TwoStepPage')).TwoStepPage,
        }),
      },
      {
        // 悄悄话信箱: the public page a child opens from the poster, without signing in.
        path: '/m/:code',
        lazy: async () => ({
          Component: (await import('../features/mailbox/public/MailboxPublicPage')).MailboxPublicPage,
        }),
      },
      {
        path: '/',
        lazy: async () => ({ Component: (await import('./layout')).AppLayout }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../features/home/pages/HomePage')).HomePage }),
          },
          {
            path: 'todos',
            handle: { permission: 'care_record.write' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/care-records/pages/TodosPage')).TodosPage }),
          },
          {
            path: 'care-records/batch',
            handle: { permission: 'care_record.write' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/care-records/pages/BatchEntryPage')).BatchEntryPage,
            }),
          },
          {
            path: 'health-checks/batch',
            handle: { permission: 'health_check.write' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/health-checks/pages/HealthBatchPage')).HealthBatchPage,
            }),
          },
          {
            path: 'grades/batch',
            handle: { permission: 'learning.write' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/learning/pages/GradeBatchPage')).GradeBatchPage,
            }),
          },
          {
            path: 'dashboard',
            handle: { permission: 'stats.read' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/dashboard/pages/DashboardPage')).DashboardPage,
            }),
          },
          {
            path: 'pairings',
            // The board is the school's: its administrators pair; county and township overseers look on.
            // `user.read` is what exactly these hold (the board lists the school's staff as helpers).
            handle: { permission: 'user.read' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/pairings/pages/PairingBoardPage')).PairingBoardPage,
            }),
          },
          {
            path: 'pairings/holiday',
            handle: { permission: 'pairing.write' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/pairings/pages/HolidayHandoverPage')).HolidayHandoverPage,
            }),
          },
          {
            path: 'concerns',
            handle: { permission: 'concern.raise' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/concerns/pages/ConcernsPage')).ConcernsPage }),
          },
          {
            path: 'calendar',
            handle: { permission: 'care_record.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/calendar/pages/CalendarPage')).CalendarPage }),
          },
          {
            path: 'compliance',
            // School leaders and their overseers (statistics of a whole school).
            handle: { permission: 'user.read' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/compliance/pages/CompliancePage')).CompliancePage,
            }),
          },
          {
            path: 'care-rules',
            handle: { permission: 'care_rule.manage' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/care-rules/pages/CareRulesPage')).CareRulesPage,
            }),
          },
          {
            path: 'mailbox',
            handle: { permission: 'mailbox.read' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/mailbox/pages/MailboxInboxPage')).MailboxInboxPage,
            }),
          },
          {
            path: 'mailbox/settings',
            handle: { permission: 'mailbox.configure' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/mailbox/pages/MailboxSettingsPage')).MailboxSettingsPage,
            }),
          },
          {
            path: 'activities',
            handle: { permission: 'activity.read' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/activities/pages/ActivitiesPage')).ActivitiesPage,
            }),
          },
          {
            path: 'activity-room',
            handle: { permission: 'activity.read' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/activities/pages/ActivityRoomPage')).ActivityRoomPage,
            }),
          },
          {
            path: 'aid',
            handle: { permission: 'aid.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/aid/pages/AidPage')).AidPage }),
          },
          {
            path: 'letters',
            handle: { permission: 'letter.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/letters/pages/LettersPage')).LettersPage }),
          },
          {
            path: 'children',
            handle: { permission: 'child.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/children/pages/ChildrenPage')).ChildrenPage }),
          },
          {
            path: 'children/:id',
            handle: { permission: 'child.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/children/pages/ChildPage')).ChildPage }),
          },
          {
            path: 'assessment',
            handle: { permission: 'assessment.read_own' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/assessment/pages/AssessmentPage')).AssessmentPage,
            }),
          },
          {
            path: 'reports/work-summary',
            handle: { permission: 'report.write' } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('../features/reports/pages/WorkSummaryPage')).WorkSummaryPage,
            }),
          },
          {
            path: 'orgs',
            handle: { permission: 'org.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/orgs/pages/OrgTreePage')).OrgTreePage }),
          },
          {
            path: 'terms',
            handle: { permission: 'term.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/terms/pages/TermsPage')).TermsPage }),
          },
          {
            path: 'users',
            handle: { permission: 'user.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/users/pages/UsersPage')).UsersPage }),
          },
          {
            path: 'audit',
            handle: { permission: 'audit.read' } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('../features/audit/pages/AuditPage')).AuditPage }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('../components/NotFound')).NotFound }),
          },
        ],
      },
    ],
  },
]);
