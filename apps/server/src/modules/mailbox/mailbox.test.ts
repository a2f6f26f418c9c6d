import { pickupCodeAlphabet } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let schoolAdmin: Client;
let countyAdmin: Client;
let counselor: Client;
let otherSchoolCounselor: Client;
let classTeacher: Client;
let otherCountyAdmin: Client;
let code: string;
let kid: ChildFixture;
let otherSchoolKid: ChildFixture;
let ipCounter = 0;

/** Each public call from its own address, so the rate limits only bite where a test wants them to. */
const publicCall = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload, headers, remoteAddress: `10.1.0.${++ipCounter % 250}` });

async function send(body: string, extra: object = {}) {
  const res = await publicCall('POST', `/api/public/mailbox/${code}`, { body, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().pickupCode as string;
}

const inbox = async (client: Client) => {
  const res = await client.get('/api/mailbox/messages?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; body: string; urgent: boolean; status: string; version: number }[];
};

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '信箱县');
  other = await buildCountyTree(t.db, '外县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  otherSchoolCounselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.otherSchool }]));
  classTeacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  kid = await buildChild(t.db, { name: '王小花', class: tree.classA });
  otherSchoolKid = await buildChild(t.db, { class: tree.otherClass });
});
afterAll(() => t.close());

describe('opening a school’s mailbox', () => {
  it('lets the school administrator open it with the default danger words; others are refused', async () => {
    expect(
      (await classTeacher.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] })).statusCode,
    ).toBe(403);
    expect(
      (await otherCountyAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] }))
        .statusCode,
    ).toBe(404);
    const res = await schoolAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] });
    expect(res.statusCode, res.body).toBe(201);
    const box = res.json().box;
    expect(box.code).toMatch(new RegExp(`^[${pickupCodeAlphabet}]{6}$`));
    expect(box.dangerWords).toContain('不想活');
    expect(box.publicPath).toBe(`/m/${box.code}`);
    code = box.code;

    const again = await schoolAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, {
      enabled: true,
      dangerWords: ['不想活'],
    });
    expect(again.statusCode).toBe(428);
    const stale = await schoolAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, {
      enabled: true,
      dangerWords: ['不想活'],
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    const words = [...box.dangerWords, '好难受'];
    const saved = await countyAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, {
      enabled: true,
      dangerWords: words,
      version: box.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().box.dangerWords).toContain('好难受');
  });

  it('lists the boxes to administrators and counselors of the school only', async () => {
    const list = (await schoolAdmin.get('/api/mailbox/boxes')).json().items;
    expect(list.map((i: { school: { id: string } }) => i.school.id)).toEqual([tree.school.id]);
    expect(list[0].abilities).toEqual({ configure: true, readInbox: false });
    const mine = (await counselor.get('/api/mailbox/boxes')).json().items;
    expect(mine[0].abilities).toEqual({ configure: false, readInbox: true });
    expect((await classTeacher.get('/api/mailbox/boxes')).json().items).toEqual([]);
  });

  it('prints the poster for the school’s staff, not for a class teacher', async () => {
    const res = await schoolAdmin.get(`/api/mailbox/boxes/${tree.school.id}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await counselor.get(`/api/mailbox/boxes/${tree.school.id}/poster.pdf`)).statusCode).toBe(200);
    expect((await classTeacher.get(`/api/mailbox/boxes/${tree.school.id}/poster.pdf`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/mailbox/boxes/${tree.otherSchool.id}/poster.pdf`)).statusCode).toBe(404);
  });
});

