import type { Role } from '@shouwang/shared/roles';
import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { Form, type FormInstance, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../orgs/api';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { canAssignAt, rolesForOrgKind } from '../role-options';

/**
 * A unit and a role that fits it. Choosing the unit narrows the roles to those allowed at its kind,
 * and picks the role outright when only one fits (a class → 班主任).
 */
export function RoleAssignmentFields({
  form,
  prefix,
  listPath = [],
  testId,
}: {
  form: FormInstance;
  /** Name prefix inside the form (e.g. [0] inside a Form.List), [] at the top level. */
  prefix: (string | number)[];
  /** The Form.List name the prefix is relative to, for reading values. */
  listPath?: (string | number)[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const orgId = Form.useWatch([...listPath, ...prefix, 'orgId'] as NamePath, form) as string | undefined;
  // The unit's own record: the picker loads the tree a level at a time.
  const org = useOrg(orgId).data;
  const options = rolesForOrgKind(org?.kind);

  const onOrgChange = (next: OrgView | undefined) => {
    const fits = rolesForOrgKind(next?.kind);
    const current = form.getFieldValue([...listPath, ...prefix, 'role']) as Role | undefined;
    const role = current && fits.includes(current) ? current : fits.length === 1 ? fits[0] : undefined;
    form.setFieldValue([...listPath, ...prefix, 'role'], role);
  };

  return (
    <>
      <Form.Item name={[...prefix, 'orgId']} label={t('users.fields.org')} required style={{ marginBottom: 12 }}>
        <OrgTreeSelect
          selectable={canAssignAt}
          onChange={(_id, next) => onOrgChange(next)}
          testId={testId ? `${testId}-org` : undefined}
        />
      </Form.Item>
      <Form.Item name={[...prefix, 'role']} label={t('users.fields.role')} required style={{ marginBottom: 12 }}>
        <Select
          data-testid={testId ? `${testId}-role` : undefined}
          disabled={!org}
          placeholder={org ? t('users.pickRole') : t('users.pickOrgFirst')}
          options={options.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          notFoundContent={t('users.noRoleFits')}
        />
      </Form.Item>
    </>
  );
}
