import type { ErrorCode } from '@shouwang/shared';

/** The only error type services throw; the error handler turns it into a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly extra: {
      details?: { field?: string; message: string }[];
      current?: unknown;
      /** Possible duplicates the caller should look at (DUPLICATE_SUSPECTED, ID_NUMBER_TAKEN). */
      candidates?: unknown[];
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND');
