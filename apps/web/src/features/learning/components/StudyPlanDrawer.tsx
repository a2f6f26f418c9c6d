import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { gradeSubjectLabels, gradeSubjects } from '@shouwang/shared/enums/learning';
import { type StudyPlanView, studyPlanCreateBody, studyPlanUpdateBody } from '@shouwang/shared/schemas/learning';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSignedInMe } from '../../auth/api';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useCurrentTerm, useTerms } from '../../terms/api';
import { useChildHelpers, useSavePlan } from '../api';

interface FormValues {
  termId?: string | null;
  helperUserId?: string | null;
  subjects: string[];
  timeSlots: { weekday: number; start?: Dayjs; end?: Dayjs }[];
  content: string;
  phaseGoals: { goal: string; dueOn?: Dayjs | null; achieved?: boolean }[];
  reviewDates: Dayjs[];
  whatHelped?: string;
}

const iso = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? null;

/** 学习帮扶计划: subjects, helper, times, content, goals, review dates, what helped. */
export function StudyPlanDrawer({
  child,
  plan,
  onClose,
}: {
  child: { id: string; name: string; schoolId: string | null };
  plan: StudyPlanView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const me = useSignedInMe();
  const [form] = Form.useForm<FormValues>();
  const errors = useFormErrors(form);
  const save = useSavePlan();
  const terms = useTerms(child.schoolId ?? undefined);
  const helpers = useChildHelpers(child.id, true);
  const current = useCurrentTerm(child.schoolId ?? undefined, !plan && !!child.schoolId);
  // A new plan is for the term running now unless the teacher picks another.
  useEffect(() => {
    if (!plan && current.data && !form.getFieldValue('termId')) form.setFieldValue('termId', current.data.id);
  }, [plan, current.data, form]);
  const helperOptions = new Map<string, string>([[me.user.id, t('learning.helperMe')]]);
  for (const h of helpers.data ?? []) helperOptions.set(h.userId, h.displayName);
  if (plan?.helper) helperOptions.set(plan.helper.id, plan.helper.displayName);

  const submit = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const fields = {
      termId: v.termId ?? null,
      helperUserId: v.helperUserId ?? null,
      subjects: v.subjects ?? [],
      timeSlots: (v.timeSlots ?? []).map((s) => ({
        weekday: s.weekday,
        start: s.start?.format('HH:mm') ?? '',
        end: s.end?.format('HH:mm') ?? '',
      })),
      content: v.content ?? '',
      phaseGoals: (v.phaseGoals ?? []).map((g) => ({
        goal: g.goal ?? '',
        dueOn: iso(g.dueOn),
        achieved: !!g.achieved,
      })),
      reviewDates: (v.reviewDates ?? []).map((d) => d.format('YYYY-MM-DD')),
      whatHelped: v.whatHelped?.trim() ? v.whatHelped : null,
    };
    try {
      if (plan) {
        const body = errors.validate(studyPlanUpdateBody, { ...fields, version: plan.version });
        if (!body) return;
        await save.mutateAsync({ id: plan.id, body });
      } else {
        const body = errors.validate(studyPlanCreateBody, { ...fields, childId: child.id });
        if (!body) return;
        await save.mutateAsync({ body });
      }
      message.success(t('learning.saved'));
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <FormDrawer
      open
      title={plan ? t('learning.editPlan') : `${t('learning.addPlan')}：${child.name}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={save.isPending}
      testId="study-plan-drawer"
    >
      <FormErrorAlert error={errors.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          plan
            ? {
                ...plan,
                helperUserId: plan.helper?.id ?? null,
                timeSlots: plan.timeSlots.map((s) => ({
                  weekday: s.weekday,
                  start: dayjs(s.start, 'HH:mm'),
                  end: dayjs(s.end, 'HH:mm'),
                })),
                phaseGoals: plan.phaseGoals.map((g) => ({ ...g, dueOn: g.dueOn ? dayjs(g.dueOn) : null })),
                reviewDates: plan.reviewDates.map((d) => dayjs(d)),
                whatHelped: plan.whatHelped ?? undefined,
              }
            : { subjects: [], timeSlots: [], phaseGoals: [], reviewDates: [], helperUserId: me.user.id }
        }
      >
        <Form.Item name="subjects" label={t('learning.subjects')}>
          <Checkbox.Group options={options(gradeSubjectLabels, gradeSubjects)} data-testid="plan-subjects" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="helperUserId" label={t('learning.helper')} style={{ flex: 1, minWidth: 150 }}>
            <Select
              allowClear
              placeholder={t('learning.helperNone')}
              options={[...helperOptions].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="termId" label={t('learning.term')} style={{ flex: 1, minWidth: 150 }}>
            <Select
              allowClear
              options={(terms.data ?? []).map((term) => ({
                value: term.id,
                label: t('learning.termLabel', { year: term.schoolYear, no: term.termNo }),
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="content" label={t('learning.content')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={4000}
            placeholder={t('learning.contentHint')}
            data-testid="plan-content"
          />
        </Form.Item>
        <Form.Item label={t('learning.timeSlots')}>
          <Form.List name="timeSlots">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={6} align="flex-start">
                    <Form.Item name={[field.name, 'weekday']} noStyle>
                      <Select
                        style={{ width: 84 }}
                        options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`learning.weekdays.${d}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'start']} style={{ margin: 0 }}>
                      <TimePicker format="HH:mm" minuteStep={5} inputReadOnly placeholder={t('learning.start')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'end']} style={{ margin: 0 }}>
                      <TimePicker format="HH:mm" minuteStep={5} inputReadOnly placeholder={t('learning.end')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ weekday: 2 })} style={{ alignSelf: 'flex-start' }}>
                  {t('learning.addSlot')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('learning.phaseGoals')}>
          <Form.List name="phaseGoals">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={6} align="flex-start" wrap>
                    <Form.Item name={[field.name, 'goal']} style={{ margin: 0, flex: '1 1 160px' }}>
                      <Input maxLength={200} placeholder={t('learning.goal')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueOn']} style={{ margin: 0 }}>
                      <DatePicker inputReadOnly placeholder={t('learning.dueOn')} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'achieved']} valuePropName="checked" style={{ margin: 0 }}>
                      <Checkbox>{t('learning.achieved')}</Checkbox>
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ achieved: false })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('learning.addGoal')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="reviewDates" label={t('learning.reviewDates')}>
          <DatePicker multiple inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="whatHelped" label={t('learning.whatHelped')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('learning.whatHelpedHint')}
            data-testid="plan-what-helped"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
