import type { LabelMap } from '@shouwang/shared/enums/labels';
import { useTranslation } from 'react-i18next';

/** A code list's label in the UI language. */
export function useLabel() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return <T extends string>(labels: LabelMap<T>, code: T) => (en ? labels[code].en : labels[code].zh);
}

/** 1234 fen → "¥12.34" (whole yuan without decimals). */
export const yuan = (fen: number | null | undefined) =>
  fen == null
    ? ''
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
