import { type TeethStatus, teethStatuses, teethStatusLabels } from '@shouwang/shared/enums/health';
import { screenHealthCheck } from '@shouwang/shared/health/screening';
import { healthRanges } from '@shouwang/shared/schemas/health-checks';
import { Card, Flex, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { HealthFlagTags } from './HealthFlagTags';

export interface BatchValues {
  heightCm?: number | null;
  weightKg?: number | null;
  visionLeft?: number | null;
  visionRight?: number | null;
  teeth?: TeethStatus | null;
}
export type BatchField = keyof BatchValues;
export const batchFields: BatchField[] = ['heightCm', 'weightKg', 'visionLeft', 'visionRight', 'teeth'];

export const isEntered = (v: BatchValues | undefined) =>
  !!v && batchFields.some((f) => v[f] !== undefined && v[f] !== null);

/** The grid columns of the desktop table; the header row uses the same. */
export const desktopColumns =
  'minmax(84px, 1.1fr) repeat(4, minmax(88px, 1fr)) minmax(96px, 1fr) 56px minmax(150px, 1.6fr)';

interface Pupil {
  id: string;
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
}

/** One pupil of the class batch: inputs, then BMI and flags computed live by the shared screening. */
export function HealthBatchRow({
  pupil,
  checkedOn,
  values,
  errors,
  onChange,
  mobile,
  index,
}: {
  pupil: Pupil;
  checkedOn: string;
  values: BatchValues;
  errors: Partial<Record<BatchField | 'row', string>>;
  onChange: (values: BatchValues) => void;
  mobile: boolean;
  index: number;
}) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  // A value outside the human range is a typing error: it gets no BMI or flag, only its message.
  const within = (v: number | null | undefined, r: { min: number; max: number }) =>
    v !== null && v !== undefined && v >= r.min && v <= r.max ? v : null;
  const s = screenHealthCheck({
    sex: pupil.sex,
    birthDate: pupil.birthDate,
    checkedOn,
    heightCm: within(values.heightCm, healthRanges.heightCm),
    weightKg: within(values.weightKg, healthRanges.weightKg),
    visionLeft: within(values.visionLeft, healthRanges.vision),
    visionRight: within(values.visionRight, healthRanges.vision),
  });
  const set = (field: BatchField) => (v: unknown) => onChange({ ...values, [field]: v ?? null });
  const num = (field: Exclude<BatchField, 'teeth'>, label: string, suffix?: string, step = 1) => (
    <InputNumber
      value={values[field] ?? null}
      onChange={set(field)}
      step={step}
      inputMode="decimal"
      placeholder={label}
      aria-label={`${pupil.name} ${label}`}
      status={errors[field] ? 'error' : undefined}
      suffix={mobile ? suffix : undefined}
      style={{ width: '100%' }}
      data-testid={`batch-${field}-${index}`}
    />
  );
  const inputs = [
    num('heightCm', t('health.height'), t('health.cm')),
    num('weightKg', t('health.weight'), t('health.kg')),
    num('visionLeft', t('health.visionLeft'), undefined, 0.1),
    num('visionRight', t('health.visionRight'), undefined, 0.1),
    <Select
      key="teeth"
      allowClear
      value={values.teeth ?? undefined}
      onChange={set('teeth')}
      placeholder={t('health.teeth')}
      aria-label={`${pupil.name} ${t('health.teeth')}`}
      options={options(teethStatusLabels, teethStatuses)}
      style={{ width: '100%' }}
    />,
  ];
  const messages = Object.values(errors).filter(Boolean);
  const errorLine = messages.length > 0 && (
    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`batch-error-${index}`}>
      {messages.join('；')}
    </Typography.Text>
  );
  const flags = isEntered(values) ? <HealthFlagTags flags={s.flags} showNone={s.bmi !== null} /> : null;

  if (mobile)
    return (
      <Card size="small" data-testid={`batch-row-${index}`} styles={{ body: { padding: 12 } }}>
        <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{pupil.name}</Typography.Text>
          <Typography.Text type="secondary">
            {t('health.bmi')} {s.bmi ?? '—'}
          </Typography.Text>
        </Flex>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          {inputs.map((input, i) => (
            <div key={batchFields[i]}>{input}</div>
          ))}
        </div>
        <Flex vertical gap={4} align="flex-start" style={{ marginTop: flags || errorLine ? 8 : 0 }}>
          {flags}
          {errorLine}
        </Flex>
      </Card>
    );

  return (
    <div data-testid={`batch-row-${index}`} style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', padding: '8px 0' }}>
      <div style={{ display: 'grid', gridTemplateColumns: desktopColumns, gap: 8, alignItems: 'center' }}>
        <Typography.Text strong ellipsis>
          {pupil.name}
        </Typography.Text>
        {inputs.map((input, i) => (
          <div key={batchFields[i]}>{input}</div>
        ))}
        <Typography.Text>{s.bmi ?? '—'}</Typography.Text>
        <div>{flags}</div>
      </div>
      {errorLine}
    </div>
  );
}
