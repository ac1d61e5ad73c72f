/**
 * One error class for everything a user can get wrong or meet in bad input.
 * `code` is stable (tests and run reports rely on it); the message names the file
 * and, where known, the page; `cause` keeps the underlying error.
 */
export type NoticeErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'UNKNOWN_ENCODING'
  | 'UNSUPPORTED_INPUT'
  | 'NOT_FOUND'
  | 'PDF_ENCRYPTED'
  | 'PDF_CORRUPT'
  | 'PDF_NO_PAGES'
  | 'IMAGE_CORRUPT'
  | 'IMAGE_TOO_LARGE'
  | 'OCR_FAILED'
  | 'PAGE_FAILED'
  | 'DICTIONARY_INVALID'
  | 'OUTPUT_FAILED'
  | 'TIMEOUT'
  | 'INPUT_TOO_LARGE'
  | 'RESULT_TOO_LARGE'
  | 'QUEUE_UNREACHABLE'
  | 'VERSION_MISMATCH'
  | 'BAD_JOB';

export class NoticeError extends Error {
  readonly code: NoticeErrorCode;
  readonly file?: string;
  readonly page?: number;

  constructor(code: NoticeErrorCode, message: string, opts: { file?: string; page?: number; cause?: unknown } = {}) {
    const where = [opts.file, opts.page !== undefined ? `page ${opts.page}` : undefined].filter(Boolean).join(', ');
    super(where ? `${where}: ${message}` : message, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.name = 'NoticeError';
    this.code = code;
    this.file = opts.file;
    this.page = opts.page;
  }
}

export function isNoticeError(e: unknown): e is NoticeError {
  return e instanceof NoticeError;
}
