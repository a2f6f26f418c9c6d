import {
  type CareRecordKind,
  contactInitiatorLabels,
  contactInitiators,
  homeVisitParties,
  homeVisitPartyLabels,
  lifeCareTypeLabels,
  lifeCareTypes,
  parentContactChannelLabels,
  parentContactChannels,
  type TermWindow,
  termWindowLabels,
  termWindows,
  tutoringSubjectLabels,
  tutoringSubjects,
} from '@shouwang/shared/enums/care';
import { Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { MoodPicker } from './MoodPicker';

export const big = { size: 'large' as const };

/** The details each kind asks for (issue 4), as big phone-friendly controls. */
export function KindDetails({ kind }: { kind: CareRecordKind }) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  switch (kind) {
    case 'talk':
      return (
        <>
          <Form.Item
            name={['details', 'topic']}
            label={t('care.form.topic')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Input {...big} maxLength={100} placeholder={t('care.form.topicHint')} data-testid="record-topic" />
          </Form.Item>
          <Form.Item
            name={['details', 'mood']}
            label={t('care.form.mood')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <MoodPicker />
          </Form.Item>
        </>
      );
    case 'home_visit':
      return (
        <>
          <Form.Item name={['details', 'termWindow']} label={t('care.form.termWindow')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              {...big}
              options={options(termWindowLabels, termWindows)}
            />
          </Form.Item>
          <Form.Item
            name={['details', 'present']}
            label={t('care.form.present')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Checkbox.Group options={options(homeVisitPartyLabels, homeVisitParties)} className="care-checks" />
          </Form.Item>
          <Form.Item name={['details', 'homeConditions']} label={t('care.form.homeConditions')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
          <Form.Item name={['details', 'guardianView']} label={t('care.form.guardianView')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </>
      );
    case 'parent_contact':
      return (
        <>
          <Form.Item
            name={['details', 'channel']}
            label={t('care.form.contactChannel')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              {...big}
              options={options(parentContactChannelLabels, parentContactChannels)}
            />
          </Form.Item>
          <Form.Item
            name={['details', 'initiatedBy']}
            label={t('care.form.initiatedBy')}
            rules={[{ required: true, message: t('care.form.required') }]}
          >
            <Radio.Group optionType="button" {...big} options={options(contactInitiatorLabels, contactInitiators)} />
          </Form.Item>
        </>
      );
    case 'family_call':
      return (
        <Form.Item
          name={['details', 'callMinutes']}
          label={t('care.form.callMinutes')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <InputNumber
            {...big}
            min={1}
            max={240}
            inputMode="numeric"
            suffix={t('care.minutes')}
            style={{ width: 160 }}
          />
        </Form.Item>
      );
    case 'tutoring':
      return (
        <Form.Item
          name={['details', 'subject']}
          label={t('care.form.subject')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <Radio.Group optionType="button" {...big} options={options(tutoringSubjectLabels, tutoringSubjects)} />
        </Form.Item>
      );
    case 'life_care':
      return (
        <Form.Item
          name={['details', 'type']}
          label={t('care.form.lifeCareType')}
          rules={[{ required: true, message: t('care.form.required') }]}
        >
          <Radio.Group optionType="button" {...big} options={options(lifeCareTypeLabels, lifeCareTypes)} />
        </Form.Item>
      );
    default:
      return null;
  }
}

export function defaultDetails(kind: CareRecordKind, termWindow?: TermWindow | null): Record<string, unknown> {
  if (kind === 'home_visit') return { termWindow: termWindow ?? undefined, present: ['child'] };
  if (kind === 'parent_contact') return { channel: 'phone', initiatedBy: 'school' };
  if (kind === 'family_call') return { callMinutes: 5 };
  return {};
}
