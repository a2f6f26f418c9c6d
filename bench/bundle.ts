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
  /** Per route (a lazy page chunk): entry + layout (for pages inside it) + the page and their static imports. */
  routes: { route: string; gzip: number }[];
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
  const closure = (key: string, seen: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return seen;
    seen.add(key);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
    return seen;
  };
  const total = (keys: Set<string>) =>
    [...keys].reduce((s, k) => s + (manifest[k]!.file.endsWith('.js') ? (sizes.get(manifest[k]!.file) ?? 0) : 0), 0);
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) return report;
  const entryKeys = closure(entry, new Set());
  report.entryGzip = total(entryKeys);
  const layout = Object.keys(manifest).find((k) => /app\/layout\.tsx$/.test(k));
  for (const key of Object.keys(manifest)) {
    if (!manifest[key]!.isDynamicEntry || !/\/pages\//.test(key)) continue;
    const keys = new Set(entryKeys);
    // Pages outside the signed-in layout: the sign-in and password pages.
    if (layout && !/features\/auth\//.test(key)) closure(layout, keys);
    closure(key, keys);
    const route = key.replace(/^src\/features\//, '').replace(/\.tsx?$/, '');
    report.routes.push({ route, gzip: total(keys) });
    if (/LoginPage\.tsx$/.test(key)) report.loginGzip = total(keys);
  }
  report.routes.sort((a, b) => b.gzip - a.gzip);
  return report;
}

/** Without a manifest: index.html's module script and modulepreloads. */
function entryFromHtml(dist: string, sizes: Map<string, number>): number {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(files)].reduce((s, f) => s + (sizes.get(f) ?? 0), 0);
}
