import { type Permission, type Role, rolePermissions } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  can,
  childNames,
  type Position,
  positions,
  roles,
  secrets,
  visible,
  type World,
} from './authz-fixtures';
import { textOf } from './authz-probes';

/**
 * The authorization matrix for lists, search and exports (issue #9). Each of the seven roles asks
 * every list, search and export (JSON, xlsx, docx, PDF — read back as text) of the fixture world; a
 * child the role may not see under the list's permission (by position: own class, sibling class,
 * the school without a class, the village child at another school, another township, another
 * county, unpaired) never appears by name or id. The guarded fields ride along: counseling notes
 * and mailbox texts reach counselors only, the full ID number only holders of child.read_id_number,
 * health findings only holders of health_check.read.
 */
let w: World;
beforeAll(async () => {
  w = await buildWorld();
  // The school's letter templates exist once someone with the right has opened them.
  const templates = await w.clients.get('school_admin')!.get(`/api/letters/templates?schoolId=${w.tree.school.id}`);
  expect(templates.statusCode, templates.body).toBe(200);
  letterTemplate = templates.json().items[0].id;
}, 180_000);
afterAll(() => w.t.close());
let letterTemplate = '';
const dump = process.env.AUTHZ_DUMP === '1';

interface ListCase {
  url: () => string;
  /** The right under which the list shows children: a child outside it must not appear. */
  permission: Permission;
  /** Set when the answer is a file whose text is searched. */
  file?: boolean;
}

const school = () => w.tree.school.id;
const lists: ListCase[] = [
  { url: () => '/api/children?pageSize=200', permission: 'child.read' },
  { url: () => '/api/children/export.xlsx', permission: 'child.read', file: true },
  { url: () => '/api/children/export.xlsx?format=mca', permission: 'child.read', file: true },
  { url: () => `/api/orgs/${w.tree.classA.id}/contact-cards.pdf`, permission: 'child.read', file: true },
  { url: () => `/api/orgs/${w.tree.village.id}/contact-cards.pdf`, permission: 'child.read', file: true },
  { url: () => '/api/care-records?pageSize=200', permission: 'care_record.read' },
  { url: () => '/api/health-checks?pageSize=200', permission: 'health_check.read' },
  { url: () => '/api/counseling-sessions?pageSize=200', permission: 'risk.read' },
  { url: () => '/api/concerns?pageSize=200', permission: 'child.read' },
  { url: () => '/api/pairings?pageSize=200', permission: 'pairing.read' },
  { url: () => '/api/aid?pageSize=200', permission: 'aid.read' },
  { url: () => '/api/activities?pageSize=200', permission: 'activity.read' },
  { url: () => `/api/activities?pageSize=200&childId=${w.kids.own_class.id}`, permission: 'activity.read' },
  { url: () => '/api/todos', permission: 'child.read' },
  { url: () => '/api/stats/children?kpi=pairingCoverage&part=missing&pageSize=200', permission: 'stats.read' },
  {
    url: () => '/api/stats/children/export.xlsx?kpi=pairingCoverage&part=missing',
    permission: 'stats.read',
    file: true,
  },
  { url: () => '/api/stats/export.xlsx', permission: 'stats.read', file: true },
  { url: () => `/api/stats/compliance/children?orgId=${school()}`, permission: 'stats.read' },
  { url: () => `/api/letters/roster?classId=${w.tree.classA.id}&termId=${w.term.id}`, permission: 'letter.read' },
  {
    url: () => `/api/letters/templates/${letterTemplate}/letters.docx?orgId=${school()}`,
    permission: 'letter.read',
    file: true,
  },
  {
    url: () => `/api/letters/templates/${letterTemplate}/letters.pdf?orgId=${school()}`,
    permission: 'letter.read',
    file: true,
  },
  { url: () => '/api/mailbox/messages?pageSize=100', permission: 'child.read' },
  { url: () => '/api/audit-events?pageSize=200', permission: 'audit.read' },
];

