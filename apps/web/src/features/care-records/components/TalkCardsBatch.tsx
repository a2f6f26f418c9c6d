import { DeleteOutlined } from '@ant-design/icons';
import type { ChildListItem } from '@shouwang/shared/schemas/children';
import { App, Button, Card, DatePicker, Flex, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useCareRecordBatch } from '../api';
import { MoodPicker } from './MoodPicker';

interface TalkCard {
  childId: string;
  topic: string;
  mood?: number;
  summary: string;
}

/** 谈心记录卡 for several children of one class in a row, saved together. */
export function TalkCardsBatch({ classId, pupils: children }: { classId: string; pupils: ChildListItem[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const batch = useCareRecordBatch();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [cards, setCards] = useState<TalkCard[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const names = new Map(children.map((c) => [c.id, c.name]));
  const update = (index: number, patch: Partial<TalkCard>) =>
    setCards(cards.map((card, i) => (i === index ? { ...card, ...patch } : card)));
  const complete = cards.length > 0 && cards.every((c) => c.topic.trim() && c.mood && c.summary.trim());

  const save = async () => {
    try {
      const result = await batch.mutateAsync({
        kind: 'talk',
        classId,
        occurredOn: date.format('YYYY-MM-DD'),
        children: cards.map((c) => ({ childId: c.childId, topic: c.topic, mood: c.mood ?? 3, summary: c.summary })),
        idempotencyKey: key,
      });
      message.success(t('care.batch.savedTalks', { count: result.items.length }));
      setCards([]);
      setKey(crypto.randomUUID());
    } catch {
      // Shown above the cards.
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <FormErrorAlert error={batch.error && isApiError(batch.error) ? batch.error : null} />
      <DatePicker
        size="large"
        value={date}
        onChange={(d) => d && setDate(d)}
        inputReadOnly
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        style={{ maxWidth: 200 }}
      />
      {cards.map((card, index) => (
        <Card
          key={card.childId}
          size="small"
          title={names.get(card.childId)}
          extra={
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('care.batch.remove')}
              onClick={() => setCards(cards.filter((_, i) => i !== index))}
            />
          }
        >
          <Flex vertical gap={8}>
            <Input
              size="large"
              data-testid="batch-topic"
              placeholder={t('care.form.topic')}
              value={card.topic}
              maxLength={100}
              onChange={(e) => update(index, { topic: e.target.value })}
            />
            <MoodPicker value={card.mood} onChange={(mood) => update(index, { mood })} />
            <Input.TextArea
              data-testid="batch-summary"
              autoSize={{ minRows: 3 }}
              placeholder={t('care.form.summaryHint')}
              value={card.summary}
              maxLength={4000}
              onChange={(e) => update(index, { summary: e.target.value })}
            />
          </Flex>
        </Card>
      ))}
      <Select
        size="large"
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('care.batch.addChild')}
        data-testid="batch-add-child"
        value={null}
        options={children
          .filter((c) => !cards.some((card) => card.childId === c.id))
          .map((c) => ({ value: c.id, label: c.name }))}
        onChange={(childId: string) => setCards([...cards, { childId, topic: '', summary: '' }])}
      />
      {cards.length > 0 && (
        <Button
          type="primary"
          size="large"
          block
          disabled={!complete}
          data-testid="batch-save-talks"
          loading={batch.isPending}
          onClick={() => void save()}
        >
          {t('care.batch.saveTalks', { count: cards.length })}
        </Button>
      )}
      {cards.length === 0 && <Typography.Text type="secondary">{t('care.batch.addChild')}</Typography.Text>}
    </Flex>
  );
}
