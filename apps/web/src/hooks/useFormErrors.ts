import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, isApiError } from '../api/client';
import { apiFieldErrors, applyFieldErrors, validateBody } from '../api/form-errors';

/**
 * What every form does with errors: validate with the shared schema before sending, put the
 * API's field messages on the fields, keep the rest (and conflicts) for the alert above the form.
 */
export function useFormErrors(form: FormInstance) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> | null => {
      setError(null);
      return validateBody(schema, body, form, t, i18n.language);
    },
    [form, t, i18n.language],
  );

  const fail = useCallback(
    (e: unknown) => {
      if (isApiError(e)) {
        applyFieldErrors(form, apiFieldErrors(e, i18n.language));
        setError(e);
      } else {
        setError(new ApiError(0, 'INTERNAL', t('errors.unknown')));
      }
    },
    [form, t, i18n.language],
  );

  const clear = useCallback(() => setError(null), []);
  return { error, validate, fail, clear };
}
