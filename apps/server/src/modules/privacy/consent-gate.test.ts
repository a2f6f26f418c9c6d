import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';
import { multipartFile } from '../attachments/multipart.test-support';
import { loadXlsx } from '../children/children-sheet.test-support';

/** Consent that blocks: photos need the photo consent, the village's copies the sharing consent. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
let tree: CountyTree;
let schoolAdmin: Client;
let teacher: Client;
let director: Client;
let kid: ChildFixture;
let classmate: ChildFixture;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '同意闸县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  director = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  kid = await buildChild(t.db, { name: '周小禾', class: tree.classA, village: tree.village });
  classmate = await buildChild(t.db, { name: '吴小麦', class: tree.classA });
});
afterAll(() => t.close());

async function consentTo(childId: string, category: string) {
  const res = await schoolAdmin.post(`/api/children/${childId}/consents`, {
    category,
    basis: 'guardian_consent',
    consenterName: '周奶奶',
    consenterRelation: '祖母',
    consentedOn: '2026-09-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function withdraw(childId: string, consent: { id: string; version: number }) {
  const res = await schoolAdmin.post(`/api/children/${childId}/consents/${consent.id}/withdraw`, {
    version: consent.version,
    reason: '家长电话告知不再同意',
  });
  expect(res.statusCode, res.body).toBe(200);
}

const uploadActivityPhoto = (client: Client, activityId: string) => {
  const file = multipartFile(png, '合影.png', 'image/png');
  return client.request('POST', `/api/activities/${activityId}/photos`, file.payload, file.headers);
};
const uploadChildPhoto = (client: Client, childId: string, purpose = 'photo') => {
  const file = multipartFile(png, '照片.png', 'image/png');
  return client.request('POST', `/api/children/${childId}/attachments?purpose=${purpose}`, file.payload, file.headers);
};

describe('photos need the photo consent (照片与影像)', () => {
  it('activity photos: refused while a participant has none (naming the child), taken with it, held back after withdrawal', async () => {
    const created = await schoolAdmin.post('/api/activities', {
      orgId: tree.school.id,
      type: 'art_exhibition',
      title: '秋季书画展',
      occurredOn: new Date().toISOString().slice(0, 10),
      participants: [{ childId: kid.id }, { childId: classmate.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const activityId = created.json().id;
    const classmateConsent = await consentTo(classmate.id, 'photos');

    const blocked = await uploadActivityPhoto(schoolAdmin, activityId);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.code).toBe('CONSENT_PHOTOS_MISSING');
    expect(blocked.json().error.message).toContain('照片与影像');
    expect(blocked.json().error.details).toEqual([
      { field: kid.id, message: '周小禾：“照片与影像”尚未登记监护人同意或法定依据' },
    ]);

    const kidConsent = await consentTo(kid.id, 'photos');
    const ok = await uploadActivityPhoto(schoolAdmin, activityId);
    expect(ok.statusCode, ok.body).toBe(201);
    const photoId = ok.json().id;
    expect((await teacher.get(`/api/activities/${activityId}`)).json().photos).toHaveLength(1);
    expect((await teacher.get(`/api/activities/${activityId}/photos/${photoId}`)).statusCode).toBe(200);

    await withdraw(kid.id, kidConsent);
    const again = await uploadActivityPhoto(schoolAdmin, activityId);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details[0].message).toBe('周小禾：“照片与影像”监护人已撤回同意');
    // A reader who is not an organizer no longer gets the photos, nor the file.
    const readerView = (await teacher.get(`/api/activities/${activityId}`)).json();
    expect(readerView.photos).toEqual([]);
    expect(readerView.photoConsentWithdrawn).toEqual({ names: [], count: 1, photosHidden: 1 });
    expect((await teacher.get(`/api/activities/${activityId}/photos/${photoId}`)).statusCode).toBe(404);
    // The organizer still sees them, with the child's name, to delete those that show the child.
    const organizerView = (await schoolAdmin.get(`/api/activities/${activityId}`)).json();
    expect(organizerView.photos).toHaveLength(1);
    expect(organizerView.photoConsentWithdrawn).toEqual({ names: ['周小禾'], count: 1, photosHidden: 0 });
    expect((await schoolAdmin.get(`/api/activities/${activityId}/photos/${photoId}`)).statusCode).toBe(200);
    // The classmate's own consent is untouched by the other child's withdrawal.
    expect(classmateConsent.id).toBeTruthy();
  });

  it('the child’s photo: refused without consent, taken with it, refused again after withdrawal; a document image cannot become the portrait', async () => {
    const child = await buildChild(t.db, { name: '郑小溪', class: tree.classA });
    const blocked = await uploadChildPhoto(teacher, child.id);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.details).toEqual([
      { field: child.id, message: '郑小溪：“照片与影像”尚未登记监护人同意或法定依据' },
    ]);
    // Scans (documents, entrustments) are not photos of the child and are not gated.
    const scan = await uploadChildPhoto(teacher, child.id, 'document');
    expect(scan.statusCode, scan.body).toBe(201);
    const page = (await teacher.get(`/api/children/${child.id}`)).json();
    const portrait = await teacher.patch(`/api/children/${child.id}`, {
      version: page.version,
      photoAttachmentId: scan.json().id,
    });
    expect(portrait.statusCode).toBe(422);
    expect(portrait.json().error.code).toBe('CONSENT_PHOTOS_MISSING');

    const consent = await consentTo(child.id, 'photos');
    expect((await uploadChildPhoto(teacher, child.id)).statusCode).toBe(201);
    await withdraw(child.id, consent);
    const again = await uploadChildPhoto(teacher, child.id);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details[0].message).toContain('已撤回');
  });

  it('a legal basis counts as well as a guardian’s consent', async () => {
    const child = await buildChild(t.db, { name: '钱小川', class: tree.classA });
    const res = await schoolAdmin.post(`/api/children/${child.id}/consents`, {
      category: 'photos',
      basis: 'legal_duty',
      consentedOn: '2026-09-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await uploadChildPhoto(teacher, child.id)).statusCode).toBe(201);
  });
});

describe('the school’s record taken to the village needs the sharing consent (与村（社区）共享)', () => {
  it('a child director prints a school child’s contact card only with it; the school never needs it', async () => {
    const card = (client: Client) => client.get(`/api/children/${kid.id}/contact-card.pdf`);
    const blocked = await card(director);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.code).toBe('CONSENT_SHARING_MISSING');
    expect(blocked.json().error.details).toEqual([
      { field: kid.id, message: '周小禾：“与村（社区）共享”尚未登记监护人同意或法定依据' },
    ]);
    const sheet = await director.get(`/api/orgs/${tree.village.id}/contact-cards.pdf`);
    expect(sheet.statusCode).toBe(422);
    // The class teacher reaches the child through the school: not a sharing.
    expect((await card(teacher)).statusCode).toBe(200);

    const consent = await consentTo(kid.id, 'sharing_with_village');
    expect((await card(director)).statusCode).toBe(200);
    expect((await director.get(`/api/orgs/${tree.village.id}/contact-cards.pdf`)).statusCode).toBe(200);
    await withdraw(kid.id, consent);
    const again = await card(director);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details[0].message).toContain('已撤回');
  });

  it('the village’s Excel list leaves out school children without it (with a note); the national form keeps them', async () => {
    const child = await buildChild(t.db, { name: '陈小桥', class: tree.classB, village: tree.village });
    const names = async (format: string) => {
      const res = await director.get(`/api/children/export.xlsx?format=${format}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const book = await loadXlsx(res.rawPayload);
      const cells: string[] = [];
      book.worksheets[0]!.eachRow((row) => cells.push(JSON.stringify(row.values)));
      const info: string[] = [];
      book.getWorksheet('导出信息')?.eachRow((row) => info.push(JSON.stringify(row.values)));
      return { data: cells.join(), info: info.join() };
    };
    const before = await names('shouwang');
    expect(before.data).not.toContain('陈小桥');
    expect(before.info).toContain('未登记“与村（社区）共享”');
    expect((await names('mca')).data).toContain('陈小桥');
    // The school's own export is not a sharing.
    const school = await schoolAdmin.get('/api/children/export.xlsx?format=shouwang');
    expect(school.statusCode).toBe(200);
    await consentTo(child.id, 'sharing_with_village');
    expect((await names('shouwang')).data).toContain('陈小桥');
  });

  it('a village child not in school is the village’s own: never gated', async () => {
    const villager = await buildChild(t.db, { name: '孙小山', village: tree.village });
    expect((await director.get(`/api/children/${villager.id}/contact-card.pdf`)).statusCode).toBe(200);
  });

  it('the guardian’s copy of the record (a right, PIPL Art. 45) is never gated, with or without consents', async () => {
    const child = await buildChild(t.db, { name: '李小岚', class: tree.classA, village: tree.village });
    expect((await schoolAdmin.get(`/api/children/${child.id}/privacy-export.json`)).statusCode).toBe(200);
    expect((await director.get(`/api/children/${child.id}/privacy-export.json`)).statusCode).toBe(200);
    const consent = await consentTo(child.id, 'sharing_with_village');
    await withdraw(child.id, consent);
    const photos = await consentTo(child.id, 'photos');
    await withdraw(child.id, photos);
    expect((await director.get(`/api/children/${child.id}/privacy-export.json`)).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/children/${child.id}/privacy-export.pdf`)).statusCode).toBe(200);
  });
});
