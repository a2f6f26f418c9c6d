/**
 * The feature texts, one chunk per feature and language, added to i18next when a page that needs
 * them loads (router.tsx `withLocales`). Only the shell's texts (zh-CN.ts / en.ts: menu, sign-in,
 * errors …) ship with the first download, so the sign-in page stays small.
 * locale-coverage.test.ts proves every page declares the features whose keys it uses.
 */
const bundles = {
  activities: { 'zh-CN': () => import('./activities.zh-CN'), en: () => import('./activities.en') },
  audit: { 'zh-CN': () => import('./audit.zh-CN'), en: () => import('./audit.en') },
  care: { 'zh-CN': () => import('./care.zh-CN'), en: () => import('./care.en') },
  careAdmin: { 'zh-CN': () => import('./careAdmin.zh-CN'), en: () => import('./careAdmin.en') },
  children: { 'zh-CN': () => import('./children.zh-CN'), en: () => import('./children.en') },
  concerns: { 'zh-CN': () => import('./concerns.zh-CN'), en: () => import('./concerns.en') },
  counseling: { 'zh-CN': () => import('./counseling.zh-CN'), en: () => import('./counseling.en') },
  health: { 'zh-CN': () => import('./health.zh-CN'), en: () => import('./health.en') },
  home: { 'zh-CN': () => import('./home.zh-CN'), en: () => import('./home.en') },
  learning: { 'zh-CN': () => import('./learning.zh-CN'), en: () => import('./learning.en') },
  letters: { 'zh-CN': () => import('./letters.zh-CN'), en: () => import('./letters.en') },
  orgs: { 'zh-CN': () => import('./orgs.zh-CN'), en: () => import('./orgs.en') },
  privacy: { 'zh-CN': () => import('./privacy.zh-CN'), en: () => import('./privacy.en') },
  reports: { 'zh-CN': () => import('./reports.zh-CN'), en: () => import('./reports.en') },
  security: { 'zh-CN': () => import('./security.zh-CN'), en: () => import('./security.en') },
  stats: { 'zh-CN': () => import('./stats.zh-CN'), en: () => import('./stats.en') },
  terms: { 'zh-CN': () => import('./terms.zh-CN'), en: () => import('./terms.en') },
  users: { 'zh-CN': () => import('./users.zh-CN'), en: () => import('./users.en') },
  wellbeing: { 'zh-CN': () => import('./wellbeing.zh-CN'), en: () => import('./wellbeing.en') },
} satisfies Record<string, Record<'zh-CN' | 'en', () => Promise<{ default: object }>>>;

export type LocaleBundle = keyof typeof bundles;

export const localeBundles: Readonly<Record<LocaleBundle, Record<'zh-CN' | 'en', () => Promise<{ default: object }>>>> =
  bundles;
