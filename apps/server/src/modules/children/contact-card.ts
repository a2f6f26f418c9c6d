import {
  type GuardianRelation,
  guardianRelationLabels,
  type PairingKind,
  type ParentStatus,
  pairingKindLabels,
  parentStatusLabels,
  type Sex,
  sexLabels,
} from '@shouwang/shared';
import type { Person } from './contact-card.repository';

/** What one 联系卡 shows: the child, the adults responsible for them, and how to reach them. */
export interface ContactCard {
  name: string;
  sex: Sex | null;
  birthDate: string | null;
  school: string | null;
  className: string | null;
  village: string | null;
  address: string | null;
  classTeachers: Person[];
  helpers: (Person & { kind: PairingKind })[];
  guardians: { name: string; relation: GuardianRelation; phone: string | null; isPrimary: boolean }[];
  parents: { label: string; name: string; status: ParentStatus | null; workPlace: string; phones: string[] }[];
  villageContact: Person | null;
}

const dash = '—';
const person = (p: Person) => (p.phone ? `${p.name}  ${p.phone}` : p.name);
const lines = (items: string[]) => (items.length > 0 ? items.join('\n') : dash);

function rows(c: ContactCard): [string, string][] {
  return [
    [
      '基本信息',
      [c.sex ? sexLabels[c.sex].zh : null, c.birthDate ? `${c.birthDate} 出生` : null].filter(Boolean).join('  ') ||
        dash,
    ],
    ['学校班级', [c.school, c.className].filter(Boolean).join(' ') || dash],
    ['村(社区)', c.village ?? dash],
    ['家庭住址', c.address ?? dash],
    ['班主任', lines(c.classTeachers.map(person))],
    ['帮扶人', lines(c.helpers.map((h) => `${pairingKindLabels[h.kind].zh} ${person(h)}`))],
    [
      '监护人',
      lines(
        c.guardians.map(
          (g) =>
            `${g.name}（${guardianRelationLabels[g.relation].zh}${g.isPrimary ? '，主要' : ''}）  ${g.phone ?? ''}`,
        ),
      ),
    ],
    ...c.parents.map((p): [string, string] => [
      p.label,
      `${p.name}${p.status ? `（${parentStatusLabels[p.status].zh}${p.workPlace ? ` ${p.workPlace}` : ''}）` : ''}\n${
        p.phones.join('、') || dash
      }`,
    ]),
    ['村(居)委会', c.villageContact ? person(c.villageContact) : dash],
  ];
}

function cardBlock(c: ContactCard) {
  return {
    unbreakable: true,
    margin: [0, 0, 0, 6],
    table: {
      widths: [52, '*'],
      body: [
        [{ text: `联系卡 · ${c.name}`, colSpan: 2, bold: true, fontSize: 11, fillColor: '#e2f0d9' }, {}],
        ...rows(c).map(([label, value]) => [{ text: label, color: '#3b5b3b' }, { text: value }]),
      ],
    },
    layout: {
      hLineColor: () => '#9bb59b',
      vLineColor: () => '#9bb59b',
      paddingTop: () => 2,
      paddingBottom: () => 1,
    },
  };
}

/**
 * An A4 document of cards: one card, or a sheet per class or village with two cards across and
 * as many down as fit (each card kept whole on its page).
 */
export function contactCardsDocument(title: string, cards: ContactCard[], printedOn: string) {
  const content: object[] = [{ text: title, fontSize: 14, bold: true, margin: [0, 0, 0, 8] }];
  if (cards.length === 0) content.push({ text: '没有可打印的儿童档案。' });
  for (let i = 0; i < cards.length; i += 2) {
    const pair = cards.slice(i, i + 2);
    content.push({
      unbreakable: true,
      columns: pair
        .map((c) => ({ width: '*', stack: [cardBlock(c)] }))
        .concat(pair.length === 1 ? [{ width: '*', stack: [] }] : []),
      columnGap: 10,
    });
  }
  return {
    pageSize: 'A4',
    pageMargins: [28, 28, 28, 36],
    info: { title, creator: '守望 Shouwang' },
    content,
    footer: (page: number, pages: number) => ({
      text: `打印日期 ${printedOn}    第 ${page} / ${pages} 页    含联系电话，请妥善保管`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
    }),
  };
}
