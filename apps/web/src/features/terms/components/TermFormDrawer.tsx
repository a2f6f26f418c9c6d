import { errorMessage } from '@shouwang/shared/errors';
import type { OrgListItem } from '@shouwang/shared/schemas/orgs';
import { type TermView, termCreateBody, termDatesProblem, termUpdateBody } from '@shouwang/shared/schemas/terms';
import { Alert, App, DatePicker, Form, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useCreateTerm, useUpdateTerm } from '../api';
import { termLabel } from '../term-label';

/** Create a term for a unit (optionally copying a county term as the school's override), or edit dates. */
export type TermFormMode = { type: 'create'; org: OrgListItem; from?: TermView } | { type: 'edit'; term: TermView };

interface TermFormValues {
  schoolYear?: string;
  termNo?: 1 | 2;
  startDate?: Dayjs;
  midDate?: Dayjs;
  endDate?: Dayjs;
}

const iso = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** School years around today: the one running, the two before and the next. */
function schoolYearOptions() {
  const now = dayjs();
  const first = now.month() >= 7 ? now.year() : now.year() - 1;
  return [first + 1, first, first - 1, first - 2].map((y) => `${y}-${y + 1}`);
}

export function TermFormDrawer({ open, mode, onClose }: { open: boolean; mode: TermFormMode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<TermFormValues>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const editing = mode.type === 'edit' ? mode.term : null;
  const source = editing ?? (mode.type === 'create' ? mode.from : undefined);
  const [version, setVersion] = useState(editing?.version);

  const initialValues: TermFormValues = source
    ? {
        schoolYear: source.schoolYear,
        termNo: source.termNo === 2 ? 2 : 1,
        startDate: dayjs(source.startDate),
        midDate: dayjs(source.midDate),
        endDate: dayjs(source.endDate),
      }
    : { schoolYear: schoolYearOptions()[1], termNo: 1 };

  const onFinish = (values: TermFormValues) => {
    const dates = { startDate: iso(values.startDate), midDate: iso(values.midDate), endDate: iso(values.endDate) };
    const schoolYear = editing?.schoolYear ?? values.schoolYear;
    if (schoolYear && dates.startDate && dates.midDate && dates.endDate) {
      // The same plausibility rule the server applies (start < middle < end, within the school year).
      const problem = termDatesProblem({
        schoolYear,
        startDate: dates.startDate,
        midDate: dates.midDate,
        endDate: dates.endDate,
      });
      if (problem) {
        clear();
        const field = problem === 'TERM_DATES_INVALID' ? 'midDate' : 'endDate';
        form.setFields([{ name: field, errors: [errorMessage(problem, currentLanguage())] }]);
        return;
      }
    }
    const done = () => {
      message.success(t('terms.saved'));
      onClose();
    };
    if (editing) {
      const body = validate(termUpdateBody, { version, ...dates });
      if (body) update.mutate({ id: editing.id, body }, { onSuccess: done, onError: fail });
    } else if (mode.type === 'create') {
      const body = validate(termCreateBody, {
        orgId: mode.org.id,
        schoolYear: values.schoolYear,
        termNo: values.termNo,
        ...dates,
      });
      if (body) create.mutate(body, { onSuccess: done, onError: fail });
    }
  };

  const title = editing
    ? t('terms.editTitle', { term: termLabel(t, editing) })
    : mode.type === 'create' && mode.from
      ? t('terms.overrideTitle', { org: mode.org.name })
      : t('terms.createTitle', { org: mode.type === 'create' ? mode.org.name : '' });

  const datePicker = (name: keyof TermFormValues, label: string) => (
    <Form.Item name={name} label={label} required>
      <DatePicker style={{ width: '100%' }} inputReadOnly={isMobile} allowClear={false} data-testid={`term-${name}`} />
    </Form.Item>
  );

  return (
    <FormDrawer
      open={open}
      title={title}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitText={editing ? t('common.save') : t('common.create')}
    >
      {mode.type === 'create' && mode.from && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('terms.overrideHint')} />
      )}
      <FormErrorAlert error={error} />
      <VersionConflictAlert<TermView>
        error={error}
        fields={[
          { label: t('terms.fields.startDate'), render: (term) => term.startDate },
          { label: t('terms.fields.midDate'), render: (term) => term.midDate },
          { label: t('terms.fields.endDate'), render: (term) => term.endDate },
        ]}
        onUseLatest={(current) => {
          setVersion(current.version);
          form.setFieldsValue({
            startDate: dayjs(current.startDate),
            midDate: dayjs(current.midDate),
            endDate: dayjs(current.endDate),
          });
          clear();
        }}
      />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional">
        <Form.Item name="schoolYear" label={t('terms.fields.schoolYear')} required>
          <Select
            disabled={!!editing || !!(mode.type === 'create' && mode.from)}
            options={schoolYearOptions().map((y) => ({ value: y, label: t('terms.schoolYear', { year: y }) }))}
          />
        </Form.Item>
        <Form.Item name="termNo" label={t('terms.fields.termNo')} required>
          <Radio.Group
            disabled={!!editing || !!(mode.type === 'create' && mode.from)}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 1, label: t('terms.termNo.1') },
              { value: 2, label: t('terms.termNo.2') },
            ]}
          />
        </Form.Item>
        {datePicker('startDate', t('terms.fields.startDate'))}
        {datePicker('midDate', t('terms.fields.midDate'))}
        {datePicker('endDate', t('terms.fields.endDate'))}
      </Form>
    </FormDrawer>
  );
}
