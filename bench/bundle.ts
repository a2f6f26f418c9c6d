import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleReport {
  dist: string;
  /** Every JS chunk with its size and gzip size (bytes), largest first. */
  chunks: { file: string; bytes: number; gzip: number }[];
  totalJsGzip: number;
  /** index.html's entry and its static imports (modulepreloads): what every route downloads. */
  entryGzip: number;
  /**
   * Per route (a lazy page chunk): `gzip` is its first show, entry + layout (for pages inside it) +
   * the page, their static imports and the feature texts (zh-CN) the route loads beside it
   * (router.tsx `withLocales`). `heaviestGzip` adds the largest part it loads later on request (a
   * tab with everything it loads in turn, e.g. the learning tab's chart); `allGzip` every such part.
   */
  routes: { route: string; gzip: number; heaviestGzip: number; heaviestPart?: string; allGzip: number }[];
  loginGzip?: number;
  cssGzip: number;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/**
 * Gzip sizes of the built web app, per chunk and per route, from Vite's manifest
 * (`dist/.vite/manifest.json`): a route downloads the entry's static closure, the layout's when it
 * sits inside the signed-in layout, and its own page chunk's.
 */
export function measureBundle(dist: string): BundleReport | undefined {
  const assets = path.join(dist, 'assets');
  if (!fs.existsSync(assets)) return undefined;
  const sizes = new Map<string, number>();
  const chunks = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const full = path.join(assets, f);
      const gzip = gzipSize(full);
      sizes.set(`assets/${f}`, gzip);
      return { file: `assets/${f}`, bytes: fs.statSync(full).size, gzip };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const cssGzip = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .reduce((sum, f) => sum + gzipSize(path.join(assets, f)), 0);
  const report: BundleReport = {
    dist,
    chunks,
    totalJsGzip: chunks.reduce((s, c) => s + c.gzip, 0),
    entryGzip: 0,
    routes: [],
    cssGzip,
  };

  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    report.entryGzip = entryFromHtml(dist, sizes);
    return report;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, seen: Set<string>, lazyToo = false) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return seen;
    seen.add(key);
    for (const dep of chunk.imports ?? []) closure(dep, seen, lazyToo);
    if (lazyToo) for (const dep of chunk.dynamicImports ?? []) closure(dep, seen, lazyToo);
    return seen;
  };
  const total = (keys: Set<string>) =>
    [...keys].reduce((s, k) => s + (manifest[k]!.file.endsWith('.js') ? (sizes.get(manifest[k]!.file) ?? 0) : 0), 0);
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) return report;
  const entryKeys = closure(entry, new Set());
  report.entryGzip = total(entryKeys);
  const layout = Object.keys(manifest).find((k) => /app\/layout\.tsx$/.test(k));
  const locales = routeLocales(path.join(import.meta.dirname, '..', 'apps', 'web', 'src', 'app', 'router.tsx'));
  const localeKeys = (page: string) =>
    (locales.get(page) ?? []).map((name) => `src/app/locales/${name}.zh-CN.ts`).filter((k) => manifest[k]);
  for (const key of Object.keys(manifest)) {
    if (!manifest[key]!.isDynamicEntry || !/\/pages\//.test(key)) continue;
    const keys = new Set(entryKeys);
    // Pages outside the signed-in layout: the sign-in, password, two-step and public mailbox pages.
    const outside = /features\/(auth|security)\/|\/public\//.test(key);
    if (layout && !outside) {
      closure(layout, keys);
      for (const k of localeKeys(layout)) closure(k, keys);
    }
    closure(key, keys);
    for (const k of localeKeys(key)) closure(k, keys);
    const first = total(keys);
    let heaviest = { gzip: first, part: undefined as string | undefined };
    const all = new Set(keys);
    for (const part of manifest[key]!.dynamicImports ?? []) {
      const withPart = closure(part, new Set(keys), true);
      closure(part, all, true);
      if (total(withPart) > heaviest.gzip) heaviest = { gzip: total(withPart), part: part.replace(/^src\//, '') };
    }
    const route = key.replace(/^src\/features\//, '').replace(/\.tsx?$/, '');
    report.routes.push({
      route,
      gzip: first,
      heaviestGzip: heaviest.gzip,
      heaviestPart: heaviest.part,
      allGzip: total(all),
    });
    if (/LoginPage\.tsx$/.test(key)) report.loginGzip = first;
  }
  report.routes.sort((a, b) => b.heaviestGzip - a.heaviestGzip);
  return report;
}

/**
 * The feature texts each route loads beside its page: router.tsx's
 * `lazy: withLocales(['care', …], async () => … import('…page'))`, keyed by the page's manifest key.
 */
export function routeLocales(routerFile: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!fs.existsSync(routerFile)) return map;
  const text = fs.readFileSync(routerFile, 'utf8');
  for (const segment of text.split(/\blazy:/).slice(1)) {
    const spec = /import\(\s*'([^']+)'\s*\)/.exec(segment)?.[1];
    if (!spec) continue;
    const names = /^\s*withLocales\(\s*\[([^\]]*)\]/.exec(segment)?.[1] ?? '';
    const file = path.relative(path.resolve(routerFile, '../../..'), path.resolve(path.dirname(routerFile), spec));
    const key = `${file.split(path.sep).join('/')}.tsx`;
    map.set(
      key,
      [...names.matchAll(/'([^']+)'/g)].map((m) => m[1]!),
    );
  }
  return map;
}

const kbText = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** `node --import tsx bench/bundle.ts [dist]` (`npm run size -w @shouwang/web`): the table, exit 1 over a limit. */
function printReport(dist: string): number {
  const report = measureBundle(dist);
  if (!report) {
    console.error(`no build in ${dist}: run npm run build first`);
    return 1;
  }
  const loginLimit = 250 * 1024;
  const routeLimit = 700 * 1024;
  let failed = (report.loginGzip ?? 0) > loginLimit;
  console.log(`entry (every route)   ${kbText(report.entryGzip)} gzip`);
  console.log(
    `login                 ${kbText(report.loginGzip ?? 0)} gzip${failed ? `  ✗ over ${kbText(loginLimit)}` : ''}`,
  );
  console.log('route                                    first show   + heaviest part            every part');
  for (const r of report.routes) {
    const over = r.heaviestGzip > routeLimit;
    failed ||= over;
    console.log(
      `${r.route.padEnd(40)} ${kbText(r.gzip).padStart(10)}   ${kbText(r.heaviestGzip).padStart(10)} ${(r.heaviestPart?.replace(/^features\//, '') ?? '').slice(0, 40).padEnd(40)} ${kbText(r.allGzip).padStart(10)}${over ? `  ✗ over ${kbText(routeLimit)}` : ''}`,
    );
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = printReport(path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../apps/web/dist')));
}

/** Without a manifest: index.html's module script and modulepreloads. */
function entryFromHtml(dist: string, sizes: Map<string, number>): number {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(files)].reduce((s, f) => s + (sizes.get(f) ?? 0), 0);
}
