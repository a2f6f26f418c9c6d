import type { OrgKind } from '@shouwang/shared/roles';
import { type OrgView, orgCreateBody, orgUpdateBody } from '@shouwang/shared/schemas/orgs';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCreateOrg, useUpdateOrg } from '../api';
import { childKindsOf, countsStudents } from '../org-tree';
import { OrgTreeSelect } from './OrgTreeSelect';

export type OrgFormMode = { type: 'create'; parent?: OrgView } | { type: 'edit'; org: OrgView };

interface OrgFormValues {
  parentId?: string;
  kind?: OrgKind;
  name?: string;
  code?: string | null;
  studentCount?: number | null;
}

/** Creates a unit under a parent, or renames/edits one. */
export function OrgFormDrawer({
  open,
  mode,
  orgs,
  onClose,
  onCreated,
}: {
  open: boolean;
  mode: OrgFormMode;
  /** The units loaded on the page (the parent is looked up there first). */
  orgs: OrgView[];
  onClose: () => void;
  onCreated?: (org: OrgView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const editing = mode.type === 'edit' ? mode.org : null;
  const [version, setVersion] = useState(editing?.version);

  const defaultParent = mode.type === 'create' ? mode.parent : undefined;
  const parentId = Form.useWatch('parentId', form) ?? defaultParent?.id;
  // The picker loads its own levels: the parent it hands back may not be on the page.
  const [picked, setPicked] = useState<OrgView | undefined>(defaultParent);
  const parent = orgs.find((o) => o.id === parentId) ?? (picked?.id === parentId ? picked : undefined);
  const kinds = parent ? childKindsOf(parent.kind) : [];
  const watchedKind = Form.useWatch('kind', form);
  const kind: OrgKind | undefined = editing ? editing.kind : watchedKind;

  const initialValues: OrgFormValues = editing
    ? { name: editing.name, code: editing.code, studentCount: editing.studentCount }
    : { parentId: defaultParent?.id, kind: defaultParent ? childKindsOf(defaultParent.kind)[0] : undefined };

  const onFinish = (values: OrgFormValues) => {
    const code = values.code?.trim() ? values.code : null;
    const studentCount = kind && countsStudents(kind) ? (values.studentCount ?? null) : undefined;
    if (editing) {
      const body = validate(orgUpdateBody, { version, name: values.name ?? '', code, studentCount });
      if (!body) return;
      update.mutate(
        { id: editing.id, body },
        {
          onSuccess: () => {
            message.success(t('orgs.saved'));
            onClose();
          },
          onError: fail,
        },
      );
    } else {
      const body = validate(orgCreateBody, {
        parentId: values.parentId ?? null,
        kind: values.kind,
        name: values.name ?? '',
        code,
        studentCount,
      });
      if (!body) return;
      create.mutate(body, {
        onSuccess: (org) => {
          message.success(t('orgs.created', { name: (org as OrgView).name }));
          onCreated?.(org as OrgView);
          onClose();
        },
        onError: fail,
      });
    }
  };

  return (
    <FormDrawer
      open={open}
      title={editing ? t('orgs.editTitle', { name: editing.name }) : t('orgs.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitText={editing ? t('common.save') : t('common.create')}
      testId="org-form"
    >
      <FormErrorAlert error={error} />
      <VersionConflictAlert<OrgView>
        error={error}
        fields={[
          { label: t('orgs.fields.name'), render: (o) => o.name },
          { label: t('orgs.fields.code'), render: (o) => o.code ?? t('common.none') },
          ...(editing && countsStudents(editing.kind)
            ? [{ label: t('orgs.fields.studentCount'), render: (o: OrgView) => o.studentCount ?? t('common.none') }]
            : []),
        ]}
        onUseLatest={(current) => {
          setVersion(current.version);
          form.setFieldsValue({ name: current.name, code: current.code, studentCount: current.studentCount });
          clear();
        }}
      />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional">
        {!editing && (
          <>
            <Form.Item name="parentId" label={t('orgs.fields.parent')} required>
              <OrgTreeSelect
                selectable={(o) => o.active && !!o.abilities.createChild}
                onChange={(id, next) => {
                  setPicked(next);
                  form.setFieldsValue({ parentId: id, kind: next ? childKindsOf(next.kind)[0] : undefined });
                }}
                testId="org-parent"
              />
            </Form.Item>
            <Form.Item name="kind" label={t('orgs.fields.kind')} required>
              <Select
                data-testid="org-kind"
                disabled={!parent}
                placeholder={parent ? t('orgs.pickKind') : t('orgs.pickParentFirst')}
                options={kinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('orgs.fields.name')}
          required
          extra={kind ? t(`orgs.nameHint.${kind}`) : undefined}
        >
          <Input maxLength={60} autoComplete="off" data-testid="org-name" />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.fields.code')} extra={t('orgs.codeHint')}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        {kind && countsStudents(kind) && (
          <Form.Item name="studentCount" label={t('orgs.fields.studentCount')} extra={t('orgs.studentCountHint')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="org-student-count" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
