import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { grantConsent } from '../privacy/consent.test-support';
import { contentDisposition } from './content-disposition';
import { multipartFile } from './multipart.test-support';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 fake jpeg body')]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

let t: TestApp;
let dir: string;
let tree: CountyTree;
let teacherA: Client;
let teacherB: Client;
let counselor: Client;
let childA: ChildFixture;
let childA2: ChildFixture;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-attachments-'));
  t = await buildTestApp({ ATTACHMENTS_DIR: dir, ATTACHMENT_MAX_MB: '0.05' });
  tree = await buildCountyTree(t.db, '附件县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  childA = await buildChild(t.db, { name: '附件甲', class: tree.classA });
  await grantConsent(t.db, childA, 'photos'); // the portrait needs photo consent (consent-gate.test.ts)
  childA2 = await buildChild(t.db, { name: '附件乙', class: tree.classA });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function upload(client: Client, childId: string, bytes: Buffer, name: string, type?: string, purpose?: string) {
  const { payload, headers } = multipartFile(bytes, name, type);
  const query = purpose ? `?purpose=${purpose}` : '';
  return client.request('POST', `/api/children/${childId}/attachments${query}`, payload, headers);
}

const audits = (targetId: string, event: string) =>
  t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.targetId, targetId), eq(auditEvent.event, event)));

