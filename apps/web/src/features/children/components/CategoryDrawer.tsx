import { type ChildCategory, childCategories, childCategoryLabels } from '@shouwang/shared/enums/children';
import { childCategoryEndBody, childCategoryStartBody } from '@shouwang/shared/schemas/children';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useEndCategory, useStartCategory } from '../api';
import { useCodeLabels } from '../hooks/useCodeLabels';
import { textOrNull, toIsoDate } from '../iso-date';

/** Start a category period, or end one (a parent came home → 留守 ends on that date). */
export type CategoryDrawerMode =
  | { type: 'start'; current: readonly ChildCategory[] }
  | { type: 'end'; categoryId: string; category: ChildCategory };

interface Values {
  category?: ChildCategory;
  startDate?: Dayjs;
  endDate?: Dayjs;
  note?: string;
}

export function CategoryDrawer({
  open,
  childId,
  mode,
  onClose,
}: {
  open: boolean;
  childId: string;
  mode: CategoryDrawerMode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useCodeLabels();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const start = useStartCategory();
  const end = useEndCategory();
  const done = () => {
    message.success(t('children.category.saved'));
    onClose();
  };

  const onFinish = (values: Values) => {
    if (mode.type === 'start') {
      const body = validate(childCategoryStartBody, {
        category: values.category,
        startDate: toIsoDate(values.startDate),
        note: textOrNull(values.note),
      });
      if (body) start.mutate({ childId, body }, { onSuccess: done, onError: fail });
      return;
    }
    const body = validate(childCategoryEndBody, { endDate: toIsoDate(values.endDate), note: textOrNull(values.note) });
    if (body) end.mutate({ childId, categoryId: mode.categoryId, body }, { onSuccess: done, onError: fail });
  };
  // Named as the API names it, so its messages land on the field.
  const dateField = mode.type === 'start' ? 'startDate' : 'endDate';

  return (
    <FormDrawer
      open={open}
      title={
        mode.type === 'start'
          ? t('children.category.startTitle')
          : t('children.category.endTitle', { category: label(childCategoryLabels, mode.category) })
      }
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={start.isPending || end.isPending}
      testId="category-form"
    >
      <FormErrorAlert error={error} />
      {mode.type === 'end' && <Typography.Paragraph>{t('children.category.endHint')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ [dateField]: dayjs() }} onFinish={onFinish}>
        {mode.type === 'start' && (
          <Form.Item name="category" label={t('children.fields.categories')} required>
            <Select
              options={options(
                childCategoryLabels,
                childCategories.filter((c) => !mode.current.includes(c)),
              )}
            />
          </Form.Item>
        )}
        <Form.Item
          name={dateField}
          label={mode.type === 'start' ? t('children.category.startDate') : t('children.category.endDate')}
          required
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('children.category.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
