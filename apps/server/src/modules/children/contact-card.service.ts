import { todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { type PdfFont, renderPdf, requirePdfFont } from '../../lib/pdf';
import { findOrg } from '../orgs/orgs.repository';
import { requireVillageSharing } from '../privacy/consent-gate';
import { auditOrgOf, requireReadableChild } from './children.access';
import { childScope } from './children.policy';
import type { ChildRow } from './children.repository';
import { bulkAudit, familiesOf } from './children-bulk.repository';
import { joinWorkPlace } from './children-import-writes';
import { listChildren } from './children-list.repository';
import { type ContactCard, contactCardsDocument } from './contact-card';
import { helpersOf, orgsByIds, staffAt } from './contact-card.repository';

/** The most children on one class or village sheet. */
const maxCards = 500;

async function cardsOf(db: Db, rows: ChildRow[]): Promise<ContactCard[]> {
  const ids = rows.map((r) => r.id);
  const families = await familiesOf(db, ids);
  const orgs = await orgsByIds(
    db,
    rows.flatMap((r) => [r.schoolId, r.classId, r.villageId]),
  );
  const teachers = await staffAt(
    db,
    'class_teacher',
    rows.map((r) => r.classId).filter((id): id is string => id !== null),
  );
  const helpers = await helpersOf(db, ids, todayIso());
  const name = (id: string | null) => (id ? (orgs.get(id)?.name ?? null) : null);
  return rows.map((r) => ({
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    school: name(r.schoolId),
    className: name(r.classId),
    village: name(r.villageId),
    address: r.currentAddress,
    classTeachers: r.classId ? (teachers.get(r.classId) ?? []) : [],
    helpers: helpers.get(r.id) ?? [],
    guardians: (families.guardians.get(r.id) ?? []).map((g) => ({
      name: g.name,
      relation: g.relation,
      phone: g.phone,
      isPrimary: g.isPrimary,
    })),
    parents: (families.parents.get(r.id) ?? []).map((p) => ({
      label: p.relation === 'father' ? '父亲' : p.relation === 'mother' ? '母亲' : '家长',
      name: p.name,
      status: p.status,
      workPlace: joinWorkPlace(p.workProvince, p.workCity),
      phones: p.phones,
    })),
    villageContact: r.villageContactName ? { name: r.villageContactName, phone: r.villageContactPhone } : null,
  }));
}

/** Cards hold family phone numbers: every printed card is audited with its child. */
async function auditPrinted(db: Db, ctx: RequestContext, rows: ChildRow[]) {
  await bulkAudit(
    db,
    ctx,
    rows.map((r) => ({
      event: 'child.contact_card_printed' as const,
      targetType: 'child',
      targetId: r.id,
      childId: r.id,
      org: auditOrgOf(r),
    })),
  );
}

/** One child's 联系卡 as PDF. */
export async function childContactCard(db: Db, ctx: RequestContext, actor: Actor, id: string, font: PdfFont) {
  requirePdfFont(font);
  const row = await requireReadableChild(db, ctx, actor, id);
  await requireVillageSharing(db, ctx, actor, [row]);
  const pdf = await renderPdf(contactCardsDocument(`${row.name} 联系卡`, await cardsOf(db, [row]), todayIso()), font);
  await auditPrinted(db, ctx, [row]);
  return { pdf, fileName: `${row.name}-联系卡.pdf` };
}

/** The cards of every child of a class (or a village) the caller may read, several per A4 page. */
export async function orgContactCards(db: Db, ctx: RequestContext, actor: Actor, orgId: string, font: PdfFont) {
  requirePdfFont(font);
  const unit = await findOrg(db, orgId);
  if (!unit) throw new AppError('NOT_FOUND');
  if (unit.kind !== 'class' && unit.kind !== 'village') throw new AppError('CONTACT_CARDS_ORG_KIND');
  const scope = await childScope(db, actor);
  const filter = unit.kind === 'class' ? { classId: unit.id } : { villageId: unit.id };
  const { rows } = await listChildren(db, scope, { ...filter, sort: 'name' }, { page: 1, pageSize: maxCards });
  if (rows.length === 0 && !inScope(actor, 'child.read', unit.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: orgId });
    throw new AppError('NOT_FOUND');
  }
  await requireVillageSharing(db, ctx, actor, rows);
  const parent = unit.parentId ? await findOrg(db, unit.parentId) : undefined;
  const title = `${parent && unit.kind === 'class' ? `${parent.name} ` : ''}${unit.name} 联系卡`;
  const pdf = await renderPdf(contactCardsDocument(title, await cardsOf(db, rows), todayIso()), font);
  await auditPrinted(db, ctx, rows);
  return { pdf, fileName: `${unit.name}-联系卡.pdf` };
}
