import type { kpiChildrenExportQuery } from '@shouwang/shared';
import {
  activityTypeLabels,
  careLevelLabels,
  careRuleKindLabels,
  childCategoryLabels,
  comparisonUnits,
  concernStatusLabels,
  healthFlagLabels,
  kpiLabels,
  type StatsExportQuery,
  sexLabels,
  todayIso,
} from '@shouwang/shared';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { neutralise } from '../children/children-sheet-cells';
import { childrenBehind } from './stats-children.service';
import { dashboardOfResolved, trend } from './stats-dashboard.service';
import { type ResolvedStats, resolveStats } from './stats-scope';

const zh = (map: Record<string, { zh: string }>, key: string) => map[key]?.zh ?? key;
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const standingText = { met: '达标', below: '未达标', none: '—' } as const;
const concernAges = { day: '1天内', week: '1–7天', month: '8–30天', older: '30天以上' } as const;
const unitNames = { township: '乡镇', school: '学校', class: '班级', village: '村（社区）' } as const;
const scopeLabel = (r: ResolvedStats) =>
  `${r.org.name}（${r.term ? `${r.term.schoolYear}学年第${r.term.termNo}学期` : '未设学期'}）`;

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][]) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
  sheet.columns.forEach((c, i) => {
    c.width = Math.max(10, ...[header[i] ?? '', ...rows.map((r) => String(r[i] ?? ''))].map((s) => s.length * 2));
  });
}

function addInfo(workbook: ExcelJS.Workbook, actor: Actor, resolved: ResolvedStats, extra: [string, string][]) {
  addSheet(
    workbook,
    '导出信息',
    ['项目', '内容'],
    [
      ['范围', scopeLabel(resolved)],
      ['统计截至', resolved.asOf ?? '—'],
      ['导出时间', new Date().toISOString()],
      ['导出人', actor.displayName],
      ['口径', '留守儿童（统计截至日处于留守类别）；入学率按学期首日6–15周岁；转出且有转入学校计为巩固'],
      ...extra,
    ],
  );
}

async function audited(
  db: Db,
  ctx: RequestContext,
  resolved: ResolvedStats,
  diff: Record<string, unknown>,
  workbook: ExcelJS.Workbook,
) {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordAudit(db, ctx, {
    event: 'stats.exported',
    targetType: 'org',
    targetId: resolved.org.id,
    org: { id: resolved.org.id, path: resolved.org.path, countyId: resolved.org.countyId },
    diff: { term: resolved.term?.id ?? null, ...diff },
  });
  return buffer;
}

