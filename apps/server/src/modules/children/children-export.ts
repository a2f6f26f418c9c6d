import { type ChildCategory, type ChildExportQuery, childCategories, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, hasPermission } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { withheldFromVillage } from '../privacy/consent-gate';
import { auditOrgOf } from './children.access';
import { childScope, coversChild } from './children.policy';
import { bulkAudit, type Families, familiesOf, idNumbersOf } from './children-bulk.repository';
import { layouts } from './children-import-rows';
import { type ChildListRow, listChildren } from './children-list.repository';
import { emptyRecord, type SheetRecord, valueAt } from './children-sheet.types';
import { neutralise, writeCell } from './children-sheet-cells';
import { addDataSheet, writeWorkbook } from './children-template';
import { orgsByIds, type Person, staffAt } from './contact-card.repository';
import { revealIdNumber } from './id-number-hash';

type OrgMap = Awaited<ReturnType<typeof orgsByIds>>;

interface ExportContext {
  families: Families;
  orgs: OrgMap;
  directors: Map<string, Person[]>;
  /** Children whose full ID numbers (theirs and their family's) go in the file. */
  fullIds: Map<string, string | null>;
  today: string;
}

/** The children of the list filters, in scope, in the list's order; at most `maxRows`. */
async function childrenToExport(db: Db, actor: Actor, query: ChildExportQuery, maxRows: number) {
  const { format: _f, idNumbers: _i, category, incomplete, parentUnreachable, noEntrustment, deleted, ...rest } = query;
  const scope = await childScope(db, actor, deleted === 'true' ? 'child.write' : 'child.read');
  const { rows } = await listChildren(
    db,
    scope,
    {
      ...rest,
      categories: category ? (category.split(',') as ChildCategory[]) : undefined,
      incomplete: incomplete === 'true',
      parentUnreachable: parentUnreachable === 'true',
      noEntrustment: noEntrustment === 'true',
      deleted: deleted === 'true',
    },
    { page: 1, pageSize: maxRows + 1 },
  );
  if (rows.length > maxRows) throw new AppError('EXPORT_TOO_LARGE');
  return rows;
}

function idOf(full: boolean, stored: string | null, masked: string | null) {
  return full ? (revealIdNumber(stored) ?? masked) : masked;
}

function recordOf(row: ChildListRow, index: number, x: ExportContext): SheetRecord {
  const record = emptyRecord();
  const full = x.fullIds.has(row.id);
  const name = (id: string | null) => (id ? x.orgs.get(id)?.name : undefined);
  const active = (x.families.categories.get(row.id) ?? []).sort(
    (a, b) => childCategories.indexOf(a.category) - childCategories.indexOf(b.category),
  );
  Object.assign(record.child, row, {
    idNumber: idOf(full, x.fullIds.get(row.id) ?? null, row.idNumberMasked),
    schoolName: name(row.schoolId),
    className: name(row.classId),
    villageName: name(row.villageId),
    categories: active.map((c) => c.category),
    categoryStartDate: active.map((c) => c.startDate).sort()[0],
  });
  const parents = x.families.parents.get(row.id) ?? [];
  for (const relation of ['father', 'mother'] as const) {
    const p = parents.find((q) => q.relation === relation);
    if (p) Object.assign(record[relation], p, { idNumber: idOf(full, p.idNumber, p.idNumberMasked) });
  }
  const g = (x.families.guardians.get(row.id) ?? [])[0];
  if (g) Object.assign(record.guardian, g, { idNumber: idOf(full, g.idNumber, g.idNumberMasked) });
  const village = row.villageId ? x.orgs.get(row.villageId) : undefined;
  Object.assign(record.extra, {
    seq: index + 1,
    township: village?.parentId ? x.orgs.get(village.parentId)?.name : undefined,
    county: x.orgs.get(row.countyId)?.name,
    childDirector: row.villageId
      ? x.directors
          .get(row.villageId)
          ?.map((p) => p.name)
          .join('、')
      : undefined,
    reportDate: x.today,
    registerStatus: row.deletedAt ? '已删除' : '在册',
  });
  return record;
}

