import { AlertOutlined, CheckOutlined, FlagOutlined } from '@ant-design/icons';
import type { MailboxMessageView } from '@shouwang/shared/schemas/mailbox';
import { App, Button, Descriptions, Drawer, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { RaiseConcernDrawer } from '../../concerns/components/RaiseConcernDrawer';
import { useCloseMessage, useReplyMessage, useTriageMessage } from '../api';
import { LinkChildField } from './LinkChildField';
import { StatusTag } from './StatusTag';

const plain = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const, lineHeight: 1.8, margin: 0 };

/** One letter: the text, who signed, and what the counselor does with it (take, reply, link, close). */
export function MessageDrawer({
  message,
  onChange,
  onClose,
}: {
  message: MailboxMessageView;
  onChange: (m: MailboxMessageView) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message: toast, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [raising, setRaising] = useState(false);
  const triage = useTriageMessage();
  const reply = useReplyMessage();
  const close = useCloseMessage();
  const [draft, setDraft] = useState(message.reply ?? '');
  const [replyError, setReplyError] = useState<string | null>(null);
  const i = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.mailbox.inbox.${key}`, opts);
  const m = message;
  const done = (text?: string) => (updated: MailboxMessageView) => {
    if (text) toast.success(text);
    onChange(updated);
  };
  const failed = (e: Error) => toast.error(e.message);

  const sendReply = () => {
    setReplyError(null);
    reply.mutate(
      { id: m.id, body: { reply: draft, version: m.version } },
      {
        onSuccess: done(i('replied')),
        onError: (e) => {
          const detail = (e as { details?: { field?: string; message: string }[] }).details?.find(
            (d) => d.field === 'reply',
          );
          if (detail) setReplyError(detail.message);
          else failed(e);
        },
      },
    );
  };
  const confirmClose = () =>
    modal.confirm({
      title: i('confirmClose'),
      okText: i('close'),
      onOk: () => close.mutateAsync({ id: m.id, body: { version: m.version } }).then(done(i('closed')), failed),
    });

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={
        <Flex gap={8} align="center" wrap>
          {i('detailTitle')}
          {m.urgent && <Tag color="red">{i('urgent')}</Tag>}
          <StatusTag status={m.status} />
        </Flex>
      }
      data-testid="mailbox-drawer"
    >
      <Flex vertical gap={16}>
        <div style={{ background: '#fafafa', borderRadius: 8, padding: 14 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {i('receivedAt', { date: formatDateTime(m.receivedAt) })} · {m.school.name}
          </Typography.Text>
          <p style={{ ...plain, marginTop: 8, fontSize: 16 }} data-testid="mailbox-drawer-body">
            {m.body}
          </p>
        </div>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'sender', label: i('sender'), children: m.senderName ?? i('anonymous') },
            { key: 'class', label: i('senderClass'), children: m.senderClass ?? '—' },
            ...(m.handler ? [{ key: 'handler', label: i('handlerLabel'), children: m.handler.displayName }] : []),
          ]}
        />
        {m.abilities.triage && (
          <Flex gap={8} wrap>
            {m.status === 'new' && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={triage.isPending}
                onClick={() =>
                  triage.mutate(
                    { id: m.id, body: { status: 'in_progress', version: m.version } },
                    { onSuccess: done(), onError: failed },
                  )
                }
                data-testid="mailbox-take"
              >
                {i('take')}
              </Button>
            )}
            {m.status === 'in_progress' && (
              <Button
                onClick={() =>
                  triage.mutate(
                    { id: m.id, body: { status: 'new', version: m.version } },
                    { onSuccess: done(), onError: failed },
                  )
                }
              >
                {i('putBack')}
              </Button>
            )}
            <Button
              icon={<FlagOutlined />}
              danger={!m.urgent}
              onClick={() =>
                triage.mutate(
                  { id: m.id, body: { urgent: !m.urgent, version: m.version } },
                  { onSuccess: done(), onError: failed },
                )
              }
            >
              {m.urgent ? i('unmarkUrgent') : i('markUrgent')}
            </Button>
            <Button
              danger
              icon={<AlertOutlined />}
              onClick={() => setRaising(true)}
              data-testid="mailbox-raise-concern"
            >
              {i('raiseConcern')}
            </Button>
          </Flex>
        )}

        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {i('replyLabel')}
          </Typography.Title>
          {m.repliedAt && (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 13 }}>
              {i('repliedAt', { date: formatDateTime(m.repliedAt), name: m.repliedBy?.displayName ?? '' })}
            </Typography.Text>
          )}
          {m.abilities.reply ? (
            <Flex vertical gap={8}>
              <Input.TextArea
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                placeholder={i('replyPlaceholder')}
                autoSize={{ minRows: 4, maxRows: 12 }}
                maxLength={4000}
                status={replyError ? 'error' : undefined}
                data-testid="mailbox-reply-input"
              />
              {replyError && <Typography.Text type="danger">{replyError}</Typography.Text>}
              <Button
                type="primary"
                onClick={sendReply}
                loading={reply.isPending}
                disabled={!draft.trim() || draft === m.reply}
                style={{ alignSelf: 'flex-start' }}
                data-testid="mailbox-send-reply"
              >
                {m.reply ? i('updateReply') : i('sendReply')}
              </Button>
            </Flex>
          ) : (
            m.reply && <p style={plain}>{m.reply}</p>
          )}
        </div>

        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {i('linkChild')}
          </Typography.Title>
          <LinkChildField message={m} onChanged={onChange} />
        </div>

        {m.abilities.close && (
          <Button
            onClick={confirmClose}
            loading={close.isPending}
            style={{ alignSelf: 'flex-start' }}
            data-testid="mailbox-close"
          >
            {i('close')}
          </Button>
        )}
      </Flex>
      {/* The report names the message and the child (or the school); the letter's text is not copied into it. */}
      <RaiseConcernDrawer
        open={raising}
        target={{ child: m.child, schoolId: m.school.id, mailboxMessageId: m.id }}
        onClose={() => setRaising(false)}
      />
    </Drawer>
  );
}
