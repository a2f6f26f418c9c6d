import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { addActivity, addGrades, addHealthCheck, addTalks, buildLetterTerms, nameUser } from './letters.test-support';

let t: TestApp;
let tree: CountyTree;
let admin: Client;
let termEndId: string;
const names = ['安小雨', '白小云', '崔小风'];

/** pdftotext's reading of a PDF, and pdfinfo's page count and size. */
function readPdf(bytes: Buffer) {
  const file = path.join(os.tmpdir(), `sw-letters-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return {
      text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Splits a run of letters at each title; line breaks are layout, not content. */
const lettersIn = (text: string) => text.replace(/\s+/g, '').split('致家长的一封信').slice(1);

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '成文县');
  const terms = await buildLetterTerms(t.db, tree);
  const adminUser = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  admin = await loginAs(t, adminUser);
  const teacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  await nameUser(t.db, teacher, '周静', '13512345678');
  const [one, two] = [
    await buildChild(t.db, { name: names[0], class: tree.classA }),
    await buildChild(t.db, { name: names[1], class: tree.classA }),
    await buildChild(t.db, { name: names[2], class: tree.classA }),
  ];
  // 安小雨: three talks this term (one more last term), an activity with an award; 白小云: one activity; 崔小风: nothing.
  await addTalks(t.db, one!, teacher, ['2026-09-10', '2026-10-12', '2026-11-05', '2026-05-01']);
  await addTalks(t.db, two!, teacher, ['2026-03-01']);
  await addActivity(t.db, tree.school, adminUser, '校园书画展', '2026-10-20', [{ child: one!, award: '二等奖' }]);
  await addActivity(t.db, tree.classA, adminUser, '安全知识竞答', '2026-11-02', [{ child: one! }, { child: two! }]);
  // 安小雨: Chinese up, maths down against last term, and poor sight; 白小云: a check with nothing to report.
  await addGrades(t.db, one!, teacher, terms.previous.id, { chinese: 70, math: 92 });
  await addGrades(t.db, one!, teacher, terms.current.id, { chinese: 86, math: 81, english: 90 });
  await addGrades(t.db, two!, teacher, terms.current.id, { chinese: 88 });
  await addHealthCheck(t.db, one!, teacher, '2026-10-15', ['vision_moderate', 'vision_refer']);
  await addHealthCheck(t.db, two!, teacher, '2026-10-15', []);
  const templates = (await admin.get(`/api/letters/templates?schoolId=${tree.school.id}`)).json().items;
  termEndId = templates.find((x: { kind: string }) => x.kind === 'term_end').id;
});
afterAll(() => t.close());

/** Letter i holds child i's name and figures, and no other child's name. */
function checkLetters(letters: string[]) {
  expect(letters).toHaveLength(3);
  letters.forEach((letter, i) => {
    expect(letter).toContain(`尊敬的${names[i]}同学家长：`);
    for (const other of names.filter((_, j) => j !== i)) expect(letter).not.toContain(other);
    expect(letter).toContain('2026—2027学年第一学期即将结束，学校将于2027年1月20日放假。');
    expect(letter).toContain('欢迎随时与班主任周静联系。班主任电话：13512345678。');
    expect(letter).toContain(`${tree.school.name}`);
    expect(letter).not.toMatch(/\{\{|0次|获得了，|参加了学校组织的，/);
  });
  expect(letters[0]).toContain('老师与孩子谈心3次');
  expect(letters[0]).toContain('参加了学校组织的校园书画展和安全知识竞答，表现积极。');
  expect(letters[0]).toContain('孩子获得了校园书画展二等奖');
  expect(letters[0]).toContain('在学习上，语文成绩比上学期有进步，数学成绩比上学期有所下降，还需要多加鼓励。');
  expect(letters[0]).toContain('学校体检发现：视力中度下降，建议带孩子到医院眼科检查。请您和监护人多加关注。');
  expect(letters[1]).not.toContain('谈心');
  expect(letters[1]).not.toMatch(/在学习上|体检发现|多加关注/);
  expect(letters[1]).toContain('参加了学校组织的安全知识竞答，表现积极。');
  expect(letters[1]).not.toContain('获得了');
  expect(letters[2]).not.toMatch(/谈心|参加了|获得了/);
}

describe('the letters of a class as files', () => {
  it('writes one .docx: a section (new page) per letter, 宋体 East Asian font, 2-character first-line indent', async () => {
    const res = await admin.get(`/api/letters/templates/${termEndId}/letters.docx?orgId=${tree.classA.id}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:firstLineChars="200"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:jc w:val="right"/>');
    const text = xml
      .split('</w:p>')
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('\n');
    checkLetters(lettersIn(text));
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'letter.generated'));
    expect(audits).toHaveLength(3);
  });

  it('writes one A4 PDF with each letter on its own page and Chinese text a reader can extract', async () => {
    const res = await admin.get(`/api/letters/templates/${termEndId}/letters.pdf?orgId=${tree.classA.id}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text, info } = readPdf(res.rawPayload);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(3);
    const pages = text.split('\f').filter((p) => p.trim());
    for (const [i, page] of pages.entries()) expect(page).toContain(names[i]);
    checkLetters(lettersIn(text));
  });

  it('letters for the whole school include every class', async () => {
    await buildChild(t.db, { name: '林乙', class: tree.classB });
    const res = await admin.get(`/api/letters/templates/${termEndId}/letters.docx?orgId=${tree.school.id}`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(4);
    expect(xml).toContain('尊敬的林乙同学家长：');
  });
});
