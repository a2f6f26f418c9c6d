import {
  chineseTermName,
  type LetterDeliveryView,
  type LetterTemplateView,
  type LetterTermView,
} from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import type { TermRow } from '../terms/terms.repository';
import { templateAbilities } from './letters.policy';
import type { LetterDeliveryRow, LetterTemplateRow } from './letters.repository';

export function presentTemplate(actor: Actor, school: { path: string }, row: LetterTemplateRow): LetterTemplateView {
  return {
    id: row.id,
    schoolId: row.schoolId,
    kind: row.kind,
    name: row.name,
    title: row.title,
    body: row.body,
    signature: row.signature,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: templateAbilities(actor, school, row),
  };
}

export const templateSnapshot = (row: LetterTemplateRow) => ({
  kind: row.kind,
  name: row.name,
  title: row.title,
  body: row.body,
  signature: row.signature,
});

export const presentTerm = (
  t: Pick<TermRow, 'id' | 'schoolYear' | 'termNo' | 'startDate' | 'endDate'>,
): LetterTermView => ({
  id: t.id,
  schoolYear: t.schoolYear,
  termNo: t.termNo,
  startDate: t.startDate,
  endDate: t.endDate,
  name: chineseTermName(t.schoolYear, t.termNo),
});

export const presentDelivery = (row: LetterDeliveryRow, sentByName: string): LetterDeliveryView => ({
  id: row.id,
  channel: row.channel,
  sentOn: row.sentOn,
  sentBy: sentByName,
  version: row.version,
});

export const deliverySnapshot = (row: LetterDeliveryRow) => ({
  termId: row.termId,
  letterKind: row.letterKind,
  channel: row.channel,
  sentOn: row.sentOn,
});
