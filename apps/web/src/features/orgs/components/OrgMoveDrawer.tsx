import { allowedParentKinds } from '@shouwang/shared/roles';
import { type OrgView, orgMoveBody } from '@shouwang/shared/schemas/orgs';
import { Alert, App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useMoveOrg } from '../api';
import { orgPathLabel } from '../org-tree';
import { OrgTreeSelect } from './OrgTreeSelect';

/** Moves a unit, with everything below it, under another parent of an allowed kind. */
export function OrgMoveDrawer({
  open,
  org,
  orgs,
  onClose,
}: {
  open: boolean;
  org: OrgView;
  orgs: OrgView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId?: string }>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const move = useMoveOrg();
  const [version, setVersion] = useState(org.version);
  const parentKinds = allowedParentKinds[org.kind];

  const onFinish = (values: { parentId?: string }) => {
    const body = validate(orgMoveBody, { version, parentId: values.parentId });
    if (!body) return;
    move.mutate(
      { id: org.id, body },
      {
        onSuccess: () => {
          message.success(t('orgs.moved', { name: org.name }));
          onClose();
        },
        onError: fail,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('orgs.moveTitle', { name: org.name })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={move.isPending}
      submitText={t('orgs.actions.move')}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('orgs.moveFrom', { path: orgPathLabel(orgs, org) })}
        description={t('orgs.moveHint')}
      />
      <FormErrorAlert error={error} />
      <VersionConflictAlert<OrgView>
        error={error}
        fields={[{ label: t('orgs.fields.place'), render: (o) => orgPathLabel(orgs, o) }]}
        onUseLatest={(current) => {
          setVersion(current.version);
          clear();
        }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="parentId" label={t('orgs.fields.newParent')} required>
          <OrgTreeSelect
            exclude={(o) => o.path.includes(org.id)}
            selectable={(o) =>
              o.active && !!o.abilities.createChild && parentKinds.includes(o.kind) && o.id !== org.parentId
            }
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
