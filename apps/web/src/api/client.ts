import type { ErrorCode } from '@shouwang/shared/errors';

export interface ApiErrorDetail {
  field?: string;
  message: string;
}

/** An error answered by the API (or a network failure, code NETWORK). `message` is already localized. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: ApiErrorDetail[];
  readonly current: unknown;
  /** Records the request may duplicate (DUPLICATE_SUSPECTED, ID_NUMBER_TAKEN). */
  candidates: unknown[] = [];

  constructor(
    status: number,
    code: ErrorCode | 'NETWORK',
    message: string,
    details: ApiErrorDetail[] = [],
    current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.current = current;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * Session facts the client needs on every request. Kept in memory only: the CSRF token comes
 * with every `me` answer, so nothing about the user is ever written to browser storage.
 */
const session = { csrfToken: '', language: 'zh-CN' };

export function setCsrfToken(token: string) {
  session.csrfToken = token;
}

/** The UI language, sent as Accept-Language so messages come back in it before sign-in too. */
export function setRequestLanguage(language: string) {
  session.language = language;
}

/** Messages for failures that never reached the API; set by i18n so they follow the language. */
let networkMessage = () => 'Network error';
export function setNetworkMessage(fn: () => string) {
  networkMessage = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': session.language };
  // A file upload (FormData) lets the browser write its own multipart Content-Type.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', networkMessage());
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const body = (
      data as {
        error?: {
          code?: ErrorCode;
          message?: string;
          details?: ApiErrorDetail[];
          current?: unknown;
          candidates?: unknown[];
        };
      }
    )?.error;
    const error = new ApiError(
      response.status,
      body?.code ?? (response.status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST'),
      body?.message ?? `${response.status} ${response.statusText}`,
      body?.details ?? [],
      body?.current,
    );
    if (Array.isArray(body?.candidates)) error.candidates = body.candidates;
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
  /** Sends one file as multipart field `file`. */
  upload: <T>(path: string, file: Blob, query?: Query) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, { body: form, query });
  },
};
