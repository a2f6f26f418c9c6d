import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Writes `.gz` and `.br` beside every script, style and page of the build; the server sends them to
 * browsers that accept them (@fastify/static `preCompressed`). Node serves the app itself, with no
 * proxy compressing in front: without these a phone on slow 4G downloaded 3× the bytes (bench/findings.md).
 */
/**
 * `<link rel="modulepreload">` in index.html for the sign-in page's chunks and texts, so a phone
 * fetches them beside the entry instead of after it has run: on slow 4G the sign-in page was
 * usable ≈ 0.5 s later without (bench/first-page.ts). Signed-in pages share most of these chunks
 * (buttons, inputs); what only the sign-in page uses is ≈ 10 KB.
 */
function preloadSignIn(): Plugin {
  return {
    name: 'shouwang-preload-sign-in',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const wanted = chunks.filter((c) =>
          /features\/auth\/pages\/LoginPage\.tsx$|locales\/security\.zh-CN\.ts$/.test(c.facadeModuleId ?? ''),
        );
        const entry = chunks.find((c) => c.isEntry);
        const skip = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName) || skip.has(fileName)) return;
          files.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') for (const dep of chunk.imports) visit(dep);
        };
        for (const c of wanted) visit(c.fileName);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The modules of the first page, found in the module graph once it is built (`buildEnd` runs before
 * Rolldown splits chunks): `shell`, what the entry imports (every page loads it), and `signIn`, what
 * the sign-in page adds. The groups below make each one chunk instead of ≈ 30 chunks of 0.5–5 KB:
 * over HTTP/1.1 a phone on slow 4G waits a 150 ms round trip for each, six at a time
 * (bench/findings.md section 10). Only modules these pages already load are merged, so neither
 * grows; a later page that uses part of `signIn` (buttons, inputs) loads the rest of it too.
 *
 * `antd` and `@ant-design/icons` are reached through their index, which imports every component:
 * the walk skips those two files and follows, for our own modules, the names they import instead.
 */
const firstPage = { shell: new Set<string>(), signIn: new Set<string>(), layout: new Set<string>() };
const signInRoots = /features[\\/]auth[\\/]pages[\\/]LoginPage\.tsx$|locales[\\/]security\.zh-CN\.ts$/;
const layoutRoot = /[\\/]src[\\/]app[\\/]layout\.tsx$/;
const barrel = /node_modules[\\/](antd|@ant-design[\\/]icons)[\\/]es[\\/]index\.js$/;
const kebab = (name: string) => name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();

function firstPageModules(): Plugin {
  return {
    name: 'shouwang-first-page-modules',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const bySuffix = (suffix: string) => ids.find((id) => id.replaceAll('\\', '/').endsWith(suffix));
      /** What an app module takes from antd's and the icons' index, as the components' own modules. */
      const namedFromBarrels = (id: string): string[] => {
        if (/node_modules|^\0/.test(id) || !/\.tsx?$/.test(id)) return [];
        const source = fs.readFileSync(id, 'utf8');
        const found: (string | undefined)[] = [];
        for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(antd|@ant-design\/icons)'/g)) {
          for (const raw of m[1]!.split(',')) {
            const name = raw
              .replace(/^\s*type\s+/, '')
              .split(/\s+as\s+/)[0]!
              .trim();
            if (!name || /^type\s/.test(raw.trim())) continue;
            found.push(
              m[2] === 'antd'
                ? bySuffix(`/antd/es/${kebab(name)}/index.js`)
                : bySuffix(`/@ant-design/icons/es/icons/${name}.js`),
            );
          }
        }
        return found.filter((x): x is string => !!x);
      };
      const closure = (roots: string[], into: Set<string>, skip: Set<string>) => {
        const todo = [...roots];
        while (todo.length) {
          const id = todo.pop()!;
          if (into.has(id) || skip.has(id) || barrel.test(id)) continue;
          into.add(id);
          todo.push(...(this.getModuleInfo(id)?.importedIds ?? []), ...namedFromBarrels(id));
        }
      };
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      closure(entries, firstPage.shell, new Set());
      // index.html and main.tsx stay the entry chunk (Vite's page needs one to load).
      for (const id of entries) {
        firstPage.shell.delete(id);
        for (const child of this.getModuleInfo(id)?.importedIds ?? []) firstPage.shell.delete(child);
      }
      closure(
        ids.filter((id) => signInRoots.test(id)),
        firstPage.signIn,
        new Set([...firstPage.shell, ...entries]),
      );
      // The signed-in layout's modules beyond those: every signed-in page loads all of them, so one
      // chunk instead of ≈ 30 adds nothing to any page (after signing in, the home page waited for
      // 64 scripts, six at a time).
      closure(
        ids.filter((id) => layoutRoot.test(id)),
        firstPage.layout,
        new Set([...firstPage.shell, ...firstPage.signIn, ...entries]),
      );
      // A module loaded by `import()` (a page, a feature's texts) keeps its own chunk: Vite's manifest,
      // the preloads above and bench/bundle.ts find routes by it.
      for (const set of [firstPage.shell, firstPage.signIn, firstPage.layout]) {
        for (const id of set) if (this.getModuleInfo(id)?.dynamicImporters.length) set.delete(id);
      }
    },
  };
}

function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'shouwang-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (fs.readdirSync(outDir, { recursive: true }) as string[])
        .filter((f) => /\.(js|css|html|svg|json)$/.test(f) && !f.startsWith('.vite'))
        .map((f) => path.join(outDir, f));
      await Promise.all(
        files.map(async (file) => {
          const data = await fs.promises.readFile(file);
          if (data.length < 1024) return;
          const [gz, br] = await Promise.all([
            gzip(data, { level: 9 }),
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
          ]);
          await Promise.all([fs.promises.writeFile(`${file}.gz`, gz), fs.promises.writeFile(`${file}.br`, br)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), firstPageModules(), precompress(), preloadSignIn()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: they change less often than the app, so phones re-download less.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 20,
            },
            { name: 'shell', test: (id) => firstPage.shell.has(id), priority: 10 },
            { name: 'sign-in', test: (id) => firstPage.signIn.has(id), priority: 5 },
            { name: 'signed-in', test: (id) => firstPage.layout.has(id), priority: 4 },
          ],
        },
      },
    },
  },
});
