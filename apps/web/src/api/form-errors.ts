import type { Language } from '@shouwang/shared/errors';
import { validationMessage } from '@shouwang/shared/validation-messages';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from './client';

export type FieldErrors = { name: (string | number)[]; errors: string[] }[];

function toLanguage(language: string): Language {
  return language.startsWith('en') ? 'en' : 'zh-CN';
}

/** A zod issue in words a teacher understands; the shared schemas' own keys come from validation-messages. */
function describeIssue(issue: z.core.$ZodIssue, t: TFunction, language: Language): string {
  const custom = validationMessage(issue.message, language);
  if (custom) return custom;
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
      return t('validation.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
      return t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'uuid') return t('validation.select');
      if (issue.format === 'date') return t('validation.date');
      return t('validation.format');
    case 'invalid_value':
    case 'invalid_union':
      return t('validation.select');
    default:
      return t('validation.format');
  }
}

/** Groups zod issues by field, in the shape antd's `form.setFields` takes. */
export function zodFieldErrors(error: z.ZodError, t: TFunction, language: string): FieldErrors {
  const byField = new Map<string, FieldErrors[number]>();
  for (const issue of error.issues) {
    const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(describeIssue(issue, t, toLanguage(language)));
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/**
 * A detail that is a bare code (e.g. "duplicate") is not for people: show its catalogue text,
 * or the error's own (localized) message, instead.
 */
function readableDetail(message: string, error: ApiError, language: string): string {
  if (!/^[a-z][a-z_]*$/.test(message)) return message;
  return validationMessage(message, toLanguage(language)) ?? error.message;
}

/** The per-field messages of an API validation error (`roles.0.orgId` → ['roles', 0, 'orgId']). */
export function apiFieldErrors(error: ApiError, language = 'zh-CN'): FieldErrors {
  const byField = new Map<string, FieldErrors[number]>();
  for (const detail of error.details) {
    if (!detail.field) continue;
    const name = detail.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const entry = byField.get(detail.field) ?? { name, errors: [] };
    entry.errors.push(readableDetail(detail.message, error, language));
    byField.set(detail.field, entry);
  }
  return [...byField.values()];
}

/**
 * Shows field errors on the form for the fields it has; returns the errors it could not place,
 * so the caller shows those above the form instead of losing them.
 */
export function applyFieldErrors(form: FormInstance, errors: FieldErrors): FieldErrors {
  const known = errors.filter((e) => isRegistered(form, e.name));
  form.setFields(known);
  if (known[0]) form.scrollToField(known[0].name, { block: 'center' });
  return errors.filter((e) => !known.includes(e));
}

function isRegistered(form: FormInstance, name: FieldErrors[number]['name']) {
  const key = name.join('.');
  let found = false;
  form.getFieldsValue(true, (meta) => {
    if (meta?.name.join('.') === key) found = true;
    return false;
  });
  return found;
}

/**
 * Validates a request body with its shared schema. On failure the form shows the messages and
 * the function answers null.
 */
export function validateBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  form: FormInstance,
  t: TFunction,
  language: string,
): z.infer<S> | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  applyFieldErrors(form, zodFieldErrors(parsed.error, t, language));
  return null;
}
