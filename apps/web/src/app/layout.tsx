import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import type { Permission } from '@shouwang/shared/roles';
import { App as AntdApp, Button, Divider, Drawer, Flex, Layout, Result, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { Brand } from '../components/Brand';
import { FullPageSpin } from '../components/FullPageSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NavMenu } from '../components/NavMenu';
import { RoleList } from '../components/RoleList';
import { UserMenu } from '../components/UserMenu';
import { useLogout, useMe } from '../features/auth/api';
import { TodoDot } from '../features/care-records/components/TodoDot';
import { TotpResetNotice } from '../features/security/components/TotpResetNotice';
import { useHasSider, useIsMobile } from '../hooks/useIsMobile';

/** Route `handle` of pages that need a permission. */
export interface RouteHandle {
  permission?: Permission;
}

/** One-off notices handed over by pages outside the shell (e.g. after the password change). */
function Notice() {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const notice = (location.state as { notice?: string } | null)?.notice;
  useEffect(() => {
    if (notice !== 'passwordChanged') return;
    message.success(t('password.changed'));
    navigate(location.pathname, { replace: true, state: null });
  }, [notice, message, t, navigate, location.pathname]);
  return null;
}

/** The signed-in shell: side menu on desktops, a drawer menu on phones, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const hasSider = useHasSider();
  const isMobile = useIsMobile();
  const [navOpen, setNavOpen] = useState(false);
  const matches = useMatches();

  if (me.isPending) return <FullPageSpin />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.user.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (me.data.user.totpEnrollmentRequired) return <Navigate to="/security/two-step" replace />;

  const { permissions } = me.data;
  const needed = matches.map((m) => (m.handle as RouteHandle | undefined)?.permission).filter(Boolean) as Permission[];
  const allowed = needed.every((p) => permissions.includes(p));
  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    // The App context (message, modal) lives here so the sign-in page does not download it.
    <AntdApp component={false}>
      <Notice />
      <Layout style={{ minHeight: '100vh' }}>
        {hasSider && (
          <Layout.Sider width={224} style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <div style={{ position: 'sticky', top: 0 }}>
              <div style={{ padding: '16px 20px' }}>
                <Brand />
              </div>
              <NavMenu permissions={permissions} />
            </div>
          </Layout.Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 10,
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
              paddingInline: isMobile ? 8 : 24,
            }}
          >
            {!hasSider && (
              <>
                <TodoDot enabled>
                  <Button
                    type="text"
                    size="large"
                    icon={<MenuOutlined />}
                    onClick={() => setNavOpen(true)}
                    aria-label={t('nav.open')}
                    data-testid="nav-open"
                  />
                </TodoDot>
                <Brand />
              </>
            )}
            <div style={{ flex: 1 }} />
            <LanguageSwitch compact={isMobile} />
            <UserMenu me={me.data} compact={isMobile} onLogout={onLogout} />
          </Layout.Header>
          <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
            <main style={{ maxWidth: 1280, margin: '0 auto' }}>
              <TotpResetNotice me={me.data} withLink />
              {allowed ? (
                <Suspense fallback={<FullPageSpin />}>
                  <Outlet />
                </Suspense>
              ) : (
                <Result
                  status="403"
                  title={t('errors.forbiddenTitle')}
                  subTitle={t('errors.forbiddenPage')}
                  extra={
                    <Button type="primary" onClick={() => navigate('/')}>
                      {t('common.backHome')}
                    </Button>
                  }
                />
              )}
            </main>
          </Layout.Content>
        </Layout>
        {!hasSider && (
          <Drawer
            open={navOpen}
            placement="left"
            size={Math.min(300, typeof window === 'undefined' ? 300 : window.innerWidth - 48)}
            onClose={() => setNavOpen(false)}
            title={<Brand />}
            styles={{ body: { padding: 8 } }}
            data-testid="nav-drawer"
          >
            <NavMenu permissions={permissions} onNavigate={() => setNavOpen(false)} />
            <Divider style={{ margin: '12px 0' }} />
            <div style={{ padding: '0 12px' }}>
              <Typography.Text strong>{me.data.user.displayName}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <RoleList roles={me.data.roles} />
              </div>
              <Flex vertical gap={8} style={{ marginTop: 16 }}>
                <Button
                  block
                  onClick={() => {
                    setNavOpen(false);
                    navigate('/change-password');
                  }}
                >
                  {t('me.changePassword')}
                </Button>
                <Button block danger icon={<LogoutOutlined />} onClick={onLogout}>
                  {t('me.logout')}
                </Button>
              </Flex>
            </div>
          </Drawer>
        )}
      </Layout>
    </AntdApp>
  );
}
