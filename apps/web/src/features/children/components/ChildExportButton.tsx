import { DownloadOutlined } from '@ant-design/icons';
import type { ChildSheetFormat } from '@shouwang/shared/schemas/children-excel';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import type { ChildFilters } from '../api';

/** The export URL: the list's filters (not its page), the layout, masked or full ID numbers. */
function exportUrl(filters: ChildFilters, format: ChildSheetFormat, idNumbers: 'masked' | 'full') {
  const { page: _page, pageSize: _size, ...rest } = filters;
  const params = new URLSearchParams({ format, idNumbers, sort: 'name' });
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  return `/api/children/export.xlsx?${params}`;
}

/**
 * Exports the filtered list to Excel. ID numbers are masked unless the user may read them and
 * asks for them; every full number exported is recorded in the audit log by the server.
 */
export function ChildExportButton({
  filters,
  canReadIdNumbers,
  size,
}: {
  filters: ChildFilters;
  canReadIdNumbers: boolean;
  size: 'large' | 'middle';
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = (format: ChildSheetFormat, idNumbers: 'masked' | 'full') => {
    setBusy(true);
    downloadFile(exportUrl(filters, format, idNumbers), i18n.language)
      .catch((e: Error) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'shouwang', label: t('children.export.shouwang') },
          { key: 'mca', label: t('children.export.mca') },
          ...(canReadIdNumbers
            ? [
                { type: 'divider' as const },
                { key: 'shouwang-full', label: t('children.export.full'), title: t('children.export.fullHint') },
              ]
            : []),
        ],
        onClick: ({ key }) =>
          key === 'shouwang-full' ? download('shouwang', 'full') : download(key as ChildSheetFormat, 'masked'),
      }}
    >
      <Button size={size} icon={<DownloadOutlined />} loading={busy} data-testid="child-export">
        {t('children.export.open')}
      </Button>
    </Dropdown>
  );
}
