import type { CompletenessField } from '@shouwang/shared/completeness';
import { careLevelLabels } from '@shouwang/shared/enums/children';
import { parseIdNumber } from '@shouwang/shared/id-number';
import { type ChildView, childCreateBody, childUpdateBody } from '@shouwang/shared/schemas/children';
import { App, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSignedInMe } from '../../auth/api';
import { useOrg } from '../../orgs/api';
import { useCreateChild, useUpdateChild } from '../api';
import { bodyOf, type ChildFormValues, valuesOf } from '../child-form-values';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { toIsoDate } from '../iso-date';
import {
  ChildCategoriesSection,
  ChildContactGrowthSection,
  ChildFamilySection,
  ChildIdentitySection,
  ChildPlacementSection,
} from './ChildFormSections';
import { DuplicateCandidatesAlert } from './DuplicateCandidatesAlert';

/** Creates an archive or edits one, checked with the server's own schema before sending. */
export function ChildFormDrawer({
  open,
  child,
  focus,
  onClose,
  onSaved,
}: {
  open: boolean;
  child: ChildView | null;
  /** A missing item of the completeness list to scroll to and focus. */
  focus?: CompletenessField | null;
  onClose: () => void;
  onSaved?: (child: ChildView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const me = useSignedInMe();
  const [form] = Form.useForm<ChildFormValues>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateChild();
  const update = useUpdateChild();
  const [version, setVersion] = useState(child?.version);
  const lastCreateBody = useRef<Record<string, unknown> | null>(null);
  const [idFilled, setIdFilled] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  // A conflict, a duplicate warning or a message without a field sits above the form: bring it into view.
  useEffect(() => {
    if (error && (error.code !== 'VALIDATION_FAILED' || error.details.some((d) => !d.field)))
      alertRef.current?.scrollIntoView({ block: 'start' });
  }, [error]);

  const today = dayjs();
  const initialValues: ChildFormValues = child
    ? valuesOf(child)
    : {
        careLevel: 'general',
        incomeSources: [],
        aidMeasures: [],
        categories: [],
        enrollmentStatus: 'enrolled',
        enrollmentDate: today,
      };

  // A new archive starts where the user works: their only class (with its school) or village.
  // (A class's school comes from the class's own record: no need for the county's tree.)
  const writable = me.roles.filter((r) => ['class', 'school', 'village'].includes(r.orgKind));
  const home = !child && writable.length === 1 ? writable[0] : undefined;
  const homeClass = useOrg(home?.orgKind === 'class' ? home.orgId : undefined).data;
  useEffect(() => {
    if (!home || form.isFieldsTouched(['schoolId', 'classId', 'villageId'])) return;
    if (home.orgKind === 'class') {
      if (homeClass) form.setFieldsValue({ classId: home.orgId, schoolId: homeClass.parentId });
    } else if (home.orgKind === 'school') form.setFieldsValue({ schoolId: home.orgId });
    else form.setFieldsValue({ villageId: home.orgId });
  }, [home, homeClass, form]);

  useEffect(() => {
    if (!focus) return;
    const name = focus === 'villageContact' ? 'villageContactName' : focus;
    // After the drawer's opening motion, so the scroll lands.
    const timer = setTimeout(() => form.scrollToField(name, { block: 'center', focus: true }), 350);
    return () => clearTimeout(timer);
  }, [focus, form]);

  const onIdNumber = (value: string) => {
    const info = parseIdNumber(value);
    if (!info.valid) return setIdFilled(false);
    form.setFieldsValue({ birthDate: dayjs(info.birthDate), sex: info.sex });
    form.setFields([
      { name: 'birthDate', errors: [] },
      { name: 'sex', errors: [] },
    ]);
    setIdFilled(true);
  };

  const saved = (result: ChildView, text: string) => {
    message.success(text);
    onClose();
    onSaved?.(result);
  };

  const send = (body: Record<string, unknown>) => {
    const parsed = validate(childCreateBody, body);
    if (!parsed) return;
    lastCreateBody.current = body;
    create.mutate(parsed, {
      onSuccess: (result) => saved(result, t('children.created', { name: result.name })),
      onError: fail,
    });
  };

  const onFinish = (values: ChildFormValues) => {
    const body = bodyOf(values);
    if (child) {
      const parsed = validate(childUpdateBody, { ...body, version });
      if (!parsed) return;
      update.mutate(
        { id: child.id, body: parsed },
        { onSuccess: (result) => saved(result, t('children.saved')), onError: fail },
      );
      return;
    }
    send({
      ...body,
      categories: (values.categories ?? []).map((c) => ({
        category: c.category,
        startDate: toIsoDate(c.startDate),
      })),
      enrollmentStatus: values.schoolId ? (values.enrollmentStatus ?? null) : null,
      enrollmentDate: values.schoolId ? toIsoDate(values.enrollmentDate) : null,
    });
  };

  return (
    <FormDrawer
      open={open}
      title={child ? t('children.editTitle', { name: child.name }) : t('children.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitText={child ? t('common.save') : t('children.create')}
      testId="child-form"
    >
      <div ref={alertRef} />
      {error?.code === 'DUPLICATE_SUSPECTED' ? (
        <DuplicateCandidatesAlert
          error={error}
          onConfirm={() => lastCreateBody.current && send({ ...lastCreateBody.current, confirmDuplicate: true })}
          confirming={create.isPending}
        />
      ) : (
        <FormErrorAlert error={error} />
      )}
      <VersionConflictAlert<ChildView>
        error={error}
        fields={[
          { label: t('children.fields.name'), render: (c) => c.name },
          { label: t('children.fields.birthDate'), render: (c) => c.birthDate ?? t('common.none') },
          { label: t('children.fields.currentAddress'), render: (c) => c.currentAddress ?? t('common.none') },
          { label: t('children.fields.careLevel'), render: (c) => options(careLevelLabels, [c.careLevel])[0]?.label },
          { label: t('children.fields.updatedAt'), render: (c) => dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm') },
        ]}
        onUseLatest={(current) => {
          setVersion(current.version);
          form.resetFields();
          form.setFieldsValue(valuesOf(current));
          clear();
        }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('children.hints.required')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError>
        <ChildIdentitySection child={child} idFilled={idFilled} onIdNumber={onIdNumber} />
        <ChildPlacementSection child={child} />
        <ChildCategoriesSection child={child} />
        <ChildFamilySection />
        <ChildContactGrowthSection />
      </Form>
    </FormDrawer>
  );
}
