import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { roleAssignmentInput, type UserView } from '@shouwang/shared/schemas/users';
import { App, Button, Card, Flex, Form, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useOrgPlace } from '../../orgs/hooks/useOrgPlace';
import { useAssignRole, useRevokeRole, useUser } from '../api';
import { RoleAssignmentFields } from './RoleAssignmentFields';

/** The roles a user holds, with revoke buttons, and a form to add one more. */
export function UserRolesDrawer({
  open,
  user: initial,
  onClose,
}: {
  open: boolean;
  user: UserView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: user = initial } = useUser(initial.id, initial);
  const [form] = Form.useForm<{ orgId?: string; role?: string }>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const assign = useAssignRole();
  const revoke = useRevokeRole();
  const canEdit = !!user.abilities.assignRoles;
  const placeOf = useOrgPlace(user.roles.map((r) => r.orgId));

  const onFinish = (values: { orgId?: string; role?: string }) => {
    const body = validate(roleAssignmentInput, { orgId: values.orgId, role: values.role });
    if (!body) return;
    assign.mutate(
      { userId: user.id, ...body },
      {
        onSuccess: () => {
          message.success(t('users.roleAdded'));
          form.resetFields();
        },
        onError: fail,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('users.rolesTitle', { name: user.displayName })}
      onClose={onClose}
      testId="user-roles"
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('users.currentRoles')}
      </Typography.Title>
      {user.roles.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('users.noRoles')}</Typography.Paragraph>
      ) : (
        <Flex vertical gap={8} style={{ marginBottom: 24 }}>
          {user.roles.map((r) => (
            <Card key={r.id} size="small">
              <Flex justify="space-between" align="center" gap={8}>
                <span>
                  <Tag color="green" style={{ marginInlineEnd: 8 }}>
                    {t(`roles.${r.role}`)}
                  </Tag>
                  <Typography.Text>{placeOf(r.orgId, r.orgName)}</Typography.Text>
                </span>
                {canEdit && (
                  <Popconfirm
                    title={t('users.revokeConfirm', { role: t(`roles.${r.role}`), org: placeOf(r.orgId, r.orgName) })}
                    okText={t('users.revoke')}
                    okButtonProps={{ danger: true, loading: revoke.isPending }}
                    onConfirm={() =>
                      revoke.mutateAsync({ userId: user.id, assignmentId: r.id }).then(
                        () => {
                          message.success(t('users.roleRevoked'));
                        },
                        (e: Error) => {
                          message.error(e.message);
                        },
                      )
                    }
                  >
                    <Button type="text" danger icon={<DeleteOutlined />}>
                      {t('users.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {canEdit && (
        <>
          <Typography.Title level={5}>{t('users.addRole')}</Typography.Title>
          <FormErrorAlert error={error} />
          <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={clear} requiredMark="optional">
            <RoleAssignmentFields form={form} prefix={[]} testId="assign" />
            <Button type="primary" icon={<PlusOutlined />} htmlType="submit" loading={assign.isPending}>
              {t('users.addRole')}
            </Button>
          </Form>
        </>
      )}
    </FormDrawer>
  );
}
