import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type LocaleBundle, localeBundles } from './bundles';
import zhCN from './zh-CN';

/**
 * Feature texts are loaded with their pages (router.tsx `withLocales`), so a page that uses a key
 * of a feature it does not declare would show the raw key. This walks each route's modules (static
 * and lazy imports) from the source, collects the i18n keys they name and checks every feature they
 * belong to is declared by the route or ships with the shell.
 */

const src = path.resolve(import.meta.dirname, '../..');
const lazyNames = Object.keys(localeBundles) as LocaleBundle[];
const shellNames = Object.keys(zhCN);

async function allMessages(): Promise<Record<string, unknown>> {
  const tree: Record<string, unknown> = { ...zhCN };
  for (const name of lazyNames) tree[name] = (await localeBundles[name]['zh-CN']()).default;
  return tree;
}

function lookup(tree: Record<string, unknown>, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  throw new Error(`${path.relative(src, from)}: cannot resolve ${spec}`);
}

/** `import x from '…'`, `export … from '…'`, `import '…'` and `import('…')`; type-only imports bring no code. */
const importPattern = /(?:^|\n)\s*(?:import|export)\s+(type\s)?(?:[^;'"]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'/g;
const keyPattern = /['"`]([a-zA-Z]+)\.([A-Za-z0-9_.]*)(\$\{)?/g;

/** The features whose keys a module names (only strings that are real keys or key prefixes count). */
function namespacesIn(text: string, tree: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(keyPattern)) {
    const [, ns, rest, template] = m;
    if (!ns || !(ns in tree)) continue;
    const key = `${ns}.${rest}`.replace(/\.$/, '');
    if (lookup(tree, key) !== undefined || (template && rest === '')) found.add(ns);
  }
  return found;
}

/** Every module a file reaches through relative imports (locale files excluded). */
function reachable(entry: string, followDynamic: boolean): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || file.includes(`${path.sep}locales${path.sep}`)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, typeOnly, staticSpec, dynamicSpec] of text.matchAll(importPattern)) {
      if (typeOnly || (dynamicSpec && !followDynamic)) continue;
      const target = resolveImport(file, (staticSpec ?? dynamicSpec)!);
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

interface Route {
  page: string;
  declared: string[];
}

/** Each `lazy:` of router.tsx: the page it imports and the features it declares. */
function routes(): Route[] {
  const routerFile = path.join(src, 'app/router.tsx');
  const text = fs.readFileSync(routerFile, 'utf8');
  return text
    .split(/\blazy:/)
    .slice(1)
    .map((segment) => {
      const spec = /import\(\s*'([^']+)'\s*\)/.exec(segment)?.[1];
      if (!spec) throw new Error(`a route without import(): ${segment.slice(0, 120)}`);
      const declared = /^\s*withLocales\(\s*\[([^\]]*)\]/.exec(segment)?.[1] ?? '';
      return {
        page: resolveImport(routerFile, spec)!,
        declared: [...declared.matchAll(/'([^']+)'/g)].map((x) => x[1]!),
      };
    });
}

describe('feature texts are loaded where they are used', () => {
  test('the shell (main.tsx and what it imports statically) uses shell texts only', async () => {
    const tree = await allMessages();
    const missing: string[] = [];
    for (const file of reachable(path.join(src, 'main.tsx'), false))
      for (const ns of namespacesIn(fs.readFileSync(file, 'utf8'), tree))
        if (!shellNames.includes(ns)) missing.push(`${path.relative(src, file)}: ${ns}`);
    expect(missing).toEqual([]);
  });

  test('every route declares the features its modules use', async () => {
    const tree = await allMessages();
    const found = routes();
    expect(found.length).toBeGreaterThan(25);
    const problems: string[] = [];
    for (const route of found) {
      for (const name of route.declared)
        if (!lazyNames.includes(name as LocaleBundle))
          problems.push(`${path.relative(src, route.page)} declares unknown ${name}`);
      for (const file of reachable(route.page, true))
        for (const ns of namespacesIn(fs.readFileSync(file, 'utf8'), tree))
          if (!shellNames.includes(ns) && !route.declared.includes(ns))
            problems.push(`${path.relative(src, route.page)} needs ${ns} (${path.relative(src, file)})`);
    }
    expect(problems).toEqual([]);
  });

  test('the key finder sees keys, prefixes and no permission names', async () => {
    const tree = await allMessages();
    const placeholder = (name: string) => `\${${name}}`;
    const code = `t('care.todo.title'); t(\`stats.kpi.${placeholder('k')}\`); can('audit.read'); t(\`orgs.${placeholder('x')}\`);`;
    expect([...namespacesIn(code, tree)].sort()).toEqual(['care', 'orgs', 'stats']);
  });
});
