import type { Language } from './errors';

/** Messages for the custom checks in the shared schemas (zod's own ones come from its locales). */
export const validationMessages: Record<string, { zh: string; en: string }> = {
  invalid_characters: { zh: '含有不允许的控制字符或换行', en: 'contains control characters or line breaks' },
  username_format: {
    zh: '用户名只能包含字母、数字、点、下划线和连字符，且以字母或数字开头',
    en: 'letters, digits, dot, underscore and hyphen only, starting with a letter or digit',
  },
  mobile_format: { zh: '请输入11位手机号码', en: 'enter an 11-digit mobile number' },
  school_year_format: { zh: '学年格式应为 2026-2027', en: 'school year must look like 2026-2027' },
};

export function validationMessage(key: string, language: Language): string | undefined {
  const entry = validationMessages[key];
  if (!entry) return undefined;
  return language === 'en' ? entry.en : entry.zh;
}
