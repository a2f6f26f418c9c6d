import type { ChildListItem } from '@shouwang/shared/schemas/children';
import { App, Button, Checkbox, DatePicker, Flex, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useCareRecordBatch } from '../api';

/** 亲情电话课: tick who called, one save records a call for each. */
export function FamilyCallBatch({ classId, pupils: children }: { classId: string; pupils: ChildListItem[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const batch = useCareRecordBatch();
  const [present, setPresent] = useState<string[]>(() => children.map((c) => c.id));
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [minutes, setMinutes] = useState<number>(5);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const save = async () => {
    try {
      const result = await batch.mutateAsync({
        kind: 'family_call',
        classId,
        occurredOn: date.format('YYYY-MM-DD'),
        summary: t('care.batch.summaryDefault'),
        callMinutes: minutes,
        children: present.map((childId) => ({ childId })),
        idempotencyKey: key,
      });
      message.success(t('care.batch.savedCalls', { count: result.items.length }));
      setKey(crypto.randomUUID());
    } catch {
      // Shown above the list.
    }
  };

  return (
    <Flex vertical gap={12}>
      <FormErrorAlert error={batch.error && isApiError(batch.error) ? batch.error : null} />
      <Flex gap={12} wrap>
        <DatePicker
          size="large"
          value={date}
          onChange={(d) => d && setDate(d)}
          inputReadOnly
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
        <InputNumber
          size="large"
          min={1}
          max={240}
          value={minutes}
          onChange={(v) => setMinutes(v ?? 5)}
          suffix={t('care.minutes')}
          aria-label={t('care.batch.callMinutes')}
          style={{ width: 140 }}
        />
      </Flex>
      <Typography.Text type="secondary">{t('care.batch.presentHint')}</Typography.Text>
      <Checkbox.Group
        value={present}
        onChange={(v) => setPresent(v as string[])}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8 }}
      >
        {children.map((child) => (
          <Checkbox
            key={child.id}
            value={child.id}
            style={{ padding: '10px 12px', border: '1px solid rgba(5,5,5,0.1)', borderRadius: 8, marginInlineStart: 0 }}
          >
            {child.name}
          </Checkbox>
        ))}
      </Checkbox.Group>
      <Button
        type="primary"
        size="large"
        block
        style={{ maxWidth: 480 }}
        disabled={present.length === 0}
        loading={batch.isPending}
        onClick={() => void save()}
        data-testid="batch-save-calls"
      >
        {t('care.batch.saveCalls', { count: present.length })}
      </Button>
    </Flex>
  );
}
