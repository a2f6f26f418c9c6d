import { defaultMailboxDangerWords, type MailboxBoxBody } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { type PdfFont, renderPdf } from '../../lib/pdf';
import { boxAbilities, canConfigureBox, canReadInbox } from './mailbox.policy';
import { presentBox } from './mailbox.presenter';
import { newBoxCode } from './mailbox.protection';
import * as repo from './mailbox.repository';
import { posterDocument } from './mailbox-poster';

const present = (actor: Actor, s: repo.SchoolWithBox) => ({
  school: { id: s.id, name: s.name },
  box: s.box ? presentBox(s.box) : null,
  abilities: boxAbilities(actor, s.path),
});

/** The schools whose mailbox the caller configures or reads, with the mailbox when it is open. */
export async function listBoxes(db: Db, actor: Actor) {
  const prefixes = [...scopePrefixes(actor, 'mailbox.configure'), ...scopePrefixes(actor, 'mailbox.read')];
  const schools = await repo.listSchools(db, prefixes);
  const unique = [...new Map(schools.map((s) => [s.id, s])).values()];
  return { items: unique.map((s) => present(actor, s)) };
}

async function requireSchool(db: Db, ctx: RequestContext, actor: Actor, schoolId: string, need: 'configure' | 'read') {
  const school = await repo.findSchool(db, schoolId);
  const visible = school && (canConfigureBox(actor, school.path) || canReadInbox(actor, school.path));
  if (!school || !visible) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'mailbox_box', targetId: schoolId });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'configure' && !canConfigureBox(actor, school.path)) throw new AppError('FORBIDDEN');
  return school;
}

/**
 * Opens the school's mailbox (a new short code, the default danger words unless others are given)
 * or changes its settings; a change needs the box's version.
 */
export async function saveBox(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  schoolId: string,
  body: MailboxBoxBody,
): Promise<{ view: ReturnType<typeof present>; created: boolean }> {
  const school = await requireSchool(db, ctx, actor, schoolId, 'configure');
  const org = { id: school.id, path: school.path, countyId: school.countyId };
  const words = body.dangerWords.length > 0 ? body.dangerWords : [...defaultMailboxDangerWords];
  if (school.box) {
    if (body.version === undefined) throw new AppError('VERSION_REQUIRED');
    const before = school.box;
    const after = await db.transaction(async (tx) => {
      const row = await repo.updateBox(tx, before.id, body.version!, { enabled: body.enabled, dangerWords: words });
      if (!row) throw new AppError('VERSION_CONFLICT', { current: presentBox(before) });
      await recordAudit(tx, ctx, {
        event: 'mailbox.box_updated',
        targetType: 'mailbox_box',
        targetId: row.id,
        org,
        before: { enabled: before.enabled, dangerWords: before.dangerWords },
        after: { enabled: row.enabled, dangerWords: row.dangerWords },
      });
      return row;
    });
    return { view: present(actor, { ...school, box: after }), created: false };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const box = await db.transaction(async (tx) => {
        const row = await repo.insertBox(tx, {
          countyId: school.countyId,
          schoolId: school.id,
          code: newBoxCode(),
          enabled: body.enabled,
          dangerWords: words,
        });
        await recordAudit(tx, ctx, {
          event: 'mailbox.box_opened',
          targetType: 'mailbox_box',
          targetId: row.id,
          org,
          after: { code: row.code, enabled: row.enabled, dangerWords: row.dangerWords },
        });
        return row;
      });
      return { view: present(actor, { ...school, box }), created: true };
    } catch (error) {
      // Another code was drawn twice (retry), or the school's box was opened meanwhile (409).
      if (!isUniqueViolation(error)) throw error;
      if (await repo.findSchool(db, schoolId).then((s) => s?.box)) throw new AppError('VERSION_CONFLICT');
      if (attempt >= 3) throw error;
    }
  }
}

/** The printable A4 poster with the short link and its QR code. */
export async function boxPoster(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  schoolId: string,
  origin: string,
  font: PdfFont,
) {
  const school = await requireSchool(db, ctx, actor, schoolId, 'read');
  if (!school.box) throw new AppError('NOT_FOUND');
  const url = `${origin}/m/${school.box.code}`;
  const pdf = await renderPdf(await posterDocument(school.name, url, school.box.code), font);
  await recordAudit(db, ctx, {
    event: 'mailbox.poster_printed',
    targetType: 'mailbox_box',
    targetId: school.box.id,
    org: { id: school.id, path: school.path, countyId: school.countyId },
  });
  return { pdf, fileName: `${school.name}悄悄话信箱海报.pdf` };
}
