import type { PrivacyExportView } from '@shouwang/shared';

/** The export as a pdfmake document: header with basis and requester, one block per section. */

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(show).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

export function privacyExportDocument(view: PrivacyExportView, en: boolean) {
  const t = (zh: string, eng: string) => (en ? eng : zh);
  const content: object[] = [
    { text: t(`${view.child.name} 个人信息副本`, `Personal information of ${view.child.name}`), style: 'title' },
    { text: `${t('法律依据', 'Legal basis')}：${view.legalBasis}`, margin: [0, 4, 0, 2] },
    {
      text: `${t('导出人', 'Exported by')}：${view.exportedBy.name}${view.exportedBy.role ? `（${view.exportedBy.role}）` : ''}　${t('导出时间', 'Exported at')}：${view.exportedAt}`,
      margin: [0, 0, 0, 6],
    },
  ];
  for (const section of view.sections) {
    content.push({ text: `${section.title}（${section.rows.length}）`, style: 'section' });
    if (section.rows.length === 0) content.push({ text: t('无记录', 'None'), color: '#666' });
    for (const row of section.rows)
      content.push({
        text: Object.entries(row)
          .map(([k, v]) => `${k}: ${show(v)}`)
          .join('；'),
        margin: [0, 0, 0, 4],
      });
  }
  content.push({ text: t('未包含的信息', 'Not included'), style: 'section' });
  for (const o of view.omitted) content.push({ text: `· ${o.reason}`, margin: [0, 0, 0, 2] });
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 36],
    info: { title: `${view.child.name}` },
    content,
    styles: { title: { fontSize: 16, bold: true }, section: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] } },
  };
}
