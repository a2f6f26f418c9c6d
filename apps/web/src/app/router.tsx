import { createBrowserRouter, Outlet } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { RouteError } from '../components/RouteError';
import { loadLocales } from './i18n';
import type { RouteHandle } from './layout';
import type { LocaleBundle } from './locales/bundles';
import { setSignedInPrefetch } from './prefetch';

/** A route's code and the feature texts it uses, downloaded side by side (locale-coverage.test.ts checks the lists). */
function withLocales<T>(names: LocaleBundle[], load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadLocales(names)]))[0];
}

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
        lazy: withLocales(['security'], async () => ({
          Component: (await import('../features/auth/pages/LoginPage')).LoginPage,
        })),
      },
      {
        path: '/change-password',
        lazy: withLocales([], async () => ({
          Component: (await import('../features/auth/pages/ChangePasswordPage')).ChangePasswordPage,
        })),
      },
      {
        path: '/security/two-step',
        lazy: withLocales(['security'], async () => ({
          Component: (await import('../features/security/pages/TwoStepPage')).TwoStepPage,
        })),
      },
      {
        // 悄悄话信箱: the public page a child opens from the poster, without signing in.
        path: '/m/:code',
        lazy: withLocales(['wellbeing'], async () => ({
          Component: (await import('../features/mailbox/public/MailboxPublicPage')).MailboxPublicPage,
        })),
      },
      {
        path: '/',
        lazy: withLocales(['privacy', 'security'], async () => ({ Component: (await import('./layout')).AppLayout })),
        children: [
          {
            index: true,
            lazy: withLocales(['activities', 'care', 'home', 'privacy', 'terms'], async () => ({
              Component: (await import('../features/home/pages/HomePage')).HomePage,
            })),
          },
          {
            path: 'todos',
            handle: { permission: 'care_record.write' } satisfies RouteHandle,
            lazy: withLocales(['care', 'careAdmin'], async () => ({
              Component: (await import('../features/care-records/pages/TodosPage')).TodosPage,
            })),
          },
          {
            path: 'care-records/batch',
            handle: { permission: 'care_record.write' } satisfies RouteHandle,
            lazy: withLocales(['care'], async () => ({
              Component: (await import('../features/care-records/pages/BatchEntryPage')).BatchEntryPage,
            })),
          },
          {
            path: 'health-checks/batch',
            handle: { permission: 'health_check.write' } satisfies RouteHandle,
            lazy: withLocales(['health'], async () => ({
              Component: (await import('../features/health-checks/pages/HealthBatchPage')).HealthBatchPage,
            })),
          },
          {
            path: 'grades/batch',
            handle: { permission: 'learning.write' } satisfies RouteHandle,
            lazy: withLocales(['learning'], async () => ({
              Component: (await import('../features/learning/pages/GradeBatchPage')).GradeBatchPage,
            })),
          },
          {
            path: 'dashboard',
            handle: { permission: 'stats.read' } satisfies RouteHandle,
            lazy: withLocales(['orgs', 'stats'], async () => ({
              Component: (await import('../features/dashboard/pages/DashboardPage')).DashboardPage,
            })),
          },
          {
            path: 'pairings',
            // The board is the school's: its administrators pair; county and township overseers look on.
            // `user.read` is what exactly these hold (the board lists the school's staff as helpers).
            handle: { permission: 'user.read' } satisfies RouteHandle,
            lazy: withLocales(['care', 'careAdmin'], async () => ({
              Component: (await import('../features/pairings/pages/PairingBoardPage')).PairingBoardPage,
            })),
          },
          {
            path: 'pairings/holiday',
            handle: { permission: 'pairing.write' } satisfies RouteHandle,
            lazy: withLocales(['careAdmin'], async () => ({
              Component: (await import('../features/pairings/pages/HolidayHandoverPage')).HolidayHandoverPage,
            })),
          },
          {
            path: 'concerns',
            handle: { permission: 'concern.raise' } satisfies RouteHandle,
            lazy: withLocales(['concerns'], async () => ({
              Component: (await import('../features/concerns/pages/ConcernsPage')).ConcernsPage,
            })),
          },
          {
            path: 'calendar',
            handle: { permission: 'care_record.read' } satisfies RouteHandle,
            lazy: withLocales(['careAdmin'], async () => ({
              Component: (await import('../features/calendar/pages/CalendarPage')).CalendarPage,
            })),
          },
          {
            path: 'compliance',
            // School leaders and their overseers (statistics of a whole school).
            handle: { permission: 'user.read' } satisfies RouteHandle,
            lazy: withLocales(['careAdmin', 'terms'], async () => ({
              Component: (await import('../features/compliance/pages/CompliancePage')).CompliancePage,
            })),
          },
          {
            path: 'care-rules',
            handle: { permission: 'care_rule.manage' } satisfies RouteHandle,
            lazy: withLocales(['careAdmin'], async () => ({
              Component: (await import('../features/care-rules/pages/CareRulesPage')).CareRulesPage,
            })),
          },
          {
            path: 'mailbox',
            handle: { permission: 'mailbox.read' } satisfies RouteHandle,
            lazy: withLocales(['concerns', 'wellbeing'], async () => ({
              Component: (await import('../features/mailbox/pages/MailboxInboxPage')).MailboxInboxPage,
            })),
          },
          {
            path: 'mailbox/settings',
            handle: { permission: 'mailbox.configure' } satisfies RouteHandle,
            lazy: withLocales(['wellbeing'], async () => ({
              Component: (await import('../features/mailbox/pages/MailboxSettingsPage')).MailboxSettingsPage,
            })),
          },
          {
            path: 'activities',
            handle: { permission: 'activity.read' } satisfies RouteHandle,
            lazy: withLocales(['activities', 'orgs', 'privacy'], async () => ({
              Component: (await import('../features/activities/pages/ActivitiesPage')).ActivitiesPage,
            })),
          },
          {
            path: 'activity-room',
            handle: { permission: 'activity.read' } satisfies RouteHandle,
            lazy: withLocales(['activities'], async () => ({
              Component: (await import('../features/activities/pages/ActivityRoomPage')).ActivityRoomPage,
            })),
          },
          {
            path: 'aid',
            handle: { permission: 'aid.read' } satisfies RouteHandle,
            lazy: withLocales(['activities'], async () => ({
              Component: (await import('../features/aid/pages/AidPage')).AidPage,
            })),
          },
          {
            path: 'letters',
            handle: { permission: 'letter.read' } satisfies RouteHandle,
            lazy: withLocales(['letters'], async () => ({
              Component: (await import('../features/letters/pages/LettersPage')).LettersPage,
            })),
          },
          {
            path: 'children',
            handle: { permission: 'child.read' } satisfies RouteHandle,
            lazy: withLocales(['children', 'orgs', 'privacy'], async () => ({
              Component: (await import('../features/children/pages/ChildrenPage')).ChildrenPage,
            })),
          },
          {
            path: 'children/:id',
            handle: { permission: 'child.read' } satisfies RouteHandle,
            lazy: withLocales(
              [
                'activities',
                'care',
                'careAdmin',
                'children',
                'concerns',
                'counseling',
                'health',
                'learning',
                'orgs',
                'privacy',
                'wellbeing',
              ],
              async () => ({ Component: (await import('../features/children/pages/ChildPage')).ChildPage }),
            ),
          },
          {
            path: 'assessment',
            handle: { permission: 'assessment.read_own' } satisfies RouteHandle,
            lazy: withLocales(['careAdmin', 'reports', 'terms'], async () => ({
              Component: (await import('../features/assessment/pages/AssessmentPage')).AssessmentPage,
            })),
          },
          {
            path: 'reports/work-summary',
            handle: { permission: 'report.write' } satisfies RouteHandle,
            lazy: withLocales(['orgs', 'reports', 'terms'], async () => ({
              Component: (await import('../features/reports/pages/WorkSummaryPage')).WorkSummaryPage,
            })),
          },
          {
            path: 'orgs',
            handle: { permission: 'org.read' } satisfies RouteHandle,
            lazy: withLocales(['orgs'], async () => ({
              Component: (await import('../features/orgs/pages/OrgTreePage')).OrgTreePage,
            })),
          },
          {
            path: 'terms',
            handle: { permission: 'term.read' } satisfies RouteHandle,
            lazy: withLocales(['orgs', 'terms'], async () => ({
              Component: (await import('../features/terms/pages/TermsPage')).TermsPage,
            })),
          },
          {
            path: 'users',
            handle: { permission: 'user.read' } satisfies RouteHandle,
            lazy: withLocales(['orgs', 'security', 'users'], async () => ({
              Component: (await import('../features/users/pages/UsersPage')).UsersPage,
            })),
          },
          {
            path: 'audit',
            handle: { permission: 'audit.read' } satisfies RouteHandle,
            lazy: withLocales(['audit', 'orgs', 'users'], async () => ({
              Component: (await import('../features/audit/pages/AuditPage')).AuditPage,
            })),
          },
          {
            path: '*',
            lazy: withLocales([], async () => ({ Component: (await import('../components/NotFound')).NotFound })),
          },
        ],
      },
    ],
  },
]);

/**
 * Starts downloading the signed-in layout and the home page (code and texts) while the sign-in
 * page waits for the user to type: on slow 4G they then show at once after 登录 instead of
 * after ≈ 150 KB more. The router later calls the same loaders, which resolve from cache.
 */
setSignedInPrefetch(() => {
  const layout = router.routes[0]?.children?.find((route) => route.path === '/');
  const home = layout?.children?.find((route) => route.index);
  for (const route of [layout, home]) {
    if (typeof route?.lazy === 'function') void Promise.resolve(route.lazy()).catch(() => undefined);
  }
});
