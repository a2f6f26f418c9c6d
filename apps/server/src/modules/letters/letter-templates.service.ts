import {
  defaultLetterTemplates,
  type LetterTemplateCreateBody,
  type LetterTemplateText,
  type LetterTemplateUpdateBody,
  templateProblemMessage,
  templateProblems,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { OrgRow } from '../orgs/orgs.repository';
import { auditOrgOfUnit, requireLetterSchool, requireTemplate } from './letters.access';
import { canEditTemplatesOf } from './letters.policy';
import { presentTemplate, templateSnapshot } from './letters.presenter';
import * as repo from './letters.repository';

/** A 400 naming each unknown merge field and listing the valid ones, in the caller's language. */
function checkMergeFields(ctx: RequestContext, text: LetterTemplateText) {
  const problems = templateProblems(text);
  if (problems.length > 0)
    throw new AppError('LETTER_MERGE_FIELD_UNKNOWN', {
      details: problems.map((p) => ({ field: p.part, message: templateProblemMessage(p, ctx.language) })),
    });
}

/**
 * The school's templates; the term-start and term-end letters are created the first time anyone
 * opens them (the unique index lets only one of two racing requests add them).
 */
export async function ensureDefaultTemplates(db: Db, ctx: RequestContext, school: OrgRow) {
  const existing = await repo.listTemplates(db, school.id);
  const missing = (['term_start', 'term_end'] as const).filter((k) => !existing.some((t) => t.kind === k));
  if (missing.length === 0) return existing;
  await db.transaction(async (tx) => {
    const added = await repo.insertDefaultTemplates(
      tx,
      missing.map((kind) => ({
        ...defaultLetterTemplates[kind],
        kind,
        schoolId: school.id,
        countyId: school.countyId,
      })),
    );
    if (added.length === 0) return;
    await recordAudit(tx, ctx, {
      event: 'letter.template_defaults_created',
      targetType: 'org',
      targetId: school.id,
      org: auditOrgOfUnit(school),
      diff: { templates: added.map((t) => t.kind) },
    });
  });
  return repo.listTemplates(db, school.id);
}

export async function listTemplates(db: Db, ctx: RequestContext, actor: Actor, schoolId: string) {
  const school = await requireLetterSchool(db, ctx, actor, schoolId);
  const rows = await ensureDefaultTemplates(db, ctx, school);
  return { items: rows.map((row) => presentTemplate(actor, school, row)) };
}

export async function createTemplate(db: Db, ctx: RequestContext, actor: Actor, body: LetterTemplateCreateBody) {
  const school = await requireLetterSchool(db, ctx, actor, body.schoolId);
  if (!canEditTemplatesOf(actor, school)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'org',
      targetId: school.id,
      org: auditOrgOfUnit(school),
    });
    throw new AppError('FORBIDDEN');
  }
  checkMergeFields(ctx, body);
  return db.transaction(async (tx) => {
    const row = await repo.insertTemplate(tx, {
      countyId: school.countyId,
      schoolId: school.id,
      kind: 'custom',
      name: body.name,
      title: body.title,
      body: body.body,
      signature: body.signature,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      event: 'letter.template_created',
      targetType: 'letter_template',
      targetId: row.id,
      org: auditOrgOfUnit(school),
      after: templateSnapshot(row),
    });
    return presentTemplate(actor, school, row);
  });
}

async function conflict(db: Db, actor: Actor, school: OrgRow, id: string): Promise<never> {
  const current = await repo.findTemplate(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: presentTemplate(actor, school, current) });
}

export async function updateTemplate(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  changes: Omit<LetterTemplateUpdateBody, 'version'>,
) {
  const { template, school } = await requireTemplate(db, ctx, actor, id, 'edit');
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  checkMergeFields(ctx, { ...template, ...defined });
  return db.transaction(async (tx) => {
    const row = await repo.updateTemplate(tx, id, version, defined);
    if (!row) return conflict(tx, actor, school, id);
    await recordAudit(tx, ctx, {
      event: 'letter.template_updated',
      targetType: 'letter_template',
      targetId: id,
      org: auditOrgOfUnit(school),
      before: templateSnapshot(template),
      after: templateSnapshot(row),
    });
    return presentTemplate(actor, school, row);
  });
}

/** The school's own letters may go; the term-start and term-end letters are edited, never removed. */
export async function deleteTemplate(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const { template, school } = await requireTemplate(db, ctx, actor, id, 'edit');
  if (template.kind !== 'custom') throw new AppError('LETTER_TEMPLATE_KEPT');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteTemplate(tx, id, version);
    if (!row) return conflict(tx, actor, school, id);
    await recordAudit(tx, ctx, {
      event: 'letter.template_deleted',
      targetType: 'letter_template',
      targetId: id,
      org: auditOrgOfUnit(school),
      before: templateSnapshot(template),
    });
  });
}
