import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { LetterKind } from '@shouwang/shared/letters/letter-codes';
import type { LetterTemplateView } from '@shouwang/shared/schemas/letters';
import { Alert, App, Button, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { lettersFileUrl } from '../api';

interface Props {
  templates: LetterTemplateView[];
  kind: LetterKind;
  /** The class shown, and the school when the user may make the whole school's letters. */
  units: { value: string; label: string }[];
  termId: string | undefined;
}

/** Picks the template and the class (or whole school), then downloads every letter as Word or PDF. */
export function LetterDownloads({ templates, kind, units, termId }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ofKind = useMemo(() => templates.filter((x) => x.kind === kind), [templates, kind]);
  const [chosenTemplate, setTemplate] = useState<string>();
  const templateId = ofKind.find((x) => x.id === chosenTemplate)?.id ?? ofKind[0]?.id;
  const [chosenUnit, setUnit] = useState<string>();
  const unitId = units.find((u) => u.value === chosenUnit)?.value ?? units[0]?.value;
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);

  if (ofKind.length === 0) return <Alert type="info" showIcon title={t('letters.noTemplateOfKind')} />;

  const download = async (format: 'docx' | 'pdf') => {
    if (!templateId || !unitId) return;
    setBusy(format);
    try {
      await downloadFile(lettersFileUrl(templateId, unitId, termId, format), i18n.language);
    } catch (e) {
      message.error(t('letters.downloadFailed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        {ofKind.length > 1 && (
          <Select
            value={templateId}
            onChange={setTemplate}
            options={ofKind.map((x) => ({ value: x.id, label: x.name }))}
            aria-label={t('letters.template')}
            style={{ minWidth: 200, maxWidth: 320, flex: '1 1 200px' }}
          />
        )}
        {units.length > 1 && (
          <Select
            value={unitId}
            onChange={setUnit}
            options={units}
            aria-label={t('letters.class')}
            style={{ minWidth: 140, maxWidth: 280, flex: '1 1 140px' }}
            data-testid="letters-unit"
          />
        )}
        <Button
          icon={<FileWordOutlined />}
          loading={busy === 'docx'}
          onClick={() => void download('docx')}
          data-testid="letters-docx"
        >
          {t('letters.downloadWord')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'pdf'}
          onClick={() => void download('pdf')}
          data-testid="letters-pdf"
        >
          {t('letters.downloadPdf')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('letters.downloadHint')}</Typography.Text>
    </Flex>
  );
}
