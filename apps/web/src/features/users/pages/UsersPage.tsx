import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { type Role, roles } from '@shouwang/shared/roles';
import type { UserView } from '@shouwang/shared/schemas/users';
import { App, Badge, Button, Card, Flex, Input, Pagination, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { OrgPlaceProvider } from '../../orgs/hooks/useOrgPlace';
import { type OneTimePasswordResult, type UserAction, type UserFilters, useUserAction, useUsers } from '../api';
import { OneTimePasswordModal } from '../components/OneTimePasswordModal';
import { ResetTotpModal } from '../components/ResetTotpModal';
import { UserActions, type UserPageAction } from '../components/UserActions';
import { UserCard } from '../components/UserCard';
import { UserFormDrawer, type UserFormMode } from '../components/UserFormDrawer';
import { UserRolesDrawer } from '../components/UserRolesDrawer';
import { UserRoleTags } from '../components/UserRoleTags';
import { UserStatusTags } from '../components/UserStatusTags';

export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const me = useSignedInMe();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const users = useUsers(filters);
  const formDrawer = useDrawerState<UserFormMode>();
  const rolesDrawer = useDrawerState<UserView>();
  const [otp, setOtp] = useState<{ result: OneTimePasswordResult; reason: 'created' | 'reset' } | null>(null);
  const act = useUserAction();
  const [totpResetFor, setTotpResetFor] = useState<UserView | null>(null);
  const canManage = me.permissions.includes('user.manage');
  const canReadAudit = me.permissions.includes('audit.read');

  const [showFilters, setShowFilters] = useState(false);
  const activeFilters = [filters.role, filters.orgId, filters.status].filter(Boolean).length;
  // Phones show the search box only; the other filters fold out on request.
  const filtersOpen = !isMobile || showFilters || activeFilters > 0;
  const filter = (change: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...change, page: 1 }));

  const confirmAction = (action: UserAction, user: UserView) => {
    const key = { disable: 'disable', enable: 'enable', 'reset-password': 'resetPassword', unlock: 'unlock' }[action];
    modal.confirm({
      title: t(`users.confirm.${key}.title`, { name: user.displayName }),
      content: t(`users.confirm.${key}.content`),
      okText: t(`users.actions.${key}`),
      okButtonProps: { danger: action === 'disable' || action === 'reset-password' },
      onOk: () =>
        act.mutateAsync({ user, action }).then(
          (result) => {
            if (action === 'reset-password' && result && 'oneTimePassword' in result) {
              setOtp({ result, reason: 'reset' });
            } else {
              message.success(t(`users.done.${key}`, { name: user.displayName }));
            }
          },
          (e: Error) => {
            message.error(e.message);
          },
        ),
    });
  };

  const onAction = (action: UserPageAction, user: UserView) => {
    if (action === 'edit') formDrawer.open({ type: 'edit', user });
    else if (action === 'roles') rolesDrawer.open(user);
    else if (action === 'audit') navigate(`/audit?targetId=${user.id}`);
    else if (action === 'reset-totp') setTotpResetFor(user);
    else confirmAction(action, user);
  };

  const data = users.data;
  const empty = data && data.items.length === 0;
  const filtered = !!(filters.q || filters.orgId || filters.role || filters.status);

  // The units of the listed roles, named once for the whole page (a class with its school).
  const roleOrgIds = (users.data?.items ?? []).flatMap((u) => u.roles.map((r) => r.orgId));

  return (
    <OrgPlaceProvider orgIds={roleOrgIds}>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => formDrawer.open({ type: 'create' })}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
        <Flex wrap gap={12}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value) filter({ q: undefined });
            }}
            onSearch={(value) => filter({ q: value.trim() || undefined })}
            style={{ flex: isMobile ? '1 1 160px' : '2 1 240px' }}
            data-testid="user-search"
          />
          {isMobile && (
            <Badge count={activeFilters} size="small" color="#1f7a5c">
              <Button icon={<FilterOutlined />} onClick={() => setShowFilters((v) => !v)} aria-expanded={filtersOpen}>
                {t('users.filters')}
              </Button>
            </Badge>
          )}
          {filtersOpen && (
            <>
              <Select<Role>
                allowClear
                placeholder={t('users.filterRole')}
                value={filters.role}
                onChange={(role) => filter({ role })}
                options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                style={{ flex: '1 1 160px' }}
              />
              <OrgTreeSelect
                allowClear
                placeholder={t('users.filterOrg')}
                value={filters.orgId}
                onChange={(orgId) => filter({ orgId })}
                style={{ flex: '1 1 200px' }}
              />
              <Select<'active' | 'disabled'>
                allowClear
                placeholder={t('users.filterStatus')}
                value={filters.status}
                onChange={(status) => filter({ status })}
                options={[
                  { value: 'active', label: t('users.status.active') },
                  { value: 'disabled', label: t('users.status.disabled') },
                ]}
                style={{ flex: '1 1 120px' }}
              />
            </>
          )}
        </Flex>
      </Card>

      {users.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : users.isError ? (
        <Card>
          <QueryError error={users.error} onRetry={() => users.refetch()} />
        </Card>
      ) : empty ? (
        <Card>
          <EmptyState
            description={filtered ? t('users.emptyFiltered') : t('users.empty')}
            action={
              !filtered &&
              canManage && (
                <Button type="primary" onClick={() => formDrawer.open({ type: 'create' })}>
                  {t('users.create')}
                </Button>
              )
            }
          />
        </Card>
      ) : isMobile ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('users.total', { count: data?.total ?? 0 })}</Typography.Text>
          {data?.items.map((user) => (
            <UserCard key={user.id} user={user} canReadAudit={canReadAudit} onAction={onAction} />
          ))}
          <Pagination
            simple
            align="center"
            current={filters.page}
            pageSize={filters.pageSize}
            total={data?.total ?? 0}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
          />
        </Flex>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<UserView>
            rowKey="id"
            loading={users.isFetching && !users.isPending}
            dataSource={data?.items}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('users.total', { count: total }),
              onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
            }}
            columns={[
              {
                title: t('users.fields.user'),
                render: (_, user) => (
                  <div>
                    <Typography.Text strong>{user.displayName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {user.username}
                      {user.phone ? ` · ${user.phone}` : ''}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('users.fields.roles'), render: (_, user) => <UserRoleTags user={user} /> },
              { title: t('users.fields.status'), render: (_, user) => <UserStatusTags user={user} /> },
              {
                title: t('users.fields.lastLogin'),
                render: (_, user) =>
                  user.lastLoginAt ? (
                    formatDateTime(user.lastLoginAt)
                  ) : (
                    <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
                  ),
              },
              {
                title: t('common.actions'),
                render: (_, user) => <UserActions user={user} canReadAudit={canReadAudit} onAction={onAction} />,
              },
            ]}
          />
        </Card>
      )}

      {formDrawer.state && (
        <UserFormDrawer
          key={formDrawer.state.key}
          open={formDrawer.state.open}
          mode={formDrawer.state.subject}
          onClose={formDrawer.close}
          onCreated={(result) => setOtp({ result, reason: 'created' })}
        />
      )}
      {rolesDrawer.state && (
        <UserRolesDrawer
          key={rolesDrawer.state.key}
          open={rolesDrawer.state.open}
          user={rolesDrawer.state.subject}
          onClose={rolesDrawer.close}
        />
      )}
      <ResetTotpModal user={totpResetFor} onClose={() => setTotpResetFor(null)} />
      <OneTimePasswordModal
        result={otp?.result ?? null}
        reason={otp?.reason ?? 'created'}
        onClose={() => setOtp(null)}
      />
    </OrgPlaceProvider>
  );
}