describe('the public page', () => {
  it('names the school, in Chinese without sign-in; an unknown code says so kindly', async () => {
    const res = await publicCall('GET', `/api/public/mailbox/${code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ schoolName: '信箱县中心小学', enabled: true });
    const unknown = await publicCall('GET', '/api/public/mailbox/ZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('这个信箱不存在');
    const bad = await publicCall('GET', '/api/public/mailbox/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'params.code', message: '信箱编号应为6位字母或数字' });
  });

  it('refuses empty, too long, oversize and unknown fields with a clear message naming the field', async () => {
    const empty = await publicCall('POST', `/api/public/mailbox/${code}`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ field: 'body', message: '请填写内容' }]);
    const long = await publicCall('POST', `/api/public/mailbox/${code}`, { body: '字'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toEqual([{ field: 'body', message: '写得太长了，最多2000个字' }]);
    const longEn = await publicCall(
      'POST',
      `/api/public/mailbox/${code}`,
      { body: 'a'.repeat(2001) },
      { 'accept-language': 'en' },
    );
    expect(longEn.json().error.details[0].message).toBe('too long: at most 2,000 characters');
    const huge = await publicCall('POST', `/api/public/mailbox/${code}`, { body: '字'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toBe('提交的内容过大');
    const extra = await publicCall('POST', `/api/public/mailbox/${code}`, { body: '你好', ip: '1.2.3.4' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0].message).toContain('ip');
  });

  it('answers an 8-character pickup code; the child reads "not yet", then the reply', async () => {
    const pickup = await send('<script>alert(1)</script> 老师，我想妈妈了。', { name: '', className: '三年级' });
    expect(pickup).toMatch(new RegExp(`^[${pickupCodeAlphabet}]{8}$`));
    const waiting = await publicCall('POST', '/api/public/mailbox/replies', { code: pickup });
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toMatchObject({
      status: 'waiting',
      reply: null,
      message: expect.stringContaining('<script>'),
    });

    const item = (await inbox(counselor)).find((m) => m.body.includes('想妈妈'))!;
    expect(item).toMatchObject({ urgent: false, status: 'new' });
    const replied = await counselor.post(`/api/mailbox/messages/${item.id}/reply`, {
      reply: '我读到你的信了。周三下午来心理咨询室找我聊聊好吗？',
      version: item.version,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'replied', repliedBy: { displayName: expect.any(String) } });

    const typed = `${pickup.slice(0, 4).toLowerCase()}-${pickup.slice(4)}`;
    const read = await publicCall('POST', '/api/public/mailbox/replies', { code: typed });
    expect(read.json()).toMatchObject({ status: 'replied', reply: expect.stringContaining('心理咨询室') });
    const wrong = await publicCall('POST', '/api/public/mailbox/replies', { code: 'ABCDEFGH' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toContain('取信码');
  });

  it('refuses a disabled mailbox', async () => {
    const box = (await schoolAdmin.get('/api/mailbox/boxes')).json().items[0].box;
    const closed = await schoolAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, {
      enabled: false,
      dangerWords: box.dangerWords,
      version: box.version,
    });
    expect(closed.statusCode).toBe(200);
    expect((await publicCall('POST', `/api/public/mailbox/${code}`, { body: '在吗' })).statusCode).toBe(404);
    const reopened = await schoolAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, {
      enabled: true,
      dangerWords: box.dangerWords,
      version: closed.json().box.version,
    });
    expect(reopened.statusCode).toBe(200);
  });
});

describe('danger words', () => {
  it('put the message first in the inbox and raise the alert; the administrator sees no text', async () => {
    await send('今天考试考得不错。');
    await send('我真的 不 想活了，每天都很害怕。', { name: '王小花', className: '一年级1班' });
    await send('周末想去图书馆。');
    const items = await inbox(counselor);
    expect(items[0]).toMatchObject({ urgent: true, status: 'new' });
    expect(items[0]!.body).toContain('不 想活');
    expect(items.filter((m) => m.urgent)).toHaveLength(1);

    const alerts = await schoolAdmin.get('/api/mailbox/alerts');
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json().items).toEqual([
      {
        id: items[0]!.id,
        school: { id: tree.school.id, name: '信箱县中心小学' },
        receivedAt: expect.any(String),
        status: 'new',
        handler: null,
      },
    ]);
    expect(alerts.body).not.toContain('想活');
    expect((await countyAdmin.get('/api/mailbox/alerts')).json().items).toHaveLength(1);
    expect((await otherCountyAdmin.get('/api/mailbox/alerts')).json().items).toHaveLength(0);
    expect((await classTeacher.get('/api/mailbox/alerts')).statusCode).toBe(403);
    // The letter waits at the top of the counselor's and the school administrator's to-do lists (no text).
    const tasksOf = async (client: Client) =>
      ((await client.get('/api/todos')).json().items as { id: string; section: string; href: string }[]).filter((i) =>
        i.id.startsWith('mailbox_danger:'),
      );
    expect(await tasksOf(counselor)).toEqual([
      expect.objectContaining({ id: `mailbox_danger:${items[0]!.id}`, section: 'urgent', href: '/mailbox' }),
    ]);
    const adminTasks = await tasksOf(schoolAdmin);
    expect(adminTasks).toEqual([expect.objectContaining({ section: 'urgent', href: '/mailbox/settings' })]);
    expect(JSON.stringify(adminTasks)).not.toContain('想活');
    expect(await tasksOf(classTeacher)).toEqual([]);
    expect(await tasksOf(otherSchoolCounselor)).toEqual([]);
    // The administrator is told who handles it once a counselor takes it on, still without the text.
    expect((await schoolAdmin.get(`/api/mailbox/messages/${items[0]!.id}`)).statusCode).toBe(404);
    const taken = await counselor.patch(`/api/mailbox/messages/${items[0]!.id}`, {
      status: 'in_progress',
      version: items[0]!.version,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const after = (await schoolAdmin.get('/api/mailbox/alerts')).json().items[0];
    expect(after).toMatchObject({ status: 'in_progress', handler: { displayName: expect.stringContaining('测试') } });
    expect(await tasksOf(counselor)).toEqual([]);
    expect(await tasksOf(schoolAdmin)).toEqual([]);
  });
});

describe('the inbox', () => {
  it('is invisible to a class teacher, a school administrator and a counselor of another school (404)', async () => {
    const [first] = await inbox(counselor);
    for (const outsider of [classTeacher, schoolAdmin, otherSchoolCounselor, otherCountyAdmin]) {
      expect((await outsider.get(`/api/mailbox/messages/${first!.id}`)).statusCode).toBe(404);
      expect(
        (await outsider.post(`/api/mailbox/messages/${first!.id}/reply`, { reply: '你好', version: first!.version }))
          .statusCode,
      ).toBe(404);
      expect(
        (await outsider.post(`/api/mailbox/messages/${first!.id}/close`, { version: first!.version })).statusCode,
      ).toBe(404);
    }
    expect((await classTeacher.get('/api/mailbox/messages')).statusCode).toBe(404);
    expect((await schoolAdmin.get('/api/mailbox/messages')).statusCode).toBe(404);
    expect(await inbox(otherSchoolCounselor)).toEqual([]);
  });

  it('links a named message to the child of the same school, then closes it', async () => {
    const item = (await inbox(counselor)).find((m) => m.urgent)!;
    const wrong = await counselor.post(`/api/mailbox/messages/${item.id}/link-child`, {
      childId: otherSchoolKid.id,
      version: item.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('childId');
    const linked = await counselor.post(`/api/mailbox/messages/${item.id}/link-child`, {
      childId: kid.id,
      version: item.version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ child: { id: kid.id, name: '王小花' }, senderName: '王小花' });
    const stale = await counselor.post(`/api/mailbox/messages/${item.id}/close`, { version: item.version });
    expect(stale.statusCode).toBe(409);
    const closed = await counselor.post(`/api/mailbox/messages/${item.id}/close`, { version: linked.json().version });
    expect(closed.json()).toMatchObject({ status: 'closed', abilities: { reply: false } });
    const late = await counselor.post(`/api/mailbox/messages/${item.id}/reply`, {
      reply: '在吗',
      version: closed.json().version,
    });
    expect(late.statusCode).toBe(409);
    expect((await schoolAdmin.get('/api/mailbox/alerts')).json().items).toEqual([]);
    const urgentOpen = await counselor.get('/api/mailbox/messages?status=open&urgent=true');
    expect(urgentOpen.json().total).toBe(0);
  });

  it('requires a version for changes and validates the reply', async () => {
    const item = (await inbox(counselor)).find((m) => m.status === 'new')!;
    expect((await counselor.post(`/api/mailbox/messages/${item.id}/reply`, { reply: '好的' })).statusCode).toBe(428);
    const empty = await counselor.post(`/api/mailbox/messages/${item.id}/reply`, { reply: '', version: item.version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('reply');
    const nothing = await counselor.patch(`/api/mailbox/messages/${item.id}`, { version: item.version });
    expect(nothing.statusCode).toBe(400);
  });
});
