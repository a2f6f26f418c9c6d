import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CompletenessField } from '@shouwang/shared/completeness';
import {
  aidMeasureLabels,
  aidMeasures,
  boardingStatuses,
  boardingStatusLabels,
  careLevelLabels,
  careLevels,
  childCategories,
  childCategoryLabels,
  disabilityCategories,
  disabilityCategoryLabels,
  disabilityGradeLabels,
  disabilityGrades,
  enrollmentStatuses,
  enrollmentStatusLabels,
  gradeLabel,
  grades,
  guardianshipTypeLabels,
  guardianshipTypes,
  healthStatuses,
  healthStatusLabels,
  housingConditionLabels,
  housingConditions,
  hukouTypeLabels,
  hukouTypes,
  incomeSourceLabels,
  incomeSources,
  schoolingStatuses,
  schoolingStatusLabels,
  sexes,
  sexLabels,
} from '@shouwang/shared/enums/children';
import { ethnicities, ethnicityLabels } from '@shouwang/shared/enums/ethnicities';
import { parseIdNumber } from '@shouwang/shared/id-number';
import { type ChildView, childCreateBody, childUpdateBody } from '@shouwang/shared/schemas/children';
import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { App, Button, Card, Checkbox, DatePicker, Divider, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSignedInMe } from '../../auth/api';
import { useOrgs } from '../../orgs/api';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useCreateChild, useUpdateChild } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { fromIsoDate, textOrNull, toIsoDate } from '../iso-date';
import { DuplicateCandidatesAlert } from './DuplicateCandidatesAlert';

type Maybe<T> = T | null | undefined;

export interface ChildFormValues {
  name?: string;
  idNumber?: string;
  sex?: Maybe<string>;
  birthDate?: Maybe<Dayjs>;
  ethnicity?: Maybe<string>;
  schoolId?: Maybe<string>;
  classId?: Maybe<string>;
  villageId?: Maybe<string>;
  grade?: Maybe<number>;
  hukouRegistered?: Maybe<boolean>;
  hukouType?: Maybe<string>;
  hukouLocation?: Maybe<string>;
  currentAddress?: Maybe<string>;
  health?: Maybe<string>;
  disabilityCategory?: Maybe<string>;
  disabilityGrade?: Maybe<string>;
  illnessType?: Maybe<string>;
  schooling?: Maybe<string>;
  boarding?: Maybe<string>;
  guardianshipType?: Maybe<string>;
  incomeSources?: string[];
  aidMeasures?: string[];
  housing?: Maybe<string>;
  familyNote?: Maybe<string>;
  careLevel?: string;
  personality?: Maybe<string>;
  interests?: Maybe<string>;
  study?: Maybe<string>;
  thinking?: Maybe<string>;
  psychology?: Maybe<string>;
  character?: Maybe<string>;
  healthNote?: Maybe<string>;
  villageContactName?: Maybe<string>;
  villageContactPhone?: Maybe<string>;
  note?: Maybe<string>;
  categories?: { category?: string; startDate?: Maybe<Dayjs> }[];
  enrollmentStatus?: Maybe<string>;
  enrollmentDate?: Maybe<Dayjs>;
}

const textFields = [
  'hukouLocation',
  'currentAddress',
  'illnessType',
  'familyNote',
  'personality',
  'interests',
  'study',
  'thinking',
  'psychology',
  'character',
  'healthNote',
  'villageContactName',
  'villageContactPhone',
  'note',
] as const;

const choiceFields = [
  'sex',
  'ethnicity',
  'schoolId',
  'classId',
  'villageId',
  'grade',
  'hukouRegistered',
  'hukouType',
  'health',
  'disabilityCategory',
  'disabilityGrade',
  'schooling',
  'boarding',
  'guardianshipType',
  'housing',
] as const;

type OrgKey = 'schoolId' | 'classId' | 'villageId';

/** The form's values for an archive on file. */
function valuesOf(child: ChildView): ChildFormValues {
  const values: ChildFormValues = {
    name: child.name,
    idNumber: '',
    birthDate: fromIsoDate(child.birthDate),
    incomeSources: child.incomeSources,
    aidMeasures: child.aidMeasures,
    careLevel: child.careLevel,
    schoolId: child.school?.id ?? null,
    classId: child.class?.id ?? null,
    villageId: child.village?.id ?? null,
  };
  for (const key of textFields) values[key] = child[key] ?? '';
  for (const key of choiceFields)
    if (!(key in values)) (values as Record<string, unknown>)[key] = child[key as Exclude<typeof key, OrgKey>];
  return values;
}

