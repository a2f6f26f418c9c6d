// Prints the JavaScript (gzip) each route downloads: the entry, the route's lazy chunk and
// everything they import statically. Run after `vite build`: node scripts/bundle-report.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const layout = 'src/app/layout.tsx';
const routes = {
  login: ['src/features/auth/pages/LoginPage.tsx'],
  'change-password': ['src/features/auth/pages/ChangePasswordPage.tsx'],
  home: [layout, 'src/features/home/pages/HomePage.tsx'],
  orgs: [layout, 'src/features/orgs/pages/OrgTreePage.tsx'],
  terms: [layout, 'src/features/terms/pages/TermsPage.tsx'],
  users: [layout, 'src/features/users/pages/UsersPage.tsx'],
  audit: [layout, 'src/features/audit/pages/AuditPage.tsx'],
  children: [layout, 'src/features/children/pages/ChildrenPage.tsx'],
  child: [layout, 'src/features/children/pages/ChildPage.tsx'],
  todos: [layout, 'src/features/care-records/pages/TodosPage.tsx'],
  'care-batch': [layout, 'src/features/care-records/pages/BatchEntryPage.tsx'],
  pairings: [layout, 'src/features/pairings/pages/PairingBoardPage.tsx'],
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const entryFiles = closure(entry);
const entrySize = [...entryFiles].reduce((s, k) => s + gzip(manifest[k].file), 0);
console.log(`entry (every route)      ${kb(entrySize)} gzip`);
const limits = { login: 250 * 1024, other: 700 * 1024 };
let failed = false;
for (const [name, keys] of Object.entries(routes)) {
  const files = new Set(entryFiles);
  for (const key of keys) closure(key, files);
  const total = [...files].reduce((s, k) => s + gzip(manifest[k].file), 0);
  const limit = name === 'login' ? limits.login : limits.other;
  if (total > limit) failed = true;
  console.log(`${name.padEnd(24)} ${kb(total)} gzip${total > limit ? `  ✗ over ${kb(limit)}` : ''}`);
  // Chunks the page itself fetches after it shows (e.g. the login schema with zod).
  const later = new Set(files);
  for (const key of keys) for (const dynamic of manifest[key].dynamicImports ?? []) closure(dynamic, later);
  const laterTotal = [...later].reduce((s, k) => s + gzip(manifest[k].file), 0);
  if (laterTotal > total) console.log(`${''.padEnd(24)} ${kb(laterTotal)} gzip with what it loads after showing`);
}
process.exitCode = failed ? 1 : 0;
