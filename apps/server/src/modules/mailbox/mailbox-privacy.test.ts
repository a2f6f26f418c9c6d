import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { mailboxRateLimits } from './mailbox-public.routes';

let t: TestApp;
let tree: CountyTree;
let counselor: Client;
let code: string;

const post = (body: object, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/mailbox/${code}`,
    payload: body,
    remoteAddress: ip,
    headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 13; 小米手机) DeviceMarker/42' },
  });
const pickup = (pickupCode: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/mailbox/replies',
    payload: { code: pickupCode },
    remoteAddress: ip,
  });

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '保密县');
  const admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  code = (await admin.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] })).json().box.code;
});
afterAll(() => t.close());

/** Every row of every table in the public schema, as JSON text: what a stolen dump would show. */
async function dumpDatabase(): Promise<string> {
  const tables = await t.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const rowsOf = (result: unknown) =>
    (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const parts: string[] = [];
  for (const { name } of rowsOf(tables) as { name: string }[]) {
    const rows = await t.db.execute(sql.raw(`select row_to_json(t)::text as j from "${name}" t`));
    for (const r of rowsOf(rows)) parts.push(String(r.j));
  }
  return parts.join('\n');
}

describe('what the database keeps of a message', () => {
  it('holds no plaintext of the message, the name, the class, the reply or the pickup code; no address or device', async () => {
    const secret = {
      body: '爸爸喝醉了会打我，我害怕回家（秘密甲乙丙）',
      name: '李秘密',
      className: '五年级秘密班',
    };
    const res = await post(secret, '10.9.8.7');
    expect(res.statusCode, res.body).toBe(201);
    const pickupCode = res.json().pickupCode as string;
    const [item] = (await counselor.get('/api/mailbox/messages')).json().items;
    expect(item).toMatchObject({
      body: secret.body,
      senderName: secret.name,
      senderClass: secret.className,
      urgent: true,
    });
    const replyText = '老师收到了，明天早上第一节课前来找我（回信丁戊己）';
    const replied = await counselor.post(`/api/mailbox/messages/${item.id}/reply`, {
      reply: replyText,
      version: item.version,
    });
    expect(replied.statusCode).toBe(200);

    const dump = await dumpDatabase();
    expect(dump).toContain('"event":"mailbox.message_received"');
    for (const plain of [
      '秘密甲乙丙',
      secret.name,
      '五年级秘密班',
      '回信丁戊己',
      pickupCode,
      '10.9.8.7',
      'DeviceMarker',
      'Android',
    ])
      expect(dump, plain).not.toContain(plain);

    const [received] = await t.db
      .select()
      .from(auditEvent)
      .where(sql`${auditEvent.event} = 'mailbox.message_received'`);
    expect(received).toMatchObject({ ip: null, actorId: null, targetId: item.id });
    // The counselor's own actions are audited as usual (with the counselor's address).
    const replyAudit = await t.db.select().from(auditEvent).where(sql`${auditEvent.event} = 'mailbox.message_replied'`);
    expect(replyAudit).toHaveLength(1);
    expect(JSON.stringify(replyAudit[0]!.diff)).not.toContain('回信丁戊己');

    const read = await pickup(pickupCode, '10.9.8.8');
    expect(read.json()).toMatchObject({ status: 'replied', reply: replyText, message: secret.body });
  });
});

describe('floods and guessing', () => {
  it('answers 429 in Chinese after too many messages from one sender; others still get through', async () => {
    for (let i = 0; i < mailboxRateLimits.post.max; i++)
      expect((await post({ body: `第${i}封` }, '10.7.7.7')).statusCode).toBe(201);
    const flood = await post({ body: '又一封' }, '10.7.7.7');
    expect(flood.statusCode).toBe(429);
    expect(flood.json().error).toMatchObject({ code: 'MAILBOX_TOO_MANY', message: '发送得太频繁了，请过一会儿再试' });
    expect(flood.headers['retry-after']).toBeDefined();
    expect((await post({ body: '我是另一个同学' }, '10.7.7.8')).statusCode).toBe(201);
  });

  it('limits pickup-code lookups, so codes cannot be guessed one after another', async () => {
    for (let i = 0; i < mailboxRateLimits.pickup.max; i++)
      expect((await pickup('ABCDEFGH', '10.6.6.6')).statusCode).toBe(404);
    const blocked = await pickup('ABCDEFGH', '10.6.6.6');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('MAILBOX_TOO_MANY');
  });
});