/** The request body from the form: empty texts become null, dates ISO strings. */
function bodyOf(values: ChildFormValues) {
  const body: Record<string, unknown> = {
    name: values.name?.trim() ?? '',
    birthDate: toIsoDate(values.birthDate),
    incomeSources: values.incomeSources ?? [],
    aidMeasures: values.aidMeasures ?? [],
    careLevel: values.careLevel,
  };
  for (const key of textFields) body[key] = textOrNull(values[key]);
  for (const key of choiceFields) body[key] = values[key] ?? null;
  const idNumber = values.idNumber?.trim();
  if (idNumber) body.idNumber = idNumber;
  return body;
}

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
  const orgs = useOrgs();
  const [form] = Form.useForm<ChildFormValues>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateChild();
  const update = useUpdateChild();
  const [version, setVersion] = useState(child?.version);
  const lastCreateBody = useRef<Record<string, unknown> | null>(null);
  const schoolId = Form.useWatch('schoolId', form);
  const health = Form.useWatch('health', form);
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
  const orgItems = orgs.data;
  useEffect(() => {
    if (child || !orgItems) return;
    const writable = me.roles.filter((r) => ['class', 'school', 'village'].includes(r.orgKind));
    if (writable.length !== 1) return;
    const home = orgItems.find((o) => o.id === writable[0]!.orgId);
    if (!home || form.isFieldsTouched(['schoolId', 'classId', 'villageId'])) return;
    if (home.kind === 'class') form.setFieldsValue({ classId: home.id, schoolId: home.parentId });
    else if (home.kind === 'school') form.setFieldsValue({ schoolId: home.id });
    else form.setFieldsValue({ villageId: home.id });
  }, [child, orgItems, me.roles, form]);

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

  const isSchool = (org: OrgView) => org.kind === 'school';
  const isVillage = (org: OrgView) => org.kind === 'village';
  const inSchool = (org: OrgView) => org.kind === 'class' && !!schoolId && org.path.includes(schoolId);
  const notFuture = (d: Dayjs) => d.isAfter(today, 'day');

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
        <Divider titlePlacement="start">{t('children.sections.identity')}</Divider>
        <Form.Item name="name" label={t('children.fields.name')} required>
          <Input maxLength={40} autoComplete="off" data-testid="child-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('children.fields.idNumber')}
          required
          extra={
            idFilled
              ? t('children.hints.idFilled')
              : child?.idNumberMasked
                ? t('children.hints.idNumberKept', { masked: child.idNumberMasked })
                : t('children.hints.idNumber')
          }
        >
          <Input
            maxLength={18}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onIdNumber(e.target.value)}
            data-testid="child-id-number"
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('children.fields.birthDate')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="sex" label={t('children.fields.sex')} required>
          <Radio.Group optionType="button" buttonStyle="solid" options={options(sexLabels, sexes)} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('children.fields.ethnicity')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            options={options(ethnicityLabels, ethnicities)}
          />
        </Form.Item>

        <Divider titlePlacement="start">{t('children.sections.placement')}</Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('children.hints.schoolOrVillage')}
        </Typography.Paragraph>
        <Form.Item name="schoolId" label={t('children.fields.school')}>
          <OrgTreeSelect
            allowClear
            selectable={isSchool}
            onChange={(value) => form.setFieldsValue({ schoolId: value ?? null, classId: null })}
          />
        </Form.Item>
        <Form.Item name="classId" label={t('children.fields.class')}>
          <OrgTreeSelect allowClear selectable={inSchool} testId="child-class" />
        </Form.Item>
        <Form.Item name="grade" label={t('children.fields.grade')}>
          <Select allowClear options={grades.map((g) => ({ value: g, label: gradeLabel(g) }))} />
        </Form.Item>
        {!child && schoolId && (
          <>
            <Form.Item name="enrollmentStatus" label={t('children.fields.enrollmentStatus')}>
              <Select options={options(enrollmentStatusLabels, enrollmentStatuses)} />
            </Form.Item>
            <Form.Item name="enrollmentDate" label={t('children.fields.enrollmentDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </>
        )}
        <Form.Item name="schooling" label={t('children.fields.schooling')} required>
          <Select allowClear options={options(schoolingStatusLabels, schoolingStatuses)} />
        </Form.Item>
        <Form.Item name="boarding" label={t('children.fields.boarding')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options(boardingStatusLabels, boardingStatuses)}
          />
        </Form.Item>
        <Form.Item name="villageId" label={t('children.fields.village')}>
          <OrgTreeSelect allowClear selectable={isVillage} />
        </Form.Item>
        <Form.Item name="hukouRegistered" label={t('children.fields.hukouRegistered')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        </Form.Item>
        <Form.Item name="hukouType" label={t('children.fields.hukouType')}>
          <Select allowClear options={options(hukouTypeLabels, hukouTypes)} />
        </Form.Item>
        <Form.Item name="hukouLocation" label={t('children.fields.hukouLocation')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="currentAddress" label={t('children.fields.currentAddress')} required>
          <Input maxLength={200} data-testid="child-current-address" />
        </Form.Item>

        <Divider titlePlacement="start">{t('children.sections.categories')}</Divider>
        {!child && (
          <Form.List name="categories">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={t('children.categoryRow', { n: index + 1 })}
                    extra={
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('children.removeCategory')}
                      />
                    }
                  >
                    <Form.Item name={[field.name, 'category']} label={t('children.fields.categories')}>
                      <Select
                        options={options(childCategoryLabels, childCategories)}
                        data-testid={`child-category-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'startDate']}
                      label={t('children.category.startDate')}
                      extra={t('children.hints.categoryStart')}
                      style={{ marginBottom: 0 }}
                    >
                      <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
                    </Form.Item>
                  </Card>
                ))}
                {fields.length < childCategories.length && (
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add({ startDate: today })}
                    style={{ marginBottom: 16 }}
                    data-testid="child-add-category"
                  >
                    {t('children.addCategory')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        )}
        <Form.Item name="careLevel" label={t('children.fields.careLevel')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={options(careLevelLabels, careLevels)} />
        </Form.Item>

        <Divider titlePlacement="start">{t('children.sections.family')}</Divider>
        <Form.Item name="guardianshipType" label={t('children.fields.guardianshipType')} required>
          <Select allowClear options={options(guardianshipTypeLabels, guardianshipTypes)} />
        </Form.Item>
        <Form.Item name="incomeSources" label={t('children.fields.incomeSources')} required>
          <Checkbox.Group options={options(incomeSourceLabels, incomeSources)} />
        </Form.Item>
        <Form.Item name="aidMeasures" label={t('children.fields.aidMeasures')}>
          <Select mode="multiple" allowClear options={options(aidMeasureLabels, aidMeasures)} />
        </Form.Item>
        <Form.Item name="housing" label={t('children.fields.housing')}>
          <Select allowClear options={options(housingConditionLabels, housingConditions)} />
        </Form.Item>
        <Form.Item name="familyNote" label={t('children.fields.familyNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="health" label={t('children.fields.health')} required>
          <Select allowClear options={options(healthStatusLabels, healthStatuses)} />
        </Form.Item>
        {health === 'disabled' && (
          <>
            <Form.Item name="disabilityCategory" label={t('children.fields.disabilityCategory')}>
              <Select allowClear options={options(disabilityCategoryLabels, disabilityCategories)} />
            </Form.Item>
            <Form.Item name="disabilityGrade" label={t('children.fields.disabilityGrade')}>
              <Select allowClear options={options(disabilityGradeLabels, disabilityGrades)} />
            </Form.Item>
          </>
        )}
        {(health === 'serious_illness' || health === 'chronic_illness') && (
          <Form.Item name="illnessType" label={t('children.fields.illnessType')}>
            <Input maxLength={100} />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('children.sections.village')}</Divider>
        <Form.Item name="villageContactName" label={t('children.fields.villageContactName')} required>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="villageContactPhone" label={t('children.fields.villageContactPhone')} required>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>

        <Divider titlePlacement="start">{t('children.sections.growth')}</Divider>
        {(
          ['personality', 'interests', 'study', 'thinking', 'psychology', 'character', 'healthNote', 'note'] as const
        ).map((key) => (
          <Form.Item key={key} name={key} label={t(`children.fields.${key}`)}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        ))}
      </Form>
    </FormDrawer>
  );
}
