import {
  careFrequencies,
  careFrequencyLabels,
  careResponsibleRoleLabels,
  careResponsibleRoles,
  pairingKindLabels,
  pairingKinds,
} from '@shouwang/shared/enums/care';
import { careLevelLabels, careLevels, childCategories, childCategoryLabels } from '@shouwang/shared/enums/children';
import { type CareRuleView, careRuleCreateBody, careRuleUpdateBody } from '@shouwang/shared/schemas/care-rules';
import { App, Checkbox, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useCreateCareRule, useUpdateCareRule } from '../api';
import { ruleKinds, useRuleLabels } from '../rule-labels';

interface Values {
  kind: string;
  frequency: string;
  windowDays: number;
  categories: string[];
  careLevels: string[];
  by: 'role' | 'pairing';
  responsibleRole: string | null;
  responsiblePairingKind: string | null;
  active: boolean;
  note?: string | null;
}

/** Frequencies measured in windows around the term's start/middle/end dates. */
export const windowed = (frequency: string) => frequency === 'term_windows' || frequency === 'term_start_end';
const helperKinds = pairingKinds.filter((k) => k !== 'buddy_student');

/** Add or edit a 关爱规范: what is owed, how often, for which children, by whom. */
export function CareRuleDrawer({
  open,
  schoolId,
  rule,
  onClose,
}: {
  open: boolean;
  schoolId: string;
  rule: CareRuleView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const labels = useRuleLabels();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const create = useCreateCareRule();
  const update = useUpdateCareRule();
  const frequency = Form.useWatch('frequency', form) ?? rule?.frequency ?? 'monthly';
  const by = Form.useWatch('by', form) ?? (rule?.responsiblePairingKind ? 'pairing' : 'role');

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const fields = {
      kind: v.kind,
      frequency: v.frequency,
      windowDays: v.windowDays,
      categories: v.categories ?? [],
      careLevels: v.careLevels ?? [],
      responsibleRole: v.by === 'role' ? (v.responsibleRole ?? null) : null,
      responsiblePairingKind: v.by === 'pairing' ? (v.responsiblePairingKind ?? null) : null,
      active: v.active,
      note: v.note?.trim() ? v.note : null,
    };
    try {
      if (rule) {
        const body = errors.validate(careRuleUpdateBody, { ...fields, version: rule.version });
        if (!body) return;
        await update.mutateAsync({ id: rule.id, body });
      } else {
        const body = errors.validate(careRuleCreateBody, { ...fields, schoolId });
        if (!body) return;
        await create.mutateAsync(body);
      }
      message.success(t('careAdmin.rules.saved'));
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={rule ? t('careAdmin.rules.editTitle') : t('careAdmin.rules.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending || update.isPending}
      testId="care-rule-drawer"
    >
      <FormErrorAlert error={errors.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          kind: rule?.kind ?? 'talk',
          frequency: rule?.frequency ?? 'monthly',
          windowDays: rule?.windowDays ?? 14,
          categories: rule?.categories ?? [],
          careLevels: rule?.careLevels ?? [],
          by: rule?.responsiblePairingKind ? 'pairing' : 'role',
          responsibleRole: rule?.responsibleRole ?? 'class_teacher',
          responsiblePairingKind: rule?.responsiblePairingKind ?? 'mentor_teacher',
          active: rule?.active ?? true,
          note: rule?.note ?? '',
        }}
      >
        <Form.Item name="kind" label={t('careAdmin.rules.kind')}>
          <Select
            size="large"
            options={ruleKinds.map((k) => ({ value: k, label: labels.kind(k) }))}
            data-testid="rule-kind"
          />
        </Form.Item>
        <Form.Item name="frequency" label={t('careAdmin.rules.frequency')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options(careFrequencyLabels, careFrequencies)}
            data-testid="rule-frequency"
          />
        </Form.Item>
        {windowed(frequency) && (
          <Form.Item name="windowDays" label={t('careAdmin.rules.windowDays')} extra={t('careAdmin.rules.windowHint')}>
            <InputNumber
              min={1}
              max={60}
              inputMode="numeric"
              suffix={t('careAdmin.settings.days')}
              style={{ width: 160 }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="categories"
          label={t('careAdmin.rules.categories')}
          extra={t('careAdmin.rules.categoriesHint')}
        >
          <Select
            mode="multiple"
            allowClear
            placeholder={t('careAdmin.rules.allChildren')}
            options={options(childCategoryLabels, childCategories)}
            data-testid="rule-categories"
          />
        </Form.Item>
        <Form.Item
          name="careLevels"
          label={t('careAdmin.rules.careLevels')}
          extra={t('careAdmin.rules.careLevelsHint')}
        >
          <Checkbox.Group options={options(careLevelLabels, careLevels)} />
        </Form.Item>
        <Form.Item name="by" label={t('careAdmin.rules.responsible')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'role', label: t('careAdmin.rules.byRole') },
              { value: 'pairing', label: t('careAdmin.rules.byPairing') },
            ]}
          />
        </Form.Item>
        {by === 'role' ? (
          <Form.Item name="responsibleRole" label={t('careAdmin.rules.role')}>
            <Select options={options(careResponsibleRoleLabels, careResponsibleRoles)} data-testid="rule-role" />
          </Form.Item>
        ) : (
          <Form.Item name="responsiblePairingKind" label={t('careAdmin.rules.pairingKind')}>
            <Select options={options(pairingKindLabels, helperKinds)} data-testid="rule-pairing-kind" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('careAdmin.rules.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="active" label={t('careAdmin.rules.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
