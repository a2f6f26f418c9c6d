import type { Locale } from 'antd/es/locale';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setNetworkMessage, setRequestLanguage } from '../api/client';
import { type LocaleBundle, localeBundles } from './locales/bundles';
import zhCN from './locales/zh-CN';

export type UiLanguage = 'zh-CN' | 'en';

/** The only thing Shouwang keeps in browser storage: the chosen language, never personal data. */
const storageKey = 'shouwang.language';

function storedLanguage(): UiLanguage {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** antd's texts (pagination, date picker …) for each language; English is fetched when first chosen. */
const antdLocales: Partial<Record<UiLanguage, Locale>> = { 'zh-CN': zhCNAntd };

export function antdLocale(language: string): Locale {
  return antdLocales[language === 'en' ? 'en' : 'zh-CN'] ?? zhCNAntd;
}

/** Chinese ships with the app; English is a separate download so most users never fetch it. */
async function ensureLoaded(language: UiLanguage) {
  if (language !== 'en' || antdLocales.en) return;
  const [messages, antd] = await Promise.all([import('./locales/en'), import('antd/locale/en_US')]);
  i18n.addResourceBundle('en', 'translation', messages.default, true, true);
  antdLocales.en = antd.default;
}

/** Feature texts the pages opened so far asked for; a language switch loads them in the new language. */
const requested = new Set<LocaleBundle>();
const bundleLoads = new Map<string, Promise<void>>();

function loadBundle(name: LocaleBundle, language: UiLanguage): Promise<void> {
  const key = `${language}:${name}`;
  let load = bundleLoads.get(key);
  if (!load) {
    load = localeBundles[name][language]().then((module) => {
      i18n.addResourceBundle(language, 'translation', { [name]: module.default }, true, true);
    });
    // A failed download (flaky network) is tried again next time.
    load.catch(() => bundleLoads.delete(key));
    bundleLoads.set(key, load);
  }
  return load;
}

/** Loads every requested feature's texts in a language, including those asked for while loading. */
async function loadRequested(language: UiLanguage) {
  for (;;) {
    const missing = [...requested].filter((name) => !bundleLoads.has(`${language}:${name}`));
    await Promise.all([...requested].map((name) => loadBundle(name, language)));
    if (missing.length === 0) return;
  }
}

let markLanguageChosen: () => void = () => undefined;
const languageChosen = new Promise<void>((resolve) => {
  markLanguageChosen = resolve;
});

/**
 * Adds feature texts to i18next before a page shows (router.tsx awaits it beside the page's code),
 * in the current language; they follow later language switches.
 */
export async function loadLocales(names: readonly LocaleBundle[]) {
  for (const name of names) requested.add(name);
  await languageChosen;
  let language: UiLanguage;
  do {
    language = currentLanguage();
    await Promise.all(names.map((name) => loadBundle(name, language)));
  } while (language !== currentLanguage());
}

/** Applies a language everywhere it matters: texts, antd, dates, API messages, <html lang>. */
export async function applyLanguage(language: UiLanguage) {
  await Promise.all([ensureLoaded(language), loadRequested(language)]);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  setRequestLanguage(language);
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.title = i18n.t('app.documentTitle');
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the language simply is not remembered.
  }
}

/**
 * A language picked with the switch before signing in. It is an explicit, fresh choice, so it is
 * saved to the account at sign-in instead of being overridden by the account's older setting.
 */
let pickedBeforeSignIn: UiLanguage | null = null;

export function notePickedBeforeSignIn(language: UiLanguage) {
  pickedBeforeSignIn = language;
}

export function takePickedBeforeSignIn(): UiLanguage | null {
  const picked = pickedBeforeSignIn;
  pickedBeforeSignIn = null;
  return picked;
}

export function currentLanguage(): UiLanguage {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Starts i18n in the remembered language (Chinese unless English was chosen on this device). */
export async function initI18n() {
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  setNetworkMessage(() => i18n.t('errors.network'));
  try {
    await applyLanguage(storedLanguage()).catch(() => applyLanguage('zh-CN'));
  } finally {
    markLanguageChosen();
  }
}

export { i18n };
