import { Alert, Button, Input } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { formatDateTime } from '../../../app/format';
import { usePickUpReply } from '../api';

const letterStyle = {
  whiteSpace: 'pre-wrap' as const,
  wordBreak: 'break-word' as const,
  lineHeight: 1.8,
  fontSize: 16,
  margin: 0,
};

/** The child types the pickup code and reads their letter and the counselor's reply (plain text). */
export function PickupPanel({ initialCode }: { initialCode: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const pickup = usePickUpReply();
  const p = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.mailbox.public.${key}`, opts);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    pickup.mutate(code);
  };
  const result = pickup.data;
  const error = pickup.error && isApiError(pickup.error) ? pickup.error : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <form onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <label htmlFor="mailbox-code-input" style={{ fontWeight: 500 }}>
            {p('codeLabel')}
          </label>
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            placeholder={p('codePlaceholder')}
            maxLength={12}
            autoComplete="off"
            autoCapitalize="characters"
            style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 20, letterSpacing: 3 }}
            id="mailbox-code-input"
            data-testid="mailbox-code"
          />
        </div>
        <Button type="primary" htmlType="submit" size="large" block loading={pickup.isPending} disabled={!code.trim()}>
          {p('lookUp')}
        </Button>
      </form>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.details[0]?.message ?? error.message}
          data-testid="mailbox-pickup-error"
        />
      )}
      {result && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="mailbox-reply">
          <div style={{ background: '#fafafa', borderRadius: 8, padding: 14 }}>
            <div style={{ fontSize: 13, color: '#8c8c8c', marginBottom: 6 }}>
              {p('yourLetter')} · {p('sentAt', { date: formatDateTime(result.sentAt) })}
            </div>
            <p style={letterStyle}>{result.message}</p>
          </div>
          {result.reply !== null ? (
            <div style={{ background: '#fff7e6', border: '1px solid #ffd591', borderRadius: 8, padding: 14 }}>
              <div style={{ fontSize: 14, color: '#ad4e00', fontWeight: 600, marginBottom: 6 }}>
                {p('teacherReply')}
                {result.repliedAt ? ` · ${formatDateTime(result.repliedAt)}` : ''}
              </div>
              <p style={letterStyle} data-testid="mailbox-reply-text">
                {result.reply}
              </p>
            </div>
          ) : (
            <Alert type="info" showIcon title={result.status === 'closed' ? p('closedNoReply') : p('waiting')} />
          )}
        </div>
      )}
    </div>
  );
}
