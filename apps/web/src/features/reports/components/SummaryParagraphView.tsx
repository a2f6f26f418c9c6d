import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import type { SummaryParagraph } from '@shouwang/shared/schemas/reports';
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureText } from './FigureText';

/** One paragraph of the draft: read with its figures linked, or edited in place. */
export function SummaryParagraphView({
  paragraph,
  saving,
  onSave,
}: {
  paragraph: SummaryParagraph;
  saving: boolean;
  onSave: (text: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const editing = draft !== null;
  const save = async (text: string | null) => {
    await onSave(text);
    setDraft(null);
  };
  return (
    <div data-testid={`paragraph-${paragraph.key}`} style={{ marginBottom: 12 }}>
      {paragraph.heading && (
        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
          {paragraph.heading}
        </Typography.Text>
      )}
      {editing ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={4000}
            aria-label={t('reports.summary.editParagraph')}
            data-testid="paragraph-editor"
          />
          <Flex gap={8} wrap justify="flex-end">
            <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={saving}
              disabled={!draft.trim()}
              onClick={() => save(draft)}
              data-testid="paragraph-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Typography.Paragraph style={{ textIndent: '2em', marginBottom: 4, lineHeight: 1.9 }}>
          <FigureText text={paragraph.text} figures={paragraph.figures} />
        </Typography.Paragraph>
      )}
      {!editing && (
        <Flex gap={8} wrap align="center" justify="flex-end">
          {paragraph.pending && <Tag color="orange">{t('reports.summary.pending')}</Tag>}
          {paragraph.edited && <Tag color="blue">{t('reports.summary.edited')}</Tag>}
          {paragraph.edited && (
            <Button size="small" type="link" icon={<UndoOutlined />} loading={saving} onClick={() => save(null)}>
              {t('reports.summary.restore')}
            </Button>
          )}
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setDraft(paragraph.text)}
            data-testid={`paragraph-edit-${paragraph.key}`}
          >
            {t('reports.summary.edit')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
