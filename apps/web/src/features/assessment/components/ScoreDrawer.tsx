import { type AssessmentSheet, rubricItemLabels, rubricItems, rubricMax } from '@shouwang/shared/schemas/assessment';
import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { apiFieldErrors, applyFieldErrors } from '../../../api/form-errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { useScoreSheet } from '../api';
import { SheetMetrics } from './SheetMetrics';

type Values = Record<string, number | null | string | undefined>;

/** The school administrator scores one staff member's rubric, with the computed metrics beside it. */
export function ScoreDrawer({
  sheet,
  schoolId,
  termId,
  onClose,
}: {
  sheet: AssessmentSheet | null;
  schoolId: string;
  termId: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const score = useScoreSheet();
  const zh = i18n.language.startsWith('zh');

  const submit = (values: Values) => {
    if (!sheet) return;
    const scores = Object.fromEntries(rubricItems.map((i) => [i, (values[i] as number | null | undefined) ?? null]));
    score.mutate(
      {
        userId: sheet.userId,
        schoolId,
        termId,
        scores,
        comment: (values.comment as string | undefined) ?? '',
        version: sheet.version ?? undefined,
      },
      {
        onSuccess: () => {
          message.success(t('reports.assessment.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) {
            const fields = apiFieldErrors(error, i18n.language).map((f) => ({
              ...f,
              name: f.name.filter((n) => n !== 'scores'),
            }));
            applyFieldErrors(form, fields);
          }
          message.error(error.message);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={!!sheet}
      title={sheet ? t('reports.assessment.scoreTitle', { name: sheet.displayName }) : ''}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={score.isPending}
      testId="score-drawer"
    >
      {sheet && <SheetMetrics sheet={sheet} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ marginTop: 16 }}
        initialValues={sheet ? { ...sheet.scores, comment: sheet.comment ?? '' } : undefined}
      >
        {rubricItems.map((item) => (
          <Form.Item
            key={item}
            name={item}
            label={`${zh ? rubricItemLabels[item].zh : rubricItemLabels[item].en}（${t('reports.assessment.maxPoints', { max: rubricMax[item] })}）`}
          >
            <InputNumber
              min={0}
              step={0.5}
              style={{ width: '100%' }}
              inputMode="decimal"
              data-testid={`score-${item}`}
            />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('reports.assessment.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
