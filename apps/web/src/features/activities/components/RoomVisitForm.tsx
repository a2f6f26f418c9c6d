import { CloseOutlined } from '@ant-design/icons';
import { roomDoingLabels, roomDoings } from '@shouwang/shared/enums/activities';
import { roomVisitBody } from '@shouwang/shared/schemas/activities';
import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { apiFieldErrors, applyFieldErrors, validateBody } from '../../../api/form-errors';
import { useRecordVisits } from '../api';
import { useLabel } from '../labels';
import { ChildSearchSelect, type PickedChild } from './ChildSearchSelect';

interface Values {
  visitedOn: Dayjs;
  childIds: PickedChild[];
  doings: string[];
}

/** Quick entry at the door: pick the children who came, tick what they did, save once. */
export function RoomVisitForm({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const record = useRecordVisits();

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const body = validateBody(
      roomVisitBody,
      {
        orgId,
        visitedOn: v.visitedOn?.format('YYYY-MM-DD'),
        childIds: (v.childIds ?? []).map((c) => c.id),
        doings: v.doings ?? [],
      },
      form,
      t,
      i18n.language,
    );
    if (!body) return;
    record.mutate(body, {
      onSuccess: (res) => {
        message.success(t('activities.room.visitSaved', { count: res.items.length }));
        form.setFieldsValue({ childIds: [], doings: [] });
      },
      onError: (e) => {
        if (isApiError(e)) applyFieldErrors(form, apiFieldErrors(e, i18n.language));
        message.error(isApiError(e) ? e.message : String(e));
      },
    });
  };

  return (
    <Card size="small" title={t('activities.room.recordVisit')}>
      <Form form={form} layout="vertical" initialValues={{ visitedOn: dayjs(), childIds: [], doings: [] }}>
        <Form.Item name="visitedOn" label={t('activities.room.visitedOn')}>
          <DatePicker inputReadOnly allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="childIds" label={t('activities.room.children')}>
          <VisitChildrenField />
        </Form.Item>
        <Form.Item name="doings" label={t('activities.room.doings')}>
          <Checkbox.Group
            data-testid="visit-doings"
            options={roomDoings.map((d) => ({ value: d, label: label(roomDoingLabels, d) }))}
          />
        </Form.Item>
        <Button type="primary" block onClick={() => void submit()} loading={record.isPending} data-testid="save-visit">
          {t('activities.room.recordVisit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The children who came: search to add, tap a tag's cross to remove. */
function VisitChildrenField({
  value = [],
  onChange,
}: {
  value?: PickedChild[];
  onChange?: (children: PickedChild[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <ChildSearchSelect
        testId="visit-child-search"
        exclude={value.map((c) => c.id)}
        onPick={(c) => onChange?.([...value, c])}
      />
      <Flex gap={6} wrap>
        {value.map((c) => (
          <Tag
            key={c.id}
            color={c.leftBehind ? 'orange' : undefined}
            closable
            closeIcon={<CloseOutlined aria-label={t('common.delete')} />}
            onClose={() => onChange?.(value.filter((p) => p.id !== c.id))}
            style={{ margin: 0, padding: '2px 8px' }}
          >
            {c.name}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
