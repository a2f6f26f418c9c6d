import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { weekdayLabels, weekdays } from '@shouwang/shared/enums/activities';
import { type RoomView, roomSlotCreateBody } from '@shouwang/shared/schemas/activities';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Tag, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { apiFieldErrors, applyFieldErrors, validateBody } from '../../../api/form-errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { useAddSlot, useDeleteSlot } from '../api';

/** The week's opening slots, one row per weekday (fits a phone); managers add and remove slots. */
export function RoomSchedule({ room, orgId }: { room: RoomView; orgId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en';
  const remove = useDeleteSlot();
  const add = useAddSlot();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ weekday: number; time: [Dayjs, Dayjs]; dutyName?: string }>();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = validateBody(
      roomSlotCreateBody,
      {
        orgId,
        weekday: v.weekday,
        startTime: v.time?.[0]?.format('HH:mm'),
        endTime: v.time?.[1]?.format('HH:mm'),
        dutyName: v.dutyName || null,
      },
      form,
      t,
      i18n.language,
    );
    if (!body) return;
    add.mutate(body, {
      onSuccess: () => setOpen(false),
      onError: (e) => {
        if (isApiError(e)) applyFieldErrors(form, apiFieldErrors(e, i18n.language));
        message.error(isApiError(e) ? e.message : String(e));
      },
    });
  };

  return (
    <Card
      size="small"
      title={t('activities.room.schedule')}
      extra={
        room.canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-slot">
            {t('activities.room.addSlot')}
          </Button>
        )
      }
    >
      <Flex vertical gap={0} data-testid="room-schedule">
        {weekdays.map((day) => {
          const slots = room.slots.filter((s) => s.weekday === day);
          return (
            <Flex
              key={day}
              gap={12}
              align="center"
              style={{ padding: '8px 0', borderBottom: day < 7 ? '1px solid #f0f0f0' : undefined }}
            >
              <Typography.Text strong style={{ width: 40, flex: 'none' }}>
                {en ? weekdayLabels[day]!.en : weekdayLabels[day]!.zh}
              </Typography.Text>
              <Flex gap={6} wrap style={{ flex: 1 }}>
                {slots.length === 0 ? (
                  <Typography.Text type="secondary">{t('activities.room.closed')}</Typography.Text>
                ) : (
                  slots.map((s) => (
                    <Tag key={s.id} color="green" style={{ margin: 0, padding: '2px 8px' }}>
                      {s.startTime}–{s.endTime}
                      {s.dutyName ? ` · ${s.dutyName}` : ''}
                      {room.canManage && (
                        <Popconfirm
                          title={t('common.delete')}
                          onConfirm={() =>
                            remove.mutate(s, { onSuccess: () => message.success(t('activities.room.slotDeleted')) })
                          }
                        >
                          <DeleteOutlined style={{ marginInlineStart: 6 }} aria-label={t('common.delete')} />
                        </Popconfirm>
                      )}
                    </Tag>
                  ))
                )}
              </Flex>
            </Flex>
          );
        })}
      </Flex>
      <FormDrawer
        open={open}
        title={t('activities.room.addSlot')}
        onClose={() => setOpen(false)}
        onSubmit={() => void submit()}
        submitting={add.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ weekday: 1 }} requiredMark={false}>
          <Form.Item name="weekday" label={t('activities.room.weekday')}>
            <Select
              options={weekdays.map((d) => ({ value: d, label: en ? weekdayLabels[d]!.en : weekdayLabels[d]!.zh }))}
            />
          </Form.Item>
          <Form.Item
            name="time"
            label={t('activities.room.time')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="dutyName" label={t('activities.room.duty')}>
            <Input maxLength={50} placeholder={t('activities.room.dutyPlaceholder')} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </Card>
  );
}
