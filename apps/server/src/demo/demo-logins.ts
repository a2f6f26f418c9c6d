import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@shouwang/shared';

/** The demo's login list: a text file in the data folder (gitignored) and a table on stdout. */

export const LOGINS_FILE_NAME = 'demo-logins.txt';

export interface DemoLogin {
  role: Role;
  /** What the person is called at work (校长, 教导主任, 帮扶教师 …). */
  title: string;
  unit: string;
  displayName: string;
  username: string;
}

const roleLabels: Record<Role, { zh: string; en: string }> = {
  county_admin: { zh: '县级管理员', en: 'County admin' },
  supervisor: { zh: '儿童督导员', en: 'Supervisor' },
  child_director: { zh: '儿童主任', en: 'Child director' },
  school_admin: { zh: '学校管理员', en: 'School admin' },
  class_teacher: { zh: '班主任', en: 'Class teacher' },
  mentor: { zh: '帮扶教师', en: 'Mentor' },
  counselor: { zh: '心理老师', en: 'Counselor' },
};

export const roleOrder: readonly Role[] = [
  'county_admin',
  'supervisor',
  'child_director',
  'school_admin',
  'class_teacher',
  'mentor',
  'counselor',
];

/**
 * The folder for the logins file: the data folder, or ./data-demo when the demo lives in a
 * PostgreSQL server (DATABASE_URL without DATA_DIR), so the password is still kept somewhere.
 */
export function demoLoginsDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL && !env.DATA_DIR) return path.resolve('data-demo');
  return dataDir;
}

const passwordLine = /^密码 password: (\S+)$/m;

export function readDemoPassword(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  return passwordLine.exec(fs.readFileSync(file, 'utf8'))?.[1];
}

export function writeDemoLogins(file: string, countyName: string, password: string, logins: DemoLogin[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = [
    `守望 Shouwang 演示县 demo county: ${countyName}`,
    '演示数据，勿用于真实工作。Demo data only: do not use for real work.',
    '所有演示账号使用同一个密码 All demo accounts share one password:',
    `密码 password: ${password}`,
    '',
    ...formatLoginTable(logins, password),
    '',
  ].join('\n');
  fs.writeFileSync(file, text, { mode: 0o600 });
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function roleCell(login: DemoLogin): string {
  const label = roleLabels[login.role];
  // 校长 / 教导主任 and 帮扶教师 / 退休教师志愿者 say more than the role's generic name.
  const zh = login.role === 'school_admin' || login.role === 'mentor' ? login.title : label.zh;
  return `${zh} ${label.en}`;
}

/** One row per account, grouped by role, columns aligned for a terminal. */
export function formatLoginTable(logins: DemoLogin[], password: string): string[] {
  const header = ['角色 Role', '单位 Unit', '姓名 Name', '用户名 Username', '密码 Password'];
  const rows = logins.map((l) => [roleCell(l), l.unit, l.displayName, l.username, password]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((n) => '─'.repeat(n)))];
  let previous: Role | undefined;
  rows.forEach((r, i) => {
    const role = logins[i]!.role;
    if (previous && role !== previous) out.push('');
    previous = role;
    out.push(line(r));
  });
  return out;
}

/**
 * The console version: every account except the class teachers outside `featuredSchool` (a
 * county has dozens of them); the file keeps the full list.
 */
export function printDemoLogins(options: {
  log: (line: string) => void;
  countyName: string;
  password: string;
  logins: DemoLogin[];
  featuredSchool: string;
  file: string;
  headline: string;
}): void {
  const { log, logins, featuredSchool } = options;
  const shown = logins.filter((l) => l.role !== 'class_teacher' || l.unit.startsWith(featuredSchool));
  const hidden = logins.length - shown.length;
  const lines = [
    options.headline,
    `演示县 Demo county: ${options.countyName}    账号 accounts: ${logins.length}`,
    `所有演示账号密码相同 All demo accounts share one password:  ${options.password}`,
    '',
    ...formatLoginTable(shown, options.password),
    ...(hidden > 0
      ? ['', `… 另有 ${hidden} 位班主任 (${hidden} more class teachers): 完整名单 full list in ${options.file}`]
      : [`完整名单 Full list: ${options.file}`]),
  ];
  log('');
  log(`┌${'─'.repeat(78)}`);
  for (const l of lines) log(`│ ${l}`);
  log(`└${'─'.repeat(78)}`);
  log('');
}
