import {
  type CounselingSessionView,
  counselingSessionCreateBody,
  counselingSessionUpdateBody,
} from '@shouwang/shared/schemas/counseling';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { fromIsoDate, textOrNull, toIsoDate } from '../../children/iso-date';
import { useSaveSession } from '../api';

interface Values {
  sessionOn?: Dayjs | null;
  presentingConcern?: string;
  notes?: string;
  agreedActions?: string;
  nextSessionOn?: Dayjs | null;
}

/** Records (or edits) one counseling session; counselors only. */
export function SessionFormDrawer({
  open,
  childId,
  session,
  onClose,
}: {
  open: boolean;
  childId: string;
  session: CounselingSessionView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail } = useFormErrors(form);
  const save = useSaveSession(childId);

  const onFinish = (values: Values) => {
    const fields = {
      sessionOn: toIsoDate(values.sessionOn),
      presentingConcern: values.presentingConcern ?? '',
      notes: values.notes ?? '',
      agreedActions: textOrNull(values.agreedActions),
      nextSessionOn: toIsoDate(values.nextSessionOn),
    };
    const body = session
      ? validate(counselingSessionUpdateBody, { ...fields, version: session.version })
      : validate(counselingSessionCreateBody, { ...fields, childId });
    if (!body) return;
    save.mutate(
      { id: session?.id, body },
      {
        onSuccess: () => {
          message.success(t('counseling.sessions.saved'));
          onClose();
        },
        onError: fail,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={session ? t('counseling.sessions.editTitle') : t('counseling.sessions.addTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      testId="session-form"
    >
      <FormErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          session
            ? {
                sessionOn: fromIsoDate(session.sessionOn),
                presentingConcern: session.presentingConcern,
                notes: session.notes,
                agreedActions: session.agreedActions ?? '',
                nextSessionOn: fromIsoDate(session.nextSessionOn),
              }
            : { sessionOn: dayjs() }
        }
      >
        <Form.Item name="sessionOn" label={t('counseling.sessions.sessionOn')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly />
        </Form.Item>
        <Form.Item name="presentingConcern" label={t('counseling.sessions.presentingConcern')} required>
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            maxLength={2000}
            placeholder={t('counseling.sessions.presentingConcernPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('counseling.sessions.notes')} required>
          <Input.TextArea autoSize={{ minRows: 5 }} maxLength={8000} data-testid="session-notes" />
        </Form.Item>
        <Form.Item name="agreedActions" label={t('counseling.sessions.agreedActions')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextSessionOn" label={t('counseling.sessions.nextSessionOn')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
