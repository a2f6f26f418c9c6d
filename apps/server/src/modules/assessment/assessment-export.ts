import { type AssessmentSheet, labelOf, rubricItemLabels, rubricItems, rubricMax } from '@shouwang/shared';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { canReadAllSheets, worksAtSchool } from './assessment.policy';
import { computeSheets, loadSchoolTerm, requireReadAll } from './assessment.service';

const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
const roleNames: Record<string, string> = {
  school_admin: '关爱领导小组',
  class_teacher: '班主任',
  mentor: '帮扶教师',
  counselor: '心理老师',
  child_director: '儿童主任',
  helper: '结对帮扶人',
};
const roleName = (role: string) => roleNames[role] ?? role;

/** The columns of the sheet, in order: rank, name, roles, metrics, rubric items, totals, comment. */
export function sheetColumns(): { header: string; width: number; value: (s: AssessmentSheet) => unknown }[] {
  return [
    { header: '名次', width: 6, value: (s) => s.rank ?? '' },
    { header: '姓名', width: 12, value: (s) => s.displayName },
    { header: '角色', width: 18, value: (s) => s.roles.map(roleName).join('、') },
    { header: '结对儿童', width: 9, value: (s) => s.metrics.childrenPaired },
    { header: '谈心（完成/应完成）', width: 12, value: (s) => `${s.metrics.talksDone}/${s.metrics.talksDue}` },
    { header: '家访（完成/应完成）', width: 12, value: (s) => `${s.metrics.visitsDone}/${s.metrics.visitsDue}` },
    { header: '其他任务（完成/应完成）', width: 12, value: (s) => `${s.metrics.otherDone}/${s.metrics.otherDue}` },
    { header: '任务完成率', width: 10, value: (s) => percent(s.metrics.completion) },
    { header: '跟进已完成', width: 9, value: (s) => s.metrics.followUpsClosed },
    { header: '跟进未完成', width: 9, value: (s) => s.metrics.followUpsOpen },
    { header: '关爱记录数', width: 9, value: (s) => s.metrics.records },
    { header: '实绩得分', width: 9, value: (s) => s.metricPoints },
    ...rubricItems.map((item) => ({
      header: `${labelOf(rubricItemLabels, item)}（${rubricMax[item]}分）`,
      width: 12,
      value: (s: AssessmentSheet) => s.scores[item] ?? '',
    })),
    { header: '评分合计', width: 9, value: (s) => s.rubricTotal ?? '' },
    { header: '总分', width: 8, value: (s) => s.total ?? '' },
    { header: '评语', width: 30, value: (s) => s.comment ?? '' },
  ];
}

/** 考核表 of a school and term as .xlsx, ranked; audited as an export. */
export async function exportAssessment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: { schoolId: string; termId?: string },
) {
  const loaded = await loadSchoolTerm(
    db,
    ctx,
    query,
    (school) => worksAtSchool(actor, school) || canReadAllSheets(actor, school),
  );
  await requireReadAll(db, ctx, actor, loaded.school);
  const { school, term } = loaded;
  const { sheets } = await computeSheets(db, ctx, actor, loaded);
  const workbook = new ExcelJS.Workbook();
  const title = `${school.name}${term.schoolYear}学年第${term.termNo === 1 ? '一' : '二'}学期关爱留守儿童工作考核表`;
  const ws = workbook.addWorksheet('考核表', { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns = sheetColumns();
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  for (const sheet of sheets) ws.addRow(columns.map((c) => c.value(sheet)));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordAudit(db, ctx, {
    event: 'assessment.exported',
    targetType: 'org',
    targetId: school.id,
    org: { id: school.id, path: school.path, countyId: school.countyId },
    diff: { schoolYear: term.schoolYear, termNo: term.termNo, rows: sheets.length },
  });
  return { buffer, fileName: `${title}.xlsx` };
}
