import type { LabelMap } from '@shouwang/shared/enums/labels';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Labels of the archive's code lists (sex, categories, statuses …) in the UI language. The
 * labels live with the code lists in `@shouwang/shared`, so forms, lists and Excel agree.
 */
export function useCodeLabels() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const label = useCallback(
    <T extends string>(labels: LabelMap<T>, code: T | null | undefined): string =>
      code == null ? '' : english ? labels[code].en : labels[code].zh,
    [english],
  );
  const options = useCallback(
    <T extends string>(labels: LabelMap<T>, codes: readonly T[]) =>
      codes.map((code) => ({ value: code, label: english ? labels[code].en : labels[code].zh })),
    [english],
  );
  return { label, options };
}
