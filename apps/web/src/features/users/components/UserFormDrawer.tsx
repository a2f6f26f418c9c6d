import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type UserView, userCreateBody, userUpdateBody } from '@shouwang/shared/schemas/users';
import { App, Button, Card, Divider, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { type OneTimePasswordResult, useCreateUser, useUpdateUser } from '../api';
import { RoleAssignmentFields } from './RoleAssignmentFields';

export type UserFormMode = { type: 'create' } | { type: 'edit'; user: UserView };

interface UserFormValues {
  username?: string;
  displayName?: string;
  phone?: string;
  language?: 'zh-CN' | 'en';
  roles?: { orgId?: string; role?: string }[];
}

/** Creates an account with its first role(s), or edits name, phone and language. */
export function UserFormDrawer({
  open,
  mode,
  onClose,
  onCreated,
}: {
  open: boolean;
  mode: UserFormMode;
  onClose: () => void;
  onCreated: (result: OneTimePasswordResult) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = mode.type === 'edit' ? mode.user : null;
  const [version, setVersion] = useState(editing?.version);

  const initialValues: UserFormValues = editing
    ? { displayName: editing.displayName, phone: editing.phone ?? '', language: editing.language }
    : { language: 'zh-CN', roles: [{}] };

  const onFinish = (values: UserFormValues) => {
    const phone = values.phone?.trim() ? values.phone : null;
    if (editing) {
      const body = validate(userUpdateBody, {
        version,
        displayName: values.displayName ?? '',
        phone,
        language: values.language,
      });
      if (!body) return;
      update.mutate(
        { id: editing.id, body },
        {
          onSuccess: () => {
            message.success(t('users.saved'));
            onClose();
          },
          onError: fail,
        },
      );
      return;
    }
    const body = validate(userCreateBody, {
      username: values.username ?? '',
      displayName: values.displayName ?? '',
      phone,
      language: values.language,
      roles: (values.roles ?? []).map((r) => ({ orgId: r.orgId, role: r.role })),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (result) => {
        onClose();
        onCreated(result);
      },
      onError: fail,
    });
  };

  return (
    <FormDrawer
      open={open}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitText={editing ? t('common.save') : t('users.createSubmit')}
      testId="user-form"
    >
      <FormErrorAlert error={error} />
      <VersionConflictAlert<UserView>
        error={error}
        fields={[
          { label: t('users.fields.displayName'), render: (u) => u.displayName },
          { label: t('users.fields.phone'), render: (u) => u.phone ?? t('common.none') },
          { label: t('users.fields.language'), render: (u) => t(`language.names.${u.language}`) },
        ]}
        onUseLatest={(current) => {
          setVersion(current.version);
          form.setFieldsValue({
            displayName: current.displayName,
            phone: current.phone ?? '',
            language: current.language,
          });
          clear();
        }}
      />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional">
        {editing ? (
          <Form.Item label={t('users.fields.username')}>
            <Typography.Text code>{editing.username}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="username" label={t('users.fields.username')} required extra={t('users.usernameHint')}>
            <Input
              maxLength={32}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-testid="user-username"
            />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.fields.displayName')} required extra={t('users.displayNameHint')}>
          <Input maxLength={40} autoComplete="off" data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.fields.phone')}>
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name="language" label={t('users.fields.language')}>
          <Select
            options={[
              { value: 'zh-CN', label: t('language.names.zh-CN') },
              { value: 'en', label: t('language.names.en') },
            ]}
          />
        </Form.Item>
        {!editing && (
          <>
            <Divider titlePlacement="start">{t('users.rolesSection')}</Divider>
            <Typography.Paragraph type="secondary">{t('users.rolesHint')}</Typography.Paragraph>
            <Form.List name="roles">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      style={{ marginBottom: 12 }}
                      title={t('users.roleN', { n: index + 1 })}
                      extra={
                        fields.length > 1 && (
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('users.removeRole')}
                          />
                        )
                      }
                    >
                      <RoleAssignmentFields
                        form={form}
                        prefix={[field.name]}
                        listPath={['roles']}
                        testId={`user-role-${index}`}
                      />
                    </Card>
                  ))}
                  {fields.length < 20 && (
                    <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                      {t('users.addRole')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
