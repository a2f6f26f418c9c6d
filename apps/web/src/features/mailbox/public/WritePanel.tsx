import { CopyOutlined } from '@ant-design/icons';
import { mailboxMessageMaxLength } from '@shouwang/shared/enums/wellbeing';
import { Alert, App, Button, Input } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from '../../../api/client';
import { useSendWhisper } from '../api';

/** The letter form; after sending, the pickup code in large print for the child to copy. */
export function WritePanel({ code, onSent }: { code: string; onSent: (pickupCode: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendWhisper(code);
  const [body, setBody] = useState('');
  const [name, setName] = useState('');
  const [className, setClassName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const p = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.mailbox.public.${key}`, opts);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    send.mutate(
      { body, name: name.trim() || null, className: className.trim() || null },
      {
        onSuccess: ({ pickupCode }) => {
          setSent(pickupCode);
          onSent(pickupCode);
          setBody('');
        },
        onError: (e) => setError(isApiError(e) ? e : null),
      },
    );
  };

  if (sent)
    return (
      <div style={{ textAlign: 'center' }} data-testid="mailbox-sent">
        <h2 style={{ fontSize: 20, margin: '4px 0 8px' }}>{p('sentTitle')}</h2>
        <p style={{ margin: '0 0 12px', lineHeight: 1.7 }}>{p('sentHint')}</p>
        <div style={{ fontSize: 14, color: '#8c8c8c' }}>{p('pickupCode')}</div>
        <div
          style={{
            fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
            fontSize: 34,
            fontWeight: 700,
            letterSpacing: 6,
            margin: '4px 0 12px',
            color: '#ad4e00',
          }}
          data-testid="mailbox-pickup-code"
        >
          {sent}
        </div>
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            navigator.clipboard?.writeText(sent).then(
              () => message.success(t('common.copied')),
              () => undefined,
            )
          }
        >
          {t('common.copy')}
        </Button>
        <div style={{ marginTop: 20 }}>
          <Button type="link" onClick={() => setSent(null)}>
            {p('writeAnother')}
          </Button>
        </div>
      </div>
    );

  const fieldError = (field: string) => error?.details.find((d) => d.field === field)?.message;
  return (
    <form onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
      <p style={{ margin: 0, color: '#595959', lineHeight: 1.7 }}>{p('privacy')}</p>
      {error && !error.details.some((d) => d.field) && <Alert type="error" showIcon title={error.message} />}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6, paddingBottom: 14 }}>
        <label htmlFor="mailbox-body-input" style={{ fontWeight: 500 }}>
          {p('bodyLabel')}
        </label>
        <Input.TextArea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder={p('bodyPlaceholder')}
          autoSize={{ minRows: 6, maxRows: 14 }}
          maxLength={mailboxMessageMaxLength}
          showCount
          status={fieldError('body') ? 'error' : undefined}
          style={{ fontSize: 16 }}
          id="mailbox-body-input"
          data-testid="mailbox-body"
        />
        {fieldError('body') && <span style={{ color: '#cf1322' }}>{fieldError('body')}</span>}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        <label htmlFor="mailbox-name-input">{p('nameLabel')}</label>
        <Input
          size="large"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={20}
          autoComplete="off"
          id="mailbox-name-input"
          data-testid="mailbox-name"
        />
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        <label htmlFor="mailbox-class-input">{p('classLabel')}</label>
        <Input
          size="large"
          value={className}
          onChange={(e) => setClassName(e.target.value)}
          placeholder={p('classPlaceholder')}
          maxLength={30}
          autoComplete="off"
          id="mailbox-class-input"
          data-testid="mailbox-class"
        />
      </div>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={send.isPending}
        disabled={!body.trim()}
        style={{ background: body.trim() ? '#d46b08' : undefined }}
        data-testid="mailbox-send"
      >
        {p('send')}
      </Button>
    </form>
  );
}