/** The dashboard's statistics as .xlsx, one sheet per statistic (or the one asked for); audited. */
export async function exportStats(db: Db, ctx: RequestContext, actor: Actor, query: StatsExportQuery) {
  const resolved = await resolveStats(db, actor, query, ctx);
  const d = await dashboardOfResolved(db, actor, resolved, ctx);
  const want = (s: StatsExportQuery['section']) => query.section === 'all' || query.section === s;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '守望 Shouwang';
  if (want('kpis'))
    addSheet(
      workbook,
      '关爱指标',
      ['指标', '分子', '分母', '比率', '目标', '是否达标'],
      d.kpis.map((k) => [
        zh(kpiLabels, k.key),
        k.numerator,
        k.denominator,
        percent(k.rate),
        `${k.target}%`,
        standingText[k.standing],
      ]),
    );
  if (want('compliance'))
    addSheet(
      workbook,
      '关爱规范完成率',
      ['关爱规范', '已完成', '应完成', '完成率', '目标', '是否达标'],
      d.compliance.map((c) => [
        zh(careRuleKindLabels, c.kind),
        c.numerator,
        c.denominator,
        percent(c.rate),
        `${c.target}%`,
        standingText[c.standing],
      ]),
    );
  if (want('monthly'))
    addSheet(
      workbook,
      '每月完成情况',
      ['月份', '关爱规范', '已完成', '应完成', '完成率'],
      d.complianceMonthly.map((m) => [
        m.month,
        zh(careRuleKindLabels, m.kind),
        m.done,
        m.due,
        percent(m.due ? m.done / m.due : null),
      ]),
    );
  if (want('categories'))
    addSheet(
      workbook,
      '类别与关注等级',
      ['分类', '项目', '人数'],
      [
        ...d.byCategory.map((c) => ['儿童类别', zh(childCategoryLabels, c.category), c.count] as (string | number)[]),
        ...d.byCareLevel.map((c) => ['关注等级', zh(careLevelLabels, c.careLevel), c.count] as (string | number)[]),
      ],
    );
  if (want('comparison') && d.comparison.unitKind)
    addSheet(
      workbook,
      `${unitNames[d.comparison.unitKind]}对比`,
      [unitNames[d.comparison.unitKind], '留守儿童', ...d.kpis.map((k) => zh(kpiLabels, k.key))],
      comparisonUnits(d.comparison.rows).map((r) => [
        r.name,
        r.children,
        ...d.kpis.map(
          (k) => `${percent(r.kpis[k.key].rate)}（${r.kpis[k.key].numerator}/${r.kpis[k.key].denominator}）`,
        ),
      ]),
    );
  if (want('trend')) {
    const t = await trend(db, ctx, actor, query);
    addSheet(
      workbook,
      '学期趋势',
      ['学期', ...d.kpis.map((k) => zh(kpiLabels, k.key))],
      t.items.map((i) => [`${i.schoolYear}学年第${i.termNo}学期`, ...d.kpis.map((k) => percent(i.kpis[k.key].rate))]),
    );
  }
  if (want('activities'))
    addSheet(
      workbook,
      '活动参与',
      ['活动类型', '参与的留守儿童'],
      [
        ['任一活动', d.panels.activities.children],
        ...d.panels.activities.byType.map((a) => [zh(activityTypeLabels, a.type), a.count] as (string | number)[]),
      ],
    );
  if (want('concerns'))
    addSheet(
      workbook,
      '未结案强制报告',
      ['已过时间', '状态', '件数'],
      d.panels.openConcerns.map((c) => [concernAges[c.age], zh(concernStatusLabels, c.status), c.count]),
    );
  if (want('health'))
    addSheet(
      workbook,
      '体检筛查',
      ['项目', '人数'],
      [
        ['本学期已体检的留守儿童', d.panels.health.checked],
        ...d.panels.health.byFlag.map((f) => [zh(healthFlagLabels, f.flag), f.count] as (string | number)[]),
      ],
    );
  addInfo(workbook, actor, resolved, []);
  const buffer = await audited(db, ctx, resolved, { section: query.section }, workbook);
  return { buffer, fileName: `关爱统计_${resolved.org.name}_${todayIso()}.xlsx` };
}

/** The children behind a figure as .xlsx (names and units only, never ID numbers); audited. */
export async function exportKpiChildren(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: z.infer<typeof kpiChildrenExportQuery>,
  maxRows: number,
) {
  const resolved = await resolveStats(db, actor, query, ctx);
  const list = await childrenBehind(db, actor, { ...query, page: 1 }, ctx, maxRows + 1);
  if (list.items.length > maxRows) throw new AppError('EXPORT_TOO_LARGE');
  const workbook = new ExcelJS.Workbook();
  const figure =
    query.kpi === 'compliance'
      ? `关爱规范完成率${query.ruleKind ? `·${zh(careRuleKindLabels, query.ruleKind)}` : ''}`
      : zh(kpiLabels, query.kpi);
  addSheet(
    workbook,
    '儿童名单',
    ['序号', '姓名', '性别', '出生日期', '学校', '班级', '村（社区）', '关注等级', '原因'],
    list.items.map((c, i) => [
      i + 1,
      c.name,
      c.sex ? zh(sexLabels, c.sex) : '',
      c.birthDate ?? '',
      c.schoolName ?? '',
      c.className ?? '',
      c.villageName ?? '',
      zh(careLevelLabels, c.careLevel),
      c.reason ?? '',
    ]),
  );
  addInfo(workbook, actor, resolved, [
    ['指标', figure],
    ['名单', query.part === 'missing' ? '未达到的儿童' : '已达到的儿童'],
    ['人数', String(list.items.length)],
    ['身份证号', '不导出'],
  ]);
  const buffer = await audited(
    db,
    ctx,
    resolved,
    { kpi: query.kpi, ruleKind: query.ruleKind ?? null, part: query.part, count: list.items.length },
    workbook,
  );
  return { buffer, fileName: `${figure}_${query.part === 'missing' ? '未达到' : '已达到'}_${todayIso()}.xlsx` };
}
