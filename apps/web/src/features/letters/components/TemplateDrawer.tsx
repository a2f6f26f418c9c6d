import {
  type LetterTemplateText,
  renderLetter,
  templateProblemMessage,
  templateProblems,
} from '@shouwang/shared/letters/merge';
import { exampleMergeValues } from '@shouwang/shared/letters/merge-fields';
import {
  type LetterTemplateView,
  letterTemplateCreateBody,
  letterTemplateUpdateBody,
} from '@shouwang/shared/schemas/letters';
import { App, Flex, Form, Input, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { VersionConflictAlert } from '../../../components/VersionConflictAlert';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useCreateTemplate, useUpdateTemplate } from '../api';
import { LetterPreview } from './LetterPreview';
import { MergeFieldMenu } from './MergeFieldMenu';

export type TemplateDrawerMode =
  | { type: 'create'; schoolId: string; initial: LetterTemplateText }
  | { type: 'edit'; template: LetterTemplateView };

type Values = LetterTemplateText & { name: string };
type TextField = 'title' | 'body' | 'signature';

/** Edits a letter template: plain text with merge fields inserted from a menu, and a live preview. */
export function TemplateDrawer({
  open,
  mode,
  onClose,
}: {
  open: boolean;
  mode: TemplateDrawerMode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, validate, fail, clear } = useFormErrors(form);
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const editing = mode.type === 'edit' ? mode.template : null;
  const [version, setVersion] = useState(editing?.version);
  const refs = {
    title: useRef<TextAreaRef>(null),
    body: useRef<TextAreaRef>(null),
    signature: useRef<TextAreaRef>(null),
  };
  const [lastField, setLastField] = useState<TextField>('body');
  const initial: Values = editing ?? {
    name: '',
    ...(mode.type === 'create' ? mode.initial : { title: '', body: '', signature: '' }),
  };
  const watched = Form.useWatch([], form) as Values | undefined;
  const preview = renderLetter({ ...initial, ...watched }, exampleMergeValues);

  const insert = (token: string) => {
    const element = refs[lastField].current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue(lastField) ?? '';
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    form.setFieldValue(lastField, current.slice(0, start) + token + current.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const saved = (key: 'saved' | 'created') => () => {
    message.success(t(`letters.templates.${key}`));
    onClose();
  };

  const onFinish = (values: Values) => {
    // The same check the server makes: every {{…}} must be a known merge field.
    const problems = templateProblems(values);
    if (problems.length > 0) {
      clear();
      form.setFields(
        (['title', 'body', 'signature'] as const).map((part) => ({
          name: part,
          errors: problems.filter((p) => p.part === part).map((p) => templateProblemMessage(p, currentLanguage())),
        })),
      );
      return;
    }
    if (editing) {
      const body = validate(letterTemplateUpdateBody, { ...values, version });
      if (body) update.mutate({ id: editing.id, body }, { onSuccess: saved('saved'), onError: fail });
    } else if (mode.type === 'create') {
      const body = validate(letterTemplateCreateBody, { ...values, schoolId: mode.schoolId });
      if (body)
        create.mutate(body, {
          onSuccess: saved('created'),
          onError: fail,
        });
    }
  };

  const area = (name: TextField, rows: { minRows: number; maxRows: number }) => (
    <Input.TextArea
      ref={refs[name]}
      autoSize={rows}
      onFocus={() => setLastField(name)}
      data-testid={`template-${name}`}
    />
  );

  return (
    <FormDrawer
      open={open}
      title={editing ? t('letters.templates.edit') : t('letters.templates.addTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitText={editing ? t('common.save') : t('common.create')}
      testId="template-drawer"
    >
      <FormErrorAlert error={error} />
      <VersionConflictAlert<LetterTemplateView>
        error={error}
        fields={[{ label: t('letters.templates.body'), render: (x) => `${x.body.slice(0, 60)}…` }]}
        onUseLatest={(current) => {
          setVersion(current.version);
          form.setFieldsValue(current);
          clear();
        }}
      />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark="optional">
        <Form.Item name="name" label={t('letters.templates.name')} required>
          <Input maxLength={60} data-testid="template-name" />
        </Form.Item>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <MergeFieldMenu onInsert={insert} />
        </Flex>
        <Form.Item name="title" label={t('letters.templates.letterTitle')} required>
          {area('title', { minRows: 1, maxRows: 2 })}
        </Form.Item>
        <Form.Item name="body" label={t('letters.templates.body')} extra={t('letters.templates.bodyHint')} required>
          {area('body', { minRows: 8, maxRows: 18 })}
        </Form.Item>
        <Form.Item
          name="signature"
          label={t('letters.templates.signature')}
          extra={t('letters.templates.signatureHint')}
        >
          {area('signature', { minRows: 2, maxRows: 4 })}
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('letters.templates.preview')}</Typography.Title>
      <LetterPreview letter={preview} />
    </FormDrawer>
  );
}
