import { activityTypeLabels, activityTypes } from '@shouwang/shared/enums/activities';
import type { OrgKind } from '@shouwang/shared/roles';
import { type ActivityView, activityCreateBody } from '@shouwang/shared/schemas/activities';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from '../../../api/client';
import { apiFieldErrors, applyFieldErrors, validateBody } from '../../../api/form-errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useConsentBlocked } from '../../privacy/hooks/useConsentBlocked';
import { activitiesKey, deleteActivityPhoto, uploadActivityPhoto, useSaveActivity } from '../api';
import { useLabel } from '../labels';
import { ActivityPhotosField, type PhotoValue } from './ActivityPhotosField';
import { type ParticipantRow, ParticipantsField } from './ParticipantsField';

interface Values {
  type: (typeof activityTypes)[number];
  title: string;
  orgId: string;
  occurredOn: Dayjs;
  place?: string;
  organizers?: string;
  description?: string;
  participants: ParticipantRow[];
  photos: PhotoValue;
}

const organizerKinds: OrgKind[] = ['township', 'village', 'school', 'class'];

/** Records or edits an activity: what, who organized it, when and where, who took part, photos. */
export function ActivityDrawer({
  open,
  activity,
  defaultOrgId,
  onClose,
}: {
  open: boolean;
  activity: ActivityView | null;
  defaultOrgId?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const consentBlocked = useConsentBlocked();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const save = useSaveActivity();
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const initial: Partial<Values> = activity
    ? {
        type: activity.type,
        title: activity.title,
        orgId: activity.org.id,
        occurredOn: dayjs(activity.occurredOn),
        place: activity.place ?? undefined,
        organizers: activity.organizers ?? undefined,
        description: activity.description ?? undefined,
        participants: activity.participants.map((p) => ({ ...p, award: p.award ?? '' })),
        photos: { saved: activity.photos, pending: [], removed: [] },
      }
    : {
        type: 'festival',
        orgId: defaultOrgId,
        occurredOn: dayjs(),
        participants: [],
        photos: { saved: [], pending: [], removed: [] },
      };

  const submit = async (confirmDate = false) => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = validateBody(
      activityCreateBody,
      {
        type: values.type,
        title: values.title ?? '',
        orgId: values.orgId,
        occurredOn: values.occurredOn?.format('YYYY-MM-DD'),
        place: values.place || null,
        organizers: values.organizers || null,
        description: values.description || null,
        participants: values.participants.map((p) => ({ childId: p.childId, role: p.role, award: p.award || null })),
        ...(confirmDate ? { confirmDate: true } : {}),
      },
      form,
      t,
      i18n.language,
    );
    if (!body) return;
    setBusy(true);
    try {
      const saved = await save.mutateAsync({ ...body, id: activity?.id, version: activity?.version });
      const photos = values.photos;
      try {
        for (const p of photos.removed) await deleteActivityPhoto(saved.id, p);
        for (const file of photos.pending) await uploadActivityPhoto(saved.id, file);
      } catch (e) {
        if (!consentBlocked(e))
          message.error(t('activities.photoFailed', { message: isApiError(e) ? e.message : String(e) }));
      } finally {
        save.reset();
        if (photos.pending.length || photos.removed.length)
          void queryClient.invalidateQueries({ queryKey: activitiesKey });
      }
      message.success(t('activities.saved'));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.code === 'ACTIVITY_DATE_UNCONFIRMED') {
        modal.confirm({
          title: t('activities.confirmDateTitle'),
          content: `${values.occurredOn.format('YYYY-MM-DD')} · ${t('activities.confirmDateBody')}`,
          okText: t('activities.confirmDateOk'),
          onOk: () => submit(true),
        });
      } else if (isApiError(e)) {
        applyFieldErrors(form, apiFieldErrors(e, i18n.language));
        setError(e);
      } else throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={activity ? t('activities.edit') : t('activities.add')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={busy}
      testId="activity-drawer"
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Form.Item name="type" label={t('activities.type')} rules={[{ required: true }]}>
          <Select
            data-testid="activity-type"
            options={activityTypes.map((c) => ({ value: c, label: label(activityTypeLabels, c) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('activities.titleField')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} placeholder={t('activities.titlePlaceholder')} data-testid="activity-title" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('activities.org')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          {/* A county holds thousands of classes: the picker loads the tree a level at a time. */}
          <OrgTreeSelect
            kinds={organizerKinds}
            selectable={(o) => o.active && organizerKinds.includes(o.kind)}
            testId="activity-org"
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="occurredOn"
            label={t('activities.occurredOn')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label={t('activities.place')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="organizers" label={t('activities.organizers')}>
          <Input maxLength={200} placeholder={t('activities.organizersPlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('activities.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="participants" label={t('activities.participants')}>
          <ParticipantsField />
        </Form.Item>
        <Form.Item name="photos" label={t('activities.photos')}>
          <ActivityPhotosField activityId={activity?.id} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
