import type { MailboxMessageView } from '@shouwang/shared/schemas/mailbox';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { StatusTag } from './StatusTag';

/** One letter in the inbox: urgent mark, state, when, who signed, the first lines as plain text. */
export function MessageCard({ message, onOpen }: { message: MailboxMessageView; onOpen: () => void }) {
  const { t } = useTranslation();
  const i = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.mailbox.inbox.${key}`, opts);
  const signed = [message.senderName, message.senderClass].filter(Boolean).join(' · ');
  return (
    <Card
      hoverable
      size="small"
      onClick={onOpen}
      style={{ borderColor: message.urgent && message.status !== 'closed' ? '#ff7875' : undefined }}
      data-testid="mailbox-message"
      data-urgent={message.urgent}
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
        <Flex gap={6} wrap>
          {message.urgent && <Tag color="red">{i('urgent')}</Tag>}
          <StatusTag status={message.status} />
          <Typography.Text strong>{signed || i('anonymous')}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {i('receivedAt', { date: formatDateTime(message.receivedAt) })}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph
        ellipsis={{ rows: 2 }}
        style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {message.body}
      </Typography.Paragraph>
      {(message.handler || message.child) && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {[
            message.handler ? i('handler', { name: message.handler.displayName }) : null,
            message.child ? i('linkedChild', { name: message.child.name }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      )}
    </Card>
  );
}