/**
 * The filtered list as .xlsx in either layout. ID numbers are masked unless `idNumbers=full` and
 * the caller holds child.read_id_number over the child; each full number exported is audited per
 * child, and the export itself once. Text a spreadsheet could run as a formula is neutralised.
 */
export async function exportChildren(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: ChildExportQuery,
  maxRows: number,
): Promise<{ buffer: Buffer; fileName: string }> {
  if (query.idNumbers === 'full' && !hasPermission(actor, 'child.read_id_number')) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child.export', targetId: null });
    throw new AppError('FORBIDDEN');
  }
  const listed = await childrenToExport(db, actor, query, maxRows);
  // The national form is a statutory duty; Shouwang's own sheet taken by the village needs the
  // sharing consent for school children (modules/privacy/consent-gate.ts): those are left out.
  const withheld = query.format === 'mca' ? new Set<string>() : await withheldFromVillage(db, actor, listed);
  const rows = listed.filter((r) => !withheld.has(r.id));
  const layout = layouts[query.format];
  const families = await familiesOf(
    db,
    rows.map((r) => r.id),
  );
  const orgs = await orgsByIds(
    db,
    rows.flatMap((r) => [r.schoolId, r.classId, r.villageId, r.countyId]),
  );
  for (const [id, o] of await orgsByIds(
    db,
    [...orgs.values()].map((o) => (o.kind === 'village' ? o.parentId : null)),
  ))
    orgs.set(id, o);
  const villages = rows.map((r) => r.villageId).filter((id): id is string => id !== null);
  const directors = query.format === 'mca' ? await staffAt(db, 'child_director', villages) : new Map();
  const fullChildren =
    query.idNumbers === 'full' ? rows.filter((r) => coversChild(actor, 'child.read_id_number', r)) : [];
  const fullIds = await idNumbersOf(
    db,
    fullChildren.map((r) => r.id),
  );
  const context: ExportContext = { families, orgs, directors, fullIds, today: todayIso() };

  const buffer = await writeWorkbook(async (workbook) => {
    const sheet = addDataSheet(workbook, layout);
    rows.forEach((row, index) => {
      const record = recordOf(row, index, context);
      layout.beforeWrite?.(record);
      sheet.addRow(layout.columns.map((c) => writeCell(c.kind, valueAt(record, c.path)))).commit();
    });
    sheet.commit();
    const info = workbook.addWorksheet('导出信息');
    info.columns = [
      { header: '项目', key: 'k', width: 16 },
      { header: '内容', key: 'v', width: 60 },
    ];
    for (const [k, v] of [
      ['导出时间', new Date().toISOString()],
      ['导出人', actor.displayName],
      ['格式', layout.title],
      ['儿童人数', String(rows.length)],
      ['身份证号', fullChildren.length > 0 ? `完整 ${fullChildren.length} 人（已记录审计），其余打码` : '已打码'],
      ...(withheld.size > 0
        ? [['未导出', `${withheld.size} 名在校儿童未登记“与村（社区）共享”的监护人同意或法定依据（或已撤回）`]]
        : []),
    ])
      info.addRow([k, neutralise(v!)]).commit();
    info.commit();
  });

  const grant = grantsFor(actor, 'child.read')[0];
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      event: 'child.exported',
      targetType: 'child.export',
      org: grant ? { id: grant.orgId, path: grant.orgPath, countyId: grant.countyId } : null,
      diff: {
        format: query.format,
        count: rows.length,
        fullIdNumbers: fullChildren.length,
        filters: Object.fromEntries(Object.entries(query).filter(([k]) => !['format', 'idNumbers'].includes(k))),
      },
    });
    await bulkAudit(
      tx,
      ctx,
      fullChildren.map((r) => ({
        event: 'child.id_number_viewed' as const,
        targetType: 'child',
        targetId: r.id,
        childId: r.id,
        org: auditOrgOf(r),
        diff: { via: 'export' },
      })),
    );
  });
  return { buffer, fileName: `${layout.sheetName}_${context.today}.xlsx` };
}
