import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
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
import type { ChildView } from '@shouwang/shared/schemas/children';
import type { OrgView } from '@shouwang/shared/schemas/orgs';
import { Button, Card, Checkbox, DatePicker, Divider, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useCodeLabels } from '../hooks/useCodeLabels';

/** The sections of the child form (ChildFormDrawer), in the order of the national registration form. */

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 身份: name, ID number (fills birth date and sex), birth date, sex, ethnicity. */
export function ChildIdentitySection({
  child,
  idFilled,
  onIdNumber,
}: {
  child: ChildView | null;
  idFilled: boolean;
  onIdNumber: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  return (
    <>
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
        <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={options(ethnicityLabels, ethnicities)} />
      </Form.Item>
    </>
  );
}

/** 就学与户籍: school, class, grade, enrollment (new archives), boarding, home village, household registration. */
export function ChildPlacementSection({ child }: { child: ChildView | null }) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  const form = Form.useFormInstance();
  const schoolId = Form.useWatch('schoolId', form) as string | null | undefined;
  const isSchool = (org: OrgView) => org.kind === 'school';
  const isVillage = (org: OrgView) => org.kind === 'village';
  const inSchool = (org: OrgView) => org.kind === 'class' && !!schoolId && org.path.includes(schoolId);
  return (
    <>
      <Divider titlePlacement="start">{t('children.sections.placement')}</Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('children.hints.schoolOrVillage')}
      </Typography.Paragraph>
      <Form.Item name="schoolId" label={t('children.fields.school')}>
        <OrgTreeSelect
          allowClear
          selectable={isSchool}
          kinds={['school']}
          onChange={(value) => form.setFieldsValue({ schoolId: value ?? null, classId: null })}
        />
      </Form.Item>
      <Form.Item name="classId" label={t('children.fields.class')}>
        <OrgTreeSelect allowClear selectable={inSchool} kinds={['class']} testId="child-class" />
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
        <OrgTreeSelect allowClear selectable={isVillage} kinds={['village']} />
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
    </>
  );
}

/** 儿童类别 (new archives; later changes have their own drawer) and care level. */
export function ChildCategoriesSection({ child }: { child: ChildView | null }) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  const today = dayjs();
  return (
    <>
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
    </>
  );
}

/** 家庭与健康: guardianship type, income, aid, housing, health (with disability or illness details). */
export function ChildFamilySection() {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  const health = Form.useWatch('health', Form.useFormInstance()) as string | null | undefined;
  return (
    <>
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
    </>
  );
}

/** 村(居)委会联系人 and the growth notes (性格、兴趣、学习、思想、心理、品格…). */
export function ChildContactGrowthSection() {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