describe('POST /api/children/:id/attachments', () => {
  it('stores JPEG, PNG and PDF under server-made names with their sha256, audited', async () => {
    for (const [bytes, name, type] of [
      [jpeg, '照片.jpg', 'image/jpeg'],
      [png, 'scan.png', 'image/png'],
      [pdf, '委托监护确认书.pdf', 'application/pdf'],
    ] as const) {
      const res = await upload(teacherA, childA.id, bytes, name);
      expect(res.statusCode, res.body).toBe(201);
      const view = res.json();
      expect(view.mimeType).toBe(type);
      expect(view.fileName).toBe(name);
      expect(view.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const [audit] = await audits(view.id, 'attachment.uploaded');
      expect(audit!.childId).toBe(childA.id);
    }
    const stored = fs.readdirSync(dir, { recursive: true }).map(String);
    expect(stored.filter((f) => f.endsWith('.bin'))).toHaveLength(3);
    expect(stored.some((f) => f.includes('照片') || f.includes('.pdf'))).toBe(false);
  });

  it('judges the type by content: HTML named .jpg is refused, a PNG named .html keeps a .png name', async () => {
    const fake = await upload(teacherA, childA.id, html, 'photo.jpg', 'image/jpeg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('ATTACHMENT_TYPE_UNSUPPORTED');
    const renamed = await upload(teacherA, childA.id, png, '../../etc/x.html', 'text/html');
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json().fileName).toBe('x.png');
    const pdfPhoto = await upload(teacherA, childA.id, pdf, 'a.pdf', 'application/pdf', 'photo');
    expect(pdfPhoto.statusCode).toBe(415);
  });

  it('answers 413 above the size limit and 415 to a request that is not multipart', async () => {
    const big = Buffer.concat([jpeg, Buffer.alloc(80 * 1024, 1)]);
    const res = await upload(teacherA, childA.id, big, 'big.jpg');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const json = await teacherA.post(`/api/children/${childA.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('answers 404 for a child out of scope and 403 to a role that only reads', async () => {
    expect((await upload(teacherB, childA.id, png, 'a.png')).statusCode).toBe(404);
    expect((await upload(counselor, childA.id, png, 'a.png')).statusCode).toBe(403);
  });
});

describe('GET /api/attachments/:id', () => {
  it('streams the file with safe headers, audited', async () => {
    const id = (await upload(teacherA, childA.id, png, '张羽涵 照片;1.png')).json().id;
    const res = await teacherA.get(`/api/attachments/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(png)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(contentDisposition('inline', '张羽涵 照片;1.png'));
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E5%BC%A0%E7%BE%BD%E6%B6%B5%20%E7%85%A7%E7%89%87%3B1.png",
    );
    expect(res.headers['content-disposition']).toContain('inline; filename="___ ___1.png"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const [audit] = await audits(id, 'attachment.downloaded');
    expect(audit!.childId).toBe(childA.id);

    const pdfId = (await upload(teacherA, childA.id, pdf, 'scan.pdf')).json().id;
    const pdfRes = await teacherA.get(`/api/attachments/${pdfId}`);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.headers['content-disposition']).toMatch(/^attachment; filename="scan.pdf"/);
  });

  it('is not found for a teacher of another class, and lists only for readers', async () => {
    const id = (await upload(teacherA, childA.id, png, 'a.png')).json().id;
    expect((await teacherB.get(`/api/attachments/${id}`)).statusCode).toBe(404);
    expect((await teacherB.get(`/api/children/${childA.id}/attachments`)).statusCode).toBe(404);
    const list = await counselor.get(`/api/children/${childA.id}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((a: { abilities: { delete: boolean } }) => !a.abilities.delete)).toBe(true);
  });
});

describe('references and deletion', () => {
  it('sets the photo only to an image of the same child; deleting it unsets the photo', async () => {
    const own = (await upload(teacherA, childA.id, jpeg, 'me.jpg', undefined, 'photo')).json().id;
    const others = (await upload(teacherA, childA2.id, jpeg, 'other.jpg')).json().id;
    const ownPdf = (await upload(teacherA, childA.id, pdf, 'doc.pdf')).json().id;
    const page = (await teacherA.get(`/api/children/${childA.id}`)).json();
    const wrong = await teacherA.patch(`/api/children/${childA.id}`, {
      version: page.version,
      photoAttachmentId: others,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { field: 'photoAttachmentId', message: '该附件不存在，或不属于这名儿童' },
    ]);
    const notImage = await teacherA.patch(`/api/children/${childA.id}`, {
      version: page.version,
      photoAttachmentId: ownPdf,
    });
    expect(notImage.json().error.details[0].message).toBe('照片只能是 JPEG 或 PNG 图片');
    const ok = await teacherA.patch(`/api/children/${childA.id}`, { version: page.version, photoAttachmentId: own });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().photoAttachmentId).toBe(own);

    const attachment = (await teacherA.get(`/api/children/${childA.id}/attachments`))
      .json()
      .items.find((a: { id: string }) => a.id === own);
    expect((await teacherA.delete(`/api/attachments/${own}`, {})).statusCode).toBe(428);
    const del = await teacherA.delete(`/api/attachments/${own}`, { version: attachment.version });
    expect(del.statusCode).toBe(200);
    expect((await teacherA.get(`/api/attachments/${own}`)).statusCode).toBe(404);
    const after = (await teacherA.get(`/api/children/${childA.id}`)).json();
    expect(after.photoAttachmentId).toBeNull();
    const [audit] = await audits(own, 'attachment.deleted');
    expect(audit!.childId).toBe(childA.id);
    expect(audit!.diff).toMatchObject({ photoAttachmentId: { from: own, to: null } });
  });

  it('accepts an entrustment scan of the same child only', async () => {
    const scan = (await upload(teacherA, childA.id, pdf, 'scan.pdf', undefined, 'entrustment')).json().id;
    const others = (await upload(teacherA, childA2.id, pdf, 'scan.pdf')).json().id;
    const body = (attachmentId: string) => ({
      relation: 'paternal_grandparent',
      name: '附件奶奶',
      isPrimary: true,
      entrustment: { signedOn: '2024-09-01', attachmentId },
    });
    const wrong = await teacherA.post(`/api/children/${childA.id}/guardians`, body(others));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('entrustment.attachmentId');
    const ok = await teacherA.post(`/api/children/${childA.id}/guardians`, body(scan));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().entrustment.attachmentId).toBe(scan);
    const renewal = await teacherA.post(`/api/children/${childA.id}/guardians/${ok.json().id}/entrustments`, {
      signedOn: '2025-03-01',
      attachmentId: others,
    });
    expect(renewal.statusCode).toBe(400);
  });
});
