import {
  careCodeLists,
  careFrequencyLabels,
  careRecordKindLabels,
  careResponsibleRoleLabels,
  pairingKindLabels,
} from '@shouwang/shared/enums/care';
import type { LabelMap } from '@shouwang/shared/enums/labels';
import { useTranslation } from 'react-i18next';

/** What a rule can ask for: the care-record kinds, and other modules' duties (体检 …) where the list has them. */
export const ruleKindLabels = ((careCodeLists as unknown as Record<string, LabelMap<string> | undefined>)
  .careRuleKind ?? careRecordKindLabels) as LabelMap<string>;
export const ruleKinds = Object.keys(ruleKindLabels);

const pick = (labels: LabelMap<string>, code: string | null | undefined, english: boolean) => {
  if (!code) return '';
  const entry = labels[code];
  return entry ? (english ? entry.en : entry.zh) : code;
};

/** Labels of a rule's codes in the UI language, tolerant of codes added later. */
export function useRuleLabels() {
  const { i18n, t } = useTranslation();
  const english = i18n.language === 'en';
  return {
    kind: (code: string) => pick(ruleKindLabels, code, english),
    frequency: (code: string) => pick(careFrequencyLabels as LabelMap<string>, code, english),
    responsible: (rule: { responsibleRole: string | null; responsiblePairingKind: string | null }) =>
      rule.responsibleRole
        ? pick(careResponsibleRoleLabels as LabelMap<string>, rule.responsibleRole, english)
        : t('careAdmin.rules.pairedHelper', {
            kind: pick(pairingKindLabels as LabelMap<string>, rule.responsiblePairingKind, english),
          }),
  };
}
