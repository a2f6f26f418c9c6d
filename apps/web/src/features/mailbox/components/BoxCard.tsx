import { CopyOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { MailboxSchoolView } from '@shouwang/shared/schemas/mailbox';
import { App, Button, Card, Descriptions, Flex, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { posterUrl, useSaveBox } from '../api';

/** One school's mailbox: open it, or its link, code, poster, on/off switch and danger words. */
export function BoxCard({ item }: { item: MailboxSchoolView }) {
  const { t, i18n } = useTranslation();
  const { message: toast } = App.useApp();
  const save = useSaveBox();
  const box = item.box;
  const [enabled, setEnabled] = useState(box?.enabled ?? true);
  const [words, setWords] = useState<string[]>(box?.dangerWords ?? []);
  const s = (key: string) => t(`wellbeing.mailbox.settings.${key}`);
  const link = box ? `${window.location.origin}${box.publicPath}` : '';
  const dirty = box && (enabled !== box.enabled || words.join('\n') !== box.dangerWords.join('\n'));

  const submit = (body: { enabled: boolean; dangerWords: string[]; version?: number }) =>
    save.mutate(
      { schoolId: item.school.id, body },
      {
        onSuccess: (view) => {
          toast.success(box ? s('saved') : s('opened'));
          setEnabled(view.box?.enabled ?? true);
          setWords(view.box?.dangerWords ?? []);
        },
        onError: (e) => toast.error(e.message),
      },
    );

  return (
    <Card title={item.school.name} size="small" data-testid="mailbox-box">
      {!box ? (
        <Flex align="center" justify="space-between" gap={12} wrap>
          <Typography.Text type="secondary">{s('notOpened')}</Typography.Text>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => submit({ enabled: true, dangerWords: [] })}
            data-testid="mailbox-open"
          >
            {s('openBox')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'link',
                label: s('link'),
                children: (
                  <Typography.Text
                    copyable={{ text: link, icon: <CopyOutlined /> }}
                    style={{ wordBreak: 'break-all' }}
                    data-testid="mailbox-link"
                  >
                    {link}
                  </Typography.Text>
                ),
              },
              { key: 'code', label: s('code'), children: <Typography.Text code>{box.code}</Typography.Text> },
              {
                key: 'enabled',
                label: s('enabled'),
                children: <Switch checked={enabled} onChange={setEnabled} />,
              },
            ]}
          />
          <div>
            <Typography.Text strong>{s('dangerWords')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px', fontSize: 13 }}>
              {s('dangerWordsHint')}
            </Typography.Paragraph>
            <Select
              mode="tags"
              value={words}
              onChange={(v: string[]) => setWords(v.map((w) => w.trim()).filter(Boolean))}
              tokenSeparators={['，', ',', '、']}
              open={false}
              suffixIcon={null}
              style={{ width: '100%' }}
            />
          </div>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => submit({ enabled, dangerWords: words, version: box.version })}
            >
              {t('common.save')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              onClick={() =>
                downloadFile(posterUrl(item.school.id), i18n.language).catch((e: Error) => toast.error(e.message))
              }
              data-testid="mailbox-poster"
            >
              {s('poster')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