/** What a role must never read in any answer: the guarded fields it holds no grant for. */
function forbiddenFields(role: Role): [string, string][] {
  const out: [string, string][] = [];
  if (!can(role, 'child.read_id_number')) out.push(['full ID number', secrets.fullId]);
  if (!can(role, 'counseling.read')) out.push(['counseling notes', secrets.counselingNote]);
  if (!can(role, 'mailbox.read')) out.push(['mailbox text', secrets.mailboxText]);
  if (!can(role, 'health_check.read')) out.push(['health details', secrets.healthFinding]);
  return out;
}

function leaks(role: Role, permission: Permission, text: string): string[] {
  const found: string[] = [];
  for (const p of positions) {
    if (visible(role, permission, p)) continue;
    if (text.includes(childNames[p]) || text.includes(w.kids[p].id)) found.push(`child in position ${p}`);
  }
  for (const [what, value] of forbiddenFields(role)) if (text.includes(value)) found.push(what);
  return found;
}

describe('lists, exports and search: role × position', () => {
  it('never shows a child outside the list’s scope, nor a guarded field, to any role', async () => {
    const wrong: string[] = [];
    for (const c of lists) {
      const shown = new Set<Position>();
      for (const role of roles) {
        const res = await w.clients.get(role)!.get(c.url());
        const holds = rolePermissions[role].includes(c.permission);
        if (res.statusCode >= 500) wrong.push(`${c.url()} ${role}: ${res.statusCode} ${res.body.slice(0, 140)}`);
        if (res.statusCode !== 200) continue;
        const text = await textOf(res);
        if (dump) console.log(`--- ${c.url()} ${role}\n${text.slice(0, 600)}`);
        if (c.file && !/spreadsheetml|wordprocessingml|pdf/.test(String(res.headers['content-type'])))
          wrong.push(`${c.url()} ${role}: not a file (${res.headers['content-type']})`);
        for (const leak of leaks(role, c.permission, text)) wrong.push(`${c.url()} ${role}: ${leak} leaked`);
        if (holds)
          for (const p of positions) if (text.includes(childNames[p]) || text.includes(w.kids[p].id)) shown.add(p);
      }
      // The check can fail: somebody's answer names an in-scope child (the aggregate export excepted).
      if (!c.url().startsWith('/api/stats/export') && !c.url().startsWith('/api/mailbox') && shown.size === 0)
        wrong.push(`${c.url()}: no role's answer named any child — the list proves nothing`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 600_000);

  it('a mailbox message, read by id, reaches the school’s counselor only', async () => {
    const inbox = await w.clients.get('counselor')!.get('/api/mailbox/messages?pageSize=100');
    const id = inbox.json().items[0].id as string;
    for (const role of roles) {
      const res = await w.clients.get(role)!.get(`/api/mailbox/messages/${id}`);
      if (role === 'counselor') expect(res.body, role).toContain(secrets.mailboxText);
      else {
        expect([403, 404], `${role}: ${res.statusCode}`).toContain(res.statusCode);
        expect(res.body, role).not.toContain(secrets.mailboxText);
      }
    }
  });

  it('search finds a child exactly for the roles whose scope holds it', async () => {
    const wrong: string[] = [];
    for (const p of positions) {
      for (const role of roles) {
        const res = await w.clients.get(role)!.get(`/api/children?q=${encodeURIComponent(childNames[p])}`);
        const found = res.statusCode === 200 && res.body.includes(w.kids[p].id);
        if (found !== visible(role, 'child.read', p))
          wrong.push(`search ${p} as ${role}: ${found ? 'found' : 'not found'} (${res.statusCode})`);
      }
    }
    // By full ID number: only a role that sees the child and holds the grant to read ID numbers.
    for (const role of roles) {
      const res = await w.clients.get(role)!.get(`/api/children?q=${secrets.fullId}`);
      const found = res.statusCode === 200 && res.body.includes(w.kids.own_class.id);
      if (found && !visible(role, 'child.read', 'own_class')) wrong.push(`search by ID number as ${role}: found`);
      for (const [what, value] of forbiddenFields(role))
        if (res.body.includes(value)) wrong.push(`search by ID number as ${role}: ${what} leaked`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 300_000);
});
